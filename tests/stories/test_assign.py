"""Streaming assignment on hand-made profiles: same event joins, different events stay apart,
stories close outside the window, ids are stable."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import numpy as np

from newsparallax.stories.assign import Assigner, story_id_for
from newsparallax.stories.profile import Profile, build_profile, terms_of
from newsparallax.stories.scorer import FEATURES, Frequencies, Scorer, pair_features, tfidf_vector

COEFFICIENTS = (6.0, 3.0, 2.0, 1.5, -2.0, 1.0, -2.0, -2.0, 1.0, -1.5, -0.5, -1.0, -0.5, 0.5)
COEFFICIENTS += (1.5, 0.5, -1.5, -0.7, 0.7)  # place names, ages shared / in conflict, no common year, street
COEFFICIENTS += (1.5, -0.5, 0.8)  # whom each is mainly about: named by the other / never; figures shared
SCORER = Scorer(coefficients=COEFFICIENTS, intercept=-4.5, threshold=0.5)


def _profile(article_id: str, text: str, day: date | None, *, places: set[str] = frozenset(),  # type: ignore[assignment]
             people: set[str] = frozenset(), killed: int | None = None, vector: int = 0) -> Profile:  # type: ignore[assignment]  # fmt: skip
    embedding = np.zeros(8, dtype=np.float32)
    embedding[vector] = 1.0
    return Profile(article_id, day, None, terms_of(text), embedding, frozenset(people), frozenset(places),
                   frozenset(), frozenset(), killed, None)  # fmt: skip


FERRY = "ferry ran aground near Quellaco harbour rescuers divers coastguard passengers lifeboats"
SHOOTING = "gunman opened fire festival Breakwater plaza crowd wounded suspect arrested milwaukee"


def test_same_event_joins_and_different_event_stays_apart() -> None:
    assigner = Assigner(SCORER)
    a = assigner.assign(_profile("a", FERRY, date(2026, 10, 3), places={"geonames:1"}, killed=4))
    b = assigner.assign(_profile("b", FERRY + " captain", date(2026, 10, 4), places={"geonames:1"}, killed=4))
    c = assigner.assign(_profile("c", SHOOTING, date(2026, 10, 4), places={"geonames:2"}, vector=3))
    assert a.created and a.story_id == story_id_for("a")
    assert not b.created and b.story_id == a.story_id
    assert c.created and c.story_id != a.story_id


def test_stories_close_outside_the_window() -> None:
    assigner = Assigner(SCORER, window_days=5)
    first = assigner.assign(_profile("a", FERRY, date(2026, 10, 3), places={"geonames:1"}))
    later = assigner.assign(_profile("b", FERRY, date(2026, 11, 20), places={"geonames:1"}))
    assert later.created and later.story_id != first.story_id
    assert first.story_id not in assigner.stories


def test_conflicting_places_and_counts_lower_the_score() -> None:
    frequencies = Frequencies()
    a = _profile("a", SHOOTING, date(2026, 10, 4), places={"geonames:1"}, killed=2)
    b = _profile("b", SHOOTING, date(2026, 10, 4), places={"geonames:2"}, killed=5)
    for p in (a, b):
        frequencies.add(p)
    va, vb = tfidf_vector(a, frequencies), tfidf_vector(b, frequencies)
    features = dict(zip(FEATURES, pair_features(a, b, va, vb, frequencies), strict=True))
    assert features["place_conflict"] == 1.0 and features["casualties_conflict"] == 1.0
    assert features["tfidf"] > 0.99 and features["shared_place"] == 0.0


def test_unknown_place_names_ages_and_years_are_compared() -> None:
    frequencies = Frequencies()
    base = _profile("a", SHOOTING, date(2026, 10, 4))
    a = replace(base, place_names=frozenset({"place:felton", "place:clay county"}), ages=frozenset({17, 40}),
                years=frozenset({2026}))  # fmt: skip
    b = replace(base, article_id="b", place_names=frozenset({"place:felton"}), ages=frozenset({17}),
                years=frozenset({2026, 2019}))  # fmt: skip
    c = replace(base, article_id="c", place_names=frozenset({"place:ardmore"}), ages=frozenset({63}),
                years=frozenset({2011}))  # fmt: skip
    for p in (a, b, c):
        frequencies.add(p)
    vectors = [tfidf_vector(p, frequencies) for p in (a, b, c)]
    same = dict(zip(FEATURES, pair_features(a, b, vectors[0], vectors[1], frequencies), strict=True))
    other = dict(zip(FEATURES, pair_features(a, c, vectors[0], vectors[2], frequencies), strict=True))
    assert 0 < same["place_names"] < 1 and same["ages_shared"] == 0.5
    assert same["ages_conflict"] == same["year_conflict"] == 0.0
    assert other["place_names"] == other["ages_shared"] == 0.0
    assert other["ages_conflict"] == other["year_conflict"] == 1.0


def test_profile_reads_ages_and_years_from_the_text() -> None:
    text = "A 17-year-old and Ana Ruiz, 23, of Dayton were hurt in 2026; a man aged 40 was held. 2,000 came."
    profile = build_profile(
        "a", text + " It began on Cerise Ave near 5th Street.", {"entities": [{"key": "place:dayton"}]}, None
    )
    assert profile.ages == {17, 23, 40} and profile.years == {2026}
    assert profile.streets == {"cerise avenue", "5th street"}
    assert profile.place_names == {"place:dayton"} and not profile.entities


def test_trained_weights_load() -> None:
    scorer = Scorer.load()
    assert len(scorer.coefficients) == len(FEATURES) and 0 < scorer.threshold < 1


def test_terms_skip_stopwords_and_numbers() -> None:
    assert terms_of("The 3 ferries and THE ferries said") == Counter({"ferries": 2})


def test_a_later_higher_toll_is_a_revision_not_a_conflict() -> None:
    frequencies = Frequencies()
    early = _profile("a", SHOOTING, date(2026, 10, 4), killed=2)
    later = _profile("b", SHOOTING, date(2026, 10, 5), killed=3)
    lower = _profile("c", SHOOTING, date(2026, 10, 6), killed=1)
    for p in (early, later, lower):
        frequencies.add(p)
    vectors = {p.article_id: tfidf_vector(p, frequencies) for p in (early, later, lower)}

    def conflict(x: Profile, y: Profile) -> float:
        features = pair_features(x, y, vectors[x.article_id], vectors[y.article_id], frequencies)
        return float(dict(zip(FEATURES, features, strict=True))["casualties_conflict"])

    assert conflict(early, later) == 0.0 and conflict(later, early) == 0.0
    assert conflict(early, lower) == 1.0


def _mention(key: str, sentence: int) -> dict[str, object]:
    return {"key": key, "sentence": sentence}


def test_profile_knows_whom_the_article_is_mainly_about_and_its_figures() -> None:
    named = [("person:vera holm", 0), ("org:harbour board", 1), ("org:harbour board", 3),
             ("person:ian page", 2), ("place:quellaco", 0), ("org:coastguard", 4)]  # fmt: skip
    mentions = [_mention(key, sentence) for key, sentence in named]
    span = {"start": 0, "end": 1}
    quantities = [
        {**span, "text": "$108 million", "value": 108_000_000.0, "unit": "USD", "category": "money"},
        {**span, "text": "ten people", "value": 10.0, "category": "killed", "counted": "people"},
        {**span, "text": "one of them", "value": 1.0, "counted": "them"},
        {**span, "text": "three days", "value": 3.0, "unit": "day", "category": "duration"},
    ]
    text = "A magnitude 5.6 quake and a 5.9-magnitude aftershock hit."
    profile = build_profile("a", text, {"entities": mentions, "quantities": quantities}, None)
    assert profile.main_entities == {"person:vera holm", "org:harbour board"}
    assert profile.figures == {"usd:1.08e+08", "killed:10", "magnitude:5.6", "magnitude:5.9"}


def test_whom_each_report_is_about_and_shared_figures_are_compared() -> None:
    frequencies = Frequencies()
    base = _profile("a", SHOOTING, date(2026, 10, 4))
    a = replace(base, entities=frozenset({"person:vera holm", "org:chargers"}),
                main_entities=frozenset({"person:vera holm"}),
                figures=frozenset({"usd:2e+06", "killed:3"}))  # fmt: skip
    b = replace(base, article_id="b", entities=frozenset({"person:vera holm", "person:ian page"}),
                main_entities=frozenset({"person:ian page"}), figures=frozenset({"killed:3"}))  # fmt: skip
    c = replace(base, article_id="c", entities=frozenset({"person:tom rudd", "org:chargers"}),
                main_entities=frozenset({"person:tom rudd"}))  # fmt: skip
    for p in (a, b, c):
        frequencies.add(p)
    vectors = [tfidf_vector(p, frequencies) for p in (a, b, c)]
    same = dict(zip(FEATURES, pair_features(a, b, vectors[0], vectors[1], frequencies), strict=True))
    other = dict(zip(FEATURES, pair_features(a, c, vectors[0], vectors[2], frequencies), strict=True))
    assert same["main_shared"] == 0.5 and same["main_conflict"] == 0.0
    assert same["figures_shared"] == 1 / 3
    assert other["main_shared"] == 0.0 and other["main_conflict"] == 1.0 and other["figures_shared"] == 0.0


def test_odd_layers_give_a_profile_not_an_error() -> None:
    layers = {
        "entities": [{"key": "person:ivo lind"}, {"key": "org:coastguard", "sentence": None}],
        "quantities": [
            {"start": 0, "end": 1, "text": "n/a", "value": float("nan"), "unit": "USD"},
            {"start": 0, "end": 1, "text": "many", "value": 40.0},
        ],
    }
    profile = build_profile("a", "", layers, None)
    assert profile.main_entities == frozenset() and profile.figures == frozenset()
    assert profile.people == {"person:ivo lind"}


def test_a_report_sharing_the_event_day_joins_below_the_threshold() -> None:
    weights = {"tfidf": 3.0, "same_event_day": 1.0}
    scorer = Scorer(tuple(weights.get(n, 0.0) for n in FEATURES), -2.0, threshold=0.95, top=1,
                    anchored_threshold=0.85, margin=0.4)  # fmt: skip
    day = frozenset({date(2026, 10, 3)})
    assigner = Assigner(scorer)
    first = assigner.assign(replace(_profile("a", FERRY, date(2026, 10, 4)), event_days=day))
    same_day = assigner.assign(replace(_profile("b", FERRY, date(2026, 10, 4)), event_days=day))
    undated = assigner.assign(_profile("c", FERRY, date(2026, 10, 4)))
    assert same_day.story_id == first.story_id and 0.85 <= same_day.score < 0.95
    assert undated.created
