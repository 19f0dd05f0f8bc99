"""Story clustering acceptance bench: feed corpora through the ``parallax`` CLI and score its stories.

Usage: python bench/stories_eval.py [--corpus ecbplus|gvc|seeds|examples|all] [--mode stream|batch|both]
                                    [--driver cli|api] [--chunk DAYS] [--workdir DIR] [--config PATH]
                                    [--limit N]

Each corpus gets a fresh SQLite store.  Articles go in with ``parallax ingest`` (only the fields a
user would have: never gold labels or topics), which assigns stories as it streams; the stories
are read back with ``parallax stories --format jsonl``.  With ``--mode batch`` or ``both`` the
store is then re-clustered with ``parallax stories rebuild`` and scored again (batch needs the
stream's scores for the difference, so both modes print both).

* ecbplus: ../shared/datasets/ecbplus/dev.jsonl (id, text), one ingest call.
* gvc: ../shared/datasets/gvc/dev.jsonl (id, text, title, url, published), one ingest call per
  ``--chunk`` consecutive publication days, in date order.  Duplicate ids keep their first row.
  ``--limit N`` keeps the first N articles of ecbplus and gvc (a quick smoke test, not a score).
* seeds: the ../shared/datasets/seeds/ folder; says whether its two articles share a story.
* examples: the examples/ folder; checks its stories against tests/fixtures/examples_expected.json.

Drivers: ``cli`` runs ``python -m newsparallax ARGS`` per call; ``api`` calls the CLI's own entry
point ``newsparallax.cli.app.main(ARGS)`` in this process (same arguments, models loaded once).
Default: api for gvc (about 800 ingest calls), cli for the others.

Scores: B-cubed and pairwise precision/recall/F1 over the gold articles (bench/story_metrics.py),
with two baselines measured in the same run: all singletons, and TF-IDF cosine average linkage at
its best distance threshold on a 0.10..0.95 grid.  "stories" counts the distinct stories of the
gold articles; "wall s" is the whole ingest for stream, ``stories rebuild`` for batch.  A gold
article that the stories listing lacks is looked up with ``parallax article ID`` (it may be stored
under another id, as a duplicate).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any, NamedTuple

from story_metrics import (
    Scores,
    bcubed,
    best,
    clusters_from_jsonl,
    pairwise,
    singletons,
    tfidf_average_linkage,
    tfidf_clusters,
    threshold_grid,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "datasets"
EXAMPLES = ROOT / "examples"
EXPECTED = ROOT / "tests" / "fixtures" / "examples_expected.json"
SEED_IDS = ("000_8a0812c7eaa11c11", "002_892e34107821c592")
CORPORA = ("ecbplus", "gvc", "seeds", "examples")
DEFAULT_DRIVER = {"ecbplus": "cli", "gvc": "api", "seeds": "cli", "examples": "cli"}
BATCH_TARGET = 0.02
#: The issue's acceptance bars for the streamed stories: (B-cubed F1, pairwise F1 or None).
TARGETS = {"ecbplus": (0.95, None), "gvc": (0.93, 0.75)}
EXIT_PARTIAL, EXIT_NOT_FOUND = 3, 4

Row = dict[str, Any]


class BenchError(RuntimeError):
    """A CLI call failed: the corpus is abandoned with this message."""


class Completed(NamedTuple):
    code: int
    stdout: str
    stderr: str


# --- running the CLI -------------------------------------------------------------------------------


class Parallax:
    """``parallax --db DB [--config PATH] ARGS``, as a subprocess (driver cli) or in this process (api)."""

    def __init__(self, db: Path, config: Path | None, driver: str) -> None:
        self.db, self.config, self.driver = db, config, driver
        self.calls = 0

    def argv(self, *args: str) -> list[str]:
        options = ["--config", str(self.config)] if self.config else []
        return ["--db", str(self.db), *options, *args]

    def run(self, *args: str) -> Completed:
        self.calls += 1
        argv = self.argv(*args)
        return _in_process(argv) if self.driver == "api" else _subprocess(argv)

    def output(self, *args: str, ok: Iterable[int] = (0,)) -> str:
        """Stdout of a call that must exit with one of ``ok``; BenchError otherwise."""
        done = self.run(*args)
        if done.code not in set(ok):
            tail = (done.stderr or done.stdout).strip()[-2000:]
            raise BenchError(f"`parallax {' '.join(args)}` exited {done.code}:\n{tail}")
        return done.stdout


def _subprocess(argv: list[str]) -> Completed:
    command = [sys.executable, "-m", "newsparallax", *argv]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    return Completed(done.returncode, done.stdout, done.stderr)


def _in_process(argv: list[str]) -> Completed:
    """The console entry point called in-process; it always ends with SystemExit.  Stderr is not captured."""
    from newsparallax.cli.app import main

    stdout = io.StringIO()
    code: int | str | None = 0
    with contextlib.redirect_stdout(stdout):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code
    return Completed(code if isinstance(code, int) else (0 if code is None else 1), stdout.getvalue(), "")


def ingest(px: Parallax, path: Path) -> dict[str, Any]:
    """Ingest a file or folder; the JSON report (exit 3, some items rejected, is accepted)."""
    report: dict[str, Any] = json.loads(
        px.output("ingest", str(path), "--format", "json", ok=(0, EXIT_PARTIAL))
    )
    return report


def stories(px: Parallax) -> dict[str, str]:
    """Article id -> story id, as ``stories --format jsonl`` lists them."""
    return clusters_from_jsonl(px.output("stories", "--format", "jsonl").splitlines())


def stored_id(px: Parallax, given_id: str) -> str | None:
    """The id an article given as ``given_id`` is stored under (a duplicate is stored under another's id)."""
    done = px.run("article", given_id, "--format", "json")
    if done.code == EXIT_NOT_FOUND:
        return None
    if done.code != 0:
        raise BenchError(f"`parallax article {given_id}` exited {done.code}: {done.stderr.strip()[-500:]}")
    return str(json.loads(done.stdout)["id"])


def predicted(px: Parallax, ids: Collection[str]) -> dict[str, str]:
    """Story of each of ``ids``; an id the listing lacks takes the story of the id it is stored under."""
    listed = stories(px)
    found = {i: listed[i] for i in ids if i in listed}
    for missing in (i for i in ids if i not in listed):
        alias = stored_id(px, missing)
        if alias in listed:
            found[missing] = listed[alias]
    return found


# --- data ------------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def first_by_id(rows: Iterable[Row]) -> list[Row]:
    """The rows with duplicate ids dropped, the first kept, order preserved."""
    seen: dict[str, Row] = {}
    for row in rows:
        seen.setdefault(str(row["id"]), row)
    return list(seen.values())


def limited(rows: list[Row], limit: int) -> list[Row]:
    return rows[:limit] if limit > 0 else rows


def write_jsonl(path: Path, rows: Iterable[Row], fields: Iterable[str]) -> Path:
    """Only ``fields`` of each row (those present and not null): what a user would hand to ingest."""
    keep = tuple(fields)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            record = {k: row[k] for k in keep if row.get(k) is not None}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def day_chunks(rows: list[Row], days: int) -> Iterator[list[Row]]:
    """Rows grouped by ``published`` day in date order, ``days`` consecutive publication days per chunk."""
    ordered = sorted(rows, key=lambda r: r.get("published") or "")  # stable: keeps the file's order in a day
    by_day = [list(group) for _, group in groupby(ordered, key=lambda r: r.get("published") or "")]
    for start in range(0, len(by_day), days):
        yield [row for day in by_day[start : start + days] for row in day]


def document(row: Row) -> str:
    """What the TF-IDF baseline sees: title and text, as the CLI does."""
    return "\n".join(part for part in (row.get("title"), row.get("text")) if part)


# --- scoring and printing --------------------------------------------------------------------------


@dataclass
class Result:
    label: str
    stories: int
    b3: Scores
    pw: Scores
    seconds: float | None = None


def score(label: str, pred: dict[str, str], gold: dict[str, str], seconds: float | None = None) -> Result:
    labels = {pred.get(i, f"<missing {i}>") for i in gold}
    return Result(label, len(labels), bcubed(pred, gold), pairwise(pred, gold), seconds)


HEADER = f"  {'run':32s} {'stories':>7s}  {'B3 P':>5s}  {'B3 R':>5s}  {'B3 F1':>5s}  "
HEADER += f"{'pw P':>5s}  {'pw R':>5s}  {'pw F1':>5s}  {'wall s':>7s}"


def print_result(result: Result) -> None:
    numbers = "  ".join(f"{x:5.3f}" for x in (*result.b3, *result.pw))
    wall = f"{result.seconds:7.1f}" if result.seconds is not None else ""
    print(f"  {result.label:32s} {result.stories:7d}  {numbers}  {wall}", flush=True)


def baselines(texts: dict[str, str], gold: dict[str, str]) -> list[Result]:
    """All singletons, and TF-IDF average linkage at its best threshold on the grid (scored in full)."""
    start = time.perf_counter()
    threshold = best(tfidf_average_linkage(texts, gold, threshold_grid()))[0]
    tfidf = tfidf_clusters(texts, [threshold])[0][1]
    seconds = time.perf_counter() - start
    return [
        score("baseline: singletons", singletons(gold), gold),
        score(f"baseline: tf-idf avg-link @{threshold:.2f}", tfidf, gold, seconds),
    ]


def print_targets(result: Result, targets: tuple[float, float | None] | None) -> None:
    """The streamed scores against the acceptance bars, to four places (0.9296 is not 0.93)."""
    if targets is None:
        return
    b3, pairwise = targets
    lines = [f"B-cubed F1 {result.b3[2]:.4f} (target >= {b3}: {'met' if result.b3[2] >= b3 else 'NOT met'})"]
    if pairwise is not None:
        met = "met" if result.pw[2] >= pairwise else "NOT met"
        lines.append(f"pairwise F1 {result.pw[2]:.4f} (target >= {pairwise}: {met})")
    print("  stream " + "; ".join(lines))


def print_batch_difference(stream: Result, batch: Result) -> None:
    difference = batch.b3[2] - stream.b3[2]
    verdict = "OK" if abs(difference) <= BATCH_TARGET else "OUTSIDE TARGET"
    print(f"  batch - stream B-cubed F1: {difference:+.3f} (target: within {BATCH_TARGET}) {verdict}")


# --- one corpus, stream then batch -----------------------------------------------------------------


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def evaluate(
    px: Parallax,
    gold: dict[str, str],
    texts: dict[str, str],
    feed: Callable[[], object],
    mode: str,
    targets: tuple[float, float | None] | None = None,
) -> None:
    """Ingest with ``feed``, score the streamed stories, then (batch modes) rebuild and score again."""
    print(f"  ({len(gold)} articles, {len(set(gold.values()))} gold stories, driver {px.driver})", flush=True)
    stream_seconds = timed(feed)
    print(HEADER)
    stream = score("parallax stream", predicted(px, gold), gold, stream_seconds)
    print_result(stream)
    batch = None
    if mode in ("batch", "both"):
        rebuild_seconds = timed(lambda: px.output("stories", "rebuild"))
        batch = score("parallax batch (rebuild)", predicted(px, gold), gold, rebuild_seconds)
        print_result(batch)
    for result in baselines(texts, gold):
        print_result(result)
    print_targets(stream, targets)
    if batch is not None:
        print_batch_difference(stream, batch)
    print(f"  ({px.calls} CLI calls)")


# --- the corpora -----------------------------------------------------------------------------------


def corpus_file(relative: str) -> Path | None:
    path = SHARED / relative
    if not path.exists():
        print(f"  skipped: {path} not found (this corpus lives in ../shared/datasets)")
        return None
    return path


def run_ecbplus(px: Parallax, work: Path, args: argparse.Namespace) -> None:
    source = corpus_file("ecbplus/dev.jsonl")
    if source is None:
        return
    rows = limited(first_by_id(read_jsonl(source)), args.limit)
    gold = {str(r["id"]): str(r["gold_story"]) for r in rows}
    feed_file = write_jsonl(work / "ecbplus.jsonl", rows, ("id", "text"))
    evaluate(
        px,
        gold,
        {str(r["id"]): document(r) for r in rows},
        lambda: ingest(px, feed_file),
        args.mode,
        TARGETS["ecbplus"],
    )


def run_gvc(px: Parallax, work: Path, args: argparse.Namespace) -> None:
    source = corpus_file("gvc/dev.jsonl")
    if source is None:
        return
    rows = limited(first_by_id(read_jsonl(source)), args.limit)
    gold = {str(r["id"]): str(r["gold_story"]) for r in rows}
    texts = {str(r["id"]): document(r) for r in rows}
    evaluate(px, gold, texts, lambda: ingest_by_day(px, work, rows, args.chunk), args.mode, TARGETS["gvc"])


def ingest_by_day(px: Parallax, work: Path, rows: list[Row], days: int) -> None:
    """One ingest call per chunk of ``days`` publication days, in date order."""
    chunks = list(day_chunks(rows, days))
    rejected = 0
    for number, chunk in enumerate(chunks, start=1):
        path = write_jsonl(
            work / f"gvc-{number:04d}.jsonl", chunk, ("id", "text", "title", "url", "published")
        )
        rejected += int(ingest(px, path).get("rejected", 0))
        if number % 100 == 0 or number == len(chunks):
            print(f"  ingested {number}/{len(chunks)} day files ({rejected} rejected)", file=sys.stderr)


def run_seeds(px: Parallax, work: Path, args: argparse.Namespace) -> None:
    folder = SHARED / "seeds"
    if corpus_file("seeds") is None:
        return
    seconds = timed(lambda: ingest(px, folder))
    pred = predicted(px, SEED_IDS)
    story_ids = [pred.get(i, "(not found)") for i in SEED_IDS]
    together = len(set(story_ids)) == 1 and all(i in pred for i in SEED_IDS)
    print(f"  ingested the folder in {seconds:.1f} s; {len(set(stories(px).values()))} stories in the store")
    for article, story in zip(SEED_IDS, story_ids, strict=True):
        print(f"  {article} -> {story}")
    print(f"  the two seed articles form one story: {'yes' if together else 'no'}")
    if args.mode in ("batch", "both"):
        px.output("stories", "rebuild")
        after = predicted(px, SEED_IDS)
        same = len({after.get(i, i) for i in SEED_IDS}) == 1
        print(f"  after `stories rebuild`: {'one story' if same else 'separate stories'}")


def feed_items() -> dict[str, tuple[str, str]]:
    """guid -> (link, title) of the items in the examples' RSS feeds."""
    items: dict[str, tuple[str, str]] = {}
    for path in sorted(EXAMPLES.glob("feeds/*.xml")):
        for item in ElementTree.parse(path).iter("item"):
            guid = (item.findtext("guid") or "").strip()
            items[guid] = ((item.findtext("link") or "").strip(), (item.findtext("title") or "").strip())
    return items


def refers_to(ref: str, record: Row, feed: dict[str, tuple[str, str]]) -> bool:
    """Whether a stored article is the expected 'file:pages/x.html' or 'guid:...' item."""
    if ref.startswith("file:"):
        return str(record.get("origin_location") or "").replace("\\", "/").endswith(ref.removeprefix("file:"))
    link, title = feed.get(ref.removeprefix("guid:"), ("", ""))
    return bool(link and record.get("url") == link) or bool(title and record.get("title") == title)


def resolve_refs(px: Parallax, refs: list[str]) -> dict[str, str]:
    """Expected reference -> stored article id: plain ids directly, file:/guid: items by their records."""
    rows = px.output("articles", "--format", "jsonl", "--limit", "1000").splitlines()
    listed = [str(json.loads(line)["id"]) for line in rows if line.strip()]
    resolved: dict[str, str] = {}
    for ref in (r for r in refs if not r.startswith(("file:", "guid:"))):
        found = ref if ref in listed else stored_id(px, ref)
        if found is not None:
            resolved[ref] = found
    others = [i for i in listed if i not in resolved.values()]
    records = [json.loads(px.output("article", i, "--format", "json")) for i in others]
    feed = feed_items()
    for ref in (r for r in refs if r.startswith(("file:", "guid:"))):
        hits = [str(record["id"]) for record in records if refers_to(ref, record, feed)]
        if len(hits) == 1:
            resolved[ref] = hits[0]
    return resolved


def print_event(event: Row, resolved: dict[str, str], listed: dict[str, str]) -> None:
    """How many stories an expected event's articles landed in, and which, when more than one."""
    landed: dict[str, list[str]] = {}
    for ref in event["articles"]:
        landed.setdefault(listed.get(resolved.get(ref, ""), "(not listed)"), []).append(ref)
    print(f"    {len(event['articles'])} articles in {len(landed)} story(ies): {event['name'][:70]}")
    if len(landed) > 1:
        for story, refs in landed.items():
            print(f"      {story}: {', '.join(refs)}")


def check_examples(
    px: Parallax, label: str, events: list[Row], resolved: dict[str, str], seconds: float
) -> None:
    """Scores, where each event's articles landed, and whether the stories are exactly the events."""
    gold = {resolved[r]: str(n) for n, event in enumerate(events) for r in event["articles"] if r in resolved}
    listed = stories(px)
    result = score(f"parallax {label}", {i: listed[i] for i in gold if i in listed}, gold, seconds)
    print(HEADER)
    print_result(result)
    for event in events:
        print_event(event, resolved, listed)
    count = len(set(listed.values()))
    refs = [r for event in events for r in event["articles"]]
    all_found = len(resolved) == len(refs) and len(set(resolved.values())) == len(refs)
    exact = all_found and count == len(events) and result.b3[2] == 1.0
    verdict = "yes" if exact else "no"
    print(f"  {count} stories in the store; they match the {len(events)} expected events: {verdict}")


def run_examples(px: Parallax, work: Path, args: argparse.Namespace) -> None:
    events: list[Row] = json.loads(EXPECTED.read_text(encoding="utf-8"))["events"]
    seconds = timed(lambda: ingest(px, EXAMPLES))
    refs = [ref for event in events for ref in event["articles"]]
    resolved = resolve_refs(px, refs)
    unresolved = [r for r in refs if r not in resolved]
    if unresolved:
        print(f"  could not find these expected articles in the store: {', '.join(unresolved)}")
    check_examples(px, "stream", events, resolved, seconds)
    if args.mode in ("batch", "both"):
        rebuild_seconds = timed(lambda: px.output("stories", "rebuild"))
        check_examples(px, "batch (rebuild)", events, resolved, rebuild_seconds)


RUNNERS: dict[str, Callable[[Parallax, Path, argparse.Namespace], None]] = {
    "ecbplus": run_ecbplus,
    "gvc": run_gvc,
    "seeds": run_seeds,
    "examples": run_examples,
}


# --- main ------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument("--mode", choices=["stream", "batch", "both"], default="both")
    parser.add_argument("--driver", choices=["cli", "api"], help="default: api for gvc, cli for the others")
    parser.add_argument(
        "--chunk", type=int, default=1, metavar="DAYS", help="gvc: publication days per ingest"
    )
    parser.add_argument("--workdir", type=Path, help="keep stores and input files here (default: a temp dir)")
    parser.add_argument("--config", type=Path, help="a parallax TOML config passed to every call")
    parser.add_argument(
        "--limit", type=int, default=0, help="ecbplus/gvc: only the first N articles (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.chunk < 1:
        parser.error("--chunk must be at least 1")
    args.config = args.config.resolve() if args.config else None
    return args


@contextlib.contextmanager
def workspace(workdir: Path | None) -> Iterator[Path]:
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        yield workdir.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="stories-eval-") as temporary:
        yield Path(temporary)


def fresh_dir(path: Path) -> Path:
    """The corpus folder with no store (nor day files) left from an earlier run."""
    path.mkdir(parents=True, exist_ok=True)
    for stale in [*path.glob("parallax.db*"), *path.glob("gvc-*.jsonl")]:
        stale.unlink()
    return path


def run_corpus(name: str, root: Path, args: argparse.Namespace) -> bool:
    """One corpus in a fresh store; False when a CLI call failed."""
    print(f"== {name} ==", flush=True)
    work = fresh_dir(root / name)
    px = Parallax(work / "parallax.db", args.config, args.driver or DEFAULT_DRIVER[name])
    try:
        RUNNERS[name](px, work, args)
    except BenchError as exc:
        print(f"  FAILED: {exc}")
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = CORPORA if args.corpus == "all" else (args.corpus,)
    with workspace(args.workdir) as root:
        failed = [name for name in names if not run_corpus(name, root, args)]
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
