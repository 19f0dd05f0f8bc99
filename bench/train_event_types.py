"""Learn the event typer's weights from the two dev files, and nothing else.

Usage: python bench/train_event_types.py [--write] [--folds 5] [--seed 13]

Trained on: ../shared/datasets/case2021/dev.jsonl (509 snippets, ACLED/CASE 2021 sub-types) and
../shared/datasets/plover/dev.jsonl (161 sentences, PLOVER types; DEMAND, DISAPPROVE, INVESTIGATE and
FIGHT folded into REQUEST, ACCUSE, ACCUSE and ASSAULT).  No other data.

* The ACLED head (30 sub-types) learns from the CASE rows.
* The PLOVER head (17 types) learns from the PLOVER rows and, at ``CASE_WEIGHT``, from the CASE rows
  with their sub-type mapped to its PLOVER type (taxonomy.py).
* Each head is a multinomial logistic regression with an L2 penalty, fitted with scipy's L-BFGS on
  the features of newsparallax.facts.event_types, twice: with the multilingual sentence embedding
  ("full") and without it ("lexical").

Because the benches score on these same dev files, the honest figures are k-fold cross-validated:
both files are split into ``--folds`` stratified folds (fixed seed) and fold k of each is predicted
by heads trained on the other folds of both.  ``--write`` then fits on all dev rows and stores
src/newsparallax/facts/event_types_model.npz; that stored model has seen every dev row.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from _common import rows
from newsparallax.facts.event_types import (
    HASH_BUCKETS,
    LEXICAL_FEATURES,
    MODEL_FILE,
    EventType,
    EventTyper,
    Head,
    LinearTypeModel,
    evidence,
    lexical_features,
)
from newsparallax.facts.taxonomy import ACLED_SUBTYPES, PLOVER_TYPES, normalise_plover, plover_of
from newsparallax.read.embed import ARTICLE_CHARS, Embedder, UseEmbedder

CASE = "case2021/dev.jsonl"
PLOVER = "plover/dev.jsonl"
TRAINED_ON = f"{CASE} and {PLOVER} (../shared/datasets), all rows"
VARIANTS = ("full", "lexical")
CACHE = Path(__file__).resolve().parent / "out"


@dataclass(frozen=True)
class Settings:
    """How the heads are fitted (the defaults are what the stored model used)."""

    case_weight: float = 0.5  # a CASE row in the PLOVER head, against 1 for a PLOVER row
    l2_plover: float = 1e-4
    l2_acled: float = 1e-4
    # Feature blocks are scaled before fitting (a smaller scale is a stronger penalty); the scales are
    # folded back into the stored weights, so the package applies none.
    word_scale: float = 1.0
    lexicon_scale: float = 1.0
    embedding_scale: float = 3.0

    def scales(self, variant: str, embedding_dim: int) -> np.ndarray:
        blocks = [
            np.full(HASH_BUCKETS, self.word_scale),
            np.full(LEXICAL_FEATURES - HASH_BUCKETS, self.lexicon_scale),
        ]
        if variant == "full":
            blocks.append(np.full(embedding_dim, self.embedding_scale))
        return np.concatenate(blocks)


@dataclass(frozen=True)
class Dev:
    """The two dev files, in file order: texts, gold labels, and which file each row came from."""

    texts: list[str]
    acled: list[str | None]  # CASE sub-type; None for PLOVER rows
    plover: list[str]  # our PLOVER type (mapped from the sub-type for CASE rows)
    is_case: np.ndarray

    @cached_property
    def lexical(self) -> np.ndarray:
        return np.vstack([lexical_features(evidence(text, "en"), True) for text in self.texts])

    @cached_property
    def embeddings(self) -> np.ndarray:
        """USE vectors of the texts, cached in bench/out between runs."""
        key = hashlib.sha256("\n".join(self.texts).encode("utf-8")).hexdigest()[:16]
        path = CACHE / f"event-types-embeddings-{key}.npy"
        if path.exists():
            return np.load(path)  # type: ignore[no-any-return]
        vectors = UseEmbedder().encode([t[:ARTICLE_CHARS] for t in self.texts])
        CACHE.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
        return vectors

    def features(self, variant: str) -> np.ndarray:
        """The features the package computes for these texts (language "en")."""
        return self.lexical if variant == "lexical" else np.hstack([self.lexical, self.embeddings])


def load_dev() -> Dev:
    case, plover = rows(CASE), rows(PLOVER)
    texts = [r["text"] for r in case] + [r["text"] for r in plover]
    acled: list[str | None] = [r["gold_type"] for r in case]
    acled += [None] * len(plover)
    types = [plover_of(r["gold_type"]) for r in case] + [normalise_plover(r["event"]) for r in plover]
    is_case = np.array([True] * len(case) + [False] * len(plover))
    return Dev(texts, acled, types, is_case)


def fit_head(
    x: sparse.csr_matrix, y: np.ndarray, weight: np.ndarray, classes: int, l2: float
) -> tuple[np.ndarray, ...]:
    """Multinomial logistic regression: weighted mean cross-entropy + l2/2·|W|² (bias free)."""
    n, f = x.shape
    target = np.zeros((n, classes))
    target[np.arange(n), y] = 1.0
    share = weight / weight.sum()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[: f * classes].reshape(f, classes), theta[f * classes :]
        logits = x @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        value = -(share * (target * logp).sum(axis=1)).sum() + l2 / 2 * (w * w).sum()
        residual = (np.exp(logp) - target) * share[:, None]
        return float(value), np.concatenate([(x.T @ residual + l2 * w).ravel(), residual.sum(axis=0)])

    start = np.zeros(f * classes + classes)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 400})
    return result.x[: f * classes].reshape(f, classes), result.x[f * classes :]


def fit(dev: Dev, train: np.ndarray, variant: str, settings: Settings = Settings()) -> tuple[Head, Head]:
    """Both heads from the rows ``train`` (a boolean mask) of the dev data, for unscaled features."""
    scale = settings.scales(variant, dev.embeddings.shape[1])
    x = sparse.csr_matrix(dev.features(variant).astype(np.float64) * scale)
    case_rows = train & dev.is_case
    y_acled = np.array([ACLED_SUBTYPES.index(a) if a else 0 for a in dev.acled])
    acled_w, acled_b = fit_head(
        x[case_rows],
        y_acled[case_rows],
        np.ones(int(case_rows.sum())),
        len(ACLED_SUBTYPES),
        settings.l2_acled,
    )
    y_plover = np.array([PLOVER_TYPES.index(p) for p in dev.plover])
    weight = np.where(dev.is_case, settings.case_weight, 1.0)[train]
    plover_w, plover_b = fit_head(x[train], y_plover[train], weight, len(PLOVER_TYPES), settings.l2_plover)
    return (
        Head(PLOVER_TYPES, plover_w * scale[:, None], plover_b),
        Head(ACLED_SUBTYPES, acled_w * scale[:, None], acled_b),
    )


def folds(dev: Dev, k: int, seed: int) -> np.ndarray:
    """A fold number per row, stratified by gold label within each file."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(dev.texts), dtype=int)
    labels = [f"{c}:{a or p}" for c, a, p in zip(dev.is_case, dev.acled, dev.plover, strict=True)]
    for label in sorted(set(labels)):
        members = np.array([i for i, lab in enumerate(labels) if lab == label])
        rng.shuffle(members)
        fold[members] = (np.arange(len(members)) + rng.integers(k)) % k
    return fold


class CachedEmbedder:
    """The dev embeddings, looked up by text (so that folds do not embed again)."""

    def __init__(self, dev: Dev) -> None:
        self.name, self.dim = "dev-cache", dev.embeddings.shape[1]
        self._rows = {text[:ARTICLE_CHARS]: i for i, text in enumerate(dev.texts)}
        self._vectors = dev.embeddings

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self._vectors[[self._rows[t] for t in texts]]


def cross_validated(dev: Dev, variant: str, k: int = 5, seed: int = 13) -> list[EventType]:
    """Every dev row typed by heads that did not see its fold."""
    fold = folds(dev, k, seed)
    embedder: Embedder | None = CachedEmbedder(dev) if variant == "full" else None
    found: list[EventType | None] = [None] * len(dev.texts)
    for held in range(k):
        typer = EventTyper(LinearTypeModel(*fit(dev, fold != held, variant), embedder))
        members = np.flatnonzero(fold == held)
        for i, typed in zip(members, typer.classify_many([dev.texts[i] for i in members]), strict=True):
            found[i] = typed
    return [t for t in found if t is not None]


def write(dev: Dev, settings: Settings = Settings()) -> None:
    everything = np.ones(len(dev.texts), dtype=bool)
    arrays: dict[str, np.ndarray] = {
        "plover_labels": np.array(PLOVER_TYPES), "acled_labels": np.array(ACLED_SUBTYPES),
    }  # fmt: skip
    for variant in VARIANTS:
        for name, head in zip(("plover", "acled"), fit(dev, everything, variant, settings), strict=True):
            arrays[f"{variant}_{name}_weights"] = head.weights.astype(np.float16)
            arrays[f"{variant}_{name}_bias"] = head.bias.astype(np.float32)
    meta = {"trained_on": TRAINED_ON, "rows": len(dev.texts), "date": date.today().isoformat(),
            "settings": asdict(settings), "embedder": UseEmbedder.name,
            "hash_buckets": HASH_BUCKETS}  # fmt: skip
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez_compressed(MODEL_FILE, **arrays)  # type: ignore[arg-type]
    print(f"wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size / 1e6:.2f} MB), trained on {TRAINED_ON}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the model fitted on all dev rows")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    dev = load_dev()
    counts = f"{int(dev.is_case.sum())} CASE + {int((~dev.is_case).sum())} PLOVER rows"
    print(f"training data: {TRAINED_ON} ({counts})")
    from event_types_eval import report

    for variant in VARIANTS:
        report(f"{args.folds}-fold CV ({variant})", dev, cross_validated(dev, variant, args.folds, args.seed))
    if args.write:
        write(dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
