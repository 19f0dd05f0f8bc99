"""Story days: indexes that find closed stories by their event day or their first report's day.

Late-report recall (``stories/recall.py``) looks for closed stories whose event date or first
report falls on a day an article names.  Driven by the article's people, that look-up read every
stored report naming them, so it grew with the store (a name in the news for years matches
thousands of reports).  Driven by these two indexes it reads the stories of a handful of days.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_stories_event_date", "stories", ["event_date", "last_seen"])
    op.create_index("ix_stories_first_seen", "stories", ["first_seen"])


def downgrade() -> None:
    op.drop_index("ix_stories_first_seen", "stories")
    op.drop_index("ix_stories_event_date", "stories")
