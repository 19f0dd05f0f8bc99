"""Migration 0006: a store written before short bodies were hashed with their title still knows
its articles when they come again."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import insert, select

from newsparallax.model import Article
from newsparallax.store import db as store_db
from newsparallax.store.db import open_database, resolve_url
from newsparallax.store.schema import articles
from newsparallax.store.writer import ArticleWriter
from tests.store.test_writer import BODY, make

NOTICE = "Already a subscriber? Sign in to keep reading."


def _old_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()


def test_short_bodies_are_rehashed_and_recognised_again(store_url: str, tmp_path: Path) -> None:
    database = open_database(store_url, migrate=False)
    config = Config()
    config.set_main_option("script_location", str(Path(store_db.__file__).parent / "migrations"))
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
    row = {"authors": [], "wires": [], "notes": [], "headline_only": False, "origin_location": "x",
           "origin_format": "jsonl", "ingested_at": datetime.now(UTC)}  # fmt: skip
    stored = [("short", "Two hurt in quarry blast", NOTICE), ("long", "Barges wait", BODY)]
    with database.engine.begin() as conn:
        conn.execute(insert(articles), [{**row, "id": i, "title": t, "text": x, "content_hash": _old_hash(x),
                                         "search_key": n} for n, (i, t, x) in enumerate(stored)])  # fmt: skip
    database.dispose()
    upgraded = open_database(resolve_url(store_url))
    try:
        with upgraded.engine.connect() as conn:
            query = select(articles.c.id, articles.c.content_hash)
            hashes = {r.id: r.content_hash for r in conn.execute(query)}
        expected = Article(id="x", text=NOTICE, title="Two hurt in quarry blast").compute_hash()
        assert hashes["short"] == expected
        assert hashes["long"] == _old_hash(BODY)
        again = ArticleWriter(upgraded).write([make("short", NOTICE, title="Two hurt in quarry blast")])
        assert again.stored == [] and not again.rejected and again.duplicates == [("short", "short")]
        other = ArticleWriter(upgraded).write([make("other", NOTICE, title="Mayor opens new bridge")])
        assert other.stored == ["other"]
    finally:
        upgraded.dispose()
