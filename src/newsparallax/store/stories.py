"""Stories in the store: membership written through one path, summaries kept current.

``story_articles`` holds each article's story; ``stories`` holds a summary per story (title,
event date, places, main entities, first and last report, outlets, languages, independent
origins vs wire copies) refreshed for the stories a batch touched.  Merges leave a redirect from
the old id; merges and splits are logged in ``story_events``.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, Self

from sqlalchemy import Connection, delete, func, insert, select, update

from newsparallax.read.layers import DAY_GRAINS
from newsparallax.store.db import Database
from newsparallax.store.pending import STORY, dequeue
from newsparallax.store.schema import (
    article_entities,
    article_places,
    articles,
    entities,
    near_duplicates,
    places,
    readings,
    stories,
    story_articles,
    story_events,
    story_redirects,
)
from newsparallax.stories.assign import Assignment

_TOP = 5
#: Story titles are taken from a report in this language when there is one.
TITLE_LANGUAGE = os.environ.get("PARALLAX_LANGUAGE", "en")


def write_assignments(database: Database, assignments: Sequence[Assignment]) -> None:
    """Record where each article went and refresh the summaries of the stories involved."""
    if not assignments:
        return
    with database.engine.begin() as conn:
        ids = [a.article_id for a in assignments]
        previous = set(
            conn.execute(
                select(story_articles.c.story_id).where(story_articles.c.article_id.in_(ids))
            ).scalars()
        )
        conn.execute(delete(story_articles).where(story_articles.c.article_id.in_(ids)))
        touched = {a.story_id for a in assignments}
        _ensure(conn, touched)
        rows = [{"article_id": a.article_id, "story_id": a.story_id, "score": a.score} for a in assignments]
        conn.execute(insert(story_articles), rows)
        dequeue(conn, STORY, ids)
        refresh(conn, touched | previous)


def _ensure(conn: Connection, story_ids: Iterable[str]) -> None:
    wanted = sorted(set(story_ids))
    known = set(conn.execute(select(stories.c.id).where(stories.c.id.in_(wanted))).scalars())
    now = datetime.now(UTC)
    new = [_empty(i, now) for i in wanted if i not in known]
    if new:
        conn.execute(insert(stories), new)


def _empty(story_id: str, now: datetime) -> dict[str, Any]:
    return {"id": story_id, "articles": 0, "outlets": [], "languages": [], "places": [], "entities": [],
            "origins": 0, "wire_copies": 0, "updated_at": now}  # fmt: skip


def refresh(conn: Connection, story_ids: Iterable[str]) -> None:
    """Recompute the summary of each story; stories left without articles are deleted.

    Each chunk of stories costs a fixed number of queries (members, links, dates, places,
    entities), whatever the number of stories in it."""
    wanted = sorted(set(story_ids))
    for start in range(0, len(wanted), 300):
        chunk = wanted[start : start + 300]
        members = _members(conn, chunk)
        gone = [s for s in chunk if not members.get(s)]
        if gone:
            conn.execute(delete(stories).where(stories.c.id.in_(gone)))
        facts = _ChunkFacts.load(conn, [s for s in chunk if members.get(s)], members)
        for story_id, rows in members.items():
            summary = _summary(story_id, rows, facts)
            conn.execute(update(stories).where(stories.c.id == story_id).values(**summary))


def _members(conn: Connection, story_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    query = (
        select(
            story_articles.c.story_id,
            articles.c.id,
            articles.c.title,
            articles.c.published,
            articles.c.source,
            articles.c.language,
        )
        .join(articles, articles.c.id == story_articles.c.article_id)
        .where(story_articles.c.story_id.in_(story_ids))
    )
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(query).mappings():
        grouped[row["story_id"]].append(dict(row))
    return grouped


class _ChunkFacts:
    """What the summaries of a chunk of stories need from the other tables, read in one query each."""

    def __init__(self) -> None:
        self.links: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.days: dict[str, Counter[str]] = defaultdict(Counter)
        self.places: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.entities: dict[str, list[dict[str, Any]]] = defaultdict(list)

    @classmethod
    def load(cls, conn: Connection, story_ids: list[str], members: dict[str, list[dict[str, Any]]]) -> Self:
        facts = cls()
        if story_ids:
            story_of = {r["id"]: s for s in story_ids for r in members[s]}
            facts._links(conn, story_of)
            facts._days(conn, story_of)
            facts._top(conn, story_ids, _place_counts, facts.places)
            facts._top(conn, story_ids, _entity_counts, facts.entities)
        return facts

    def _links(self, conn: Connection, story_of: dict[str, str]) -> None:
        ids = list(story_of)
        query = select(near_duplicates.c.article_a, near_duplicates.c.article_b).where(
            near_duplicates.c.article_a.in_(ids), near_duplicates.c.article_b.in_(ids)
        )
        for a, b in conn.execute(query):
            if story_of[a] == story_of[b]:
                self.links[story_of[a]].append((a, b))

    def _days(self, conn: Connection, story_of: dict[str, str]) -> None:
        """Per story, how many members' resolved dates point to each day (only the dates layer is read)."""
        query = select(readings.c.article_id, readings.c.layers["dates"]).where(
            readings.c.article_id.in_(list(story_of))
        )
        for article_id, dates in conn.execute(query):
            found = {d["value"] for d in dates or [] if d.get("value") and d.get("granularity") in DAY_GRAINS}
            self.days[story_of[article_id]].update(found)

    def _top(self, conn: Connection, story_ids: list[str], counts: Any, into: dict[str, list[Any]]) -> None:
        ranked: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in conn.execute(counts(story_ids)).mappings():
            item = dict(row)
            ranked[item.pop("story_id")].append(item)
        for story_id, items in ranked.items():
            items.sort(key=lambda r: (-r["n"], r["key"] if "key" in r else r["place_id"]))
            into[story_id] = items[:_TOP]


def _summary(story_id: str, rows: list[dict[str, Any]], facts: _ChunkFacts) -> dict[str, Any]:
    ordered = sorted(rows, key=lambda r: (r["published"] or "9999", r["id"]))
    ids = [r["id"] for r in ordered]
    dated = [r["published"] for r in ordered if r["published"]]
    origins = _origins(ids, facts.links.get(story_id, []))
    return {
        "title": _title(ordered),
        "event_date": _event_date(facts.days.get(story_id, Counter())),
        "first_seen": dated[0] if dated else None,
        "last_seen": max(dated) if dated else None,
        "articles": len(ids),
        "outlets": sorted({r["source"] for r in ordered if r["source"]}),
        "languages": sorted({r["language"] for r in ordered if r["language"]}),
        "places": facts.places.get(story_id, []),
        "entities": facts.entities.get(story_id, []),
        "origins": origins,
        "wire_copies": len(ids) - origins,
        "updated_at": datetime.now(UTC),
    }


def _title(ordered: list[dict[str, Any]]) -> str | None:
    """The first report's title, in the reader's language where a report in it has one."""
    titled = [r for r in ordered if r["title"]]
    preferred = [r for r in titled if r["language"] == TITLE_LANGUAGE] or titled
    return preferred[0]["title"] if preferred else None


def _origins(ids: list[str], links: list[tuple[str, str]]) -> int:
    """Independent origins: members grouped by near-duplicate links (wire copies of one text count once)."""
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        parent[root(a)] = root(b)
    return len({root(i) for i in ids})


def _event_date(days: Counter[str]) -> str | None:
    """The day the members' resolved dates most often point to (ties: the earliest)."""
    if not days:
        return None
    return min(days, key=lambda d: (-days[d], d))


def _place_counts(story_ids: list[str]) -> Any:
    return (
        select(
            story_articles.c.story_id,
            places.c.place_id,
            places.c.name,
            places.c.kind,
            places.c.lat,
            places.c.lon,
            func.count().label("n"),
        )
        .join(article_places, article_places.c.article_id == story_articles.c.article_id)
        .join(places, places.c.place_id == article_places.c.place_id)
        .where(story_articles.c.story_id.in_(story_ids))
        .group_by(
            story_articles.c.story_id,
            places.c.place_id,
            places.c.name,
            places.c.kind,
            places.c.lat,
            places.c.lon,
        )
    )


def _entity_counts(story_ids: list[str]) -> Any:
    return (
        select(
            story_articles.c.story_id,
            entities.c.key,
            entities.c.name,
            entities.c.kind,
            func.count().label("n"),
        )
        .join(article_entities, article_entities.c.article_id == story_articles.c.article_id)
        .join(entities, entities.c.key == article_entities.c.entity_key)
        .where(story_articles.c.story_id.in_(story_ids), entities.c.kind.in_(("person", "org")))
        .group_by(story_articles.c.story_id, entities.c.key, entities.c.name, entities.c.kind)
    )


def record_event(conn: Connection, kind: str, story_id: str, other_id: str, count: int) -> None:
    now = datetime.now(UTC)
    conn.execute(insert(story_events).values(at=now, kind=kind, story_id=story_id, other_id=other_id,
                                             articles=count))  # fmt: skip
    if kind == "merge":
        conn.execute(delete(story_redirects).where(story_redirects.c.old_id == other_id))
        conn.execute(insert(story_redirects).values(old_id=other_id, new_id=story_id, reason=kind, at=now))
