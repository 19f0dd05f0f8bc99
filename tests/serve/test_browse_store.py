"""The browse queries (store/browse.py) on SQLite and PostgreSQL: story filters, entities, places,
the revision that tells the response cache the store changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsparallax.engine import IngestJob
from newsparallax.read.reader import ArticleReader
from newsparallax.store.browse import (
    StoreRevision,
    StoryFilters,
    find_stories,
    get_entity,
    get_place,
    list_entities,
    list_places,
    outlets_and_languages,
    places_of_articles,
    story_of_article,
)
from newsparallax.store.db import Database
from newsparallax.stories.service import StoryService

ROWS = [
    {
        "id": "f1",
        "published": "2026-10-03",
        "title": "Ferry runs aground off Quellaco",
        "source": "Coast Daily",
        "text": "The ferry Estrella ran aground off Quellaco near Puerto Montt on Saturday. "
        "Four people were killed, Captain Andres Lillo said.",
    },
    {
        "id": "f2",
        "published": "2026-10-04",
        "title": "Four dead in Quellaco ferry accident",
        "source": "Sur Hoy",
        "text": "Four people died when the ferry Estrella ran aground off Quellaco, near Puerto Montt, "
        "on Saturday, Captain Andres Lillo said.",
    },
    {
        "id": "s1",
        "published": "2026-10-06",
        "title": "Shooting at Milwaukee festival",
        "source": "Lake News",
        "text": "A gunman opened fire at a food festival in Milwaukee on Sunday, killing two people and "
        "wounding five, police chief Renee Okafor said.",
    },
]


@pytest.fixture(scope="module")
def reader() -> ArticleReader:
    return ArticleReader()


@pytest.fixture
def filled(database: Database, reader: ArticleReader, tmp_path: Path) -> Database:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    revision = StoreRevision(database)
    before = revision()
    assert revision() == before
    IngestJob(database, reader=reader, stories=StoryService(database)).run([str(corpus)])
    assert revision() != before
    revision.close()
    return database


def _titles(database: Database, **filters: str) -> set[str]:
    rows, total = find_stories(database, StoryFilters(**filters))
    assert total == len(rows)
    return {str(r["title"]) for r in rows}


def test_story_filters(filled: Database) -> None:
    ferry, shooting = "Ferry runs aground off Quellaco", "Shooting at Milwaukee festival"
    assert _titles(filled) == {ferry, shooting}
    assert _titles(filled, q="gunman") == {shooting}  # a word of an article, not of the title
    assert _titles(filled, q="quellaco") == {ferry}
    assert _titles(filled, since="2026-10-05") == {shooting}
    assert _titles(filled, until="2026-10-03") == {ferry}
    assert _titles(filled, outlet="Sur Hoy") == {ferry}
    assert _titles(filled, language="en") == {ferry, shooting}
    milwaukee = [p for p in list_places(filled, q="milwaukee")[0]]
    assert milwaukee and _titles(filled, place=milwaukee[0]["place_id"]) == {shooting}
    lillo = [e for e in list_entities(filled, q="lillo", kind="person")[0]]
    assert lillo and _titles(filled, entity=lillo[0]["key"]) == {ferry}
    rows, total = find_stories(filled, StoryFilters(), limit=1, offset=1)
    assert total == 2 and len(rows) == 1


def test_entities_places_and_articles(filled: Database) -> None:
    entities, total = list_entities(filled, limit=200)
    assert total == len(entities) and get_entity(filled, entities[0]["key"]) is not None
    places, _ = list_places(filled, kind="city")
    assert {p["name"] for p in places} >= {"Puerto Montt", "Milwaukee"}
    assert get_place(filled, "country:XX") is None
    montt = next(p for p in places if p["name"] == "Puerto Montt")
    assert montt["articles"] == 2 and get_place(filled, montt["place_id"])["kind"] == "city"  # type: ignore[index]
    mentioned = places_of_articles(filled, ["f1", "f2"])
    assert next(p for p in mentioned if p["name"] == "Puerto Montt")["count"] == 2
    story = story_of_article(filled, "s1")
    assert story is not None and story["title"] == "Shooting at Milwaukee festival"
    menus = outlets_and_languages(filled)
    assert set(menus["outlets"]) == {"Coast Daily", "Sur Hoy", "Lake News"} and menus["languages"] == ["en"]
