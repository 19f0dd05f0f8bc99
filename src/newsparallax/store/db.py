"""Opening a store: resolve the location, create the engine, apply migrations.

SQLite is the embedded default (``./parallax.db``) in WAL mode with a busy timeout, so readers
never block the single writer and a killed process leaves a consistent file.  Any SQLAlchemy
URL works too; ``postgresql://`` URLs use psycopg 3.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from newsparallax.errors import MissingExtraError, StoreError

log = logging.getLogger(__name__)

DEFAULT_DB = "parallax.db"
ENV_DB = "PARALLAX_DB"
_MIGRATIONS = Path(__file__).parent / "migrations"
HEAD = "0007"


def resolve_url(db: str | None = None) -> str:
    """The store URL: the explicit value, else ``$PARALLAX_DB``, else ``./parallax.db``.

    Plain paths become SQLite URLs; ``postgres://`` is accepted as ``postgresql+psycopg://``.
    """
    value = db or os.environ.get(ENV_DB) or DEFAULT_DB
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser()}"
    for prefix in ("postgres://", "postgresql://"):
        if value.startswith(prefix):
            return "postgresql+psycopg://" + value[len(prefix) :]
    return value


def describe(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


@dataclass
class Database:
    engine: Engine
    url: str

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(db: str | None = None, *, migrate: bool = True) -> Database:
    """Open (and by default create or upgrade) the store at ``db``."""
    url = resolve_url(db)
    engine = _create_engine(url)
    database = Database(engine, url)
    if migrate:
        upgrade(database)
    return database


def _create_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"Not a database URL or path: {url!r} ({exc}).") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    if parsed.get_backend_name() == "postgresql":
        _require_psycopg()
    try:
        return create_engine(url, pool_pre_ping=True, future=True)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"Cannot use database {describe(url)}: {exc}") from None


def _sqlite_engine(url: str, path: str | None) -> Engine:
    if path and path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"Cannot create the store {path}: folder {parent} does not exist.")
    engine = create_engine(url, connect_args={"timeout": 30}, future=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _require_psycopg() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise MissingExtraError("psycopg (PostgreSQL driver)", "postgres") from None


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


def upgrade(database: Database) -> None:
    """Bring the schema to the newest revision (a no-op when it is already there)."""
    try:
        if current_revision(database) == HEAD:
            return
        _run_alembic(database)
    except OperationalError as exc:
        raise StoreError(
            f"Cannot open the store {describe(database.url)}: {exc.orig}. "
            "Check the path or URL (--db / PARALLAX_DB) and that the server is running."
        ) from None
    except SQLAlchemyError as exc:
        raise StoreError(f"Cannot migrate the store {describe(database.url)}: {exc}") from None


def _run_alembic(database: Database) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("store %s migrated to %s", describe(database.url), HEAD)
