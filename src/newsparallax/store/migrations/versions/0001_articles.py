"""Articles, given ids, near-duplicates, MinHash bands, ingest runs, rejections, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    _articles()
    _links()
    _runs()
    if op.get_bind().dialect.name == "postgresql":
        _postgres_search()
    else:
        _sqlite_search()


def _articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("search_key", sa.BigInteger, nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.String(255)),
        sa.Column("published", sa.String(32)),
        sa.Column("language", sa.String(16)),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("dateline", sa.String(255)),
        sa.Column("wires", sa.JSON, nullable=False),
        sa.Column("notes", sa.JSON, nullable=False),
        sa.Column("headline_only", sa.Boolean, nullable=False),
        sa.Column("origin_location", sa.Text, nullable=False),
        sa.Column("origin_line", sa.Integer),
        sa.Column("origin_format", sa.String(32), nullable=False),
        sa.Column("minhash", sa.LargeBinary),
        sa.Column("ingested_at", _TS, nullable=False),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_source", "articles", ["source"])


def _links() -> None:
    fk = sa.ForeignKey("articles.id", ondelete="CASCADE")
    op.create_table(
        "article_ids",
        sa.Column("given_id", sa.String(255), primary_key=True),
        sa.Column("article_id", sa.String(255), fk, nullable=False),
        sa.Column("origin_location", sa.Text),
        sa.Column("origin_line", sa.Integer),
    )
    op.create_index("ix_article_ids_article", "article_ids", ["article_id"])
    op.create_table(
        "near_duplicates",
        sa.Column(
            "article_a", sa.String(255), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column(
            "article_b", sa.String(255), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("similarity", sa.Float, nullable=False),
    )
    op.create_index("ix_near_duplicates_b", "near_duplicates", ["article_b"])
    op.create_table(
        "minhash_bands",
        sa.Column("band_key", sa.BigInteger, primary_key=True),
        sa.Column(
            "article_id", sa.String(255), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
    )


def _runs() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", _TS, nullable=False),
        sa.Column("finished_at", _TS),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("inputs", sa.JSON, nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
    )
    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_rejections_run", "rejections", ["run_id"])


def _sqlite_search() -> None:
    # External-content FTS5 keyed on search_key (derived from the immutable content hash), not on
    # SQLite's implicit rowid, which VACUUM may renumber.
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
        "content_rowid='search_key', tokenize='porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.search_key, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.search_key, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.search_key, old.title, old.text); "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.search_key, new.title, new.text); END"
    )


def _postgres_search() -> None:
    op.execute(
        "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
    )
    op.execute("CREATE INDEX ix_articles_search ON articles USING GIN (search)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("rejections", "ingest_runs", "minhash_bands", "near_duplicates", "article_ids", "articles"):
        op.drop_table(table)
