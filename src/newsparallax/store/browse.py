"""Queries for browsing the store: stories filtered by words, dates, place, entity, outlet and language;
entities and places with their stories; a cheap revision that changes whenever the store does."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Select, func, or_, select, text

from newsparallax.store.articles import fts_query
from newsparallax.store.db import Database
from newsparallax.store.schema import (
    article_entities,
    article_ids,
    article_places,
    articles,
    entities,
    ingest_runs,
    places,
    readings,
    stories,
    story_articles,
    story_events,
)

_STORY_COLUMNS = (
    stories.c.id,
    stories.c.title,
    stories.c.event_date,
    stories.c.first_seen,
    stories.c.last_seen,
    stories.c.articles,
    stories.c.outlets,
    stories.c.languages,
    stories.c.places,
    stories.c.entities,
    stories.c.origins,
    stories.c.wire_copies,
)


@dataclass(frozen=True)
class StoryFilters:
    """What a story list is narrowed to; every field is optional."""

    q: str | None = None  # words in the title or in any of its articles
    since: str | None = None  # reported on or after this day (YYYY-MM-DD)
    until: str | None = None  # first reported on or before this day
    place: str | None = None  # a place id ("geonames:3646738", "country:VE")
    entity: str | None = None  # an entity key
    outlet: str | None = None
    language: str | None = None


def find_stories(
    database: Database, filters: StoryFilters, *, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Stories matching ``filters``, most recently reported first, and how many match in all."""
    query = _filtered(select(stories.c.id), filters, database.dialect)
    ordered = query.order_by(stories.c.last_seen.desc().nulls_last(), stories.c.id)
    with database.engine.connect() as conn:
        if filters == StoryFilters():  # the whole list: count and page, both from the index
            total = int(conn.execute(select(func.count()).select_from(stories)).scalar_one())
            ids = list(conn.execute(ordered.limit(limit).offset(offset)).scalars())
        else:  # one pass over the matches (a search can match thousands), then the page
            matched = list(conn.execute(ordered).scalars())
            total, ids = len(matched), matched[offset : offset + limit]
        found = {
            r["id"]: dict(r)
            for r in conn.execute(select(*_STORY_COLUMNS).where(stories.c.id.in_(ids))).mappings()
        }
    return [found[i] for i in ids if i in found], total


def _filtered(query: Select[Any], filters: StoryFilters, dialect: str) -> Select[Any]:
    if filters.since:
        query = query.where(or_(stories.c.last_seen >= filters.since, stories.c.last_seen.is_(None)))
    if filters.until:
        query = query.where(stories.c.first_seen < _next_day(filters.until))
    if filters.q:
        query = query.where(_matching(filters.q, dialect))
    member_filters = (
        (article_places.c.place_id, filters.place, article_places),
        (article_entities.c.entity_key, filters.entity, article_entities),
    )
    for column, value, table in member_filters:
        if value:
            members = select(story_articles.c.story_id).join(
                table, table.c.article_id == story_articles.c.article_id
            )
            query = query.where(stories.c.id.in_(members.where(column == value)))
    for column, value in ((articles.c.source, filters.outlet), (articles.c.language, filters.language)):
        if value:
            query = query.where(stories.c.id.in_(_stories_of_articles().where(column == value)))
    return query


def _next_day(day: str) -> str:
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return day


def _stories_of_articles() -> Select[Any]:
    return select(story_articles.c.story_id).join(articles, articles.c.id == story_articles.c.article_id)


def _matching(words: str, dialect: str) -> Any:
    """Stories whose title holds the words, or with an article that matches them in full text."""
    in_title = func.lower(stories.c.title).like(f"%{words.lower()}%")
    if dialect == "postgresql":
        where = text("articles.search @@ websearch_to_tsquery('english', :words)").bindparams(words=words)
        return or_(in_title, stories.c.id.in_(_stories_of_articles().where(where)))
    match = fts_query(words)
    if not match:
        return in_title
    found = text(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.search_key = articles_fts.rowid "
        "WHERE articles_fts MATCH :match"
    ).bindparams(match=match)
    members = select(story_articles.c.story_id).where(story_articles.c.article_id.in_(found))
    return or_(in_title, stories.c.id.in_(members))


def outlets_and_languages(database: Database, limit: int = 200) -> dict[str, list[str]]:
    """The outlets (most articles first) and languages in the store, for the filter menus."""
    with database.engine.connect() as conn:
        outlets = conn.execute(
            select(articles.c.source)
            .where(articles.c.source.is_not(None))
            .group_by(articles.c.source)
            .order_by(func.count().desc(), articles.c.source)
            .limit(limit)
        ).scalars()
        languages = conn.execute(
            select(articles.c.language).where(articles.c.language.is_not(None)).distinct()
        ).scalars()
        return {"outlets": list(outlets), "languages": sorted(languages)}


def list_entities(
    database: Database, *, q: str | None = None, kind: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Entities with the most articles first; ``q`` matches the name, ``kind`` is person, org, ..."""
    query = select(entities.c.key, entities.c.name, entities.c.kind, entities.c.mentions, entities.c.articles)
    if q:
        query = query.where(func.lower(entities.c.name).like(f"%{q.lower()}%"))
    if kind:
        query = query.where(entities.c.kind == kind)
    ordered = query.order_by(entities.c.articles.desc(), entities.c.key)
    return _page(database, query, ordered, limit, offset)


def get_entity(database: Database, key: str) -> dict[str, Any] | None:
    with database.engine.connect() as conn:
        row = conn.execute(select(entities).where(entities.c.key == key)).mappings().first()
        return dict(row) if row else None


def list_places(
    database: Database, *, q: str | None = None, kind: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Places with the most articles first; ``q`` matches the name, ``kind`` is country, city, ..."""
    count = func.count(article_places.c.article_id).label("articles")
    query = (
        select(
            places.c.place_id,
            places.c.name,
            places.c.kind,
            places.c.country,
            places.c.lat,
            places.c.lon,
            count,
        )
        .join(article_places, article_places.c.place_id == places.c.place_id)
        .group_by(
            places.c.place_id, places.c.name, places.c.kind, places.c.country, places.c.lat, places.c.lon
        )
    )
    if q:
        query = query.where(func.lower(places.c.name).like(f"%{q.lower()}%"))
    if kind:
        query = query.where(places.c.kind == kind)
    return _page(database, query, query.order_by(count.desc(), places.c.place_id), limit, offset)


def get_place(database: Database, place_id: str) -> dict[str, Any] | None:
    with database.engine.connect() as conn:
        row = conn.execute(select(places).where(places.c.place_id == place_id)).mappings().first()
        return dict(row) if row else None


def _page(
    database: Database, query: Select[Any], ordered: Select[Any], limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    with database.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())
        rows = [dict(r) for r in conn.execute(ordered.limit(limit).offset(offset)).mappings()]
    return rows, total


def places_of_articles(database: Database, stored_ids: list[str]) -> list[dict[str, Any]]:
    """Every place the articles mention, with ``count`` = how many of them do (most first)."""
    count = func.count(func.distinct(article_places.c.article_id)).label("count")
    query = (
        select(places.c.place_id, places.c.name, places.c.kind, places.c.lat, places.c.lon, count)
        .join(article_places, article_places.c.place_id == places.c.place_id)
        .where(article_places.c.article_id.in_(stored_ids))
        .group_by(places.c.place_id, places.c.name, places.c.kind, places.c.lat, places.c.lon)
        .order_by(count.desc(), places.c.name)
    )
    with database.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def story_of_article(database: Database, stored_id: str) -> dict[str, Any] | None:
    """The story (id, title) an article belongs to, or None when it has none yet."""
    query = (
        select(stories.c.id, stories.c.title)
        .join(story_articles, story_articles.c.story_id == stories.c.id)
        .where(story_articles.c.article_id == stored_id)
    )
    with database.engine.connect() as conn:
        row = conn.execute(query).mappings().first()
        return dict(row) if row else None


def entity_names(database: Database, keys: list[str]) -> dict[str, str]:
    with database.engine.connect() as conn:
        rows = conn.execute(select(entities.c.key, entities.c.name).where(entities.c.key.in_(keys)))
        return {key: name for key, name in rows}


def given_id_of(database: Database, stored_id: str) -> str:
    """The id an article was given at ingest (its stored id when that is one of them)."""
    with database.engine.connect() as conn:
        ids = list(
            conn.execute(
                select(article_ids.c.given_id)
                .where(article_ids.c.article_id == stored_id)
                .order_by(article_ids.c.given_id)
            ).scalars()
        )
    return stored_id if stored_id in ids or not ids else ids[0]


class StoreRevision:
    """A value that changes whenever the store is written, by this process or another.

    SQLite: ``PRAGMA data_version`` on a connection kept for the purpose (it changes when any
    other connection commits; O(1)).  PostgreSQL: the next transaction id of the server (it moves
    when any write transaction starts).  Other databases: a few aggregates.  Call it from one
    thread at a time.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self._conn: Connection | None = None

    def __call__(self) -> Any:
        if self._conn is None:
            self._conn = self.database.engine.connect()
        try:
            return self._read(self._conn)
        finally:
            self._conn.rollback()

    def _read(self, conn: Connection) -> Any:
        if self.database.dialect == "sqlite":
            return conn.exec_driver_sql("PRAGMA data_version").scalar()
        if self.database.dialect == "postgresql":
            return conn.exec_driver_sql("SELECT txid_snapshot_xmax(txid_current_snapshot())").scalar()
        return _aggregates(conn)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _aggregates(conn: Connection) -> tuple[Any, ...]:
    row = conn.execute(
        select(
            select(func.max(ingest_runs.c.id)).scalar_subquery(),
            select(func.max(ingest_runs.c.finished_at)).scalar_subquery(),
            select(func.max(story_events.c.id)).scalar_subquery(),
            select(func.count()).select_from(stories).scalar_subquery(),
            select(func.max(stories.c.updated_at)).scalar_subquery(),
            select(func.max(readings.c.read_at)).scalar_subquery(),
        )
    ).one()
    return tuple(row)
