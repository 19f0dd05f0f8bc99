"""People's titles: ranks generalise, roles fold synonyms and countries, office modifiers conflict."""

from __future__ import annotations

import pytest

from newsparallax.facts.titles import compare, normalize


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (["Police Chief"], ["the city's police chief"], "same"),
        (["Police Chief"], ["Assistant Police Chief"], "conflict"),
        (["Deputy Mayor"], ["Mayor"], "conflict"),
        (["General"], ["Lieutenant General"], "compatible"),
        (["Lt Gen"], ["Lieutenant General"], "same"),
        (["Captain"], ["Rear Admiral"], "conflict"),
        (["Chilean Foreign Minister"], ["Chile's foreign minister"], "same"),
        (["President"], ["Venezuela's President"], "compatible"),
        (["Venezuelan reporter"], ["independent Venezuelan journalist"], "compatible"),
        (["head of the harbour authority"], ["chief of the harbour authority"], "same"),
        (
            ["commander of the Peruvian Air Force"],
            ["chief of Peru's Joint Command of the Armed Forces"],
            "conflict",
        ),
        (["Los Lagos regional governor"], ["gobernadora regional de Los Lagos"], "same"),
        (["Mayor"], ["Mayor"], "same"),
    ],
)
def test_title_relations(a: list[str], b: list[str], expected: str) -> None:
    assert compare(normalize(a), normalize(b)) == expected


def test_rank_and_role_are_split_and_kept_for_display() -> None:
    title = normalize(["Rear Admiral", "commander of the navy's Fifth Naval Zone"])
    assert title["rank"] == "rear admiral"
    assert {"chief", "navy", "fifth", "zone"} <= set(title["role"])
    assert title["text"] == "Rear Admiral; commander of the navy's Fifth Naval Zone"


def test_mayor_is_an_office_not_the_spanish_rank() -> None:
    assert normalize(["Mayor"])["rank"] is None
