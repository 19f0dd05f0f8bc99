"""Content hash of short bodies: a body under 80 words is hashed with its title.

A teaser, or a paywall or sign-up notice scraped instead of the story, is the same text under many
different headlines; hashed alone it made all those reports one article.  From this revision the
hash of such a body covers the title too (``Article.compute_hash``).  The stored hashes of short
bodies are recomputed here so that re-ingesting an article already in the store is still seen as
the same article (and not refused as a different text under a known id).  ``search_key`` (the
full-text index's row id) is left as it was: it only has to be unique and stable.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import hashlib
import re

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: Frozen copies of the rule at this revision (a migration must not change when the code does).
IDENTIFYING_WORDS = 80
_WS = re.compile(r"\s+")
_CANDIDATES = sa.text(
    "SELECT id, title, text, content_hash FROM articles WHERE length(text) < 4000 AND id > :after "
    "ORDER BY id LIMIT 500"
)
_TAKEN = sa.text("SELECT 1 FROM articles WHERE content_hash = :h")
_SET = sa.text("UPDATE articles SET content_hash = :h WHERE id = :id")


def _hash(title: str | None, text: str, with_title: bool) -> str:
    if len(text.split()) >= IDENTIFYING_WORDS:
        basis = text
    elif with_title or not text.strip():
        basis = "title:" + (title or "") + ("\n" + text if text.strip() else "")
    else:
        basis = text
    return hashlib.sha256(_WS.sub(" ", basis).strip().casefold().encode("utf-8")).hexdigest()


def _rehash(with_title: bool) -> None:
    """Recompute the short bodies' hashes, 500 rows at a time (a hash already taken stays as it was)."""
    conn, after = op.get_bind(), ""
    while rows := conn.execute(_CANDIDATES, {"after": after}).mappings().all():
        for row in rows:
            new = _hash(row["title"], row["text"], with_title)
            if new != row["content_hash"] and conn.execute(_TAKEN, {"h": new}).first() is None:
                conn.execute(_SET, {"h": new, "id": row["id"]})
        after = rows[-1]["id"]


def upgrade() -> None:
    _rehash(with_title=True)


def downgrade() -> None:
    _rehash(with_title=False)
