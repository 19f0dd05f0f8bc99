"""Ingest runs and their rejections: a record of every run, so a killed run is visible afterwards."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update

from newsparallax.model import Rejection
from newsparallax.store.db import Database
from newsparallax.store.schema import ingest_runs, rejections


def start_run(database: Database, inputs: Sequence[str]) -> int:
    with database.engine.begin() as conn:
        result = conn.execute(
            insert(ingest_runs).values(
                started_at=datetime.now(UTC), status="running", inputs=list(inputs), counts={}
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def record_rejections(database: Database, run_id: int, items: Sequence[Rejection]) -> None:
    if not items:
        return
    rows = [{"run_id": run_id, "location": r.location, "line": r.line, "reason": r.reason} for r in items]
    with database.engine.begin() as conn:
        conn.execute(insert(rejections), rows)


def finish_run(database: Database, run_id: int, counts: dict[str, int], status: str = "done") -> None:
    with database.engine.begin() as conn:
        conn.execute(
            update(ingest_runs)
            .where(ingest_runs.c.id == run_id)
            .values(finished_at=datetime.now(UTC), status=status, counts=counts)
        )


def recent_runs(database: Database, limit: int = 10) -> list[dict[str, Any]]:
    with database.engine.connect() as conn:
        rows = conn.execute(select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(limit)).mappings()
        return [dict(r) for r in rows]
