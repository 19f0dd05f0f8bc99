"""Story reports in the store (SQLite and PostgreSQL): computed on demand, cached, recomputed on change."""

from __future__ import annotations

import json
from pathlib import Path

from newsparallax.engine import IngestJob
from newsparallax.facts.report import conflict_counts, load_models, story_report
from newsparallax.read.embed import HashingEmbedder
from newsparallax.read.reader import ArticleReader
from newsparallax.store.db import Database
from newsparallax.store.story_queries import list_stories
from newsparallax.store.story_reports import count_reports
from newsparallax.stories.service import StoryService

ROWS = [
    {"id": "r1", "source": "Port Gazette", "published": "2026-09-14",
     "text": "Three people were killed when a bus overturned near Valparaiso on Sunday, police said. "
             "The bus carried about 40 passengers."},
    {"id": "r2", "source": "Coast Wire", "published": "2026-09-14",
     "text": "Four people were killed when a bus overturned near Valparaiso on Sunday. "
             "The bus carried 41 passengers, the operator said."},
    {"id": "r3", "source": "Evening Post", "published": "2026-09-15",
     "text": "The death toll from Sunday's bus crash near Valparaiso has risen to five, police said."},
]  # fmt: skip


def ingest(database: Database, tmp_path: Path, rows: list[dict[str, str]], name: str) -> None:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    reader = ArticleReader(embedder=HashingEmbedder())
    IngestJob(database, reader=reader, stories=StoryService(database)).run([str(path)])


def test_report_is_cached_and_follows_the_story(database: Database, tmp_path: Path) -> None:
    ingest(database, tmp_path, ROWS[:2], "first.jsonl")
    (story,), _ = list_stories(database, limit=None)
    report = story_report(database, story["id"])
    assert report is not None and report["counts"]["conflict"] >= 1
    killed = next(f for f in report["facts"] if f["attribute"] == "killed")
    assert killed["status"] == "conflict" and {v["value"] for v in killed["values"]} == {
        "Three people",
        "Four people",
    }
    passengers = next(f for f in report["facts"] if f["attribute"] == "passengers")
    assert passengers["status"] == "compatible"
    assert count_reports(database) == 1
    assert conflict_counts(database, [story["id"]]) == {story["id"]: report["counts"]["conflict"]}

    ingest(database, tmp_path, ROWS[2:], "update.jsonl")
    (story,), _ = list_stories(database, limit=None)
    updated = story_report(database, story["id"])
    assert updated is not None and len(updated["articles"]) == 3
    killed = next(f for f in updated["facts"] if f["attribute"] == "killed")
    assert killed["value"] == 5 and "revised upward" in (killed["note"] or "")


def test_load_models_loads_what_reports_read_from_disk() -> None:
    from newsparallax.facts import events
    from newsparallax.read.gazetteer import get_gazetteer

    events._typer = None
    get_gazetteer.cache_clear()
    load_models()
    assert events._typer is not None
    assert get_gazetteer.cache_info().currsize == 1
