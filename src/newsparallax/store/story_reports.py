"""What the facts stage reads from the store for one story, and the cache of computed reports.

A report is cached in ``story_reports`` with the story's ``updated_at`` and the code's
``version``; it is recomputed when either changes (a report joined the story, a merge, a new
release of the facts stage).  Writes go through :func:`save_report` only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from newsparallax.store.db import Database
from newsparallax.store.schema import (
    article_ids,
    articles,
    near_duplicates,
    readings,
    stories,
    story_articles,
    story_reports,
)

_MEMBER_COLUMNS = (
    articles.c.id,
    articles.c.title,
    articles.c.text,
    articles.c.source,
    articles.c.published,
    articles.c.language,
    articles.c.url,
    articles.c.wires,
    articles.c.headline_only,
    readings.c.layers,
    readings.c.anchor,
    readings.c.embedder,
    readings.c.embedding,
)


def story_row(database: Database, story_id: str) -> dict[str, Any] | None:
    with database.engine.connect() as conn:
        row = conn.execute(select(stories).where(stories.c.id == story_id)).mappings().first()
    return dict(row) if row else None


def story_members(database: Database, story_id: str) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The story's reports (text, reading layers, the id the user gave) and their near-duplicate links."""
    with database.engine.connect() as conn:
        query = (
            select(*_MEMBER_COLUMNS)
            .join(story_articles, story_articles.c.article_id == articles.c.id)
            .outerjoin(readings, readings.c.article_id == articles.c.id)
            .where(story_articles.c.story_id == story_id)
            .order_by(articles.c.published.nulls_last(), articles.c.id)
        )
        members = [dict(r) for r in conn.execute(query).mappings()]
        ids = [m["id"] for m in members]
        given = _given(conn, ids)
        links = _links(conn, ids)
    for member in members:
        member["given_id"] = _display_id(member["id"], given.get(member["id"], []))
        member["aliases"] = given.get(member["id"], [])
    return members, links


def _given(conn: Connection, ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    query = select(article_ids.c.article_id, article_ids.c.given_id).where(article_ids.c.article_id.in_(ids))
    for article_id, given_id in conn.execute(query.order_by(article_ids.c.given_id)):
        found[article_id].append(given_id)
    return found


def _display_id(stored_id: str, given: list[str]) -> str:
    """The id to show: the stored id when the user gave it, else the first id the input gave
    (``file:pages/a.html``, ``guid:...``) rather than the generated ``px-`` id."""
    chosen = [g for g in given if g != stored_id] if stored_id.startswith("px-") else []
    return chosen[0] if chosen else stored_id


def _links(conn: Connection, ids: list[str]) -> list[tuple[str, str]]:
    query = select(near_duplicates.c.article_a, near_duplicates.c.article_b).where(
        near_duplicates.c.article_a.in_(ids), near_duplicates.c.article_b.in_(ids)
    )
    return [(a, b) for a, b in conn.execute(query)]


def cached_report(
    database: Database, story_id: str, version: int, updated_at: datetime
) -> dict[str, Any] | None:
    """The stored report when it was computed by this version for the story as it is now."""
    with database.engine.connect() as conn:
        row = (
            conn.execute(select(story_reports).where(story_reports.c.story_id == story_id)).mappings().first()
        )
    if row is None or row["version"] != version or _aware(row["story_updated_at"]) != _aware(updated_at):
        return None
    report: dict[str, Any] = row["report"]
    return report


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def save_report(
    database: Database, story_id: str, version: int, updated_at: datetime, report: dict[str, Any]
) -> None:
    counts = report.get("counts", {})
    row = {
        "story_id": story_id,
        "version": version,
        "story_updated_at": updated_at,
        "computed_at": datetime.now(UTC),
        "conflicts": int(counts.get("conflict", 0)),
        "facts": int(sum(counts.values())),
        "report": report,
    }
    with database.engine.begin() as conn:
        if conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first() is None:
            return  # the story was merged away meanwhile
        conn.execute(delete(story_reports).where(story_reports.c.story_id == story_id))
        conn.execute(insert(story_reports).values(row))


def stored_conflict_counts(
    database: Database, story_ids: Sequence[str]
) -> dict[str, tuple[int, datetime, int]]:
    """(conflicts, story_updated_at, version) of the cached reports of ``story_ids``."""
    found: dict[str, tuple[int, datetime, int]] = {}
    with database.engine.connect() as conn:
        for start in range(0, len(story_ids), 500):
            chunk = list(story_ids[start : start + 500])
            query = select(
                story_reports.c.story_id,
                story_reports.c.conflicts,
                story_reports.c.story_updated_at,
                story_reports.c.version,
            )
            for sid, conflicts, updated, version in conn.execute(
                query.where(story_reports.c.story_id.in_(chunk))
            ):
                found[sid] = (conflicts, _aware(updated), version)
    return found


def stories_updated(database: Database, story_ids: Sequence[str]) -> dict[str, datetime]:
    """``updated_at`` of each of ``story_ids`` that exists, in one query per 500 ids."""
    found: dict[str, datetime] = {}
    with database.engine.connect() as conn:
        for start in range(0, len(story_ids), 500):
            chunk = list(story_ids[start : start + 500])
            query = select(stories.c.id, stories.c.updated_at).where(stories.c.id.in_(chunk))
            found.update({sid: _aware(updated) for sid, updated in conn.execute(query)})
    return found


def count_reports(database: Database) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(story_reports)).scalar_one())
