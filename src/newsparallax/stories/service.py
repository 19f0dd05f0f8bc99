"""Stories over a store: streaming assignment on ingest, and a batch rebuild with stable ids.

Streaming: the assigner is warmed up once per process with the open stories (those reported on
within the window of the newest article being assigned), then each batch's newly read articles are
assigned in publication order and written with :func:`write_assignments`.  With ``recall``, closed
stories a late report may rejoin are looked up in the store.

Rebuild: every read article is replayed through a fresh assigner in publication order (the same
scorer, the same order a live stream would see), then each new cluster takes the id of the old
story it shares most articles with, so links keep working; absorbed ids redirect to their new home.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from sqlalchemy import delete, select

from newsparallax.store.db import Database
from newsparallax.store.schema import articles, readings, story_articles
from newsparallax.store.stories import record_event, refresh, write_assignments
from newsparallax.store.story_queries import (
    closed_stories,
    open_story_members,
    profiles_for,
    unassigned_article_ids,
)
from newsparallax.stories.assign import MAX_MEMBERS, Assigner, Assignment, story_id_for
from newsparallax.stories.profile import Profile
from newsparallax.stories.recall import RECALL_MEMBERS, RECALL_STORIES, MemoryArchive, StoreArchive
from newsparallax.stories.scorer import Scorer

log = logging.getLogger(__name__)


@dataclass
class RebuildReport:
    articles: int
    stories_before: int
    stories_after: int
    kept_ids: int
    merged: int
    split: int


class StoryService:
    def __init__(self, database: Database, scorer: Scorer | None = None, window_days: int = 30,
                 recall: bool = True) -> None:  # fmt: skip
        """``recall``: let late reports rejoin closed stories (``stories/recall.py``); on by
        default: it looks closed stories up by indexed event day and first-report day."""
        self.database = database
        self.scorer = scorer or Scorer.load()
        self.window_days = window_days
        self.recall = recall
        self._assigner: Assigner | None = None

    def assign(self, article_ids: Sequence[str]) -> list[Assignment]:
        """Assign the given stored, read articles that have no story yet."""
        pending = unassigned_article_ids(self.database, list(article_ids))
        found = profiles_for(self.database, pending)
        # publication order; ties keep the order the articles arrived in (as a rebuild replays them)
        profiles = sorted((found[i] for i in pending if i in found), key=_published)
        if not profiles:
            return []
        assigner = self._warm(profiles)
        assignments = [assigner.assign(p) for p in profiles]
        write_assignments(self.database, assignments)
        return assignments

    def assign_all_unassigned(self) -> list[Assignment]:
        return self.assign(unassigned_article_ids(self.database))

    def _warm(self, profiles: list[Profile]) -> Assigner:
        if self._assigner is None:
            latest = max((p.published for p in profiles if p.published), default=None)
            lookup = partial(closed_stories, self.database, per_story=RECALL_MEMBERS, limit=RECALL_STORIES)
            archive = StoreArchive(lookup) if self.recall else None  # a look-up is only made on recall
            self._assigner = Assigner(self.scorer, self.window_days, archive)
            for story_id, member in open_story_members(self.database, latest, self.window_days, MAX_MEMBERS):
                self._assigner.add(story_id, member)
        return self._assigner

    def rebuild(self) -> RebuildReport:
        """Re-cluster the whole store with the same scorer; keep ids where stories persist."""
        ids = _all_read(self.database)
        found = profiles_for(self.database, ids)
        profiles = sorted((found[i] for i in ids if i in found), key=_published)
        assigner = Assigner(self.scorer, self.window_days, MemoryArchive() if self.recall else None)
        clusters: dict[str, list[Assignment]] = defaultdict(list)
        for profile in profiles:
            assignment = assigner.assign(profile)
            clusters[assignment.story_id].append(assignment)
        old = _current_membership(self.database)
        report = self._write_rebuild(clusters, old)
        self._assigner = None
        return report

    def _write_rebuild(self, clusters: dict[str, list[Assignment]], old: dict[str, str]) -> RebuildReport:
        naming = _stable_names(clusters, old)
        final = [
            Assignment(a.article_id, naming[cluster], a.score, a.created)
            for cluster, members in clusters.items()
            for a in members
        ]
        before = set(old.values())
        with self.database.engine.begin() as conn:
            conn.execute(delete(story_articles))
        write_assignments(self.database, final)
        merged, split = self._record(clusters, naming, old)
        with self.database.engine.begin() as conn:
            refresh(conn, before)
        after = {a.story_id for a in final}
        return RebuildReport(len(final), len(before), len(after), len(before & after), merged, split)

    def _record(
        self, clusters: dict[str, list[Assignment]], naming: dict[str, str], old: dict[str, str]
    ) -> tuple[int, int]:
        """Log merges (an old story absorbed into another) and splits (an old story spread over several)."""
        new_of = {a.article_id: naming[c] for c, members in clusters.items() for a in members}
        spread: dict[str, Counter[str]] = defaultdict(Counter)
        for article_id, old_story in old.items():
            if article_id in new_of:
                spread[old_story][new_of[article_id]] += 1
        merged = split = 0
        with self.database.engine.begin() as conn:
            for old_story, targets in spread.items():
                home, count = targets.most_common(1)[0]
                if home != old_story and old_story not in new_of.values():
                    record_event(conn, "merge", home, old_story, count)
                    merged += 1
                for other, n in targets.items():
                    if other != home:
                        record_event(conn, "split", other, old_story, n)
                        split += 1
        return merged, split


def _published(profile: Profile) -> date:
    return profile.published or date.min


def _all_read(database: Database) -> list[str]:
    """Every read article, in the order it was stored."""
    with database.engine.connect() as conn:
        query = (
            select(readings.c.article_id)
            .join(articles, articles.c.id == readings.c.article_id)
            .order_by(articles.c.ingested_at, articles.c.id)
        )
        return list(conn.execute(query).scalars())


def _current_membership(database: Database) -> dict[str, str]:
    with database.engine.connect() as conn:
        rows = conn.execute(select(story_articles.c.article_id, story_articles.c.story_id))
        return {article_id: story_id for article_id, story_id in rows}


def _stable_names(clusters: dict[str, list[Assignment]], old: dict[str, str]) -> dict[str, str]:
    """Each new cluster takes the old story id it shares most articles with (each id used once)."""
    overlaps: list[tuple[int, str, str]] = []
    for cluster, members in clusters.items():
        counts = Counter(old[a.article_id] for a in members if a.article_id in old)
        overlaps.extend((n, cluster, story) for story, n in counts.items())
    naming: dict[str, str] = {}
    used: set[str] = set()
    for _n, cluster, story in sorted(overlaps, key=lambda t: (-t[0], t[1], t[2])):
        if cluster not in naming and story not in used:
            naming[cluster], used = story, used | {story}
    for cluster, members in clusters.items():
        if cluster not in naming:
            candidate = story_id_for(members[0].article_id)
            naming[cluster] = candidate if candidate not in used else story_id_for(cluster + "/rebuilt")
            used.add(naming[cluster])
    return naming
