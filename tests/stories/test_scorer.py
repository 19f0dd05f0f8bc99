"""The pair scorer: a logistic model over the pair features, loaded from JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from newsparallax.errors import ConfigError
from newsparallax.stories.scorer import FEATURES, Scorer

N = len(FEATURES)


def test_a_scorer_weighs_the_features() -> None:
    scorer = Scorer(tuple([1.0] + [0.0] * (N - 1)), -0.5, 0.5)
    features = np.zeros(N)
    features[0] = 2.0
    assert scorer.probability(features) == pytest.approx(1 / (1 + math.exp(-1.5)))


def test_weights_round_trip_through_json(tmp_path: Path) -> None:
    path = tmp_path / "weights.json"
    data = {
        "features": list(FEATURES),
        "coefficients": [0.5] * N,
        "intercept": -1.0,
        "threshold": 0.9,
        "top": 1,
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = Scorer.load(path)
    assert (loaded.threshold, loaded.top) == (0.9, 1)
    assert loaded.probability(np.ones(N)) == pytest.approx(1 / (1 + math.exp(-(0.5 * N - 1.0))))


def test_weights_of_other_features_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "weights.json"
    path.write_text(
        json.dumps({"features": ["tfidf"], "coefficients": [1.0], "intercept": 0.0, "threshold": 0.5})
    )
    with pytest.raises(ConfigError, match="train_story_weights"):
        Scorer.load(path)


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[1, 2]",
        json.dumps({"features": list(FEATURES), "coefficients": [1.0], "intercept": 0.0, "threshold": 0.5}),
        json.dumps(
            {
                "features": list(FEATURES),
                "coefficients": ["x"] * len(FEATURES),
                "intercept": 0.0,
                "threshold": 0.5,
            }
        ),
        json.dumps({"features": list(FEATURES), "coefficients": [1.0] * len(FEATURES), "threshold": 0.5}),
    ],
)
def test_malformed_weights_give_a_config_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "weights.json"
    path.write_text(content)
    with pytest.raises(ConfigError):
        Scorer.load(path)
    with pytest.raises(ConfigError, match="cannot read"):
        Scorer.load(tmp_path / "missing.json")


def test_an_anchored_pair_with_a_clear_margin_joins_at_the_lower_bar() -> None:
    scorer = Scorer(tuple([0.0] * N), 0.0, threshold=0.95, anchored_threshold=0.85, margin=0.4)
    assert scorer.joins(0.96, anchored=False, runner_up=0.95)
    assert scorer.joins(0.9, anchored=True, runner_up=0.3)
    assert not scorer.joins(0.9, anchored=False, runner_up=0.0)  # no event day or street in common
    assert not scorer.joins(0.9, anchored=True, runner_up=0.6)  # another story comes close
    assert not scorer.joins(0.8, anchored=True, runner_up=0.0)
    assert not Scorer(tuple([0.0] * N), 0.0, threshold=0.95).joins(0.9, anchored=True, runner_up=0.0)


def test_the_anchored_rule_round_trips_through_json(tmp_path: Path) -> None:
    path = tmp_path / "weights.json"
    data = {"features": list(FEATURES), "coefficients": [0.0] * N, "intercept": 0.0, "threshold": 0.95,
            "anchored_threshold": 0.88, "margin": 0.4}  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = Scorer.load(path)
    assert (loaded.anchored_threshold, loaded.margin) == (0.88, 0.4)
