"""Cost per article as the store grows: ingest (clean, read, stories) of GVC dev repeated.

Usage: python bench/stories_cost.py [--total 50000] [--chunk 1000] [--db PATH]

Each repetition of the 2,037 GVC dev reports gets new ids, a marker sentence (so that it is new
content, not a duplicate) and dates shifted by three years per repetition (so that stories of
different repetitions are never open together, as in a long-running store).  Articles go in day
by day, 1,000 at a time; the bench prints seconds per 1,000 articles for every chunk, the ratio of
the last chunk to the first (target ≤ 1.3) and the peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from _common import rows
from newsparallax.engine import IngestJob
from newsparallax.read.reader import ArticleReader
from newsparallax.store.db import open_database
from newsparallax.stories.service import StoryService

SHIFT_DAYS = 3 * 365


def repeated(records: list[dict[str, Any]], total: int) -> list[dict[str, Any]]:
    unique = list({r["id"]: r for r in records}.values())
    out: list[dict[str, Any]] = []
    for round_ in range(total // len(unique) + 1):
        for record in unique:
            if len(out) == total:
                return out
            out.append(_copy(record, round_))
    return out


def _copy(record: dict[str, Any], round_: int) -> dict[str, Any]:
    published = record.get("published")
    shifted = (
        (date.fromisoformat(published) + timedelta(days=SHIFT_DAYS * round_)).isoformat()
        if published
        else None
    )
    return {
        "id": f"{record['id']}-r{round_}",
        "title": record.get("title"),
        "url": record.get("url"),
        "published": shifted,
        "text": f"{record.get('text') or ''}\n\n(Archive copy {round_}.)",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=50_000)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--db", default=None, help="store path (default: a temporary SQLite file)")
    args = parser.parse_args()
    articles = sorted(
        repeated(rows("gvc/dev.jsonl"), args.total), key=lambda r: (r["published"] or "", r["id"])
    )
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(args.db or str(Path(tmp) / "cost.db"))
        job = IngestJob(database, reader=ArticleReader(), stories=StoryService(database))
        timings = [
            _chunk(job, articles[i : i + args.chunk], Path(tmp), i)
            for i in range(0, len(articles), args.chunk)
        ]
    per_thousand = [seconds * 1000 / n for seconds, n in timings]
    for index, value in enumerate(per_thousand):
        print(f"  chunk {index + 1:3d}: {value:7.1f} s per 1,000 articles")
    first, last = per_thousand[0], per_thousand[-1]
    print(
        f"{args.total:,} articles: first chunk {first:.1f} s/1k, last {last:.1f} s/1k, "
        f"ratio {last / first:.2f}"
    )
    print("(target: last ≤ 1.3 × first)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _chunk(job: IngestJob, chunk: list[dict[str, Any]], folder: Path, index: int) -> tuple[float, int]:
    path = folder / f"chunk-{index}.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in chunk) + "\n", encoding="utf-8")
    started = time.perf_counter()
    report = job.run([str(path)])
    seconds = time.perf_counter() - started
    done = index + len(chunk)
    print(f"  {done:,} in: {report.stored} stored, {report.assigned} assigned, {seconds:.1f} s", flush=True)
    return seconds, len(chunk)


if __name__ == "__main__":
    main()
