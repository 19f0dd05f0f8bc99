"""Counts read in their context: shot and killed, wounded with some mortally, parts of a count."""

from __future__ import annotations

from newsparallax.read.casualties import find_phrase_casualties
from newsparallax.read.quantities import find_quantities


def _categories(text: str) -> list[tuple[str, str | None]]:
    quantities = find_quantities(text)
    quantities += find_phrase_casualties(text, quantities)
    return [(q.text, q.category) for q in sorted(quantities, key=lambda q: q.start)]


def test_people_shot_and_killed_are_the_dead() -> None:
    assert _categories("Two brothers were shot and killed outside a store on Pine Street.") == [
        ("Two brothers", "killed")
    ]
    assert _categories("Three neighbours were shot to death in a trailer.")[0][1] == "killed"
    assert _categories("Four people were slain at a birthday party.")[0][1] == "killed"
    assert _categories("Deputies found two men shot dead in a parked truck.")[0][1] == "killed"


def test_shot_and_one_killed_stays_a_shot_count() -> None:
    assert _categories("Two men were shot and one of them was killed.")[0] == ("Two men", "shot")


def test_wounded_some_mortally_were_all_shot() -> None:
    found = _categories("A fight left five people wounded, two mortally, police said.")
    assert found[0] == ("five people", "shot")


def test_a_part_of_a_count_is_not_the_count() -> None:
    found = _categories("Six people, including two teenagers, were wounded near the bus stop.")
    assert found == [("Six people", "injured"), ("two teenagers", None)]


def test_the_dead_among_the_shot_keep_counting() -> None:
    found = _categories("Police said a gunman shot four people, including two children who were killed.")
    assert found == [("four people", "shot"), ("two children", "killed")]


def test_one_of_several_wounded_who_died_counts_the_several() -> None:
    text = "One of three women wounded outside a bar on Friday has died."
    quantities = find_quantities(text)
    quantities += find_phrase_casualties(text, quantities)
    assert [(q.category, q.value) for q in quantities] == [("shot", 3.0)]


def test_someone_and_others_count_one_more() -> None:
    text = "A 15-year-old girl and two others were wounded near the school."
    quantities = find_quantities(text)
    quantities += find_phrase_casualties(text, quantities)
    (count,) = [q for q in quantities if q.category == "injured"]
    assert count.value == 3 and count.text.startswith("A 15-year-old girl and")
    text = "One man was killed and two others were wounded."
    quantities = find_quantities(text)
    quantities += find_phrase_casualties(text, quantities)
    assert [(q.category, q.value) for q in quantities] == [("killed", 1.0), ("injured", 2.0)]


def test_victims_listed_after_one_killing_add_up() -> None:
    from newsparallax.read.victim_lists import find_victim_lists

    def listed(text: str) -> list[tuple[str, float]]:
        return [(q.text, q.value) for q in find_victim_lists(text)]

    assert listed(
        "Deputies say the man shot and killed his wife, two teenage sons and a neighbour, then himself."
    ) == [("his wife, two teenage sons and a neighbour", 4.0)]
    assert listed("She killed her stepfather and grandmother on Sunday, police said.") == [
        ("her stepfather and grandmother", 2.0)
    ]
    assert listed("He fatally shot his best friend and teammate over the weekend.") == []
    assert listed("The flood killed crops and livestock across the valley.") == []
    assert listed("A man killed them and a dog, a witness said.") == []


def test_others_treated_for_or_suffering_wounds_are_the_wounded() -> None:
    found = _categories("Six other people were treated for non-life-threatening gunshot wounds.")
    assert found == [("Six other people", "injured")]
    found = _categories("Moore was fatally shot. Three others sustained non-fatal bullet wounds.")
    assert ("Three others", "injured") in found
    # all the victims of a homicide suffered wounds: they are the shot, not the survivors
    assert ("four victims", "injured") not in _categories("All four victims suffered gunshot wounds.")


def test_people_taken_to_hospital_in_a_stated_condition_are_the_wounded() -> None:
    text = "Three men were taken to the hospital in stable condition. The fourth victim, a woman, died."
    assert ("Three men", "injured") in _categories(text)
    found = _categories("The home invasion put three women into the hospital.")
    assert [c for _, c in found] == ["injured"]
    # where their condition is not given, some of them may have died there
    assert ("Two men", "injured") not in _categories("Two men were taken to a hospital, where one died.")
