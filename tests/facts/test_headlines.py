"""Casualty counts of headlines."""

from __future__ import annotations

from newsparallax.facts.headlines import title_quantities


def test_a_headline_naming_two_victims_counts_two() -> None:
    def found(title: str) -> list[tuple[str | None, float]]:
        return [(q.category, q.value) for q in title_quantities(title)]

    assert found("Mother, boy fatally shot in head on west side") == [("killed", 2.0)]
    assert found("Father and daughter found dead in Fort Worth home") == [("killed", 2.0)]
    assert found("Teen girl killed in shooting") == [("killed", 1.0)]
    assert found("Man, 23, killed on Elm Street") == [("killed", 1.0)]
    assert found("Mother injured, child killed") == [("injured", 1.0), ("killed", 1.0)]


def test_victims_named_before_a_headline_count_add_to_it() -> None:
    def found(title: str) -> list[tuple[str | None, float]]:
        return [
            (q.category, q.value)
            for q in title_quantities(title)
            if q.category in ("killed", "shot", "injured")
        ]

    assert found("Woman, 3 teenage daughters shot in Nashville") == [("shot", 4.0)]
    assert found("Police: Man, woman, 2 children hurt on Elm Street") == [("injured", 4.0)]
    assert found("Teen, 17, among 3 shot outside bar") == [("shot", 3.0)]  # an age, not a victim
    assert found("4 shot at party") == [("shot", 4.0)]


def test_a_bare_number_after_a_casualty_verb_is_a_count() -> None:
    def found(title: str) -> list[tuple[str | None, float]]:
        return [
            (q.category, q.value)
            for q in title_quantities(title)
            if q.category in ("killed", "shot", "injured")
        ]

    assert found("Drive-by shooter kills 1, injures 3") == [("killed", 1.0), ("injured", 3.0)]
    assert found("Gunman shoots 4 at party") == [("shot", 4.0)]
    assert found("Council approves 3 budgets") == []
