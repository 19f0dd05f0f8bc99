"""Storing what the reading stage found: layers per article, entities and places across the store.

Written through :class:`ReadingWriter` only, one transaction per batch.  Re-reading an article
replaces its rows.  Entity counts are kept incrementally: a batch adds the mentions and articles of
its new rows and subtracts those of the rows it replaces, so they stay exact however often articles
are reprocessed, and a batch costs the same however many articles already name a frequent entity.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, select, update

from newsparallax.read.embed import to_bytes
from newsparallax.read.layers import EntityMention, PlaceMention
from newsparallax.read.reader import READ_VERSION, ReadOutput
from newsparallax.store.db import Database
from newsparallax.store.pending import read_done
from newsparallax.store.schema import article_entities, article_places, entities, places, readings


@dataclass
class _EntityRollup:
    name: str
    kind: str
    mentions: int = 0
    titles: list[str] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)


class ReadingWriter:
    """The single write path for reading results."""

    def __init__(self, database: Database, embedder: str | None = None) -> None:
        self.database = database
        self.embedder = embedder

    def write(self, outputs: Sequence[ReadOutput]) -> None:
        if not outputs:
            return
        ids = [o.reading.article_id for o in outputs]
        with self.database.engine.begin() as conn:
            removed = _clear(conn, ids)
            surnames = _known_surnames(conn, outputs)
            for output in outputs:
                _resolve_surnames(output.reading.entities, surnames)
            per_article = {o.reading.article_id: _rollup(o.reading.entities) for o in outputs}
            _write_entities(conn, per_article)
            _write_places(conn, outputs)
            conn.execute(insert(readings), [self._row(o) for o in outputs])
            _apply_counts(conn, _counts(per_article), removed)
            read_done(conn, ids)

    def _row(self, output: ReadOutput) -> dict[str, Any]:
        reading = output.reading
        return {
            "article_id": reading.article_id,
            "version": READ_VERSION,
            "model": reading.model,
            "embedder": self.embedder,
            "language": reading.language,
            "anchor": reading.anchor,
            "anchor_source": output.anchor_source,
            "layers": reading.layers(),
            "embedding": to_bytes(output.embedding) if output.embedding is not None else None,
            "read_at": datetime.now(UTC),
        }


#: Per entity key: (mentions, articles).
_Counts = dict[str, tuple[int, int]]


def _clear(conn: Connection, ids: list[str]) -> _Counts:
    """Delete earlier reading rows of these articles; return the entity counts those rows held."""
    removed = {
        key: (int(mentions), int(articles))
        for key, mentions, articles in conn.execute(
            select(article_entities.c.entity_key, func.sum(article_entities.c.mentions), func.count())
            .where(article_entities.c.article_id.in_(ids))
            .group_by(article_entities.c.entity_key)
        )
    }
    for table in (readings, article_entities, article_places):
        conn.execute(delete(table).where(table.c.article_id.in_(ids)))
    return removed


def _known_surnames(conn: Connection, outputs: Sequence[ReadOutput]) -> dict[str, set[tuple[str, str]]]:
    """Surname → {(key, name)} of multi-word people, from the store and this batch."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    wanted: set[str] = set()
    for output in outputs:
        for mention in output.reading.entities:
            if mention.key.startswith("person:"):
                words = mention.key.split(":", 1)[1].split()
                if len(words) == 1:
                    wanted.add(words[0])
                else:
                    found[words[-1]].add((mention.key, mention.name))
    if wanted:
        rows = conn.execute(
            select(entities.c.surname, entities.c.key, entities.c.name).where(
                and_(entities.c.kind == "person", entities.c.surname.in_(sorted(wanted)))
            )
        )
        for surname, key, name in rows:
            if len(key.split()) > 1:
                found[surname].add((key, name))
    return found


def _resolve_surnames(mentions: list[EntityMention], surnames: dict[str, set[tuple[str, str]]]) -> None:
    """A lone surname ("Putin") takes the one full name the store knows for it ("Vladimir Putin")."""
    for mention in mentions:
        if not mention.key.startswith("person:"):
            continue
        words = mention.key.split(":", 1)[1].split()
        candidates = {key for key, _ in surnames.get(words[0], set())} if len(words) == 1 else set()
        if len(candidates) == 1:
            key = candidates.pop()
            mention.key = key
            mention.name = next(name for k, name in surnames[words[0]] if k == key)


def _rollup(mentions: list[EntityMention]) -> dict[str, _EntityRollup]:
    rolled: dict[str, _EntityRollup] = {}
    for mention in mentions:
        kind = mention.key.split(":", 1)[0]
        entry = rolled.setdefault(mention.key, _EntityRollup(mention.name, kind))
        entry.mentions += 1
        entry.forms.add(mention.text)
        entry.titles.extend(t for t in mention.titles if t not in entry.titles)
        if _accents(mention.name) > _accents(entry.name):
            entry.name = mention.name
    return rolled


def _accents(name: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", name) if unicodedata.combining(c))


def _write_entities(conn: Connection, per_article: dict[str, dict[str, _EntityRollup]]) -> None:
    merged: dict[str, _EntityRollup] = {}
    for rolled in per_article.values():
        for key, entry in rolled.items():
            total = merged.setdefault(key, _EntityRollup(entry.name, entry.kind))
            total.forms |= entry.forms
            if _accents(entry.name) > _accents(total.name):
                total.name = entry.name
    _upsert_entities(conn, merged)
    rows = [
        {
            "article_id": article_id,
            "entity_key": key,
            "name": e.name,
            "mentions": e.mentions,
            "titles": e.titles,
        }
        for article_id, rolled in per_article.items()
        for key, e in rolled.items()
    ]
    if rows:
        conn.execute(insert(article_entities), rows)


def _upsert_entities(conn: Connection, merged: dict[str, _EntityRollup]) -> None:
    keys = sorted(merged)
    existing = {
        r.key: r for r in conn.execute(select(entities.c.key, entities.c.name, entities.c.aliases).where(
            entities.c.key.in_(keys)))
    }  # fmt: skip
    new_rows = []
    for key, entry in merged.items():
        if key in existing:
            row = existing[key]
            aliases = sorted(set(row.aliases) | entry.forms)
            name = entry.name if _accents(entry.name) > _accents(row.name) else row.name
            if aliases != sorted(row.aliases) or name != row.name:
                conn.execute(update(entities).where(entities.c.key == key).values(aliases=aliases, name=name))
        else:
            new_rows.append(_entity_row(key, entry))
    if new_rows:
        conn.execute(insert(entities), new_rows)


def _entity_row(key: str, entry: _EntityRollup) -> dict[str, Any]:
    words = key.split(":", 1)[1].split()
    surname = words[-1] if entry.kind == "person" and words else None
    return {"key": key, "name": entry.name, "kind": entry.kind, "surname": surname, "mentions": 0,
            "articles": 0, "aliases": sorted(entry.forms)}  # fmt: skip


def _counts(per_article: dict[str, dict[str, _EntityRollup]]) -> _Counts:
    """The mentions and articles this batch's rows add, per entity key."""
    mentions: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for rolled in per_article.values():
        for key, entry in rolled.items():
            mentions[key] += entry.mentions
            articles[key] += 1
    return {key: (mentions[key], articles[key]) for key in articles}


def _apply_counts(conn: Connection, added: _Counts, removed: _Counts) -> None:
    """Move each touched entity's counts by what was added less what was removed; an entity no
    article names any more is deleted.  Only the touched rows are read or written."""
    deltas: list[dict[str, Any]] = []
    for key in sorted(set(added) | set(removed)):
        (m_in, a_in), (m_out, a_out) = added.get(key, (0, 0)), removed.get(key, (0, 0))
        if (m_in, a_in) != (m_out, a_out):
            deltas.append({"k": key, "dm": m_in - m_out, "da": a_in - a_out})
    if not deltas:
        return
    conn.execute(_SHIFT, deltas)
    gone = [d["k"] for d in deltas if d["da"] < 0]
    for start in range(0, len(gone), 500):
        chunk = gone[start : start + 500]
        conn.execute(delete(entities).where(entities.c.key.in_(chunk), entities.c.articles <= 0))


_SHIFT = (
    update(entities)
    .where(entities.c.key == bindparam("k"))
    .values(mentions=entities.c.mentions + bindparam("dm"), articles=entities.c.articles + bindparam("da"))
)


def _write_places(conn: Connection, outputs: Sequence[ReadOutput]) -> None:
    by_article: dict[tuple[str, str], list[PlaceMention]] = defaultdict(list)
    catalogue: dict[str, PlaceMention] = {}
    for output in outputs:
        for place in output.reading.places:
            by_article[(output.reading.article_id, place.place_id)].append(place)
            catalogue.setdefault(place.place_id, place)
    if not catalogue:
        return
    known = set(
        conn.execute(select(places.c.place_id).where(places.c.place_id.in_(sorted(catalogue)))).scalars()
    )
    new = [_place_row(p) for pid, p in catalogue.items() if pid not in known]
    if new:
        conn.execute(insert(places), new)
    rows = [
        {"article_id": aid, "place_id": pid, "mentions": len(ms), "names": sorted({m.text for m in ms})}
        for (aid, pid), ms in by_article.items()
    ]
    conn.execute(insert(article_places), rows)


def _place_row(place: PlaceMention) -> dict[str, Any]:
    return {"place_id": place.place_id, "name": place.name, "kind": place.kind, "country": place.country,
            "admin1": place.admin1, "lat": place.lat, "lon": place.lon}  # fmt: skip
