"""Stores as an older Parallax left them: migrated only up to a given revision, for migration tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config

from newsparallax.store import db as store_db
from newsparallax.store.db import Database, open_database


def store_at(store_url: str, revision: str) -> Database:
    """An empty store at ``revision`` (not HEAD); reopen it with ``open_database`` to upgrade it."""
    database = open_database(store_url, migrate=False)
    config = Config()
    config.set_main_option("script_location", str(Path(store_db.__file__).parent / "migrations"))
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return database


def article_row(
    article_id: str, text: str, content_hash: str, search_key: int, **fields: Any
) -> dict[str, Any]:
    """An ``articles`` row with the columns every revision since 0001 requires."""
    return {"id": article_id, "text": text, "content_hash": content_hash, "search_key": search_key,
            "authors": [], "wires": [], "notes": [], "headline_only": False, "origin_location": "x",
            "origin_format": "jsonl", "ingested_at": datetime.now(UTC), **fields}  # fmt: skip
