"""Seconds per 1,000 articles ingested at 1k and at 100k stored articles, and the peak memory at 100k.

Usage: python bench/growth_100k.py [--stored 100000] [--n 1000] [--workers 2]

1. A SQLite store gets the first N GVC dev articles through ``parallax ingest`` (clean, read,
   stories): the store at 1k.
2. A copy of it grows to --stored articles by copying those read articles in SQL, round after
   round, with new ids, content hashes and search keys, and publication dates moved back three years
   per round (a long archive, whose old stories are closed as they would be): rows, full-text
   index, readings, entities, places, minhash bands (re-keyed, so that a copy is never a
   near-duplicate of new content), ids and story assignments.  Nothing is read again (reading
   100k articles would take hours on this machine); entity counts are recomputed at the end.
   The copies are read and in stories, so none goes on the queue of pending work.
3. The next N GVC dev articles (new content) go into each store through ``parallax ingest``
   (the local engine, --workers processes), then the facts report of every story they touched;
   both are timed.  The bench prints seconds per 1,000 articles at 1k and at 100k stored, their
   ratio (target ≤ 1.3), and the peak memory of the ingest at 100k (all its processes, and the
   largest one).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select, text

from _common import rows
from engine_throughput import run_ingest
from newsparallax.store.db import Database, open_database

#: (table, columns copied as they are) — ids, hashes, keys and dates are rewritten per round.
_COPIED = {
    "article_ids": "origin_location, origin_line",
    "readings": "version, model, embedder, language, anchor, anchor_source, layers, embedding, read_at",
    "article_entities": "entity_key, name, mentions, titles",
    "article_places": "place_id, mentions, names",
}
_ARTICLE_COLUMNS = (
    "title, text, url, source, language, authors, dateline, wires, notes, headline_only, "
    "origin_location, origin_line, origin_format, minhash, ingested_at"
)
_STORY_COLUMNS = "title, articles, outlets, languages, places, entities, origins, wire_copies, updated_at"


def _shifted(column: str) -> str:
    """SQL: an ISO date or moment moved back by :years (NULL stays NULL)."""
    moved = f"date(substr({column}, 1, 10), :years) || substr({column}, 11)"
    return f"CASE WHEN {column} IS NULL THEN NULL ELSE {moved} END"


def copy_round(conn: Connection, r: int) -> None:
    """One round of copies of the base articles (those in the temporary table ``base``)."""
    p = {"sfx": f"-g{r}", "tag": f"g{r:05d}", "r": r, "years": f"-{3 * r} years"}
    conn.execute(text(
        f"INSERT INTO articles (id, content_hash, search_key, published, {_ARTICLE_COLUMNS}) "
        f"SELECT id || :sfx, substr(content_hash, 1, 58) || :tag, (search_key % 1000000007) * 1000 + :r, "
        f"{_shifted('published')}, {_ARTICLE_COLUMNS} FROM articles WHERE id IN (SELECT id FROM base)"
    ), p)  # fmt: skip
    conn.execute(text(
        "INSERT INTO article_ids (given_id, article_id, origin_location, origin_line) "
        "SELECT given_id || :sfx, article_id || :sfx, origin_location, origin_line FROM article_ids "
        "WHERE article_id IN (SELECT id FROM base)"
    ), p)  # fmt: skip
    for table in ("readings", "article_entities", "article_places"):
        columns = _COPIED[table]
        conn.execute(text(
            f"INSERT INTO {table} (article_id, {columns}) SELECT article_id || :sfx, {columns} FROM {table} "
            "WHERE article_id IN (SELECT id FROM base)"
        ), p)  # fmt: skip
    _copy_links(conn, p)
    _copy_stories(conn, p)


def _copy_links(conn: Connection, p: dict[str, Any]) -> None:
    conn.execute(text(
        "INSERT INTO minhash_bands (band_key, article_id) SELECT (band_key % 1000000007) * 1000 + :r, "
        "article_id || :sfx FROM minhash_bands WHERE article_id IN (SELECT id FROM base)"
    ), p)  # fmt: skip
    conn.execute(text(
        "INSERT INTO near_duplicates (article_a, article_b, similarity) SELECT article_a || :sfx, "
        "article_b || :sfx, similarity FROM near_duplicates WHERE article_a IN (SELECT id FROM base)"
    ), p)  # fmt: skip


def _copy_stories(conn: Connection, p: dict[str, Any]) -> None:
    conn.execute(text(
        f"INSERT INTO stories (id, event_date, first_seen, last_seen, {_STORY_COLUMNS}) SELECT id || :sfx, "
        f"{_shifted('event_date')}, {_shifted('first_seen')}, {_shifted('last_seen')}, {_STORY_COLUMNS} "
        "FROM stories WHERE id IN "
        "(SELECT story_id FROM story_articles WHERE article_id IN (SELECT id FROM base))"
    ), p)  # fmt: skip
    conn.execute(text(
        "INSERT INTO story_articles (article_id, story_id, score) "
        "SELECT article_id || :sfx, story_id || :sfx, score FROM story_articles "
        "WHERE article_id IN (SELECT id FROM base)"
    ), p)  # fmt: skip


def grow(db: str, target: int) -> int:
    """Copy the store's articles round after round until it holds ``target``; returns the count."""
    database = open_database(db)
    with database.engine.begin() as conn:
        conn.execute(text("CREATE TEMP TABLE base AS SELECT id FROM articles"))
        base = int(conn.execute(text("SELECT count(*) FROM base")).scalar_one())
    stored, r = base, 0
    while stored + base <= target:
        r += 1
        with database.engine.begin() as conn:
            copy_round(conn, r)
        stored += base
    with database.engine.begin() as conn:
        conn.execute(text(
            "UPDATE entities SET mentions = (SELECT coalesce(sum(mentions), 0) FROM article_entities a "
            "WHERE a.entity_key = entities.key), articles = (SELECT count(*) FROM article_entities a "
            "WHERE a.entity_key = entities.key)"
        ))  # fmt: skip
    database.dispose()
    return stored


def touched_facts(db: str, given_ids: list[str]) -> float:
    """Seconds to compute the facts report of every story holding one of ``given_ids``."""
    from newsparallax.facts.report import load_models, story_report
    from newsparallax.store.schema import article_ids, story_articles

    load_models()  # loaded once before either clock starts, so the first store does not pay for it
    database = open_database(db)
    query = (
        select(story_articles.c.story_id)
        .join(article_ids, article_ids.c.article_id == story_articles.c.article_id)
        .where(article_ids.c.given_id.in_(given_ids))
    )
    with database.engine.connect() as conn:
        story_ids = sorted(set(conn.execute(query).scalars()))
    started = time.perf_counter()
    for story_id in story_ids:
        story_report(database, story_id)
    seconds = time.perf_counter() - started
    database.dispose()
    return seconds


def timed(label: str, db: str, corpus: Path, ids: list[str], workers: int) -> float:
    seconds, report, memory = run_ingest(db, corpus, "--workers", str(workers))
    facts = touched_facts(db, ids)
    per_k = (seconds + facts) * 1000 / len(ids)
    print(
        f"{label}: {per_k:6.1f} s per 1,000 articles (ingest {seconds:.1f} s, facts {facts:.1f} s; "
        f"{report['stored']} stored, {report['readings']} read; peak memory {memory.total / 2**20:,.0f} MB "
        f"in all, {memory.largest / 2**20:,.0f} MB largest process)",
        flush=True,
    )
    return per_k


def _stored(db: str) -> int:
    database: Database = open_database(db)
    with database.engine.connect() as conn:
        count = int(conn.execute(text("SELECT count(*) FROM articles")).scalar_one())
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    database.dispose()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    records = list({r["id"]: r for r in rows("gvc/dev.jsonl")}.values())
    base, fresh = records[: args.n], records[args.n : 2 * args.n]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, part in (("base", base), ("fresh", fresh)):
            (folder / f"{name}.jsonl").write_text(
                "".join(json.dumps(r) + "\n" for r in part), encoding="utf-8"
            )
        small, big = str(folder / "small.db"), str(folder / "big.db")
        started = time.perf_counter()
        run_ingest(small, folder / "base.jsonl", "--workers", str(args.workers))
        print(f"store at {_stored(small):,} articles in {time.perf_counter() - started:.0f} s", flush=True)
        touched_facts(small, [str(r["id"]) for r in base[:20]])  # facts' models load before any clock starts
        shutil.copy(small, big)
        started = time.perf_counter()
        count = grow(big, args.stored)
        size = Path(big).stat().st_size / 2**30
        print(
            f"grown to {count:,} articles ({size:.1f} GB) in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        ids = [str(r["id"]) for r in fresh]
        at_small = timed(f"at {_stored(small):,} stored", small, folder / "fresh.jsonl", ids, args.workers)
        at_big = timed(f"at {_stored(big):,} stored", big, folder / "fresh.jsonl", ids, args.workers)
        print(f"ratio {at_big / at_small:.2f}  (target ≤ 1.3)")


if __name__ == "__main__":
    main()
