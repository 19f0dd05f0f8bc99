"""Migration 0006: a store written before short bodies were hashed with their title still knows
its articles when they come again."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import insert, select

from newsparallax.model import Article
from newsparallax.store.db import open_database, resolve_url
from newsparallax.store.schema import articles
from newsparallax.store.writer import ArticleWriter
from tests.store.older_store import article_row, store_at
from tests.store.test_writer import BODY, make

NOTICE = "Already a subscriber? Sign in to keep reading."


def _old_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()


def test_short_bodies_are_rehashed_and_recognised_again(store_url: str, tmp_path: Path) -> None:
    database = store_at(store_url, "0005")
    stored = [("short", "Two hurt in quarry blast", NOTICE), ("long", "Barges wait", BODY)]
    with database.engine.begin() as conn:
        conn.execute(insert(articles), [article_row(i, x, _old_hash(x), n, title=t)
                                        for n, (i, t, x) in enumerate(stored)])  # fmt: skip
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
