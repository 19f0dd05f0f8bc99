"""Stories over a real store: ingest assigns every article to exactly one story, the CLI lists them
as JSON lines with the given ids, rebuild keeps ids, merged ids redirect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsparallax.cli.app import main
from newsparallax.engine import IngestJob
from newsparallax.read.reader import ArticleReader
from newsparallax.store.db import Database
from newsparallax.store.schema import stories
from newsparallax.store.stories import record_event
from newsparallax.store.story_queries import get_story, list_stories
from newsparallax.stories.service import StoryService
from tests.conftest import EXAMPLES

FERRY_1 = (
    "The ferry Estrella ran aground off Quellaco near Puerto Montt on Saturday. Four people were killed."
)
FERRY_2 = "Four people died when the ferry Estrella ran aground off Quellaco, near Puerto Montt, on Saturday."
SHOOTING = (
    "A gunman opened fire at a food festival in Milwaukee on Sunday, killing two people and wounding five."
)
ROWS = [
    {"id": "f1", "published": "2026-10-03", "title": "Ferry runs aground off Quellaco", "text": FERRY_1},
    {"id": "f2", "published": "2026-10-04", "title": "Four dead in Quellaco ferry accident", "text": FERRY_2},
    {"id": "s1", "published": "2026-10-04", "title": "Shooting at Milwaukee festival", "text": SHOOTING},
]


@pytest.fixture(scope="module")
def reader() -> ArticleReader:
    return ArticleReader()


def _ingest(database: Database, reader: ArticleReader, path: Path) -> None:
    IngestJob(database, reader=reader, stories=StoryService(database)).run([str(path)])


def test_every_article_in_exactly_one_story(
    sqlite_db: Database, reader: ArticleReader, tmp_path: Path
) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    _ingest(sqlite_db, reader, corpus)
    rows, total = list_stories(sqlite_db, limit=None)
    members = [a for r in rows for a in r["article_ids"]]
    assert sorted(members) == ["f1", "f2", "s1"] and total == 2
    ferry = next(r for r in rows if "f1" in r["article_ids"])
    assert sorted(ferry["article_ids"]) == ["f1", "f2"] and ferry["first_seen"] == "2026-10-03"


def test_rebuild_keeps_ids_and_merges_redirect(
    sqlite_db: Database, reader: ArticleReader, tmp_path: Path
) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    _ingest(sqlite_db, reader, corpus)
    before = {tuple(sorted(r["article_ids"])): r["id"] for r in list_stories(sqlite_db, limit=None)[0]}
    report = StoryService(sqlite_db).rebuild()
    after = {tuple(sorted(r["article_ids"])): r["id"] for r in list_stories(sqlite_db, limit=None)[0]}
    assert before == after and report.kept_ids == 2
    ferry_id = before[("f1", "f2")]
    with sqlite_db.engine.begin() as conn:
        conn.execute(stories.insert().values(id="st-old", articles=0, outlets=[], languages=[], places=[],
                                             entities=[], origins=0, wire_copies=0,
                                             updated_at=__import__("datetime").datetime.now()))  # fmt: skip
        record_event(conn, "merge", ferry_id, "st-old", 1)
        conn.execute(stories.delete().where(stories.c.id == "st-old"))
    story = get_story(sqlite_db, "st-old")
    assert story is not None and story["id"] == ferry_id


@pytest.mark.shared
def test_examples_form_their_three_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "ex.db")
    with pytest.raises(SystemExit):
        main(["--db", db, "ingest", str(EXAMPLES)])
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["--db", db, "stories", "--format", "jsonl"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    members = sorted(a for line in lines for a in line["articles"])
    assert len(members) == len(set(members)) == 14
    assert all({"id", "title", "articles"} <= set(line) for line in lines)
    expected = json.loads((Path(__file__).parents[1] / "fixtures" / "examples_expected.json").read_text())
    event_of = {a: e["name"] for e in expected["events"] for a in e["articles"] if ":" not in a}
    for line in lines:  # no story mixes two of the events
        assert len({event_of[a] for a in line["articles"] if a in event_of}) <= 1, line
    assert len(lines) == 3  # the three events we wrote
