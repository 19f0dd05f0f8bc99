"""Late reports: an article that matches no open story rejoins the closed story it reports on
late, when it names one of its people, organisations or places and recalls one of its days;
otherwise it starts its own."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from newsparallax.engine import IngestJob
from newsparallax.read.reader import ArticleReader
from newsparallax.store.db import Database
from newsparallax.store.story_queries import closed_stories, list_stories
from newsparallax.stories.assign import Assigner
from newsparallax.stories.profile import Profile, terms_of
from newsparallax.stories.recall import MemoryArchive
from newsparallax.stories.scorer import FEATURES, Scorer
from newsparallax.stories.service import StoryService

#: Words and meaning count; a publication gap counts heavily against (so only recall can join).
_WEIGHTS = {"tfidf": 4.0, "embedding": 3.0, "entities": 2.0, "publication_gap": -12.0}
SCORER = Scorer(tuple(_WEIGHTS.get(name, 0.0) for name in FEATURES), intercept=-4.0, threshold=0.9, top=1)
SHOOTING = "gunman shot killed outside bakery harlow street dayton police detectives motive"


def _profile(article_id: str, published: date, *, days: set[date], people: set[str],
             places: set[str] = frozenset()) -> Profile:  # fmt: skip
    embedding = np.zeros(8, dtype=np.float32)
    embedding[0] = 1.0
    return Profile(article_id, published, None, terms_of(SHOOTING), embedding, frozenset(people), frozenset(),
                   frozenset(), frozenset(days), place_names=frozenset(places))  # fmt: skip


def test_a_late_report_rejoins_the_closed_story_it_recalls() -> None:
    assigner = Assigner(SCORER, window_days=30, archive=MemoryArchive())
    first = assigner.assign(
        _profile("a", date(2026, 3, 4), days={date(2026, 3, 3)}, people={"person:ivo lind"})
    )
    assigner.assign(_profile("b", date(2026, 5, 20), days=set(), people={"person:sam ortiz"}))
    assert first.story_id not in assigner.stories  # closed by then
    late = assigner.assign(
        _profile("c", date(2026, 6, 10), days={date(2026, 3, 3)}, people={"person:ivo lind"})
    )
    assert not late.created and late.story_id == first.story_id and late.score >= 0.8
    again = assigner.assign(_profile("d", date(2026, 6, 11), days=set(), people={"person:ivo lind"}))
    assert again.story_id == first.story_id  # the story is open again


def test_a_late_report_naming_only_the_place_rejoins_its_story() -> None:
    """Months later the victim goes unnamed, but the neighbourhood and the day are the same."""
    assigner = Assigner(SCORER, window_days=30, archive=MemoryArchive())
    place = {"place:harlow heights"}
    first = assigner.assign(
        _profile("a", date(2026, 3, 4), days={date(2026, 3, 3)}, people={"person:ivo lind"}, places=place)
    )
    elsewhere = assigner.assign(
        _profile("b", date(2026, 6, 10), days={date(2026, 3, 3)}, people=set(), places={"place:old mill"})
    )
    assert elsewhere.created
    late = assigner.assign(
        _profile("c", date(2026, 7, 20), days={date(2026, 3, 3)}, people=set(), places=place)
    )
    assert not late.created and late.story_id == first.story_id


@pytest.mark.parametrize(
    ("days", "people"),
    [
        ({date(2026, 2, 20)}, {"person:ivo lind"}),
        ({date(2026, 3, 3)}, {"person:ana ruiz"}),
        (set(), {"person:ivo lind"}),
    ],
)
def test_no_shared_day_or_person_means_a_new_story(days: set[date], people: set[str]) -> None:
    assigner = Assigner(SCORER, window_days=30, archive=MemoryArchive())
    first = assigner.assign(
        _profile("a", date(2026, 3, 4), days={date(2026, 3, 3)}, people={"person:ivo lind"})
    )
    late = assigner.assign(_profile("c", date(2026, 6, 10), days=days, people=people))
    assert late.created and late.story_id != first.story_id


EARLY = (
    "Marcus Lindqvist, 31, was shot and killed on Tuesday night outside a bakery on Harlow Street in "
    "Dayton, police said. Detectives have not named a suspect."
)
LATE = (
    "Police said Marcus Lindqvist, 31, was shot outside a bakery on Harlow Street on March 3. A Dayton "
    "man was charged on Monday with murder in the killing of Lindqvist."
)
OTHER = (
    "Priya Natarajan, 44, was shot on Sunday in a parking lot in Akron, police said. She is expected to live."
)


@pytest.fixture(scope="module")
def reader() -> ArticleReader:
    return ArticleReader()


def _ingest(database: Database, reader: ArticleReader, path: Path, rows: list[dict[str, str]]) -> None:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    IngestJob(database, reader=reader, stories=StoryService(database, recall=True)).run([str(path)])


def test_store_finds_closed_stories_and_a_late_report_rejoins_its_story(
    database: Database, reader: ArticleReader, tmp_path: Path
) -> None:
    early = [
        {"id": "e1", "published": "2026-03-04", "title": "Man shot dead in Dayton", "text": EARLY},
        {"id": "o1", "published": "2026-04-20", "title": "Woman shot in Akron", "text": OTHER},
    ]
    _ingest(database, reader, tmp_path / "early.jsonl", early)
    people = frozenset({"person:marcus lindqvist"})  # its first report came out on 4 March
    since = date(2025, 1, 1)

    def closed(day: date, before: date, after: date = since) -> dict[str, list[Profile]]:
        return closed_stories(database, people, frozenset({day}), before, after, per_story=5, limit=5)

    found = closed(date(2026, 3, 4), date(2026, 5, 1))
    assert [[p.article_id for p in members] for members in found.values()] == [["e1"]]
    crowd = frozenset(f"person:name {n:05d}" for n in range(70_000)) | people  # a huge page's names
    huge = closed_stories(database, crowd, frozenset({date(2026, 3, 4)}), date(2026, 5, 1), since,
                          per_story=5, limit=5)  # fmt: skip
    assert huge.keys() == found.keys()  # looked up in batches the driver accepts
    assert closed(date(2026, 3, 3), date(2026, 5, 1)).keys() == found.keys()  # its event day (Tuesday)
    assert not closed(date(2026, 3, 9), date(2026, 5, 1))  # another day
    assert not closed(date(2026, 3, 4), date(2026, 3, 1))  # still open then
    assert not closed(date(2026, 3, 4), date(2026, 5, 1), after=date(2026, 3, 5))  # beyond the horizon
    late = [{"id": "l1", "published": "2026-06-10", "title": "Man charged in Dayton killing", "text": LATE}]
    _ingest(database, reader, tmp_path / "late.jsonl", late)
    rows, _total = list_stories(database, limit=None)
    assert sorted(sorted(r["article_ids"]) for r in rows) == [["e1", "l1"], ["o1"]]
    latest = closed_stories(database, people, frozenset({date(2026, 3, 4)}), date(2026, 9, 1), since,
                            per_story=1, limit=5)  # fmt: skip
    assert [[p.article_id for p in members] for members in latest.values()] == [["l1"]]  # the latest only
    StoryService(database, recall=True).rebuild()  # a batch rebuild gives the same stories
    rows, _total = list_stories(database, limit=None)
    assert sorted(sorted(r["article_ids"]) for r in rows) == [["e1", "l1"], ["o1"]]


def test_stories_beyond_the_horizon_are_not_recalled() -> None:
    assigner = Assigner(SCORER, window_days=30, archive=MemoryArchive())
    first = assigner.assign(
        _profile("a", date(2026, 3, 4), days={date(2026, 3, 3)}, people={"person:ivo lind"})
    )
    late = assigner.assign(
        _profile("c", date(2028, 6, 10), days={date(2026, 3, 3)}, people={"person:ivo lind"})
    )
    assert late.created and late.story_id != first.story_id


def test_without_an_archive_nothing_is_recalled() -> None:
    assigner = Assigner(SCORER, window_days=30)
    first = assigner.assign(
        _profile("a", date(2026, 3, 4), days={date(2026, 3, 3)}, people={"person:ivo lind"})
    )
    late = assigner.assign(
        _profile("c", date(2026, 6, 10), days={date(2026, 3, 3)}, people={"person:ivo lind"})
    )
    assert late.created and late.story_id != first.story_id
