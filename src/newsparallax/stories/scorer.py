"""How likely two reports are to cover the same real-world event.

:func:`pair_features` compares two profiles on words (TF-IDF cosine), meaning (embedding cosine),
who (shared people and organisations, weighted by rarity; whether each report is mainly about
someone the other names; the ages of the people described), where (shared or conflicting precise
places, shared names of places the gazetteer does not know, shared streets), when (shared or
conflicting event days, publication gap, no year in common) and how many (casualty counts that
agree or conflict; figures both give).  :class:`Scorer` turns the features into a probability
with a logistic model whose weights live in ``weights.json`` beside this file, produced by
``bench/train_story_weights.py`` from the dev corpora only.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from newsparallax.errors import ConfigError
from newsparallax.stories.profile import Profile

FEATURES = (
    "tfidf",
    "embedding",
    "entities",
    "shared_place",
    "place_conflict",
    "same_event_day",
    "event_day_conflict",
    "publication_gap",
    "casualties_agree",
    "casualties_conflict",
    "same_outlet",
    "people_conflict",
    "region_conflict",
    "title_overlap",
    "place_names",
    "ages_shared",
    "ages_conflict",
    "year_conflict",
    "shared_street",
    "main_shared",
    "main_conflict",
    "figures_shared",
)
WEIGHTS_FILE = Path(__file__).with_name("weights.json")
#: Features that tie a pair to one place and time: a resolved event day or a street both name.
ANCHORS = (FEATURES.index("same_event_day"), FEATURES.index("shared_street"))
_MAX_GAP_DAYS = 30.0
_FIGURES_ENOUGH = 3


class Frequencies:
    """Document frequencies of words and entity keys over the articles the assigner has seen."""

    def __init__(self) -> None:
        self.documents = 0
        self.counts: Counter[str] = Counter()

    def add(self, profile: Profile) -> None:
        self.documents += 1
        self.counts.update(profile.terms.keys())
        self.counts.update(profile.entities)
        self.counts.update(profile.place_names)

    def idf(self, key: str) -> float:
        return math.log((1 + self.documents) / (1 + self.counts.get(key, 0))) + 1.0


def tfidf_vector(profile: Profile, frequencies: Frequencies) -> dict[str, float]:
    """Sublinear TF × IDF, L2-normalised, as a sparse dict."""
    weights = {t: (1.0 + math.log(n)) * frequencies.idf(t) for t, n in profile.terms.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def pair_features(
    a: Profile, b: Profile, va: dict[str, float], vb: dict[str, float], frequencies: Frequencies
) -> np.ndarray:
    """The feature vector of a pair of articles, in the order of :data:`FEATURES`."""
    return np.array(
        [
            cosine(va, vb),
            _embedding(a, b),
            _entities(a, b, frequencies),
            float(bool(a.precise_places & b.precise_places)),
            float(bool(a.precise_places and b.precise_places and not a.precise_places & b.precise_places)),
            float(bool(a.event_days & b.event_days)),
            _day_conflict(a, b),
            _gap(a, b),
            _casualties(a, b, agree=True),
            _casualties(a, b, agree=False),
            float(a.outlet is not None and a.outlet == b.outlet),
            _disjoint(a.people, b.people),
            _disjoint(a.broad_places, b.broad_places),
            _jaccard(a.title_terms, b.title_terms),
            _weighted_jaccard(a.place_names, b.place_names, frequencies),
            _jaccard(a.ages, b.ages),
            _disjoint(a.ages, b.ages),
            _disjoint(a.years, b.years),
            float(bool(a.streets & b.streets)),
            _main_shared(a, b),
            _main_conflict(a, b),
            min(len(a.figures & b.figures), _FIGURES_ENOUGH) / _FIGURES_ENOUGH,
        ],
        dtype=np.float64,
    )


def _main_shared(a: Profile, b: Profile) -> float:
    """How much of whom each article is mainly about the other names (0 to 1)."""
    pairs = ((a, b), (b, a))
    shares = [len(x.main_entities & y.entities) / len(x.main_entities) for x, y in pairs if x.main_entities]
    return sum(shares) / 2.0


def _main_conflict(a: Profile, b: Profile) -> float:
    """1 when each article is mainly about someone the other never names."""
    return float(bool(a.main_entities and b.main_entities and not a.main_entities & b.entities
                      and not b.main_entities & a.entities))  # fmt: skip


def _disjoint(a: frozenset[Any], b: frozenset[Any]) -> float:
    """1 when both sides name some, and none in common (two different people, two different regions)."""
    return float(bool(a and b and not a & b))


def _jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def _embedding(a: Profile, b: Profile) -> float:
    if a.embedding is None or b.embedding is None or a.embedding.shape != b.embedding.shape:
        return 0.0
    return float(np.dot(a.embedding, b.embedding))


def _entities(a: Profile, b: Profile, frequencies: Frequencies) -> float:
    """IDF-weighted Jaccard of the people and organisations both name."""
    return _weighted_jaccard(a.entities, b.entities, frequencies)


def _weighted_jaccard(a: frozenset[str], b: frozenset[str], frequencies: Frequencies) -> float:
    union = a | b
    if not union:
        return 0.0
    shared = sum(frequencies.idf(k) for k in a & b)
    return shared / sum(frequencies.idf(k) for k in union)


def _day_conflict(a: Profile, b: Profile) -> float:
    if not a.event_days or not b.event_days or a.event_days & b.event_days:
        return 0.0
    gap = min(abs((x - y).days) for x in a.event_days for y in b.event_days)
    return min(gap / 7.0, 1.0)


def _gap(a: Profile, b: Profile) -> float:
    if a.published is None or b.published is None:
        return 0.0
    return min(abs((a.published - b.published).days), _MAX_GAP_DAYS) / _MAX_GAP_DAYS


def _casualties(a: Profile, b: Profile, agree: bool) -> float:
    """Counts that agree, or that conflict — a later report giving a higher toll is a revision, not
    a conflict; a later report giving a lower one, or two same-day reports that differ, conflict."""
    earlier, later = (a, b) if (a.published or date.min) <= (b.published or date.min) else (b, a)
    pairs = [(earlier.killed, later.killed), (earlier.injured, later.injured)]
    known = [(x, y) for x, y in pairs if x is not None and y is not None and (x or y)]
    if not known:
        return 0.0
    if agree:
        return float(all(x == y for x, y in known))
    same_day = earlier.published == later.published
    return float(any(y < x or (same_day and x != y) for x, y in known))


@dataclass(frozen=True)
class Scorer:
    """The pair model and how its probabilities decide: an article joins the story it scores best
    against when the score reaches ``threshold``; or, when its best pair there is anchored (an event
    day or a street in common) and no other candidate comes within ``margin``, when it reaches
    ``anchored_threshold`` (1.0 and 1.0 turn that second rule off)."""

    coefficients: tuple[float, ...]
    intercept: float
    threshold: float
    top: int = 3
    anchored_threshold: float = 1.0
    margin: float = 1.0

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> Scorer:
        return _load(str(path))

    def probability(self, features: np.ndarray) -> float:
        z = float(np.dot(self.coefficients, features)) + self.intercept
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def joins(self, score: float, anchored: bool, runner_up: float) -> bool:
        """Whether an article joins the story it scores ``score`` against (see the class)."""
        if score >= self.threshold:
            return True
        return anchored and score >= self.anchored_threshold and score - runner_up >= self.margin

    def link(self, probabilities: list[float]) -> float:
        """An article's score for a story: the mean of its best ``top`` pair probabilities."""
        best = sorted(probabilities, reverse=True)[: self.top]
        return sum(best) / len(best) if best else 0.0


@lru_cache(maxsize=4)
def _load(path: str) -> Scorer:
    """The scorer stored at ``path``; a :class:`.ConfigError` saying what is wrong with it otherwise."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"cannot read story weights {path}: {exc}; re-run bench/train_story_weights.py"
        ) from exc
    if not isinstance(data, dict) or tuple(data.get("features") or ()) != FEATURES:
        raise ConfigError(f"{path} was trained on other features; re-run bench/train_story_weights.py")
    try:
        coefficients = tuple(float(c) for c in data["coefficients"])
        scorer = Scorer(
            coefficients,
            float(data["intercept"]),
            float(data["threshold"]),
            int(data.get("top", 3)),
            float(data.get("anchored_threshold", 1.0)),
            float(data.get("margin", 1.0)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{path} lacks a usable {exc}; re-run bench/train_story_weights.py") from exc
    if len(coefficients) != len(FEATURES) or scorer.top < 1:
        raise ConfigError(f"{path} holds {len(coefficients)} coefficients for {len(FEATURES)} features")
    return scorer


def anchored(features: np.ndarray) -> bool:
    """Whether a pair shares an event day or a street (:data:`ANCHORS`)."""
    return any(features[index] > 0 for index in ANCHORS)
