"""The queue of pending work: what an interrupted run left unread or without a story is found
from the queue (not by scanning the store), exactly as before, and kept by every write path."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sqlalchemy import insert, select, update

from newsparallax.read.layers import Reading
from newsparallax.read.reader import ReadOutput
from newsparallax.store import db as store_db
from newsparallax.store.articles import articles_to_read
from newsparallax.store.db import Database, open_database, resolve_url
from newsparallax.store.pending import READ, STORY
from newsparallax.store.readings import ReadingWriter
from newsparallax.store.schema import articles, pending_work, readings
from newsparallax.store.stories import write_assignments
from newsparallax.store.story_queries import unassigned_article_ids
from newsparallax.store.writer import ArticleWriter
from newsparallax.stories.assign import Assignment
from tests.store.older_store import article_row, store_at
from tests.store.test_writer import make


def _output(article_id: str) -> ReadOutput:
    return ReadOutput(Reading(article_id, "en", "test-model", None), np.ones(4, dtype=np.float32), None)


def _queue(database: Database) -> set[tuple[str, str]]:
    with database.engine.connect() as conn:
        return {(r.stage, r.article_id) for r in conn.execute(select(pending_work))}


def _to_read(database: Database, version: int | None = None) -> list[str]:
    return [a.id for batch in articles_to_read(database, version=version, batch_size=2) for a in batch]


def _store(database: Database) -> None:
    ArticleWriter(database).write([
        make("a", "Harbour cranes stopped at noon on Tuesday, workers said. " * 3, published="2026-03-02"),
        make("b", "The ferry was cancelled for high winds in the strait. " * 3, published="2026-03-01"),
        make("c", "Farmers blocked the northern road with tractors for a third day. " * 3),
    ])  # fmt: skip


def test_every_write_path_keeps_the_queue(database: Database) -> None:
    _store(database)
    assert _queue(database) == {(READ, "a"), (READ, "b"), (READ, "c")}
    assert _to_read(database) == ["c", "b", "a"]  # publication order, undated first
    ReadingWriter(database).write([_output("a"), _output("b")])
    assert _queue(database) == {(READ, "c"), (STORY, "a"), (STORY, "b")}
    assert _to_read(database) == ["c"] and unassigned_article_ids(database) == ["a", "b"]
    write_assignments(database, [Assignment("a", "st-1", 1.0, True)])
    assert unassigned_article_ids(database) == ["b"]
    ReadingWriter(database).write([_output("a")])  # read again: it keeps its story, nothing to assign
    assert _queue(database) == {(READ, "c"), (STORY, "b")}


def test_stale_readings_are_found_by_version(database: Database) -> None:
    _store(database)
    ReadingWriter(database).write([_output("a"), _output("b"), _output("c")])
    with database.engine.begin() as conn:
        conn.execute(update(readings).where(readings.c.article_id == "b").values(version=0))
    assert _to_read(database) == [] and _to_read(database, version=1) == ["b"]


def test_a_merge_that_changes_what_was_read_queues_it_again(database: Database) -> None:
    _store(database)
    ReadingWriter(database).write([_output("c")])
    copy = make("c-copy", "Farmers blocked the northern road with tractors for a third day. " * 3)
    copy.published = "2026-03-04"
    ArticleWriter(database).write([copy])
    assert (READ, "c") in _queue(database) and _to_read(database) == ["b", "a", "c"]


def test_the_migration_queues_what_an_older_store_left_pending(store_url: str, tmp_path: Path) -> None:
    database = store_at(store_url, "0004")
    with database.engine.begin() as conn:
        conn.execute(insert(articles), [article_row(i, "t", i * 8, n) for n, i in enumerate(("u", "r"))])
        conn.execute(insert(readings).values(article_id="r", version=1, model="m", layers={},
                                             read_at=datetime.now(UTC)))  # fmt: skip
    database.dispose()
    upgraded = open_database(resolve_url(store_url))
    assert store_db.current_revision(upgraded) == store_db.HEAD
    assert _queue(upgraded) == {(READ, "u"), (STORY, "r")}
