"""Reading articles back: by id (any id the user gave), listed, searched in full text, counted."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Table, func, literal_column, select, text

from newsparallax.model import Article, Origin
from newsparallax.store.db import Database
from newsparallax.store.pending import READ, chunks, queued
from newsparallax.store.schema import article_ids, articles, ingest_runs, near_duplicates, readings

_SUMMARY_COLUMNS = (
    articles.c.id,
    articles.c.title,
    articles.c.source,
    articles.c.published,
    articles.c.language,
    articles.c.url,
    articles.c.headline_only,
)


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    total: int


def get_article(database: Database, given_id: str) -> dict[str, Any] | None:
    """The stored article for ``given_id`` (its own id or an alias), with its aliases and near-duplicates."""
    with database.engine.connect() as conn:
        stored_id = conn.execute(
            select(article_ids.c.article_id).where(article_ids.c.given_id == given_id)
        ).scalar_one_or_none()
        if stored_id is None:
            return None
        row = conn.execute(select(articles).where(articles.c.id == stored_id)).mappings().one()
        record = {k: v for k, v in row.items() if k not in ("minhash", "search_key")}
        record["ingested_at"] = row["ingested_at"].isoformat() if row["ingested_at"] else None
        record["aliases"] = _aliases(conn, stored_id)
        record["near_duplicates"] = _near_duplicates(conn, stored_id)
        return record


def _aliases(conn: Connection, stored_id: str) -> list[str]:
    query = select(article_ids.c.given_id).where(
        article_ids.c.article_id == stored_id, article_ids.c.given_id != stored_id
    )
    return sorted(conn.execute(query).scalars())


def _near_duplicates(conn: Connection, stored_id: str) -> list[dict[str, Any]]:
    query = select(near_duplicates).where(
        (near_duplicates.c.article_a == stored_id) | (near_duplicates.c.article_b == stored_id)
    )
    out = []
    for row in conn.execute(query):
        other = row.article_b if row.article_a == stored_id else row.article_a
        out.append({"id": other, "similarity": round(row.similarity, 3)})
    return sorted(out, key=lambda d: -float(d["similarity"]))


def list_articles(database: Database, *, search: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Articles newest first, or best match first when ``search`` is given."""
    with database.engine.connect() as conn:
        if search:
            return _search(conn, database.dialect, search, limit, offset)
        query: Select[Any] = select(*_SUMMARY_COLUMNS).order_by(
            articles.c.published.desc().nulls_last(), articles.c.id
        )
        total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
        return Page([dict(r) for r in rows], int(total))


def fts_query(search: str) -> str:
    """A user's words as a safe FTS5 query: every word must appear (quotes keep phrases)."""
    phrases = re.findall(r'"([^"]+)"', search)
    rest = re.sub(r'"[^"]*"', " ", search)
    words = re.findall(r"\w+", rest, flags=re.UNICODE)
    terms = [f'"{p.replace(chr(34), "")}"' for p in phrases] + [f'"{w}"' for w in words]
    return " ".join(terms)


def _search(conn: Connection, dialect: str, search: str, limit: int, offset: int) -> Page:
    if dialect == "postgresql":
        return _search_postgres(conn, search, limit, offset)
    match = fts_query(search)
    if not match:
        return Page([], 0)
    base = (
        "FROM articles_fts JOIN articles a ON a.search_key = articles_fts.rowid WHERE articles_fts MATCH :q"
    )
    total = conn.execute(text(f"SELECT count(*) {base}"), {"q": match}).scalar_one()
    rows = (
        conn.execute(
            text(
                "SELECT a.id, a.title, a.source, a.published, a.language, a.url, a.headline_only, "
                f"snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet {base} "
                "ORDER BY bm25(articles_fts) LIMIT :limit OFFSET :offset"
            ),
            {"q": match, "limit": limit, "offset": offset},
        )
        .mappings()
        .all()
    )
    return Page([dict(r) for r in rows], int(total))


def _search_postgres(conn: Connection, search: str, limit: int, offset: int) -> Page:
    query = func.websearch_to_tsquery("english", search)
    search_col: ColumnElement[Any] = literal_column("articles.search")
    where = search_col.op("@@")(query)
    total = conn.execute(select(func.count()).select_from(articles).where(where)).scalar_one()
    snippet = func.ts_headline(
        "english", articles.c.text, query, "StartSel=[,StopSel=],MaxWords=24,MinWords=8"
    ).label("snippet")
    rank = func.ts_rank(search_col, query)
    rows = (
        conn.execute(
            select(*_SUMMARY_COLUMNS, snippet)
            .where(where)
            .order_by(rank.desc(), articles.c.id)
            .limit(limit)
            .offset(offset)
        )
        .mappings()
        .all()
    )
    return Page([dict(r) for r in rows], int(total))


def store_stats(database: Database) -> dict[str, Any]:
    """Counts a user checks after an ingest: articles, ids, near-duplicate pairs, languages, outlets."""
    with database.engine.connect() as conn:

        def count(table: Table) -> int:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())

        languages = conn.execute(
            select(articles.c.language, func.count())
            .group_by(articles.c.language)
            .order_by(func.count().desc())
        ).all()
        outlets = conn.execute(select(func.count(func.distinct(articles.c.source)))).scalar_one()
        span = conn.execute(select(func.min(articles.c.published), func.max(articles.c.published))).one()
        return {
            "articles": count(articles),
            "ids": count(article_ids),
            "near_duplicate_pairs": count(near_duplicates),
            "headline_only": int(
                conn.execute(
                    select(func.count()).select_from(articles).where(articles.c.headline_only.is_(True))
                ).scalar_one()
            ),
            "outlets": int(outlets),
            "languages": {lang or "unknown": int(n) for lang, n in languages},
            "published_from": span[0],
            "published_to": span[1],
            "ingest_runs": count(ingest_runs),
        }


_READ_COLUMNS = select(
    articles.c.id, articles.c.text, articles.c.title, articles.c.url, articles.c.source,
    articles.c.published, articles.c.language, articles.c.dateline,
    articles.c.origin_location, articles.c.origin_line, articles.c.origin_format,
)  # fmt: skip


def articles_to_read(
    database: Database, *, everything: bool = False, version: int | None = None, batch_size: int = 200
) -> Iterator[list[Article]]:
    """Stored articles that have no reading (or an older one than ``version``; all with ``everything``),
    oldest publication first.  Without ``everything`` only the queue of articles to read and the
    readings older than ``version`` are looked at, so the cost is that of what is pending."""
    with database.engine.connect() as conn:
        ids = _all_ids(conn) if everything else _unread_ids(conn, version)
    for chunk in chunks(ids, batch_size):
        with database.engine.connect() as conn:
            rows = conn.execute(_READ_COLUMNS.where(articles.c.id.in_(chunk))).mappings()
            found = {row["id"]: _article(row) for row in rows}
        yield [found[i] for i in chunk if i in found]


def _all_ids(conn: Connection) -> list[str]:
    query = select(articles.c.id).order_by(articles.c.published.nulls_first(), articles.c.id)
    return list(conn.execute(query).scalars())


def _unread_ids(conn: Connection, version: int | None) -> list[str]:
    candidates = set(queued(conn, READ))
    current = select(readings.c.article_id).where(readings.c.article_id == articles.c.id)
    if version is not None:
        stale = select(readings.c.article_id).where(readings.c.version < version)
        candidates.update(conn.execute(stale).scalars())
        current = current.where(readings.c.version >= version)
    rows: list[tuple[str, str | None]] = []
    for chunk in chunks(sorted(candidates)):
        query = select(articles.c.id, articles.c.published).where(articles.c.id.in_(chunk), ~current.exists())
        rows.extend((row.id, row.published) for row in conn.execute(query))
    rows.sort(key=lambda r: (r[1] is not None, r[1] or "", r[0]))  # publication order, undated first
    return [article_id for article_id, _published in rows]


def articles_by_id(database: Database, ids: list[str]) -> list[Article]:
    """Stored articles (with any metadata merged from duplicates), in the order of ``ids``."""
    with database.engine.connect() as conn:
        rows = conn.execute(_READ_COLUMNS.where(articles.c.id.in_(ids))).mappings()
        found = {row["id"]: _article(row) for row in rows}
    return [found[i] for i in ids if i in found]


def _article(row: Any) -> Article:
    return Article(
        id=row["id"], text=row["text"], title=row["title"], url=row["url"], source=row["source"],
        published=row["published"], language=row["language"], dateline=row["dateline"],
        origin=Origin(row["origin_location"], row["origin_line"], row["origin_format"]),
    )  # fmt: skip


def get_reading(database: Database, article_id: str) -> dict[str, Any] | None:
    """The stored reading layers of an article (by its stored id), or None when it was not read."""
    with database.engine.connect() as conn:
        row = conn.execute(select(readings).where(readings.c.article_id == article_id)).mappings().first()
        if row is None:
            return None
        record = {k: v for k, v in row.items() if k != "embedding"}
        record["read_at"] = row["read_at"].isoformat() if row["read_at"] else None
        record["has_embedding"] = row["embedding"] is not None
        return record
