"""Full-text search on both dialects, the migration head, and store location rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from newsparallax.errors import StoreError
from newsparallax.store import db as store_db
from newsparallax.store.articles import fts_query, list_articles
from newsparallax.store.db import Database, open_database, resolve_url
from newsparallax.store.writer import ArticleWriter
from tests.store.test_writer import make


def test_head_constant_matches_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(Path(store_db.__file__).parent / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == store_db.HEAD


def test_search_finds_words_accents_folded(database: Database) -> None:
    ArticleWriter(database).write(
        [
            make(
                "a",
                "Two cargo planes landed at Maiquetía before dawn, witnesses said. " * 3,
                title="Planes land",
            ),
            make(
                "b",
                "The ferry to Isla Verde was cancelled because of high winds. " * 3,
                title="Ferry cancelled",
            ),
        ]
    )
    page = list_articles(database, search="cargo planes")
    assert [r["id"] for r in page.rows] == ["a"] and page.total == 1
    assert "[" in page.rows[0]["snippet"]
    if database.dialect == "sqlite":
        assert [r["id"] for r in list_articles(database, search="maiquetia").rows] == ["a"]
    assert list_articles(database, search="volcano").total == 0


def test_search_survives_query_syntax(database: Database) -> None:
    ArticleWriter(database).write([make("a", 'Quotes "and" stars * and parentheses ( in text. ' * 3)])
    for hostile in ['"unbalanced', "NEAR(", "* OR", "a:b", "'; DROP TABLE articles; --", "(((("]:
        list_articles(database, search=hostile)
    assert list_articles(database).total == 1


def test_list_orders_newest_first(database: Database) -> None:
    ArticleWriter(database).write(
        [
            make("old", "An old report about the harbour. " * 5, published="2026-01-01"),
            make("new", "A new report about the harbour. " * 5, published="2026-10-01T08:00:00Z"),
            make("undated", "An undated report about the harbour. " * 5),
        ]
    )
    assert [r["id"] for r in list_articles(database).rows] == ["new", "old", "undated"]


def test_fts_query_quotes_every_term() -> None:
    assert fts_query('planes "Simon Bolivar" NEAR(x)') == '"Simon Bolivar" "planes" "NEAR" "x"'


def test_resolve_url_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARALLAX_DB", raising=False)
    assert resolve_url(None) == "sqlite:///parallax.db"
    assert resolve_url("x/y.db") == "sqlite:///x/y.db"
    assert resolve_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("PARALLAX_DB", "env.db")
    assert resolve_url(None) == "sqlite:///env.db"


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_database(str(tmp_path / "nope" / "x.db"))


def test_unreachable_postgres_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="server is running"):
        open_database("postgresql://nobody@127.0.0.1:1/none")


def test_reopening_is_a_no_op(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    open_database(path).dispose()
    assert store_db.current_revision(open_database(path)) == store_db.HEAD
