"""Victims counted by name, teaser columns that are not the event, and headline wounds."""

from __future__ import annotations

from typing import Any

from newsparallax.facts.claims import ArticleInput
from newsparallax.facts.claims_casualties import casualty_claims
from newsparallax.facts.named_victims import named_victims
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
    assert named_victims(named(text, "Dan Moss", "Ann Ray"), []) == []
    apart = "Tom Bell spoke to Ann Ray. They were shot."  # not joined, not one sentence
    assert named_victims(named(apart, "Tom Bell", "Ann Ray"), []) == []
    same = "Ann Ray and Ann Ray were shot."  # one person named twice
    assert named_victims(named(same, "Ann Ray"), []) == []
    charged = "Tom Bell and Ann Ray were charged with murder."
    assert named_victims(named(charged, "Tom Bell", "Ann Ray"), []) == []


def test_a_named_list_never_adds_to_a_count_the_report_gives() -> None:
    text = "Tom Bell and Ann Ray were shot. Three people were wounded in all."
    page = named(text, "Tom Bell", "Ann Ray")
    counted = Quantity(**quantity("Three people", text, 3, "injured", 1))
    assert named_victims(page, [counted]) == []


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
