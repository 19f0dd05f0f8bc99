"""Reading stage: per-article layers and embedding, entities across the store, geocoded places.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _fk(table: str, column: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.{column}", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "readings",
        sa.Column("article_id", sa.String(255), _fk("articles", "id"), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("model", sa.String(128), nullable=False),
        sa.Column("embedder", sa.String(64)),
        sa.Column("language", sa.String(16)),
        sa.Column("anchor", sa.String(32)),
        sa.Column("anchor_source", sa.String(16)),
        sa.Column("layers", sa.JSON, nullable=False),
        sa.Column("embedding", sa.LargeBinary),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("surname", sa.String(128)),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
    )
    op.create_index("ix_entities_surname", "entities", ["surname"])
    op.create_table(
        "article_entities",
        sa.Column("article_id", sa.String(255), _fk("articles", "id"), primary_key=True),
        sa.Column("entity_key", sa.String(300), _fk("entities", "key"), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("titles", sa.JSON, nullable=False),
    )
    op.create_index("ix_article_entities_entity", "article_entities", ["entity_key"])
    _places()


def _places() -> None:
    op.create_table(
        "places",
        sa.Column("place_id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("admin1", sa.String(16)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
    )
    op.create_table(
        "article_places",
        sa.Column("article_id", sa.String(255), _fk("articles", "id"), primary_key=True),
        sa.Column("place_id", sa.String(64), _fk("places", "place_id"), primary_key=True),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("names", sa.JSON, nullable=False),
    )
    op.create_index("ix_article_places_place", "article_places", ["place_id"])


def downgrade() -> None:
    for table in ("article_places", "places", "article_entities", "entities", "readings"):
        op.drop_table(table)
