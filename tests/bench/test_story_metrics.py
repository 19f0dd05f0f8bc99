"""bench/story_metrics.py: B-cubed and pairwise scores on hand-computed cases, and the baselines."""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))

from story_metrics import (
    bcubed,
    best,
    clusters_from_jsonl,
    pairwise,
    singletons,
    tfidf_average_linkage,
    threshold_grid,
    tokens,
)

GOLD = {"a": "x", "b": "x", "c": "y", "d": "y"}


def close(scores: tuple[float, float, float], expected: tuple[float, float, float]) -> bool:
    return scores == pytest.approx(tuple(float(e) for e in expected))


def test_perfect_clustering_scores_one_whatever_the_labels() -> None:
    pred = {"a": "1", "b": "1", "c": "2", "d": "2"}
    assert close(bcubed(pred, GOLD), (1, 1, 1))
    assert close(pairwise(pred, GOLD), (1, 1, 1))


def test_all_singletons() -> None:
    pred = singletons(GOLD)
    assert pred == {"a": "a", "b": "b", "c": "c", "d": "d"}
    assert close(bcubed(pred, GOLD), (1, 0.5, Fraction(2, 3)))
    # No predicted pairs: precision is vacuously 1, recall 0.
    assert close(pairwise(pred, GOLD), (1, 0, 0))


def test_all_in_one() -> None:
    pred = dict.fromkeys(GOLD, "all")
    assert close(bcubed(pred, GOLD), (0.5, 1, Fraction(2, 3)))
    assert close(pairwise(pred, GOLD), (Fraction(1, 3), 1, 0.5))


def test_bagga_baldwin_textbook_example() -> None:
    """Bagga & Baldwin (1998), fig. 2: two gold chains of 5 and one of 2; the response merges 6-7 with 8-C."""
    gold = {**dict.fromkeys("12345", "A"), **dict.fromkeys("67", "B"), **dict.fromkeys("89ABC", "C")}
    pred = {**dict.fromkeys("12345", "1"), **dict.fromkeys("6789ABC", "2")}
    precision = Fraction(5 + 2 * Fraction(2, 7) + 5 * Fraction(5, 7), 12)  # = 16/21
    assert precision == Fraction(16, 21)
    assert close(bcubed(pred, gold), (precision, 1, Fraction(32, 37)))
    # Pairs: gold 10 + 1 + 10 = 21, predicted 10 + 21 = 31, all 21 gold pairs are predicted.
    assert close(pairwise(pred, gold), (Fraction(21, 31), 1, Fraction(21, 26)))


def test_split_and_merge_error() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    pred = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}
    # precision: a,b 1; c 1/3; d,e 2/3 -> 11/15.  recall: a,b 2/3; c 1/3; d,e 1 -> 11/15.
    assert close(bcubed(pred, gold), (Fraction(11, 15), Fraction(11, 15), Fraction(11, 15)))
    # together: ab, de; predicted pairs 1 + 3; gold pairs 3 + 1.
    assert close(pairwise(pred, gold), (0.5, 0.5, 0.5))


def test_missing_items_are_singletons_and_extra_items_are_ignored() -> None:
    pred = {"a": "1", "b": "1", "c": "2", "zzz": "2"}  # d missing, zzz not in gold
    assert bcubed(pred, GOLD) == bcubed({**pred, "d": "only-d"}, GOLD)
    assert close(bcubed(pred, GOLD), (1, 0.75, Fraction(6, 7)))
    assert close(pairwise(pred, GOLD), (1, 0.5, Fraction(2, 3)))


def test_missing_item_does_not_collide_with_a_label_equal_to_its_id() -> None:
    pred = {"a": "d", "b": "d", "c": "c"}  # labels that look like ids
    assert close(bcubed(pred, GOLD), (1, 0.75, Fraction(6, 7)))


def test_empty_gold() -> None:
    assert bcubed({}, {}) == (0.0, 0.0, 0.0)


def test_clusters_from_jsonl() -> None:
    lines = [
        '{"id": "s1", "title": "One", "articles": ["a", "b"]}',
        "",
        '{"id": "s2", "title": "Two", "articles": ["c"], "extra": 1}\n',
    ]
    assert clusters_from_jsonl(lines) == {"a": "s1", "b": "s1", "c": "s2"}


def test_clusters_from_jsonl_rejects_an_article_in_two_stories() -> None:
    lines = ['{"id": "s1", "articles": ["a", "dup-7"]}', '{"id": "s2", "articles": ["dup-7"]}']
    with pytest.raises(ValueError, match="dup-7"):
        clusters_from_jsonl(lines)


def test_tokens_lowercase_without_stopwords() -> None:
    assert tokens("The Ferry ran aground, and 23 were hurt.") == ["ferry", "ran", "aground", "23", "hurt"]


def test_threshold_grid() -> None:
    grid = threshold_grid()
    assert grid[0] == 0.1 and grid[-1] == 0.95 and len(grid) == 18


def test_tfidf_baseline_separates_two_obvious_topics() -> None:
    texts = {
        "f1": "Ferry runs aground near Puerto Montt; passengers rescued from the ferry by the navy.",
        "f2": "The navy rescued ferry passengers after the ferry ran aground off Puerto Montt.",
        "f3": "Puerto Montt ferry aground: navy divers search the ferry for missing passengers.",
        "s1": "Gunman opens fire at Milwaukee food festival; police arrest shooting suspect.",
        "s2": "Milwaukee police arrest suspect after festival shooting leaves several wounded.",
    }
    gold = {i: i[0] for i in texts}
    results = tfidf_average_linkage(texts, gold, threshold_grid())
    assert [row[0] for row in results] == threshold_grid()
    threshold, bcubed_f1, pairwise_f1 = best(results)
    assert bcubed_f1 == pytest.approx(1.0) and pairwise_f1 == pytest.approx(1.0)
    assert 0.1 <= threshold < 0.95
    # Cutting at the largest distance joins everything: B-cubed P = (3*3/5 + 2*2/5) / 5, R = 1.
    everything = tfidf_average_linkage(texts, gold, [2.0])[0]
    assert everything[1] == pytest.approx(2 * 0.52 / 1.52)


def test_tfidf_baseline_on_a_single_document() -> None:
    assert tfidf_average_linkage({"a": "text"}, {"a": "x"}, [0.5]) == [(0.5, 1.0, 1.0)]
