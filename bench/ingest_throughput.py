"""Ingest throughput (articles/s) of gvc/dev.jsonl on SQLite and on PostgreSQL.

Usage: python bench/ingest_throughput.py [--pg URL] [--corpus PATH]

PostgreSQL is measured when ``--pg`` or ``$PARALLAX_TEST_PG_URL`` names a server (the bench
empties that database first).  Prints one line per store and run, and the counts, so the
two stores can be checked to agree.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from newsparallax.engine import IngestJob
from newsparallax.store.articles import store_stats
from newsparallax.store.db import open_database, resolve_url

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "gvc" / "dev.jsonl"


def measure(url: str, corpus: Path) -> None:
    database = open_database(url)
    for label in ("first run", "second run (all already stored)"):
        started = time.perf_counter()
        report = IngestJob(database).run([str(corpus)])
        seconds = time.perf_counter() - started
        print(
            f"  {label:34s} {report.read:6,} read  {report.stored:6,} stored  {report.duplicates:6,} dup  "
            f"{report.rejected:4,} rejected  {seconds:7.2f} s  {report.read / seconds:8.1f} articles/s"
        )
    stats = store_stats(database)
    print(
        f"  store: {stats['articles']:,} articles, {stats['ids']:,} ids, "
        f"{stats['near_duplicate_pairs']:,} near-duplicate pairs"
    )
    database.dispose()


def reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("PARALLAX_TEST_PG_URL"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (the bench reads ../shared/datasets)")
        return 0
    print(f"corpus: {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        print("SQLite (WAL):")
        measure(str(Path(tmp) / "bench.db"), args.corpus)
    if args.pg:
        print("PostgreSQL:")
        reset_postgres(args.pg)
        measure(args.pg, args.corpus)
    else:
        print("PostgreSQL: skipped (pass --pg URL or set PARALLAX_TEST_PG_URL; .ci/postgres.sh starts one)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
