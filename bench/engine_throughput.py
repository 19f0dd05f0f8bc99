"""End-to-end `parallax ingest` of GVC dev articles against bare spaCy, and the Ray engine against local.

Usage: python bench/engine_throughput.py [--n 1000] [--workers 2] [--repeat 3] [--no-ray]

Measured in one run (the Ray figures against the best local run), on the first N GVC dev articles:
  * bare spaCy: ``nlp.pipe(texts, n_process=2)`` with the full default pipeline (every component
    of en_core_web_sm) over the cleaned texts (the model loaded before the clock starts);
  * ``parallax ingest --workers W`` as a command on a new SQLite store (clean, read, stories: from
    starting Python to the report), then every story's facts report (``story_report``, in W
    processes: the stories are independent);
  * the same with ``--engine ray`` (a local Ray with W CPUs, started by the command);
and prints articles/s, the ratio ingest / bare spaCy (target ≥ 0.8; bare spaCy and ingest are run
``--repeat`` times, alternated, and the best of each is taken: a shared machine's slow spells
otherwise move the ratio by ±0.05; the ratio of CPU seconds, which such spells move far less, is
printed beside it), the ratio Ray / local, the
peak memory of each run (all its processes together, and the largest one), and whether the two
engines left the same story assignments and facts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from _common import cleaned, rows
from newsparallax.read.nlp import DEFAULT_MODELS
from newsparallax.read.reader import readable_text
from newsparallax.store.db import open_database


class PeakMemory:
    """Samples the resident memory of a process and its descendants (Linux /proc) while it runs."""

    def __init__(self, pid: int) -> None:
        self.pid, self.total, self.largest = pid, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            sizes = [_rss(p) for p in _tree(self.pid)]
            self.total = max(self.total, sum(sizes))
            self.largest = max(self.largest, max(sizes, default=0))


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_ingest(db: str, corpus: Path, *flags: str) -> tuple[float, dict[str, Any], PeakMemory]:
    """``parallax ingest`` as a command: seconds, its JSON report, and its peak memory."""
    command = [sys.executable, "-m", "newsparallax", "--db", db, "ingest", "--format", "json", *flags]
    started = time.perf_counter()
    process = subprocess.Popen([*command, str(corpus)], stdout=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    out, _ = process.communicate()
    seconds = time.perf_counter() - started
    memory.stop()
    if process.returncode not in (0, 3):
        raise SystemExit(f"ingest failed ({process.returncode}): {' '.join(command)}")
    return seconds, json.loads(out), memory


def all_facts(db: str, processes: int) -> tuple[float, dict[str, Any], dict[str, list[str]]]:
    """Every story's facts report, in ``processes`` processes: seconds, facts and members by story."""
    from sqlalchemy import select

    from newsparallax.facts.report import load_models, story_report
    from newsparallax.store.schema import story_articles

    database = open_database(db)
    with database.engine.connect() as conn:
        members: dict[str, list[str]] = {}
        for story_id, article_id in conn.execute(
            select(story_articles.c.story_id, story_articles.c.article_id)
        ):
            members.setdefault(story_id, []).append(article_id)
    load_models()  # the facts stage's models load before the clock starts (and before the fork)
    if members:
        story_report(database, min(members), use_cache=False)
    database.dispose()
    ids = sorted(members)
    started = time.perf_counter()
    with ProcessPoolExecutor(processes, mp_context=get_context("fork")) as pool:  # models already loaded
        parts = list(pool.map(_facts_of, [(db, ids[i::processes]) for i in range(processes)]))
    seconds = time.perf_counter() - started
    facts = {s: part[s] for part in parts for s in part}
    return seconds, facts, {s: sorted(ids) for s, ids in members.items()}


def _facts_of(job: tuple[str, list[str]]) -> dict[str, Any]:
    from newsparallax.facts.report import story_report

    database = open_database(job[0], migrate=False)
    return {s: (story_report(database, s) or {}).get("facts") for s in job[1]}


def cpu_seconds() -> float:
    """CPU seconds (user + system) used so far by this process and every child it has reaped (their
    own children included): a figure that a shared machine's slow spells move far less than time."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare_spacy(texts: list[str], processes: int) -> tuple[float, float]:
    """Seconds and CPU seconds of ``nlp.pipe`` over ``texts`` (spaCy's processes are joined at the end)."""
    import spacy

    nlp = spacy.load(DEFAULT_MODELS["en"])
    nlp.max_length = 10_000_000
    started, cpu = time.perf_counter(), cpu_seconds()
    for _doc in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - started, cpu_seconds() - cpu


def engine(label: str, db: str, corpus: Path, n: int, workers: int, *flags: str) -> dict[str, Any]:
    cpu = cpu_seconds()
    seconds, report, memory = run_ingest(db, corpus, "--workers", str(workers), *flags)
    facts_s, facts, members = all_facts(db, workers)
    total, cpu = seconds + facts_s, cpu_seconds() - cpu
    counted = "" if "ray" in flags else f"; {cpu:.0f} CPU s"  # Ray's own processes are not our children
    print(
        f"{label:<28} {total:7.1f} s  {n / total:6.2f} articles/s  (ingest {seconds:.1f} s, facts of "
        f"{len(facts)} stories {facts_s:.1f} s{counted}; read {report['readings']}, peak memory "
        f"{memory.total / 2**20:,.0f} MB in all, {memory.largest / 2**20:,.0f} MB largest process)",
        flush=True,
    )
    return {"seconds": total, "cpu": cpu, "facts": facts, "members": members}


def local_runs(texts: list[str], tmp: str, corpus: Path, n: int, workers: int, repeat: int) -> dict[str, Any]:
    """Bare spaCy and ``parallax ingest`` ``repeat`` times each, alternated (a slow spell of a shared
    machine then hits both); prints the ratios and returns the fastest ingest run."""
    bares: list[tuple[float, float]] = []
    locals_: list[dict[str, Any]] = []
    for run in range(repeat):
        bares.append(bare_spacy(texts, workers))
        seconds, cpu = bares[-1]
        label = f"bare nlp.pipe, n_process={workers}"
        rate = n / seconds
        print(f"{label:<28} {seconds:7.1f} s  {rate:6.2f} articles/s  (full pipeline; {cpu:.0f} CPU s)")
        label, db = f"parallax ingest, {workers} workers", f"{tmp}/local{run}.db"
        locals_.append(engine(label, db, corpus, n, workers))
    bare, local = min(b for b, _ in bares), min(locals_, key=lambda r: r["seconds"])
    pairs = ", ".join(f"{b / r['seconds']:.2f}" for (b, _), r in zip(bares, locals_, strict=True))
    print(f"ratio ingest / bare spaCy: {bare / local['seconds']:.2f}  (target ≥ 0.8; best of {repeat} each; "
          f"run by run {pairs})")  # fmt: skip
    cpu_ratio = sum(c for _, c in bares) / sum(r["cpu"] for r in locals_)
    print(f"ratio of CPU seconds, bare spaCy / ingest: {cpu_ratio:.2f}  (all runs)")
    same = all(r["members"] == local["members"] and r["facts"] == local["facts"] for r in locals_)
    print(f"every local run left the same stories and facts: {same}")
    return local


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="runs of bare spaCy and of ingest (best taken)")
    parser.add_argument("--no-ray", action="store_true")
    args = parser.parse_args()
    records = rows("gvc/dev.jsonl")[: args.n]
    texts = [readable_text(a) for a in cleaned(records) if readable_text(a).strip()]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "gvc.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        print(f"{len(records)} GVC dev articles ({len(texts)} texts, {sum(map(len, texts)):,} characters)")
        local = local_runs(texts, tmp, corpus, args.n, args.workers, args.repeat)
        if not args.no_ray:
            label = "parallax ingest --engine ray"
            ray = engine(label, f"{tmp}/ray.db", corpus, args.n, args.workers, "--engine", "ray")
            same = ray["members"] == local["members"] and ray["facts"] == local["facts"]
            print(f"ratio Ray / local: {local['seconds'] / ray['seconds']:.2f} (articles/s)")
            print(f"same stories and facts on both engines: {same} ({len(local['members'])} stories)")


if __name__ == "__main__":
    main()
