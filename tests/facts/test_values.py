"""Comparing normalised values: hedged numbers, dates, places by id and containment, sets."""

from __future__ import annotations

import math

import pytest

from newsparallax.facts.values import bounds, compare, distance_km


def n(
    value: float,
    hedge: str | None = None,
    low: float | None = None,
    high: float | None = None,
    unit: str | None = None,
) -> dict[str, object]:
    return {"value": value, "low": low, "high": high, "hedge": hedge, "unit": unit}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (n(100), n(100), "same"),
        (n(2), n(3), "conflict"),
        (n(100, "about"), n(99), "compatible"),
        (n(100, "about"), n(100), "compatible"),
        (n(20, "at least"), n(23), "compatible"),
        (n(20, "at least"), n(12), "conflict"),
        (n(100, "up to"), n(100, "about"), "compatible"),
        (n(100, "up to"), n(140), "conflict"),
        (n(200, "nearly"), n(198), "compatible"),
        (n(300, "about"), n(312), "compatible"),
        (n(35, unit="t"), n(35, unit="kg"), "conflict"),
    ],
)
def test_numbers_with_hedges(a: dict[str, object], b: dict[str, object], expected: str) -> None:
    assert compare("count", a, b) == expected
    assert compare("count", b, a) == expected


def test_bounds_follow_the_hedge_and_the_reader_s_own_bounds() -> None:
    assert bounds(n(20, "at least")) == (20, math.inf)
    assert bounds(n(100, "up to")) == (0, 100)
    assert bounds(n(100, "about", low=95, high=105)) == (95, 105)
    assert bounds(n(7)) == (7, 7)


def test_dates_same_inside_and_apart() -> None:
    day = {"value": "2019-03-23", "end": None}
    weekend = {"value": "2019-03-23", "end": "2019-03-24"}
    assert compare("date", day, dict(day)) == "same"
    assert compare("date", day, weekend) == "compatible"
    assert compare("date", day, {"value": "2019-03-25", "end": None}) == "conflict"


def place(
    pid: str,
    kind: str,
    country: str | None,
    admin1: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> dict[str, object]:
    return {
        "id": pid,
        "name": pid,
        "kind": kind,
        "country": country,
        "admin1": admin1,
        "lat": lat,
        "lon": lon,
    }


def test_places_by_id_containment_and_distance() -> None:
    city = place("geonames:1", "city", "CL", "14", -41.47, -72.94)
    region = place("admin1:CL-14", "admin1", "CL", "14")
    country = place("country:CL", "country", "CL")
    near = place("geonames:2", "city", "CL", "14", -41.30, -72.98)
    far = place("geonames:3", "city", "CL", "12", -33.45, -70.66)
    assert compare("place", city, dict(city)) == "same"
    assert compare("place", region, city) == "compatible"
    assert compare("place", city, country) == "compatible"
    assert compare("place", city, near) == "compatible"
    assert compare("place", city, far) == "conflict"
    assert distance_km(city, far) == pytest.approx(900, rel=0.1)


def test_sets_by_inclusion() -> None:
    assert compare("set", ["Il-62"], ["An-124", "Il-62"]) == "compatible"
    assert compare("set", ["An-124", "Il-62"], ["An-124", "Il-62"]) == "same"
    assert compare("set", ["C-130"], ["An-32"]) == "conflict"


def test_names_are_equal_or_in_conflict() -> None:
    assert compare("name", "person:a", "person:a") == "same"
    assert compare("name", "person:a", "person:b") == "conflict"


def test_labels_differ_without_conflict() -> None:
    assert compare("label", "AGREE", "AGREE") == "same"
    assert compare("label", "AGREE", "SANCTION") == "compatible"
