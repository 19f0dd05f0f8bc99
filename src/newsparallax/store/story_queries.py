"""Reading stories back: lists, one story with its articles, redirects, the assigner's warm start,
and the closed stories a late report may rejoin."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from newsparallax.read.embed import from_bytes
from newsparallax.store.db import Database
from newsparallax.store.pending import STORY, chunks, queued
from newsparallax.store.schema import (
    article_entities,
    article_ids,
    articles,
    readings,
    stories,
    story_articles,
    story_redirects,
)
from newsparallax.stories.profile import Profile, build_profile


def list_stories(database: Database, *, since: str | None = None, search: str | None = None,
                 limit: int | None = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:  # fmt: skip
    """Stories newest first, each with the ids of its articles as given at ingest (aliases included)."""
    query = select(stories)
    if since:
        query = query.where(or_(stories.c.last_seen >= since, stories.c.last_seen.is_(None)))
    if search:
        pattern = f"%{search.lower()}%"
        query = query.where(func.lower(stories.c.title).like(pattern))
    with database.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())
        query = query.order_by(stories.c.last_seen.desc().nulls_last(), stories.c.id).offset(offset)
        rows = [dict(r) for r in conn.execute(query.limit(limit) if limit else query).mappings()]
        given = _given_ids(conn, [r["id"] for r in rows])
    for row in rows:
        row["updated_at"] = row["updated_at"].isoformat() if row["updated_at"] else None
        row["article_ids"] = given.get(row["id"], [])
    return rows, total


def _given_ids(conn: Connection, story_ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(story_ids), 500):
        query = (
            select(story_articles.c.story_id, article_ids.c.given_id)
            .join(article_ids, article_ids.c.article_id == story_articles.c.article_id)
            .where(story_articles.c.story_id.in_(story_ids[start : start + 500]))
            .order_by(story_articles.c.story_id, article_ids.c.given_id)
        )
        for story_id, given_id in conn.execute(query):
            found[story_id].append(given_id)
    return found


def resolve_story_id(database: Database, story_id: str) -> str | None:
    """The current id of a story, following merge redirects; None when unknown."""
    with database.engine.connect() as conn:
        for _ in range(20):
            if conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first():
                return story_id
            target = conn.execute(
                select(story_redirects.c.new_id).where(story_redirects.c.old_id == story_id)
            ).scalar_one_or_none()
            if target is None:
                return None
            story_id = target
    return None


def get_story(database: Database, story_id: str) -> dict[str, Any] | None:
    """One story with its articles (outlet, date, title, language), oldest first."""
    current = resolve_story_id(database, story_id)
    if current is None:
        return None
    rows, _ = list_stories_by_id(database, [current])
    story = rows[0]
    with database.engine.connect() as conn:
        members = conn.execute(
            select(
                articles.c.id,
                articles.c.title,
                articles.c.source,
                articles.c.published,
                articles.c.language,
                articles.c.url,
                story_articles.c.score,
            )
            .join(story_articles, story_articles.c.article_id == articles.c.id)
            .where(story_articles.c.story_id == current)
            .order_by(articles.c.published.nulls_last(), articles.c.id)
        ).mappings()
        story["reports"] = [dict(m) for m in members]
    story["requested_id"] = story_id
    return story


def list_stories_by_id(database: Database, ids: list[str]) -> tuple[list[dict[str, Any]], int]:
    with database.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(stories).where(stories.c.id.in_(ids))).mappings()]
        given = _given_ids(conn, ids)
    for row in rows:
        row["updated_at"] = row["updated_at"].isoformat() if row["updated_at"] else None
        row["article_ids"] = given.get(row["id"], [])
    return rows, len(rows)


def unassigned_article_ids(database: Database, among: Sequence[str] | None = None) -> list[str]:
    """Read articles without a story, in the order they were stored (only ``among`` these, if given;
    else those on the queue of articles to assign, so the cost is that of what is pending)."""
    query = (
        select(articles.c.id, articles.c.ingested_at)
        .join(readings, readings.c.article_id == articles.c.id)
        .outerjoin(story_articles, story_articles.c.article_id == articles.c.id)
        .where(story_articles.c.article_id.is_(None))
    )
    with database.engine.connect() as conn:
        candidates = list(among) if among is not None else queued(conn, STORY)
        found = {
            row.id: row.ingested_at
            for chunk in chunks(candidates)
            for row in conn.execute(query.where(articles.c.id.in_(chunk)))
        }
    if among is not None:
        return [i for i in among if i in found]
    return sorted(found, key=lambda i: (found[i], i))


def open_story_members(database: Database, latest: date | None, window_days: int,
                       per_story: int) -> Iterator[tuple[str, Profile]]:  # fmt: skip
    """(story id, member profile) for the recent members of stories still open at ``latest``."""
    with database.engine.connect() as conn:
        query = select(stories.c.id)
        if latest is not None:
            cutoff = (latest - timedelta(days=window_days)).isoformat()
            query = query.where(or_(stories.c.last_seen >= cutoff, stories.c.last_seen.is_(None)))
        story_ids = list(conn.execute(query).scalars())
    for start in range(0, len(story_ids), 200):
        yield from _profiles(database, story_ids[start : start + 200], per_story)


#: Entity keys per look-up query: a report naming more (a huge page) is looked up in batches, within
#: the bound-parameter limits of SQLite and PostgreSQL.
KEYS_PER_QUERY = 5000


def closed_stories(database: Database, keys: frozenset[str], days: frozenset[date], before: date,
                   after: date, *, per_story: int, limit: int) -> dict[str, list[Profile]]:  # fmt: skip
    """Stories last reported on in [``after``, ``before``) whose reports name one of ``keys`` (entity keys)
    and whose event date or first report falls on one of ``days``: the ``limit`` last reported on,
    each with its ``per_story`` most recent members.

    The look-up is driven by the days (``ix_stories_event_date``, ``ix_stories_first_seen``), so it
    reads the stories of those days whatever the size of the store; the keys are then checked
    story by story through the entity index."""
    if not keys or not days:
        return {}
    window = (stories.c.last_seen < before.isoformat(), stories.c.last_seen >= after.isoformat())
    on_days = sorted(d.isoformat() for d in days)
    first_days = [_on_day(stories.c.first_seen, d) for d in sorted(days)]
    by_event = select(stories.c.id, stories.c.last_seen).where(stories.c.event_date.in_(on_days), *window)
    by_first = select(stories.c.id, stories.c.last_seen).where(or_(*first_days))
    found = by_event.union(by_first).subquery()
    ordered = sorted(keys)
    latest: dict[str, str] = {}
    with database.engine.connect() as conn:  # a huge report's keys go in batches the driver accepts
        for start in range(0, len(ordered), KEYS_PER_QUERY):
            query = (
                select(stories.c.id, stories.c.last_seen)
                .join(found, found.c.id == stories.c.id)
                .where(*window, _names_one(ordered[start : start + KEYS_PER_QUERY]))
                .order_by(stories.c.last_seen.desc(), stories.c.id.desc())
                .limit(limit)
            )
            latest.update((story_id, str(last)) for story_id, last in conn.execute(query))
    story_ids = sorted(latest, key=lambda s: (latest[s], s), reverse=True)[:limit]
    grouped: dict[str, list[Profile]] = defaultdict(list)
    for story_id, profile in _profiles(database, story_ids, per_story):
        grouped[story_id].append(profile)
    return dict(grouped)


def _names_one(keys: list[str]) -> Any:
    """The story has a report that names one of ``keys`` (through the entity index)."""
    return (
        select(story_articles.c.article_id)
        .join(article_entities, article_entities.c.article_id == story_articles.c.article_id)
        .where(story_articles.c.story_id == stories.c.id, article_entities.c.entity_key.in_(keys))
        .exists()
    )


def _on_day(column: Any, day: date) -> Any:
    """``column`` (an ISO date or timestamp) falls on ``day``: a range the column's index can serve."""
    return and_(column >= day.isoformat(), column < (day + timedelta(days=1)).isoformat())


def profiles_for(database: Database, ids: list[str]) -> dict[str, Profile]:
    """Profiles of stored, read articles, by article id."""
    with database.engine.connect() as conn:
        rows = conn.execute(_PROFILE_QUERY.where(articles.c.id.in_(ids))).mappings().all()
    return {row["id"]: _profile(row) for row in rows}


_PROFILE_QUERY = select(
    articles.c.id, articles.c.text, articles.c.title, articles.c.published, articles.c.source,
    articles.c.language, readings.c.layers, readings.c.embedding,
).join(readings, readings.c.article_id == articles.c.id)  # fmt: skip


def _profiles(database: Database, story_ids: list[str], per_story: int) -> Iterator[tuple[str, Profile]]:
    """The ``per_story`` latest members of each story, oldest first (only those rows are read)."""
    latest_first = (articles.c.published.desc().nulls_last(), articles.c.id.desc())
    rank = func.row_number().over(partition_by=story_articles.c.story_id, order_by=latest_first)
    ranked = (
        select(story_articles.c.story_id, story_articles.c.article_id, rank.label("rank"))
        .join(articles, articles.c.id == story_articles.c.article_id)
        .where(story_articles.c.story_id.in_(story_ids))
        .subquery()
    )
    query = (
        _PROFILE_QUERY.add_columns(ranked.c.story_id)
        .join(ranked, ranked.c.article_id == articles.c.id)
        .where(ranked.c.rank <= per_story)
        .order_by(ranked.c.story_id, articles.c.published.nulls_first(), articles.c.id)
    )
    with database.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    for row in rows:
        yield row["story_id"], _profile(row)


def _profile(row: Any) -> Profile:
    text = row["text"] if row["text"].strip() else (row["title"] or "")
    embedding = from_bytes(row["embedding"]) if row["embedding"] else None
    return build_profile(row["id"], text, row["layers"], embedding, published=row["published"],
                         outlet=row["source"], title=row["title"], language=row["language"])  # fmt: skip
