"""Streaming story assignment: each new article joins the best open story or starts its own.

Only stories seen within ``window_days`` of the article are open, so the cost per article does
not grow with the store.  Candidates come from an inverted index (people, organisations, precise
places and the article's most distinctive words) and from the nearest story centroids by
embedding; each candidate is scored by the pair model against its most recent members, and the
article joins the best when :meth:`Scorer.joins` says so (the threshold, or a lower bar for a clear
favourite that shares an event day or a street).  Given an
archive, an article that matches no open story may rejoin a closed one it reports on late
(``recall.py``).
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from newsparallax.stories.profile import Profile
from newsparallax.stories.recall import Archive, best_recalled
from newsparallax.stories.scorer import Frequencies, Scorer, anchored, pair_features, tfidf_vector

log = logging.getLogger(__name__)

WINDOW_DAYS = 30
MAX_MEMBERS = 24
MAX_CANDIDATES = 40
_INDEX_TERMS = 10
_EMBEDDING_NEIGHBOURS = 10


def story_id_for(first_article: str) -> str:
    """A story's id, derived from its first article so that reruns and rebuilds agree."""
    return "st-" + hashlib.sha1(first_article.encode("utf-8")).hexdigest()[:12]


@dataclass
class Member:
    profile: Profile
    vector: dict[str, float]


@dataclass
class OpenStory:
    id: str
    members: list[Member] = field(default_factory=list)
    size: int = 0
    last: date | None = None
    keys: set[str] = field(default_factory=set)
    embedding_sum: np.ndarray | None = None

    def centroid(self) -> np.ndarray | None:
        if self.embedding_sum is None:
            return None
        norm = float(np.linalg.norm(self.embedding_sum)) or 1.0
        return self.embedding_sum / norm


@dataclass(frozen=True)
class Assignment:
    article_id: str
    story_id: str
    score: float
    created: bool


class Assigner:
    """Keeps the open stories in memory and assigns articles one by one."""

    def __init__(self, scorer: Scorer | None = None, window_days: int = WINDOW_DAYS,
                 archive: Archive | None = None) -> None:  # fmt: skip
        self.scorer = scorer or Scorer.load()
        self.window_days = window_days
        self.archive: Archive | None = archive
        self.frequencies = Frequencies()
        self.stories: dict[str, OpenStory] = {}
        self.index: dict[str, set[str]] = defaultdict(set)

    def assign(self, profile: Profile) -> Assignment:
        self._evict(profile.published)
        vector = tfidf_vector(profile, self.frequencies)
        best, score, is_anchored, runner_up = self._best(profile, vector)
        joins = best is not None and self.scorer.joins(score, is_anchored, runner_up)
        recalled = None if joins else self._recall(profile, vector)
        if recalled is not None:
            best, score = recalled
        created = not joins and recalled is None
        story_id = story_id_for(profile.article_id) if created or best is None else best
        self.add(story_id, profile, vector)
        return Assignment(profile.article_id, story_id, score, created)

    def add(self, story_id: str, profile: Profile, vector: dict[str, float] | None = None) -> None:
        """Put an article in a story (also used to warm up from the store)."""
        self.frequencies.add(profile)
        self._attach(story_id, profile, vector)

    def _recall(self, profile: Profile, vector: dict[str, float]) -> tuple[str, float] | None:
        """A closed story the article reports on late, reopened, with the score to join it."""
        if (
            self.archive is None
            or profile.published is None
            or not profile.event_days
            or not profile.recall_keys
        ):
            return None
        before = profile.published - timedelta(days=self.window_days)
        recalled = self.archive.recall(profile.recall_keys, profile.event_days, before)
        candidates = {s: members for s, members in recalled.items() if s not in self.stories}
        found = best_recalled(profile, vector, candidates, self.scorer, self.frequencies)
        if found is None:
            return None
        log.debug("article %s rejoins closed story %s", profile.article_id, found[0])
        for member in candidates[found[0]]:
            self._attach(found[0], member, None)
        return found

    def _attach(self, story_id: str, profile: Profile, vector: dict[str, float] | None) -> None:
        vector = vector if vector is not None else tfidf_vector(profile, self.frequencies)
        story = self.stories.setdefault(story_id, OpenStory(story_id))
        story.members = [*story.members, Member(profile, vector)][-MAX_MEMBERS:]
        story.size += 1
        if profile.published and (story.last is None or profile.published > story.last):
            story.last = profile.published
        if profile.embedding is not None:
            story.embedding_sum = profile.embedding.copy() if story.embedding_sum is None else (
                story.embedding_sum + profile.embedding)  # fmt: skip
        for key in self._keys(profile, vector):
            story.keys.add(key)
            self.index[key].add(story_id)

    def _best(self, profile: Profile, vector: dict[str, float]) -> tuple[str | None, float, bool, float]:
        """The best candidate story, its score, whether its best pair is anchored, and the
        runner-up's score."""
        best, best_score, is_anchored, runner_up = None, 0.0, False, 0.0
        for story in self._candidates(profile, vector):
            features = [
                pair_features(profile, m.profile, vector, m.vector, self.frequencies) for m in story.members
            ]
            probabilities = [self.scorer.probability(f) for f in features]
            score = self.scorer.link(probabilities)
            if score > best_score:
                strongest = features[max(range(len(features)), key=probabilities.__getitem__)]
                best, runner_up, best_score, is_anchored = story.id, best_score, score, anchored(strongest)
            else:
                runner_up = max(runner_up, score)
        return best, best_score, is_anchored, runner_up

    def _candidates(self, profile: Profile, vector: dict[str, float]) -> list[OpenStory]:
        hits: dict[str, int] = defaultdict(int)
        for key in self._keys(profile, vector):
            for story_id in self.index.get(key, ()):
                hits[story_id] += 1
        ranked = sorted(hits, key=lambda s: -hits[s])[:MAX_CANDIDATES]
        chosen = dict.fromkeys(ranked)
        chosen.update(dict.fromkeys(self._nearest(profile)))
        return [self.stories[s] for s in chosen if s in self.stories]

    def _nearest(self, profile: Profile) -> list[str]:
        if profile.embedding is None or not self.stories:
            return []
        ids = [s.id for s in self.stories.values() if s.embedding_sum is not None]
        if not ids:
            return []
        matrix = np.stack([self.stories[i].centroid() for i in ids])  # type: ignore[misc]
        scores = matrix @ profile.embedding
        top = np.argsort(-scores)[:_EMBEDDING_NEIGHBOURS]
        return [ids[i] for i in top]

    def _keys(self, profile: Profile, vector: dict[str, float]) -> list[str]:
        terms = sorted(vector, key=lambda t: -vector[t])[:_INDEX_TERMS]
        return [*profile.entities, *profile.precise_places, *profile.place_names, *(f"w:{t}" for t in terms)]

    def _evict(self, today: date | None) -> None:
        """Close stories not reported on within the window (undated stories stay open)."""
        if today is None:
            return
        stale = [
            s
            for s in self.stories.values()
            if s.last is not None and (today - s.last).days > self.window_days
        ]
        for story in stale:
            self.close(story.id)

    def close(self, story_id: str) -> None:
        story = self.stories.pop(story_id, None)
        if story is None:
            return
        if self.archive is not None:
            self.archive.closed(story_id, [m.profile for m in story.members])
        for key in story.keys:
            self.index[key].discard(story_id)
            if not self.index[key]:
                del self.index[key]
