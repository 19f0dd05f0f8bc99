"""The founding case, read end to end through ingest (the seed texts are read from ../shared)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from newsparallax.engine import IngestJob
from newsparallax.read.embed import HashingEmbedder
from newsparallax.read.reader import ArticleReader
from newsparallax.store.articles import get_article, get_reading
from newsparallax.store.db import Database
from newsparallax.store.schema import article_entities
from tests.conftest import shared_path

pytestmark = pytest.mark.shared
HERALD, FIRSTPOST = "000_8a0812c7eaa11c11", "002_892e34107821c592"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Database:
    from newsparallax.store.db import open_database

    database = open_database(str(tmp_path_factory.mktemp("seeds") / "s.db"))
    reader = ArticleReader(embedder=HashingEmbedder())
    report = IngestJob(database, reader=reader).run([str(shared_path("seeds"))])
    assert report.readings == 2 and report.reading_failed == 0
    return database


def _layers(database: Database, article_id: str) -> dict[str, Any]:
    reading = get_reading(database, article_id)
    assert reading is not None
    return reading["layers"]


def _sentence(database: Database, article_id: str, index: int) -> str:
    record = get_article(database, article_id)
    assert record is not None
    start, end = _layers(database, article_id)["sentences"][index]
    return str(record["text"][start:end])


def test_tonkoshkurov_is_one_entity_with_both_titles(seeds: Database) -> None:
    with seeds.engine.connect() as conn:
        rows = conn.execute(
            select(article_entities.c.article_id, article_entities.c.titles).where(
                article_entities.c.entity_key == "person:vasily tonkoshkurov"
            )
        ).all()
    titles = {article: " | ".join(t) for article, t in rows}
    assert set(titles) == {HERALD, FIRSTPOST}
    assert "Chief of Staff of Russian Ground Forces" in titles[HERALD]
    assert "head of the Mobilization Directorate" in titles[FIRSTPOST]


def test_one_airport_under_two_names(seeds: Database) -> None:
    herald = {p["text"]: p for p in _layers(seeds, HERALD)["places"]}
    firstpost = {p["text"]: p for p in _layers(seeds, FIRSTPOST)["places"]}
    bolivar = next(p for text, p in herald.items() if "Bolivar" in text)
    maiquetia = next(p for text, p in firstpost.items() if "Maiquetia" in text)
    assert bolivar["place_id"] == maiquetia["place_id"] == "airport:CCS"
    assert maiquetia["lat"] == pytest.approx(10.6, abs=0.1) and maiquetia["lon"] == pytest.approx(
        -67.0, abs=0.1
    )


def test_saturday_resolves_against_the_publication_date(seeds: Database) -> None:
    dates = _layers(seeds, FIRSTPOST)["dates"]
    assert {d["value"] for d in dates if d["text"].endswith("Saturday")} == {"2019-03-23"}


def test_hedged_quantities(seeds: Database) -> None:
    herald = {q["text"]: q for q in _layers(seeds, HERALD)["quantities"]}
    firstpost = {q["text"]: q for q in _layers(seeds, FIRSTPOST)["quantities"]}
    troops = next(q for t, q in herald.items() if "100 troops" in t)
    soldiers = next(q for t, q in firstpost.items() if "100 Russian soldiers" in t)
    tonnes = next(q for t, q in firstpost.items() if t.startswith("35 tonnes"))
    assert (troops["value"], troops["hedge"], troops["category"]) == (100, "up to", "troops")
    assert (soldiers["value"], soldiers["hedge"], soldiers["approximate"]) == (100, "about", True)
    assert (tonnes["value"], tonnes["unit"]) == (35, "t")


def test_attributions_in_the_afp_copy(seeds: Database) -> None:
    by_sentence = {a["sentence"]: a for a in _layers(seeds, FIRSTPOST)["attributions"]}
    count = len(_layers(seeds, FIRSTPOST)["sentences"])
    sentences = {i: _sentence(seeds, FIRSTPOST, i) for i in range(count)}
    landing = next(i for i, s in sentences.items() if "Antonov" in s)
    contracts = next(i for i, s in sentences.items() if "technical military contracts" in s)
    assert "Mayorca" in by_sentence[landing]["source"] and by_sentence[landing]["channel"] == "Twitter"
    assert by_sentence[contracts]["source"] == "Sputnik"
