"""The pair scorer: a logistic output over the features or over a hidden layer, loaded from JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from newsparallax.stories.scorer import FEATURES, Hidden, Scorer

N = len(FEATURES)


def _hidden() -> Hidden:
    weights = np.zeros((N, 2))
    weights[0, 0], weights[11, 1] = 1.0, 1.0  # unit 0: words in common; unit 1: people in conflict
    return Hidden(mean=np.zeros(N), scale=np.full(N, 0.5), weights=weights, bias=np.array([0.0, -1.0]))


def test_a_hidden_layer_combines_standardised_features() -> None:
    scorer = Scorer((2.0, -3.0), -1.0, 0.9, 1, _hidden())
    features = np.zeros(N)
    features[0] = 1.0  # standardised: 2.0, so unit 0 gives 2.0; unit 1: max(0, -1) = 0
    assert scorer.probability(features) == pytest.approx(1 / (1 + math.exp(-(2.0 * 2.0 - 1.0))))
    features[11] = 1.0  # unit 1: max(0, 2 - 1) = 1, weighed -3
    assert scorer.probability(features) == pytest.approx(1 / (1 + math.exp(-(4.0 - 3.0 - 1.0))))


def test_a_logistic_scorer_weighs_the_features_themselves() -> None:
    scorer = Scorer(tuple([1.0] + [0.0] * (N - 1)), 0.0, 0.5)
    features = np.zeros(N)
    features[0] = 2.0
    assert scorer.probability(features) == pytest.approx(1 / (1 + math.exp(-2.0)))


def test_weights_with_a_hidden_layer_round_trip_through_json(tmp_path: Path) -> None:
    path = tmp_path / "weights.json"
    data = {"features": list(FEATURES), "coefficients": [2.0, -3.0], "intercept": -1.0,
            "hidden": _hidden().to_json(), "threshold": 0.9, "top": 1}  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = Scorer.load(path)
    assert loaded.hidden is not None and loaded.hidden.weights.shape == (N, 2)
    features = np.linspace(0, 1, N)
    assert loaded.probability(features) == pytest.approx(
        Scorer((2.0, -3.0), -1.0, 0.9, 1, _hidden()).probability(features)
    )


def test_weights_of_other_features_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "weights.json"
    path.write_text(
        json.dumps({"features": ["tfidf"], "coefficients": [1.0], "intercept": 0.0, "threshold": 0.5})
    )
    with pytest.raises(ValueError, match="train_story_weights"):
        Scorer.load(path)
