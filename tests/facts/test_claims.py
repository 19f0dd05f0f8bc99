"""Claim extraction from reading layers we write by hand: casualties, dates, places, people, models."""

from __future__ import annotations

import re
from typing import Any

from newsparallax.facts.claims import ArticleInput, quantity_claims
from newsparallax.facts.claims_casualties import casualty_claims
from newsparallax.facts.claims_context import date_claims, model_claims, place_claims
from newsparallax.facts.claims_people import age_claims, suspects, title_claims, witness_claims


def article(text: str, published: str = "2026-10-05", **layers: Any) -> ArticleInput:
    """An article whose sentences are split on full stops."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()]
    return ArticleInput(
        stored_id="a1",
        given_id="a1",
        text=text,
        title=None,
        outlet="Desk",
        published=published,
        language="en",
        layers={"sentences": spans, **layers},
    )


def quantity(
    text: str, whole: str, value: float, category: str | None, sentence: int, **extra: Any
) -> dict[str, Any]:
    start = whole.index(text)
    return {
        "start": start,
        "end": start + len(text),
        "text": text,
        "value": value,
        "category": category,
        "sentence": sentence,
        **extra,
    }


def test_a_casualty_count_about_history_is_not_the_event_s() -> None:
    text = "Two people were killed on Sunday. It recalls 1999, when 13 people were killed in 1999."
    claims = casualty_claims(
        article(
            text,
            quantities=[
                quantity("13 people", text, 13, "killed", 1),
                quantity("Two people", text, 2, "killed", 0),
            ],
        )
    )
    assert [(c.attribute, c.normalized["value"]) for c in claims] == [("killed", 2)]
    assert claims[0].mention.quote == "Two people were killed on Sunday."


def test_the_shooter_who_killed_himself_is_counted_as_the_archive_counts() -> None:
    text = "The gunman killed three people. He then killed himself."
    claims = casualty_claims(article(text, quantities=[quantity("three people", text, 3, "killed", 0)]))
    assert claims[0].normalized["value"] == 4 and "gunman" in claims[0].value
    included = "Four people, including the gunman, died. He killed himself."
    claims = casualty_claims(
        article(included, quantities=[quantity("Four people", included, 4, "killed", 0)])
    )
    assert claims[0].normalized["value"] == 4


def test_an_update_is_a_revision() -> None:
    text = "The death toll has risen to six."
    toll = quantity("death toll has risen to six", text, 6, "killed", 0, counted="toll")
    (claim,) = casualty_claims(article(text, quantities=[toll]))
    assert claim.revision and claim.normalized["value"] == 6


def test_quantities_are_keyed_by_what_they_count() -> None:
    text = "About 100 soldiers and 35 tonnes of material arrived. One of the planes left."
    claims = quantity_claims(
        article(
            text,
            quantities=[
                quantity("About 100 soldiers", text, 100, "troops", 0, counted="soldiers", hedge="about"),
                quantity("35 tonnes of material", text, 35, "weight", 0, counted="material", unit="t"),
                quantity("One of the planes", text, 1, None, 1, counted="planes"),
            ],
        )
    )
    assert {(c.subject, c.attribute) for c in claims} == {("event", "troops"), ("equipment", "weight")}


def day(text: str, whole: str, value: str, sentence: int, granularity: str = "day") -> dict[str, Any]:
    start = whole.index(text)
    return {
        "start": start,
        "end": start + len(text),
        "text": text,
        "value": value,
        "sentence": sentence,
        "granularity": granularity,
    }


def test_the_event_date_skips_statements_page_stamps_and_history() -> None:
    text = "Posted: Monday, October 5, 2026 10:02 AM EST. Police said Monday a man was shot Saturday."
    dates = [
        day("Monday, October 5, 2026", text, "2026-10-05", 0),
        day("Monday", text[40:], "2026-10-05", 1),
        day("Saturday", text, "2026-10-03", 1),
    ]
    dates[1]["start"] += 40
    dates[1]["end"] += 40
    claims = date_claims(article(text, dates=dates))
    event = next(c for c in claims if c.subject == "event")
    assert event.normalized == {"value": "2026-10-03", "end": None}


def test_overnight_is_the_morning_it_ends_in() -> None:
    text = "Four people were shot overnight."
    (claim,) = date_claims(article(text, dates=[day("overnight", text, "2026-10-04", 0, "part_of_day")]))
    assert claim.normalized["value"] == "2026-10-05"


def test_location_prefers_the_dateline_and_names_other_places() -> None:
    text = "A ferry ran aground near Puerto Montt. The minister flew from Santiago."
    place = {
        "place_id": "geonames:1",
        "name": "Puerto Montt",
        "kind": "city",
        "country": "CL",
        "sentence": 0,
        "text": "Puerto Montt",
        "start": 25,
    }
    other = {
        **place,
        "place_id": "geonames:2",
        "name": "Santiago",
        "text": "Santiago",
        "sentence": 1,
        "start": 60,
    }
    claims = place_claims(article(text, places=[place, other], dateline_place=place))
    assert [(c.attribute, c.normalized if c.kind == "mention" else c.normalized["id"]) for c in claims] == [
        ("location", "geonames:1"),
        ("named", "geonames:2"),
    ]


def person(name: str, whole: str, sentence: int, titles: list[str] | None = None) -> dict[str, Any]:
    start = whole.index(name)
    return {
        "start": start,
        "end": start + len(name),
        "text": name,
        "label": "PERSON",
        "sentence": sentence,
        "name": name,
        "key": "person:" + name.lower(),
        "titles": titles or [],
    }


def test_titles_drop_clauses_and_other_people() -> None:
    text = "Chief Ana Ruiz spoke. Minister Ana Ruiz and Minister Bo Li met."
    mentions = [
        person("Ana Ruiz", text, 0, ["Chief", "Minister Bo Li and Minister"]),
        person("Bo Li", text, 1, ["Minister"]),
    ]
    claims = {c.subject: c.value for c in title_claims(article(text, entities=mentions))}
    assert claims == {"person:ana ruiz": "Chief", "person:bo li": "Minister"}


def test_ages_of_the_suspect_and_the_victims() -> None:
    text = (
        "Police arrested Dan Cole, 34, on Monday. The victims were a 19-year-old woman and a 52-year-old man."
    )
    first = article(text, entities=[person("Dan Cole", text, 0)])
    keys = suspects([first])
    assert keys == {"person:dan cole"}
    claims = {(c.subject, c.attribute): c.normalized for c in age_claims(first, keys)}
    assert claims[("suspect", "age")]["value"] == 34
    assert claims[("victims", "ages")] == ["19", "52"]


def test_witnesses_and_aircraft_models() -> None:
    text = "An AFP journalist on Sunday saw an Ilyushin Il-62 and an Antonov-124 there. A 19-year-old ran."
    assert [c.value for c in witness_claims(article(text))] == ["An AFP journalist"]
    (models,) = model_claims(article(text))
    assert models.normalized == ["An-124", "Il-62"]


def test_the_headline_counts_where_the_body_does_not() -> None:
    body = "Police are looking for the gunman. A man was shot in the leg."
    one = quantity("A man was shot", body, 1, "injured", 1, counted="people")
    story = article(body, quantities=[one])
    story.title = "Four hurt in drive-by shooting"
    (claim,) = casualty_claims(story)
    assert (claim.attribute, claim.normalized["value"], claim.mention.quote) == (
        "injured",
        4,
        "Four hurt in drive-by shooting",
    )


def test_a_death_the_lead_reports_without_a_number_counts_one() -> None:
    story = article("Deputies are investigating the death of a teenager. He died at the hospital.")
    claims = {c.attribute: c.normalized["value"] for c in casualty_claims(story)}
    assert claims == {"killed": 1}
    unhurt = article("The shooting was not fatal and no one was hurt, police said.")
    assert casualty_claims(unhurt) == []


def test_a_single_victim_who_died_is_not_also_injured() -> None:
    text = "A boy was shot at a home on Saturday. He was pronounced dead."
    quantities = [
        quantity("A boy was shot", text, 1, "injured", 0, counted="people"),
        quantity("He was pronounced dead", text, 1, "killed", 1, counted="people"),
    ]
    claims = {
        c.attribute: c.normalized["value"] for c in casualty_claims(article(text, quantities=quantities))
    }
    assert claims == {"killed": 1}


def test_shot_minus_the_dead_once_the_dead_are_known() -> None:
    body = "Police found four people shot at a party."
    shot = quantity("four people shot", body, 4, "shot", 0, counted="people")
    story = article(body, quantities=[shot])
    story.title = "4 shot, 1 dead at party"
    claims = {c.attribute: c.normalized["value"] for c in casualty_claims(story)}
    assert claims == {"killed": 1, "injured": 3}
