"""The queue of pending work: articles still to read, and read articles still to put in a story.

Every write path keeps it: the article writer queues each new article (and one whose reading went
stale when a copy's metadata was merged in) for reading; the reading writer takes its articles off
that queue and queues those without a story for assignment; writing assignments takes them off.
An ingest run then finds what an interrupted run left behind by reading the queue, at a cost that
depends on what is pending, not on the size of the store.  The queue may only ever hold more than
is pending, never less: readers check each queued article against the store before using it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Connection, delete, insert, select

from newsparallax.store.schema import pending_work, story_articles

READ = "read"
STORY = "story"
_CHUNK = 500


def chunks(ids: Sequence[str], size: int = _CHUNK) -> Iterator[list[str]]:
    """``ids`` in slices small enough for an ``IN (...)`` list on any database."""
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def enqueue(conn: Connection, stage: str, ids: Iterable[str]) -> None:
    """Queue ``ids`` for ``stage`` (those already queued stay as they are)."""
    wanted = sorted(set(ids))
    for chunk in chunks(wanted):
        queued = set(
            conn.execute(
                select(pending_work.c.article_id).where(
                    pending_work.c.stage == stage, pending_work.c.article_id.in_(chunk)
                )
            ).scalars()
        )
        rows = [{"stage": stage, "article_id": i} for i in chunk if i not in queued]
        if rows:
            conn.execute(insert(pending_work), rows)


def dequeue(conn: Connection, stage: str, ids: Iterable[str]) -> None:
    for chunk in chunks(sorted(set(ids))):
        conn.execute(
            delete(pending_work).where(pending_work.c.stage == stage, pending_work.c.article_id.in_(chunk))
        )


def queued(conn: Connection, stage: str) -> list[str]:
    """The ids queued for ``stage``."""
    query = select(pending_work.c.article_id).where(pending_work.c.stage == stage)
    return sorted(conn.execute(query.order_by(pending_work.c.article_id)).scalars())


def read_done(conn: Connection, ids: Sequence[str]) -> None:
    """These articles were just read: off the reading queue; those without a story onto the story queue."""
    dequeue(conn, READ, ids)
    placed: set[str] = set()
    for chunk in chunks(sorted(set(ids))):
        query = select(story_articles.c.article_id).where(story_articles.c.article_id.in_(chunk))
        placed.update(conn.execute(query).scalars())
    enqueue(conn, STORY, (i for i in ids if i not in placed))
