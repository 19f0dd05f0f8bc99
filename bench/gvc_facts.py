"""Story-level facts on GVC dev against the Gun Violence Archive: killed, injured and date.

Usage: python bench/gvc_facts.py [--db STORE] [--workdir DIR] [--limit N] [--errors PATH]

Without ``--db``, GVC dev (../shared/datasets/gvc/dev.jsonl) is ingested day by day in
publication order through the ``parallax`` CLI, exactly as ``bench/stories_eval.py --corpus gvc``
does (a store it left with ``--workdir`` can be passed with ``--db`` instead).  Each story's facts
are then read back with ``parallax story ID --format json``, as a user would.

For every gold incident, the story holding most of its reports is its story; that story's
``killed`` and ``injured`` facts (0 where it has none: no report mentions a victim of that kind)
and its ``date`` fact (else the story's event date, else its first report's day) are compared
with ../shared/datasets/gvc/incidents.json (the Archive's counts, which include shooters shot).
Exact-match accuracy, with two baselines measured on the same incidents: the most common value,
and for the date the day of the story's first report.  ``--errors PATH`` writes one JSON line per
incident some attribute got wrong: the incident, its story, the Archive's values and ours.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from stories_eval import (
    Parallax,
    corpus_file,
    first_by_id,
    ingest_by_day,
    limited,
    read_jsonl,
    stories,
)


def story_json(px: Parallax, story_id: str) -> dict[str, Any]:
    done = px.run("story", story_id, "--format", "json")
    return dict(json.loads(done.stdout))


def fact_value(report: dict[str, Any], attribute: str) -> Any:
    for fact in report["facts"]:
        if fact["subject"] == "event" and fact["attribute"] == attribute:
            return fact["value"]
    return None


def predictions(report: dict[str, Any]) -> dict[str, Any]:
    first = (report.get("first_seen") or "")[:10] or None
    return {
        "killed": fact_value(report, "killed") or 0,
        "injured": fact_value(report, "injured") or 0,
        "date": fact_value(report, "date") or report.get("event_date") or first,
        "first_day": first,
    }


def incident_stories(gold: dict[str, str], listed: dict[str, str]) -> dict[str, str]:
    """The story holding most reports of each incident (ties: the story listed first)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for article, incident in gold.items():
        if article in listed:
            votes[incident][listed[article]] += 1
    return {incident: counter.most_common(1)[0][0] for incident, counter in votes.items()}


def evaluate(
    px: Parallax, gold: dict[str, str], incidents: dict[str, Any], errors: Path | None = None
) -> None:
    listed = stories(px)
    chosen = incident_stories(gold, listed)
    reports = {sid: predictions(story_json(px, sid)) for sid in sorted(set(chosen.values()))}
    rows = [(incidents[i], reports[s]) for i, s in chosen.items() if i in incidents]
    if errors is not None:
        write_errors(errors, {i: s for i, s in chosen.items() if i in incidents}, incidents, reports)
    print(f"incidents scored: {len(rows)} of {len(set(gold.values()))}; stories read: {len(reports)}")
    print(f"{'attribute':10s} {'parallax':>9s} {'baseline':>9s}  baseline")
    for attribute in ("killed", "injured"):
        common = Counter(int(truth[attribute]) for truth, _ in rows).most_common(1)[0][0]
        ours = _accuracy(rows, lambda t, p, a=attribute: int(p[a]) == int(t[a]))
        base = _accuracy(rows, lambda t, p, a=attribute, c=common: int(t[a]) == c)
        print(f"{attribute:10s} {ours:9.3f} {base:9.3f}  always {common}")
    ours = _accuracy(rows, lambda t, p: p["date"] == t["date"])
    base = _accuracy(rows, lambda t, p: p["first_day"] == t["date"])
    print(f"{'date':10s} {ours:9.3f} {base:9.3f}  day of the first report")


def write_errors(path: Path, chosen: dict[str, str], incidents: dict[str, Any],
                 reports: dict[str, dict[str, Any]]) -> None:  # fmt: skip
    with path.open("w", encoding="utf-8") as out:
        for incident, story in sorted(chosen.items()):
            truth, ours = incidents[incident], reports[story]
            wrong = [a for a in ("killed", "injured") if int(ours[a]) != int(truth[a])]
            wrong += ["date"] if ours["date"] != truth["date"] else []
            if wrong:
                row = {"incident": incident, "story": story, "wrong": wrong, "truth": truth, "ours": ours}
                out.write(json.dumps(row) + "\n")


def _accuracy(rows: list[tuple[dict[str, Any], dict[str, Any]]], right: Any) -> float:
    return sum(1 for truth, pred in rows if right(truth, pred)) / max(len(rows), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="a store already holding GVC dev (skips the ingest)")
    parser.add_argument("--workdir", type=Path, default=None, help="where to build the store")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (a smoke test)")
    parser.add_argument("--errors", type=Path, default=None, help="write the incidents we got wrong here")
    args = parser.parse_args(argv)
    dev, incidents_file = corpus_file("gvc/dev.jsonl"), corpus_file("gvc/incidents.json")
    if dev is None or incidents_file is None:
        print("GVC dev or incidents.json is not in ../shared/datasets; nothing to measure.")
        return 0
    rows = limited(sorted(first_by_id(read_jsonl(dev)), key=lambda r: r.get("published") or ""), args.limit)
    gold = {r["id"]: str(r["gold_story"]) for r in rows}
    incidents = json.loads(incidents_file.read_text())
    work = (args.workdir or Path("bench/out/gvc-facts")).resolve()
    work.mkdir(parents=True, exist_ok=True)
    px = Parallax(Path(args.db) if args.db else work / "parallax.db", None, "api")
    if not args.db:
        with contextlib.redirect_stderr(io.StringIO()):
            ingest_by_day(px, work, rows, 1)
    evaluate(px, gold, incidents, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
