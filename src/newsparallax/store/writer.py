"""The one write path for articles: a batch goes in one transaction, or not at all.

For every cleaned article of a batch the writer decides, against the store and the batch:

* **new**        – content not seen before: stored, its id recorded, near-duplicates linked;
* **duplicate**  – the same content is already stored (under this id or another): nothing new
  is stored, the id becomes an alias of the stored article, and metadata the stored copy lacks
  (url, outlet, date, title, authors, dateline, wires) is merged in;
* **conflict**   – the given id already names *different* content: rejected, nothing changed.

Because each batch is one transaction and every decision is re-made from the store, killing the
process at any moment leaves a consistent store, and re-running the same input completes it.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, insert, select, update

from newsparallax.clean.fingerprint import band_keys, minhash_signature, similarity
from newsparallax.model import Article, Rejection
from newsparallax.store.db import Database
from newsparallax.store.pending import READ, enqueue
from newsparallax.store.schema import (
    article_ids,
    articles,
    minhash_bands,
    near_duplicates,
    pending_work,
    readings,
)

log = logging.getLogger(__name__)

NEAR_DUPLICATE_THRESHOLD = 0.7
#: Metadata the reading stage depends on (the anchor date, the dateline, the language).
_READ_INPUTS = frozenset({"published", "url", "dateline", "language"})
_MERGEABLE = ("url", "source", "published", "title", "dateline", "language")


@dataclass
class BatchOutcome:
    stored: list[str] = field(default_factory=list)
    new_articles: list[Article] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    merged: int = 0
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def search_key(content_hash: str) -> int:
    """A signed 64-bit key from the content hash: the full-text index's stable row id."""
    return int(struct.unpack("<q", bytes.fromhex(content_hash[:16]))[0])


class ArticleWriter:
    """Writes batches of cleaned articles.  Use one writer per process (the single write path)."""

    def __init__(self, database: Database, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        self.database = database
        self.threshold = threshold

    def write(self, batch: Sequence[Article]) -> BatchOutcome:
        """Place every article of ``batch`` (decisions in memory), then write them with a few statements."""
        outcome = BatchOutcome()
        with self.database.engine.begin() as conn:
            plan = _Plan(_BatchState.load(conn, batch))
            for article in batch:
                plan.place(article, outcome)
            self._link_near_duplicates(conn, plan, outcome)
            plan.flush(conn, outcome)
        return outcome

    def _link_near_duplicates(self, conn: Connection, plan: _Plan, outcome: BatchOutcome) -> None:
        stored = _stored_bands(conn, [k for keys in plan.bands.values() for k in keys])
        signatures = _signatures(conn, {i for ids in stored.values() for i in ids})
        seen: dict[int, list[str]] = {}
        for article_id, keys in plan.bands.items():
            candidates = {i for k in keys for i in stored.get(k, []) + seen.get(k, [])}
            for other_id in sorted(candidates):
                other = plan.signatures.get(other_id)
                score = similarity(
                    plan.signatures[article_id], other if other is not None else signatures[other_id]
                )
                if score >= self.threshold:
                    plan.link(article_id, other_id, score)
                    outcome.near_duplicates.append((article_id, other_id, score))
            for key in keys:
                seen.setdefault(key, []).append(article_id)


@dataclass
class _Plan:
    """The rows one batch will write, decided in memory against the store's state."""

    state: _BatchState
    new_rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    id_rows: list[dict[str, Any]] = field(default_factory=list)
    merges: list[tuple[str, Article]] = field(default_factory=list)
    signatures: dict[str, np.ndarray] = field(default_factory=dict)
    bands: dict[str, list[int]] = field(default_factory=dict)
    links: list[dict[str, Any]] = field(default_factory=list)

    def place(self, article: Article, outcome: BatchOutcome) -> None:
        state = self.state
        owner = state.ids.get(article.id)
        stored_id = state.hashes.get(article.content_hash)
        if owner is not None and owner != stored_id:
            if article.id_given:
                outcome.rejected.append(_id_conflict(article, owner))
                return
            # A name derived from a file: refer to the stored copy, or take a name of its own.
            article.id = stored_id if stored_id is not None else _fresh_id(article)
        if stored_id is not None:
            self._duplicate(article, stored_id, outcome)
        else:
            self._new(article, outcome)

    def _duplicate(self, article: Article, stored_id: str, outcome: BatchOutcome) -> None:
        if article.id != stored_id and article.id not in self.state.ids:
            self.id_rows.append(_id_row(article, stored_id))
            self.state.ids[article.id] = stored_id
        outcome.duplicates.append((article.id, stored_id))
        pending = self.new_rows.get(stored_id)
        if pending is not None:
            outcome.merged += int(_merge_into(pending, article))
        elif any(getattr(article, name) for name in (*_MERGEABLE, "authors", "wires")):
            self.merges.append((stored_id, article))

    def _new(self, article: Article, outcome: BatchOutcome) -> None:
        signature = minhash_signature(article.text)
        self.new_rows[article.id] = _article_row(article, signature)
        self.id_rows.append(_id_row(article, article.id))
        self.state.ids[article.id] = article.id
        self.state.hashes[article.content_hash] = article.id
        outcome.stored.append(article.id)
        outcome.new_articles.append(article)
        if signature is not None:
            self.signatures[article.id] = signature
            self.bands[article.id] = sorted(set(band_keys(signature)))

    def link(self, article_id: str, other_id: str, score: float) -> None:
        a, b = sorted((article_id, other_id))
        self.links.append({"article_a": a, "article_b": b, "similarity": score})

    def flush(self, conn: Connection, outcome: BatchOutcome) -> None:
        if self.new_rows:
            conn.execute(insert(articles), list(self.new_rows.values()))
            conn.execute(insert(pending_work), [{"stage": READ, "article_id": i} for i in self.new_rows])
        if self.id_rows:
            conn.execute(insert(article_ids), self.id_rows)
        band_rows = [{"band_key": k, "article_id": i} for i, keys in self.bands.items() for k in keys]
        if band_rows:
            conn.execute(insert(minhash_bands), band_rows)
        if self.links:
            conn.execute(insert(near_duplicates), self.links)
        if self.merges:
            outcome.merged += _merge_metadata(conn, self.merges)


@dataclass
class _BatchState:
    """What the store already holds for this batch's ids and hashes, kept current as the batch is placed."""

    ids: dict[str, str]
    hashes: dict[str, str]

    @classmethod
    def load(cls, conn: Connection, batch: Sequence[Article]) -> _BatchState:
        given = list({a.id for a in batch})
        hashes = list({a.content_hash for a in batch})
        id_rows = conn.execute(
            select(article_ids.c.given_id, article_ids.c.article_id).where(article_ids.c.given_id.in_(given))
        )
        hash_rows = conn.execute(
            select(articles.c.content_hash, articles.c.id).where(articles.c.content_hash.in_(hashes))
        )
        return cls({r[0]: r[1] for r in id_rows}, {r[0]: r[1] for r in hash_rows})


def _stored_bands(conn: Connection, keys: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for start in range(0, len(keys), 5000):
        query = select(minhash_bands.c.band_key, minhash_bands.c.article_id).where(
            minhash_bands.c.band_key.in_(keys[start : start + 5000])
        )
        for key, article_id in conn.execute(query):
            found.setdefault(int(key), []).append(str(article_id))
    return found


def _signatures(conn: Connection, ids: set[str]) -> dict[str, np.ndarray]:
    if not ids:
        return {}
    rows = conn.execute(select(articles.c.id, articles.c.minhash).where(articles.c.id.in_(sorted(ids))))
    return {row.id: np.frombuffer(row.minhash, dtype=np.uint64) for row in rows if row.minhash}


def _fresh_id(article: Article) -> str:
    """A derived id (from a file name) that is taken by other content gets the hash appended."""
    candidate = f"{article.id}-{article.content_hash[:8]}"
    log.info(
        "id %s is taken by other content; storing %s as %s", article.id, article.origin.describe(), candidate
    )
    return candidate


def _id_conflict(article: Article, owner: str) -> Rejection:
    return Rejection(
        article.origin.location,
        article.origin.line,
        f"id {article.id!r} is already stored with different text (article {owner!r}); "
        "give this item another id, or remove the stored one first",
    )


def _article_row(article: Article, signature: np.ndarray | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "search_key": search_key(article.content_hash),
        "title": article.title,
        "text": article.text,
        "url": article.url,
        "source": article.source,
        "published": article.published,
        "language": article.language,
        "authors": list(article.authors),
        "dateline": article.dateline,
        "wires": list(article.wires),
        "notes": list(article.notes),
        "headline_only": article.headline_only,
        "origin_location": article.origin.location,
        "origin_line": article.origin.line,
        "origin_format": article.origin.format,
        "minhash": signature.tobytes() if signature is not None else None,
        "ingested_at": datetime.now(UTC),
    }


def _id_row(article: Article, stored_id: str) -> dict[str, Any]:
    return {
        "given_id": article.id,
        "article_id": stored_id,
        "origin_location": article.origin.location,
        "origin_line": article.origin.line,
    }


def _merge_into(row: dict[str, Any], article: Article) -> bool:
    """Fill the empty metadata of ``row`` (a stored or pending article) from ``article``."""
    changes: dict[str, Any] = {
        name: getattr(article, name) for name in _MERGEABLE if not row[name] and getattr(article, name)
    }
    for name in ("authors", "wires"):
        extra = [v for v in getattr(article, name) if v not in row[name]]
        if extra:
            changes[name] = list(row[name]) + extra
    row.update(changes)
    return bool(changes)


def _merge_metadata(conn: Connection, merges: list[tuple[str, Article]]) -> int:
    """Merge each copy's metadata into its stored row; returns how many copies changed something."""
    columns = [articles.c.id, *(articles.c[name] for name in (*_MERGEABLE, "authors", "wires"))]
    ids = sorted({stored_id for stored_id, _ in merges})
    rows = {r["id"]: dict(r) for r in conn.execute(select(*columns).where(articles.c.id.in_(ids))).mappings()}
    originals = {key: dict(row) for key, row in rows.items()}
    changed = sum(int(_merge_into(rows[stored_id], article)) for stored_id, article in merges)
    stale = []
    for key, row in rows.items():
        diff = {k: v for k, v in row.items() if v != originals[key][k]}
        if diff:
            conn.execute(update(articles).where(articles.c.id == key).values(**diff))
        if set(diff) & _READ_INPUTS:
            stale.append(key)
    if stale:  # what the reading stage used has changed: read these again
        conn.execute(delete(readings).where(readings.c.article_id.in_(stale)))
        enqueue(conn, READ, stale)
    return changed
