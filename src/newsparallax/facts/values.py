"""Comparing two normalised values of one fact: the same, compatible, or in conflict.

Every claim carries a ``kind`` and a JSON-ready ``normalized`` value:

=========  ===================================================  ======================================
kind       normalized                                           compatible when
=========  ===================================================  ======================================
count      ``{"value", "low", "high", "hedge", "unit"}``        the ranges implied by hedges overlap
                                                                 ("about 100" ~ 99; "at least 20" ~ 23)
date       ``{"value": ISO day, "end": ISO day or None}``       one range holds the other
place      ``{"id", "name", "kind", "country", "admin1", ...}`` one holds the other (city in its
                                                                 region) or they lie within 40 km
set        sorted list of canonical names                       one set holds the other, or they share
title      ``{"rank", "role", "text"}`` (see ``titles``)        one title generalises the other
label      an event type                                        always (types are readings)
name       canonical key                                        never (equal or conflict)
=========  ===================================================  ======================================

Two values are *the same* when their normalised forms are equal.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Literal

from newsparallax.facts import titles

Relation = Literal["same", "compatible", "conflict"]
NEAR_KM = 40.0


def compare(kind: str, a: Any, b: Any) -> Relation:
    """How value ``a`` relates to value ``b`` of the same fact."""
    if a == b:
        return "same"
    comparer: Callable[[Any, Any], Relation] | None = _COMPARERS.get(kind)
    return "conflict" if comparer is None else comparer(a, b)


def bounds(number: dict[str, Any]) -> tuple[float, float]:
    """The range a hedged number allows: "about 100" → (90, 110), "at least 20" → (20, inf)."""
    value = float(number["value"])
    hedge = number.get("hedge")
    if not hedge:
        return value, value
    low, high = _hedge_bounds(value, hedge)
    given_low, given_high = number.get("low"), number.get("high")
    return (low if given_low is None else float(given_low), high if given_high is None else float(given_high))


def _hedge_bounds(value: float, hedge: str) -> tuple[float, float]:
    if hedge in ("more than", "over", "at least", "upwards of"):
        return value, math.inf
    if hedge in ("up to", "at most", "fewer than", "less than", "under"):
        return 0.0, value
    if hedge in ("nearly", "almost", "just under"):
        return value * 0.9, value
    return value * 0.9, value * 1.1


def _counts(a: dict[str, Any], b: dict[str, Any]) -> Relation:
    if a.get("unit") != b.get("unit"):
        return "conflict"
    if a["value"] == b["value"] and not a.get("hedge") and not b.get("hedge"):
        return "same"
    (low_a, high_a), (low_b, high_b) = bounds(a), bounds(b)
    if not a.get("hedge") and not b.get("hedge"):
        return "conflict"
    return "compatible" if low_a <= high_b + 1e-9 and low_b <= high_a + 1e-9 else "conflict"


def _dates(a: dict[str, Any], b: dict[str, Any]) -> Relation:
    start_a, end_a = a["value"], a.get("end") or a["value"]
    start_b, end_b = b["value"], b.get("end") or b["value"]
    if (start_a, end_a) == (start_b, end_b):
        return "same"
    inside = (start_a <= start_b and end_b <= end_a) or (start_b <= start_a and end_a <= end_b)
    return "compatible" if inside else "conflict"


def _places(a: dict[str, Any], b: dict[str, Any]) -> Relation:
    if a["id"] == b["id"]:
        return "same"
    if _holds(a, b) or _holds(b, a):
        return "compatible"
    distance = distance_km(a, b)
    return "compatible" if distance is not None and distance <= NEAR_KM else "conflict"


def _holds(outer: dict[str, Any], inner: dict[str, Any]) -> bool:
    if outer.get("kind") == "country":
        return bool(inner.get("country")) and inner.get("country") == outer.get("country")
    if outer.get("kind") == "admin1":
        same_country = inner.get("country") == outer.get("country")
        return same_country and bool(inner.get("admin1")) and inner.get("admin1") == outer.get("admin1")
    return False


def distance_km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Great-circle distance between two places with coordinates (None when one has none)."""
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _sets(a: list[str], b: list[str]) -> Relation:
    left, right = set(a), set(b)
    if left == right:
        return "same"
    return "compatible" if left & right or left <= right or right <= left else "conflict"


def _titles(a: dict[str, Any], b: dict[str, Any]) -> Relation:
    return titles.compare(a, b)


def _labels(a: str, b: str) -> Relation:
    """Labels (event types) are readings of the event, not claims about it: they differ, never conflict."""
    return "same" if a == b else "compatible"


_COMPARERS: dict[str, Callable[[Any, Any], Relation]] = {
    "count": _counts,
    "date": _dates,
    "place": _places,
    "set": _sets,
    "title": _titles,
    "label": _labels,
}
