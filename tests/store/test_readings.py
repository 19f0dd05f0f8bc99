"""Reading results in the store: layers per article, entity counts exact under reprocessing,
lone surnames joined to the one full name the store knows, places catalogued once."""

from __future__ import annotations

import numpy as np
from sqlalchemy import func, select

from newsparallax.read.layers import EntityMention, PlaceMention, Reading
from newsparallax.read.reader import ReadOutput
from newsparallax.store.articles import get_reading
from newsparallax.store.db import Database
from newsparallax.store.readings import ReadingWriter
from newsparallax.store.schema import article_entities, article_places, entities, places
from newsparallax.store.writer import ArticleWriter
from tests.store.test_writer import make


def _person(text: str, key: str, titles: list[str] | None = None) -> EntityMention:
    return EntityMention(0, len(text), text, "PERSON", 0, text, key, titles or [])


def _output(article_id: str, *mentions: EntityMention, place: PlaceMention | None = None) -> ReadOutput:
    reading = Reading(article_id, "en", "test-model", "2026-10-05", entities=list(mentions),
                      places=[place] if place else [])  # fmt: skip
    return ReadOutput(reading, np.ones(4, dtype=np.float32) / 2, "published")


def _entity(database: Database, key: str) -> dict[str, object] | None:
    with database.engine.connect() as conn:
        row = conn.execute(select(entities).where(entities.c.key == key)).mappings().first()
        return dict(row) if row else None


def _store(database: Database, *ids: str) -> None:
    ArticleWriter(database).write(
        [make(i, f"Body of article {i} about the harbour and its cranes. " * 3) for i in ids]
    )


def test_layers_and_counts(database: Database) -> None:
    _store(database, "a", "b")
    herrera = _person("Tomás Herrera", "person:tomas herrera", ["President"])
    writer = ReadingWriter(database, "hashing-256")
    writer.write(
        [_output("a", herrera, herrera), _output("b", _person("Tomas Herrera", "person:tomas herrera"))]
    )
    entity = _entity(database, "person:tomas herrera")
    assert entity is not None and (entity["mentions"], entity["articles"]) == (3, 2)
    assert entity["name"] == "Tomás Herrera" and entity["aliases"] == ["Tomas Herrera", "Tomás Herrera"]
    reading = get_reading(database, "a")
    assert reading is not None and reading["layers"]["entities"][0]["titles"] == ["President"]
    assert reading["has_embedding"] and reading["anchor"] == "2026-10-05"


def test_reprocessing_keeps_counts_exact(database: Database) -> None:
    _store(database, "a")
    writer = ReadingWriter(database)
    writer.write([_output("a", _person("Herrera", "person:tomas herrera"))])
    writer.write([_output("a", _person("Quiroga", "person:marta quiroga"))])
    assert _entity(database, "person:tomas herrera") is None
    quiroga = _entity(database, "person:marta quiroga")
    assert quiroga is not None and quiroga["articles"] == 1


def test_lone_surname_joins_the_known_full_name(database: Database) -> None:
    _store(database, "a", "b")
    writer = ReadingWriter(database)
    writer.write([_output("a", _person("Vladimir Putin", "person:vladimir putin"))])
    writer.write([_output("b", _person("Putin", "person:putin"))])
    assert _entity(database, "person:putin") is None
    putin = _entity(database, "person:vladimir putin")
    assert putin is not None and putin["articles"] == 2


def test_places_catalogued_once(database: Database) -> None:
    _store(database, "a", "b")
    airport = PlaceMention(0, 16, "Maiquetía airport", "airport:CCS", "Simón Bolívar International Airport",
                           "airport", "VE", None, 10.6, -66.99)  # fmt: skip
    ReadingWriter(database).write([_output("a", place=airport), _output("b", place=airport)])
    with database.engine.connect() as conn:
        assert conn.execute(select(places.c.place_id)).scalars().all() == ["airport:CCS"]
        assert len(conn.execute(select(article_places)).all()) == 2


def _recounted(database: Database) -> dict[str, tuple[int, int]]:
    """Entity counts summed afresh from every stored mention (what the kept counts must equal)."""
    query = select(
        article_entities.c.entity_key, func.sum(article_entities.c.mentions), func.count()
    ).group_by(article_entities.c.entity_key)
    with database.engine.connect() as conn:
        return {key: (int(m), int(a)) for key, m, a in conn.execute(query)}


def _kept(database: Database) -> dict[str, tuple[int, int]]:
    with database.engine.connect() as conn:
        rows = conn.execute(select(entities.c.key, entities.c.mentions, entities.c.articles))
        return {key: (m, a) for key, m, a in rows}


def test_counts_kept_incrementally_stay_exact(database: Database) -> None:
    _store(database, "a", "b", "c")
    herrera, quiroga = _person("Herrera", "person:tomas herrera"), _person("Quiroga", "person:marta quiroga")
    police = EntityMention(0, 6, "police", "ORG", 0, "police", "org:police")
    writer = ReadingWriter(database)
    writer.write([_output("a", herrera, police, police), _output("b", police)])
    writer.write([_output("c", quiroga, police)])
    assert _kept(database)["org:police"] == (4, 3)
    # re-reading replaces the old mentions: their counts come off before the new ones go on
    writer.write([_output("a", quiroga, quiroga), _output("b", police, police, police)])
    writer.write([_output("c")])
    assert (
        _kept(database)
        == _recounted(database)
        == {
            "org:police": (3, 1),
            "person:marta quiroga": (2, 1),
        }
    )
    writer.write([_output("b"), _output("a")])
    assert _kept(database) == {}
