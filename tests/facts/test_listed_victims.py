"""Victims counted by name, teaser columns that are not the event, and headline wounds."""

from __future__ import annotations

from typing import Any

from newsparallax.facts.claims import ArticleInput
from newsparallax.facts.claims_casualties import casualty_claims
from newsparallax.facts.listed_victims import listed_victims
from newsparallax.read.layers import Quantity
from tests.facts.test_claims import article, quantity


def person(name: str, whole: str, sentence: int = 0) -> dict[str, Any]:
    start = whole.index(name)
    key = "person:" + name.lower()
    return {"start": start, "end": start + len(name), "text": name, "label": "PERSON", "sentence": sentence,
            "name": name, "key": key, "titles": []}  # fmt: skip


def named(text: str, *names: str) -> ArticleInput:
    return article(text, entities=[person(n, text) for n in names])


def counts(item: ArticleInput) -> dict[str, int]:
    return {c.attribute: int(c.normalized["value"]) for c in casualty_claims(item)}


def test_victims_listed_by_name_are_counted() -> None:
    text = "Ralph Robinson, Shekirrah Thomas, Demereay Doe, and Bryant Turner all suffered gunshot wounds."
    page = named(text, "Ralph Robinson", "Shekirrah Thomas", "Demereay Doe", "Bryant Turner")
    assert counts(page) == {"injured": 4}
    ages = "Amy Lee, 19, and Jo Park, 20, were shot and killed outside a bar."
    assert counts(named(ages, "Amy Lee", "Jo Park")) == {"killed": 2}
    shot = "Police said Tom Bell and Ann Ray were shot near the park."
    assert counts(named(shot, "Tom Bell", "Ann Ray")) == {"injured": 2}


def test_names_that_are_not_a_list_of_victims_count_nobody() -> None:
    text = "Chief Dan Moss said Ann Ray, the neighbour, was shot."  # one name before the verb
    assert listed_victims(named(text, "Dan Moss", "Ann Ray"), []) == []
    apart = "Tom Bell spoke to Ann Ray. They were shot."  # not joined, not one sentence
    assert listed_victims(named(apart, "Tom Bell", "Ann Ray"), []) == []
    same = "Ann Ray and Ann Ray were shot."  # one person named twice
    assert listed_victims(named(same, "Ann Ray"), []) == []
    charged = "Tom Bell and Ann Ray were charged with murder."
    assert listed_victims(named(charged, "Tom Bell", "Ann Ray"), []) == []


def test_a_named_list_never_adds_to_a_count_the_report_gives() -> None:
    text = "Tom Bell and Ann Ray were shot. Three people were wounded in all."
    page = named(text, "Tom Bell", "Ann Ray")
    counted = Quantity(**quantity("Three people", text, 3, "injured", 1))
    assert listed_victims(page, [counted]) == [counted]


def test_a_teaser_column_s_death_is_not_the_event_s() -> None:
    text = (
        "A jury has found Robert Kronsberg guilty for the murder of Tasha Lucia. "
        "An 11-year-old boy was accidentally shot by his brother Monday afternoon. "
        "The boy was treated at an area hospital."
    )
    page = article(text)
    page.title = "Shooting that injured 11-year-old boy in Aiken Co. ruled accidental"
    assert counts(page) == {"injured": 1}
    kept = article("He died Thursday night at UK Hospital.")  # goes on about someone already named
    kept.title = "Several people injured in shooting at Douglass Park"
    assert counts(kept) == {"killed": 1}
    linked = article("The child died on Friday.")  # a word the headline shares ("child's")
    linked.title = "Police investigate child's shooting"
    assert counts(linked) == {"killed": 1}


def test_a_headline_telling_of_a_wound_counts_one() -> None:
    for title in (
        "Fresno juvenile arrested after shooting friend in the back",
        "Newborn faces recovery after stray bullet pierces skull",
    ):
        page = article("Sign up for our newsletter.")
        page.title = title
        assert counts(page) == {"injured": 1}, title


def test_single_people_listed_together_are_counted() -> None:
    assert counts(article("A woman and a child were shot outside a home.")) == {"injured": 2}
    assert counts(article("A man and a woman were shot and killed in the car park.")) == {"killed": 2}
    assert counts(article("A man, a woman and a teenager were wounded near the bar.")) == {"injured": 3}
    assert counts(article("A man and a woman were arrested near the bar.")) == {}


def test_others_shot_beside_a_headline_death_are_the_wounded() -> None:
    page = article("Subscribe now for more.")
    page.title = "13-year-old boy killed, 6 others shot on West Side"
    assert counts(page) == {"killed": 1, "injured": 6}
    summed = article("Subscribe now for more.")
    summed.title = "7 shot, 1 fatally, on the West Side"
    assert counts(summed) == {"killed": 1, "injured": 6}


def test_a_list_after_the_verb_counts_its_objects() -> None:
    text = "A man was arrested for accidentally shooting his 2-year-old nephew and his step-brother."
    nephew = quantity("shooting his 2-year-old nephew", text, 1, "shot", 0, counted="people")
    assert counts(article(text, quantities=[nephew])) == {"injured": 2}
    assert counts(article("The gunman opened fire, wounding a man and his wife.")) == {"injured": 2}


def test_odd_entity_layers_count_nobody_rather_than_fail() -> None:
    text = "Tom Bell and Ann Ray were shot."
    odd = [{"label": "PERSON"}, "Tom Bell", {"label": "PERSON", "start": "0", "end": 8, "key": "k"}, None]
    assert counts(article(text, entities=odd)) == {"injured": 1}  # the wound cue, not a list of two
