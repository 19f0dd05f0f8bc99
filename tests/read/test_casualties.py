"""Single victims without a number, and an article's killed/injured summary."""

from __future__ import annotations

from newsparallax.read.casualties import casualty_counts, find_singular_casualties
from newsparallax.read.layers import Quantity
from newsparallax.read.quantities import find_quantities


def _counts(text: str) -> tuple[int | None, int | None]:
    quantities = find_quantities(text)
    quantities += find_singular_casualties(text, quantities)
    summary = casualty_counts(quantities)
    return summary.killed, summary.injured


def test_single_victims() -> None:
    assert _counts("A 20-year-old man was shot and killed outside a bar in Dunmore late Friday.") == (1, None)
    assert _counts("A woman was wounded when someone fired into her car on Elm Street.") == (None, 1)
    assert _counts("The victim died at a hospital, police said.") == (1, None)
    assert _counts("A teenager was shot in the leg and is expected to survive.") == (None, 1)


def test_counts_win_over_single_victims_in_the_same_phrase() -> None:
    assert _counts("Two men were killed and a woman was injured in the shooting.") == (2, 1)


def test_shot_with_fatalities() -> None:
    assert _counts("Five people were shot, two fatally, at a party on Saturday.") == (2, 3)


def test_no_casualties() -> None:
    assert _counts("The council approved the new budget on Monday.") == (None, None)


def test_lead_sentences_only() -> None:
    late = Quantity(500, 510, "3 killed", 3, category="killed", sentence=9)
    early = Quantity(10, 20, "1 killed", 1, category="killed", sentence=0)
    assert casualty_counts([late, early], lead_sentences=3).killed == 1
    assert casualty_counts([late], lead_sentences=3).killed == 3


def test_updated_totals_win_and_partitives_do_not_count() -> None:
    from newsparallax.read.casualties import find_toll_statements, without_partitives

    text = (
        "Police said the number of people injured had risen to seven. "
        "Two of the injured drove themselves to hospital. The death toll stands at 3."
    )
    quantities = without_partitives(text, find_quantities(text)) + find_toll_statements(text)
    summary = casualty_counts(quantities)
    assert (summary.killed, summary.injured) == (3, 7)


def test_victims_as_objects_and_multiple_killings() -> None:
    from newsparallax.read.casualties import find_active_casualties

    found = [
        (q.category, q.value)
        for text in (
            "The man accused of killing his neighbour appeared in court.",
            "Two teens are charged with gunning down an 18-year-old man.",
            "Detectives are investigating a triple homicide in the valley.",
            "The gunman left two dead and injured another.",
        )
        for q in find_active_casualties(text)
    ]
    assert found == [("killed", 1.0), ("killed", 1.0), ("killed", 3.0), ("injured", 1.0)]


def test_counts_the_number_finder_leaves_uncategorised() -> None:
    from newsparallax.read.casualties import find_phrase_casualties
    from newsparallax.read.quantities import find_quantities

    found = []
    for text in (
        "A gunman shoots 4 people outside a diner.",
        "The blast sent five people to the hospital.",
        "Three men arrived at the clinic with gunshot wounds.",
    ):
        quantities = find_quantities(text)
        quantities += find_phrase_casualties(text, quantities)
        found += [(q.category, q.value) for q in quantities]
    assert found == [("shot", 4.0), ("injured", 5.0), ("injured", 3.0)]


def test_an_aside_between_the_count_and_its_verb_and_fatally_shot() -> None:
    from newsparallax.read.casualties import find_phrase_casualties

    found = []
    for text in (
        "Seven people, including the shooter, were killed in the incident.",
        "Four people, including an 11-year-old, were shot on Sunday night.",
        "One man died and 28 others, including a 7-year-old boy, were wounded.",
        "Three people, including a teenager, were fatally shot on Main Street.",
        "The gunman fatally shot six people in and around his building.",
        "Four people, including three children, were wounded.",
        "Three people were found shot to death in a car.",
        "Two men who were shot and killed at the hotel have been identified.",
    ):
        quantities = find_quantities(text)
        quantities += find_phrase_casualties(text, quantities)
        found.append([(q.category, q.value) for q in quantities if q.category])
    assert found == [
        [("killed", 7.0)],
        [("shot", 4.0)],
        [("killed", 1.0), ("injured", 28.0)],
        [("killed", 3.0)],
        [("killed", 6.0)],
        [("injured", 4.0)],
        [("killed", 3.0)],
        [("killed", 2.0)],
    ]
