"""Victims counted in conjoined groups of people."""

from __future__ import annotations

from newsparallax.facts.conjoined import add_conjoined
from newsparallax.read.layers import Quantity
from tests.facts.test_claims import article, quantity


def widened(text: str, counted: str, value: int, category: str = "injured") -> tuple[float, str]:
    item = article(text, quantities=[quantity(counted, text, value, category, 0)])
    found = add_conjoined(item, [Quantity(**q) for q in item.layers["quantities"]])
    return found[0].value, found[0].text


def test_groups_joined_before_or_after_the_count_are_added() -> None:
    assert widened("Police said three men and two women were hurt.", "two women", 2) == (
        5,
        "three men and two women",
    )
    assert widened("Officers said two women and a man were shot outside.", "two women", 2, "shot")[0] == 3
    assert widened("A man, a woman and two children were wounded in Tampa.", "two children", 2)[0] == 4


def test_counts_that_are_not_one_group_or_groups_of_other_verbs_stay() -> None:
    text = "He is accused of killing three men and wounding another in the attack."
    assert widened(text, "wounding another", 1)[0] == 1
    text = "A teenager is dead and three other men are injured after the shooting."
    assert widened(text, "A teenager", 1, "killed")[0] == 1
    assert widened("In Tampa two women were hurt.", "two women", 2)[0] == 2  # "Tampa" is no "a"
    assert widened("The bus carried 40 passengers and two women were hurt.", "two women", 2)[0] == 2


def test_a_count_of_one_that_names_a_second_victim_is_two() -> None:
    text = "He is accused of shooting five family members, killing a father and daughter."
    assert widened(text, "killing a father and daughter", 1, "killed")[0] == 2
    text = "Police said a man and his dog were found near the river."
    assert widened(text, "a man and his dog", 1, "killed")[0] == 1


def test_a_total_broken_down_into_groups_is_not_added_to_them() -> None:
    text = "Six people, three men and three women, were wounded early Sunday."
    assert widened(text, "three women", 3)[0] == 6
    assert widened("Two girls and a newborn were hurt in the crash.", "Two girls", 2)[0] == 3  # a baby noun


def test_the_objects_of_an_active_verb_and_groups_before_the_verb_are_added() -> None:
    text = "A drive-by shooting injured three adults and an 11-year-old child on Monday."
    assert widened(text, "three adults", 3, "shot")[0] == 4
    assert widened("2 Girls, 2 Men Shot At Birthday Party In Compton", "2 Men", 2, "shot")[0] == 4
    # a comma alone joins groups only right before the verb
    assert widened("Police told two men, three women stayed inside.", "three women", 3)[0] == 3


def test_a_headline_s_conjoined_groups_count_together() -> None:
    from tests.facts.test_casualty_context import counts

    report = article("Police are looking for the gunman.")
    report.title = "2 Girls, 2 Men Shot At Birthday Party In Compton"
    assert counts(report) == {"injured": 4}
