"""Late reports of old events: an article may rejoin a story that has closed.

A story closes 30 days after its last report, so the cost per article does not grow with the
store.  But a shooting is reported again weeks or months later (an arrest, a charge, a trial), and
such a report recalls the day it happened and who and where it involved.  An article that matches
no open story is therefore offered the closed stories that name one of its people, organisations
or places (a neighbourhood, a bar, a school: entity keys, ``Profile.recall_keys``) and whose event
day (or first report's day) is within a day of a day it resolves — looked up in the store by
entity, so the cost stays bounded.  It rejoins the best of them when the pair scorer, told to
ignore how far apart the reports were published, gives it at least :data:`RECALL_THRESHOLD`
against one of the story's reports.

:class:`MemoryArchive` keeps the stories an assigner closed (a batch rebuild, tests, the training
script); the streaming service looks them up in the store (``store.story_queries.closed_stories``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Protocol

import numpy as np

from newsparallax.stories.profile import Profile
from newsparallax.stories.scorer import FEATURES, Frequencies, Scorer, pair_features, tfidf_vector

RECALL_THRESHOLD = 0.8
DAY_TOLERANCE = 1
#: At most this many closed stories are offered (the most recently reported on), each with this
#: many of its most recent reports, so a recall costs the same however large the store grows.
RECALL_STORIES = 5
RECALL_MEMBERS = 6
#: Only stories reported on within this many days are recalled: the search stays within recent
#: years of the store, and a story does not go on absorbing reports of its event for ever.
RECALL_HORIZON_DAYS = 730
_GAP = FEATURES.index("publication_gap")


class Archive(Protocol):
    """Where closed stories can be found again."""

    def closed(self, story_id: str, members: list[Profile]) -> None:
        """Called when an assigner closes a story (its most recent members)."""

    def recall(self, keys: frozenset[str], days: frozenset[date], before: date) -> dict[str, list[Profile]]:
        """Closed stories, last reported on before ``before`` (and within :data:`RECALL_HORIZON_DAYS`
        of it), whose reports name one of ``keys`` (entity keys)
        and whose event day or first report's day is within :data:`DAY_TOLERANCE` of one of
        ``days``: the :data:`RECALL_STORIES` last reported on, each with its :data:`RECALL_MEMBERS`
        most recent members."""
        ...


class MemoryArchive:
    """Closed stories kept in memory, indexed by the entities and places they name."""

    def __init__(self) -> None:
        self.stories: dict[str, list[Profile]] = {}
        self.last: dict[str, date] = {}
        self.days: dict[str, frozenset[date]] = {}
        self.by_key: dict[str, set[str]] = defaultdict(set)

    def closed(self, story_id: str, members: list[Profile]) -> None:
        self.stories[story_id] = members
        self.last[story_id] = max((m.published for m in members if m.published), default=date.min)
        self.days[story_id] = story_days(members)
        for member in members:
            for key in member.recall_keys:
                self.by_key[key].add(story_id)

    def recall(self, keys: frozenset[str], days: frozenset[date], before: date) -> dict[str, list[Profile]]:
        found = {story_id for key in keys for story_id in self.by_key.get(key, ())}
        near = near_days(days)
        after = horizon(before)
        matching = [s for s in found if after <= self.last[s] < before and self.days[s] & near]
        latest = sorted(matching, key=lambda s: (self.last[s], s), reverse=True)[:RECALL_STORIES]
        return {s: self.stories[s][-RECALL_MEMBERS:] for s in latest}


class StoreArchive:
    """Closed stories looked up in the store, where their reports already are."""

    def __init__(
        self, lookup: Callable[[frozenset[str], frozenset[date], date, date], dict[str, list[Profile]]]
    ) -> None:
        """``lookup(keys, days, before, after)``: ``store.story_queries.closed_stories``."""
        self.lookup = lookup

    def closed(self, story_id: str, members: list[Profile]) -> None:
        return None

    def recall(self, keys: frozenset[str], days: frozenset[date], before: date) -> dict[str, list[Profile]]:
        return self.lookup(keys, near_days(days), before, horizon(before))


def horizon(before: date) -> date:
    """The earliest last report a recalled story may have, for stories closed before ``before``."""
    return before - timedelta(days=RECALL_HORIZON_DAYS)


def near_days(days: Iterable[date]) -> frozenset[date]:
    """The days within :data:`DAY_TOLERANCE` of any of ``days``."""
    shifts = range(-DAY_TOLERANCE, DAY_TOLERANCE + 1)
    return frozenset(day + timedelta(days=shift) for day in days for shift in shifts)


def story_days(members: list[Profile]) -> frozenset[date]:
    """A story's event day (the day most members resolve, the earliest on ties, as the store's
    story record has it) and its first report's day."""
    counts = Counter(day for member in members for day in member.event_days)
    found = {min(counts, key=lambda d: (-counts[d], d))} if counts else set()
    first = min((m.published for m in members if m.published), default=None)
    return frozenset(found | ({first} if first else set()))


def best_recalled(
    profile: Profile,
    vector: dict[str, float],
    candidates: dict[str, list[Profile]],
    scorer: Scorer,
    frequencies: Frequencies,
) -> tuple[str, float] | None:
    """The recalled story the article rejoins and its score: the best of at least
    :data:`RECALL_THRESHOLD` against any one of its members, if any."""
    best, best_score = None, RECALL_THRESHOLD
    for story_id, members in candidates.items():
        score = max((_probability(profile, vector, m, scorer, frequencies) for m in members), default=0.0)
        if score >= best_score:
            best, best_score = story_id, score
    return (best, best_score) if best is not None else None


def _probability(profile: Profile, vector: dict[str, float], member: Profile, scorer: Scorer,
                 frequencies: Frequencies) -> float:  # fmt: skip
    theirs = tfidf_vector(member, frequencies)
    features: np.ndarray = pair_features(profile, member, vector, theirs, frequencies)
    features[_GAP] = 0.0  # the day both recall says more than how far apart they were published
    return scorer.probability(features)
