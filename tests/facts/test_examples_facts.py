"""The examples corpus: every disagreement we wrote into it is a conflict, and nothing else is.

The planted facts are in tests/fixtures/examples_expected.json (and docs/examples.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsparallax.cli.app import main
from newsparallax.facts.report import story_report
from newsparallax.store.articles import get_article
from newsparallax.store.db import Database, open_database
from newsparallax.store.story_queries import list_stories
from tests.conftest import EXAMPLES

EXPECTED = json.loads((Path(__file__).parents[1] / "fixtures" / "examples_expected.json").read_text())


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The examples ingested as a user would, with the default reader and story assignment."""
    path = str(tmp_path_factory.mktemp("facts") / "examples.db")
    with pytest.raises(SystemExit):
        main(["--db", path, "ingest", "--format", "json", str(EXAMPLES)])
    database = open_database(path)
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def reports(store: Database) -> dict[str, dict[str, Any]]:
    """Each story's report, keyed by the name of the event it holds."""
    event_of = {a: e["name"] for e in EXPECTED["events"] for a in e["articles"]}
    rows, _ = list_stories(store, limit=None)
    found = {}
    for row in rows:
        report = story_report(store, row["id"])
        assert report is not None
        names = {event_of[a["id"]] for a in report["articles"] if a["id"] in event_of}
        assert len(names) == 1
        found[names.pop()] = report
    return found


def _key(attribute: str, subject: str) -> tuple[str, str]:
    attribute = attribute.split(" (")[0]
    return (attribute, subject.split()[-1].lower()) if attribute == "title" else (attribute, "")


def test_conflicts_are_exactly_the_disagreements_we_wrote(reports: dict[str, dict[str, Any]]) -> None:
    for event in EXPECTED["events"]:
        planted = {_key(f["attribute"], f["subject"]) for f in event["facts"] if f["status"] == "conflict"}
        found = {
            _key(f["attribute"], f["subject_label"])
            for f in reports[event["name"]]["facts"]
            if f["status"] == "conflict"
        }
        assert found == planted, event["name"]


AGREED = {  # (attribute, subject fragment) → the event's first word; all written as agreement
    ("injured", ""): "Ferry",
    ("passengers", ""): "Ferry",
    ("missing", ""): "Ferry",
    ("date", ""): "Ferry",
    ("location", ""): "Ferry",
    ("title", "navarro"): "Ferry",
    ("title", "valdebenito"): "Chile",
    ("amount", ""): "Chile",
    ("troops", ""): "Chile",
    ("aircraft models", ""): "Chile",
    ("airport", ""): "Chile",
    ("weight", ""): "Chile",
    ("date", "2"): "Chile",
    ("killed", ""): "Shooting",
    ("ages", ""): "Shooting",
    ("location", "2"): "Shooting",
}


def test_facts_written_as_agreement_are_agreed_or_compatible(reports: dict[str, dict[str, Any]]) -> None:
    by_start = {name.split()[0]: report for name, report in reports.items()}
    for (attribute, fragment), event in AGREED.items():
        facts = [f for f in by_start[event]["facts"] if f["attribute"] == attribute]
        if fragment and not fragment.isdigit():
            facts = [f for f in facts if fragment in f["subject_label"].lower()]
        assert facts, (attribute, fragment, event)
        assert facts[0]["status"] in ("agreed", "compatible"), facts[0]


def test_upward_revisions_win_and_say_so(reports: dict[str, dict[str, Any]]) -> None:
    ferry = next(r for name, r in reports.items() if name.startswith("Ferry"))
    killed = next(f for f in ferry["facts"] if f["attribute"] == "killed")
    assert killed["value"] == 6 and "revised upward" in killed["note"]
    assert sorted(v["normalized"]["value"] for v in killed["values"]) == [3, 4, 6]
    shooting = next(r for name, r in reports.items() if name.startswith("Shooting"))
    injured = next(f for f in shooting["facts"] if f["attribute"] == "injured")
    assert injured["value"] == 7 and injured["status"] == "conflict"


def test_wire_copies_count_as_one_source(reports: dict[str, dict[str, Any]]) -> None:
    ferry = next(r for name, r in reports.items() if name.startswith("Ferry"))
    time_fact = [f for f in ferry["facts"] if f["attribute"] == "duration (minutes)"]
    assert time_fact and time_fact[0]["status"] == "single_source"
    assert len(time_fact[0]["values"][0]["mentions"]) == 2  # both copies are quoted
    origins = ferry["provenance"]["origins"]
    assert any(o["copies"] == ["a-meridianpost-ferry"] for o in origins)
    assert ferry["provenance"]["independent_origins"] == 4


def test_quotes_are_exact_sentences_of_the_articles(
    store: Database, reports: dict[str, dict[str, Any]]
) -> None:
    for report in reports.values():
        for fact in report["facts"]:
            for value in fact["values"]:
                for mention in value["mentions"]:
                    article = get_article(store, mention["article"])
                    assert article is not None
                    text = article["text"] or article["title"]
                    assert mention["quote"] and mention["quote"] in text


def test_story_json_from_the_cli_has_the_documented_shape(
    store: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    story_id = list_stories(store, limit=1)[0][0]["id"]
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", store.url, "story", story_id, "--format", "json"])
    assert exit_info.value.code == 0
    report = json.loads(capsys.readouterr().out)
    assert {"id", "title", "articles", "facts", "provenance", "framing"} <= set(report)
    fact = report["facts"][0]
    assert {"id", "subject", "attribute", "status", "value", "values"} <= set(fact)
    mention = fact["values"][0]["mentions"][0]
    assert {"article", "quote", "attributed_to"} <= set(mention)


def test_text_report_puts_conflicts_first(store: Database, capsys: pytest.CaptureFixture[str]) -> None:
    story_id = list_stories(store, search="ferry", limit=1)[0][0]["id"]
    with pytest.raises(SystemExit):
        main(["--db", store.url, "story", story_id])
    shown = capsys.readouterr().out
    assert shown.index("Conflicts") < shown.index("Agreed") < shown.index("Single source")
    assert "Rear Admiral" in shown and "Provenance" in shown and "Framing" in shown


def test_reports_are_cached_until_the_story_changes(store: Database) -> None:
    story_id = list_stories(store, limit=1)[0][0]["id"]
    first = story_report(store, story_id)
    again = story_report(store, story_id)
    assert first == again
    assert story_report(store, "st-nothing") is None


def test_event_types_of_the_stories(reports: dict[str, dict[str, Any]]) -> None:
    by_start = {name.split()[0]: report for name, report in reports.items()}
    assert by_start["Chile"]["event_type"]["plover"] == "AGREE"
    assert by_start["Shooting"]["event_type"]["plover"] == "ASSAULT"
    assert by_start["Ferry"]["event_type"]["plover"] != "ASSAULT"
    events = by_start["Chile"]["events"]
    assert all({"type", "trigger", "who", "whom", "sentence"} <= set(e) for e in events)
    assert any("Chile" in e["who"] for e in events)
