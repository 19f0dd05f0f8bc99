"""Scores for story clustering (B-cubed, pairwise) and two reference baselines.

Pure functions, no project imports, so that the scores do not depend on the code they judge.

A clustering is a mapping ``item id -> cluster label``.  Conventions shared by both scores:

* Only items present in ``gold`` are scored; items that appear only in ``pred`` are ignored.
* A gold item missing from ``pred`` counts as a singleton (a cluster of its own), so a system
  that silently drops articles is penalised on recall, never rewarded.
* Both scores are computed from the contingency table of (predicted, gold) cluster sizes, in
  time linear in the number of items.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

Scores = tuple[float, float, float]

#: A small English stopword list for the TF-IDF baseline.
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says also
    """.split()  # noqa: SIM905
)
_TOKEN = re.compile(r"\b\w\w+\b")


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _contingency(pred: Mapping[str, str], gold: Mapping[str, str]) -> Counter[tuple[Hashable, str]]:
    """Counts of gold items per (predicted label, gold label); a missing prediction is its own label."""
    return Counter((pred.get(i, ("<missing>", i)), g) for i, g in gold.items())


def _sizes(cells: Counter[tuple[Hashable, str]]) -> tuple[Counter[Hashable], Counter[str]]:
    """Predicted and gold cluster sizes (over gold items only)."""
    pred_sizes: Counter[Hashable] = Counter()
    gold_sizes: Counter[str] = Counter()
    for (p, g), n in cells.items():
        pred_sizes[p] += n
        gold_sizes[g] += n
    return pred_sizes, gold_sizes


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """Item-averaged B-cubed (precision, recall, F1) over the items in ``gold``.

    For item i with predicted cluster C and gold cluster G: precision_i = |C ∩ G| / |C| and
    recall_i = |C ∩ G| / |G| (C restricted to gold items; a gold item missing from ``pred`` is a
    singleton).  P and R are the averages over items; F1 is their harmonic mean.  Empty gold: zeros.
    """
    if not gold:
        return 0.0, 0.0, 0.0
    cells = _contingency(pred, gold)
    pred_sizes, gold_sizes = _sizes(cells)
    precision = sum(n * n / pred_sizes[p] for (p, _), n in cells.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (_, g), n in cells.items()) / len(gold)
    return precision, recall, _f1(precision, recall)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """Pairwise (precision, recall, F1) over the unordered pairs of gold items placed together.

    precision = pairs together in both / pairs together in ``pred``; recall = the same / pairs
    together in ``gold``.  With no predicted pairs precision is 1.0 (nothing wrongly joined), with
    no gold pairs recall is 1.0; F1 is 0.0 when both P and R are 0.  Missing items are singletons.
    """
    cells = _contingency(pred, gold)
    pred_sizes, gold_sizes = _sizes(cells)
    together = sum(_pairs(n) for n in cells.values())
    pred_pairs = sum(_pairs(n) for n in pred_sizes.values())
    gold_pairs = sum(_pairs(n) for n in gold_sizes.values())
    precision = together / pred_pairs if pred_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def clusters_from_jsonl(lines: Iterable[str]) -> dict[str, str]:
    """Article id -> story id from ``parallax stories --format jsonl`` lines (blank lines skipped).

    Raises ValueError naming the article when an article is listed in two stories (or twice in one).
    """
    clusters: dict[str, str] = {}
    for line in lines:
        if not line.strip():
            continue
        story = json.loads(line)
        story_id = str(story["id"])
        for article in story["articles"]:
            article_id = str(article)
            if article_id in clusters:
                raise ValueError(
                    f"article {article_id!r} appears in story {clusters[article_id]!r} and in {story_id!r}"
                )
            clusters[article_id] = story_id
    return clusters


def singletons(gold: Mapping[str, str]) -> dict[str, str]:
    """The all-singletons baseline: every gold item in a cluster of its own (labelled by its id)."""
    return {item: item for item in gold}


def tokens(text: str) -> list[str]:
    """Lowercase word tokens of two or more characters, English stopwords removed."""
    return [t for t in _TOKEN.findall(text.lower()) if t not in STOPWORDS]


def tfidf_matrix(documents: Sequence[str]) -> sparse.csr_matrix:
    """Rows: l2-normalised TF-IDF vectors (sublinear tf 1 + log tf, smoothed idf log((1+n)/(1+df)) + 1)."""
    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, document in enumerate(documents):
        for term, count in Counter(tokens(document)).items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(1.0 + math.log(count))
    shape = (len(documents), max(len(vocabulary), 1))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float64)
    df = np.bincount(matrix.indices, minlength=shape[1])
    idf = np.log((1 + shape[0]) / (1 + df)) + 1.0
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ matrix)


def cosine_distances(matrix: sparse.csr_matrix) -> np.ndarray:
    """The condensed (upper-triangle) cosine distance matrix of l2-normalised rows."""
    similarity = (matrix @ matrix.T).toarray()
    distances = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    condensed: np.ndarray = squareform(distances, checks=False)
    return condensed


Clustering = dict[str, str]


def tfidf_clusters(texts: Mapping[str, str], thresholds: Iterable[float]) -> list[tuple[float, Clustering]]:
    """TF-IDF cosine average-linkage clusterings of ``texts`` (id -> text), one per distance threshold.

    The dendrogram is cut at each threshold with ``fcluster(criterion="distance")``: documents end
    up together when their clusters' mean cosine distance is at most the threshold.
    """
    ids = list(texts)
    if len(ids) < 2:
        return [(t, dict.fromkeys(ids, "1")) for t in thresholds]
    tree = linkage(cosine_distances(tfidf_matrix([texts[i] for i in ids])), method="average")
    cuts = []
    for threshold in thresholds:
        labels = fcluster(tree, t=threshold, criterion="distance")
        cuts.append((threshold, {i: str(label) for i, label in zip(ids, labels, strict=True)}))
    return cuts


def tfidf_average_linkage(
    texts: Mapping[str, str], gold: Mapping[str, str], thresholds: Iterable[float]
) -> list[tuple[float, float, float]]:
    """(threshold, B-cubed F1, pairwise F1) of :func:`tfidf_clusters` at each threshold; see :func:`best`."""
    cuts = tfidf_clusters(texts, thresholds)
    return [(t, bcubed(pred, gold)[2], pairwise(pred, gold)[2]) for t, pred in cuts]


def best(results: Iterable[tuple[float, float, float]]) -> tuple[float, float, float]:
    """The (threshold, B-cubed F1, pairwise F1) row with the highest B-cubed F1 (first on ties)."""
    return max(results, key=lambda row: row[1])


def threshold_grid(start: float = 0.1, stop: float = 0.95, step: float = 0.05) -> list[float]:
    """Thresholds from ``start`` to ``stop`` inclusive, rounded to avoid float drift."""
    count = round((stop - start) / step) + 1
    return [round(start + i * step, 4) for i in range(count)]
