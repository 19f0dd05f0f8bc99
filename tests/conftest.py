"""Shared fixtures: a fresh store per test on SQLite, and on PostgreSQL when a server is given.

PostgreSQL tests need ``PARALLAX_TEST_PG_URL`` (``.ci/run`` starts a server and sets it).  They
are skipped with a message when it is absent, except under CI, where a missing server fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsparallax.store.db import Database, open_database

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PG_URL = os.environ.get("PARALLAX_TEST_PG_URL")


def shared_path(relative: str) -> Path:
    """A file of ../shared/datasets, or a skip saying where it was looked for."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"shared dataset {path} is not here (tests that read ../shared/datasets skip without it)")
    return path


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    from newsparallax.store.db import resolve_url

    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def postgres_url() -> str:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("PARALLAX_TEST_PG_URL is not set under CI; .ci/run should start PostgreSQL")
        pytest.skip("no PostgreSQL server: set PARALLAX_TEST_PG_URL (see .ci/postgres.sh)")
    _reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL for an empty store, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return postgres_url()


@pytest.fixture
def database(store_url: str) -> Iterator[Database]:
    db = open_database(store_url)
    yield db
    db.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(str(tmp_path / "store.db"))
    yield db
    db.dispose()
