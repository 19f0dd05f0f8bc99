"""Pending work: the articles still to read and the read articles still to put in a story.

An ingest run reads what an interrupted run left unread and assigns what it left without a story.
Finding those by comparing ``articles`` with ``readings`` and ``story_articles`` scans the whole
store on every run; this queue holds just them, so the look-up costs what is pending.  The stale
readings of an older reading version are found through an index on ``readings.version``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pending_work",
        sa.Column("stage", sa.String(8), primary_key=True),  # read, story
        sa.Column(
            "article_id", sa.String(255), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    op.create_index("ix_readings_version", "readings", ["version"])
    op.execute(
        "INSERT INTO pending_work (stage, article_id) SELECT 'read', id FROM articles "
        "WHERE id NOT IN (SELECT article_id FROM readings)"
    )
    op.execute(
        "INSERT INTO pending_work (stage, article_id) SELECT 'story', article_id FROM readings "
        "WHERE article_id NOT IN (SELECT article_id FROM story_articles)"
    )


def downgrade() -> None:
    op.drop_index("ix_readings_version", "readings")
    op.drop_table("pending_work")
