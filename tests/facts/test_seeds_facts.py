"""The founding case: the seed pair's report shows what the sources agree on and where they differ.

Reads ../shared/datasets/seeds at test time (skips without it); no seed text is stored here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsparallax.cli.app import main
from newsparallax.facts.report import story_report
from newsparallax.store.db import open_database
from newsparallax.store.story_queries import list_stories
from tests.conftest import shared_path

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    seeds = shared_path("seeds")
    path = str(Path(tmp_path_factory.mktemp("seeds")) / "seeds.db")
    with pytest.raises(SystemExit):
        main(["--db", path, "ingest", "--format", "json", str(seeds)])
    database = open_database(path)
    rows, total = list_stories(database, limit=None)
    assert total == 1
    found = story_report(database, rows[0]["id"])
    assert found is not None
    return found


def fact(report: dict[str, Any], attribute: str, subject: str = "event") -> dict[str, Any]:
    return next(f for f in report["facts"] if f["attribute"] == attribute and subject in f["subject"])


def test_agreed(report: dict[str, Any]) -> None:
    assert (fact(report, "weight", "equipment")["status"], fact(report, "weight", "equipment")["value"]) == (
        "agreed",
        35,
    )
    troops = fact(report, "troops")
    assert troops["status"] == "compatible" and troops["value"] == 100
    assert (
        fact(report, "led by")["status"] == "agreed"
        and fact(report, "led by")["value"] == "Vasily Tonkoshkurov"
    )
    assert fact(report, "aircraft")["status"] == "agreed" and fact(report, "aircraft")["value"] == 2
    assert fact(report, "date")["status"] == "agreed" and fact(report, "date")["value"] == "2019-03-23"
    airport = fact(report, "airport")
    assert airport["status"] == "agreed" and airport["values"][0]["normalized"]["id"] == "airport:CCS"
    assert len(set(airport["values"][0]["written"])) == 2  # one airport under two names
    assert fact(report, "bombers")["status"] == "agreed"


def test_conflict_on_the_general_s_title(report: dict[str, Any]) -> None:
    title = fact(report, "title", "tonkoshkurov")
    assert title["status"] == "conflict"
    texts = " | ".join(v["value"] for v in title["values"])
    assert "Chief of Staff of Russian Ground Forces" in texts and "Mobilization Directorate" in texts
    outlets = {m["outlet"] for v in title["values"] for m in v["mentions"]}
    assert len(outlets) == 2
    assert report["facts"][0]["status"] == "conflict"


def test_aircraft_models_are_compatible_not_a_conflict(report: dict[str, Any]) -> None:
    models = fact(report, "aircraft models")
    assert models["status"] == "compatible"
    sets = [set(v["normalized"]) for v in models["values"]]
    assert all("Il-62" in s for s in sets) and sum("An-124" in s for s in sets) == 1


def test_single_source_facts(report: dict[str, Any]) -> None:
    assert fact(report, "weight", "aid")["status"] == "single_source"
    assert fact(report, "named", "geonames:3169070")["status"] == "single_source"  # Rome
    assert fact(report, "dated events", "2019-04-28")["status"] == "single_source"
    witness = fact(report, "saw it first-hand", "afp journalist")
    assert witness["status"] == "single_source"


def test_provenance_and_framing(report: dict[str, Any]) -> None:
    provenance = report["provenance"]
    assert "Javier Mayorca" in provenance["shared_sources"]
    assert any(c["source"] == "Sputnik" for c in provenance["citations"])
    outlets = {o["outlet"]: o for o in report["framing"]["outlets"]}
    herald = next(o for name, o in outlets.items() if "nzherald" in str(name))
    afp = next(o for name, o in outlets.items() if "firstpost" in str(name))
    assert herald["score"] > afp["score"] + 0.2 and herald["drivers"]
