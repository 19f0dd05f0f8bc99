"""Casualty counts of a headline, read as the reading stage reads a body, plus headline shorthand.

Headlines count in shorthand the body's finders do not read: "Teen dead in shooting", "6-Year-Old
Killed", "Mother injured, child killed" (one of each), "Mother, boy fatally shot" (two), "8-year-old
shot in head, dies".  :func:`title_quantities` gives them as quantities with a casualty category.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsparallax.facts.concepts import CASUALTIES
from newsparallax.facts.victims import victim_nouns
from newsparallax.read.layers import Quantity

_VICTIM_NOUNS = victim_nouns()
_HEADLINE_ONE = re.compile(
    rf"\b(?:{_VICTIM_NOUNS})\b[\w\s,'‘’-]{{0,30}}?"
    r"\b(?:(?P<killed>dead|killed|dies|slain|fatally\s+(?:shot|wounded|shoots)|shot(?:,\s*|\s+and\s+)killed|"
    r"shot\s+dead|shot\s+to\s+death)|"
    r"(?P<injured>shot|wounded|injured|hurt|shoots\s+(?:him|her)?self|accidentally\s+shoots|survives|"
    r"(?:hit|struck)\s+by\s+(?:a\s+)?(?:stray\s+)?(?:bullet|gunfire)|"
    r"(?:in\s+)?(?:stable|critical|serious)(?:\s+condition)?\s+after|"
    r"critically\s+(?:hurt|injured|wounded)))\b",
    re.IGNORECASE,
)
_VICTIM = re.compile(rf"\b(?:{_VICTIM_NOUNS})\b", re.IGNORECASE)
_JOINED = re.compile(r",|\band\b|&")
_VERB_BEFORE = re.compile(
    r"\b(?:(?P<killed>kills|killing)|(?P<injured>injures|injuring|wounds|wounding|hurts)|(?P<shot>shoots|shooting))"
    r"\s+(?:at\s+least\s+)?$",
    re.IGNORECASE,
)
#: Victims named one by one before a headline's count: "Woman, 3 teenage daughters shot".
_NAMED_BEFORE = re.compile(
    rf"(?:^|[:|;]\s*)(?P<named>(?:(?:{_VICTIM_NOUNS})\s*(?:,|\band\b|&)\s*)+)$", re.IGNORECASE
)
_DIES_AFTER = re.compile(r"[^;:|]{0,30}?,\s*(?:dies|died|dead|killed)\b", re.IGNORECASE)


def title_quantities(title: str) -> list[Quantity]:
    """Casualty counts of a headline, read as the reading stage reads a body."""
    from newsparallax.read.casualties import (
        find_active_casualties,
        find_phrase_casualties,
        find_singular_casualties,
        without_partitives,
    )
    from newsparallax.read.quantities import find_quantities

    found = without_partitives(title, find_quantities(title, "en"))
    found += find_singular_casualties(title, found)
    found += find_active_casualties(title, found)
    found += find_phrase_casualties(title, found)
    found += _headline_singles(title, found)
    found = [_after_a_verb(title, q) for q in found]
    return sorted((_with_named_before(title, q) for q in found), key=lambda q: q.start)


def _after_a_verb(title: str, quantity: Quantity) -> Quantity:
    """A bare number after a casualty verb: "Drive-by shooter kills 1, injures 3" wounded three."""
    verb = _VERB_BEFORE.search(title[: quantity.start]) if quantity.category is None else None
    if verb is None:
        return quantity
    return replace(quantity, category=next(kind for kind, word in verb.groupdict().items() if word))


def _with_named_before(title: str, quantity: Quantity) -> Quantity:
    """A count with the victims the headline names before it: "Woman, 3 teenage daughters shot" is 4."""
    named = (
        _NAMED_BEFORE.search(title[: quantity.start]) if quantity.category in (*CASUALTIES, "shot") else None
    )
    if named is None or quantity.text == "":
        return quantity
    extra = len(_VICTIM.findall(named.group("named")))
    start = named.start("named")
    return replace(quantity, start=start, text=title[start : quantity.end], value=quantity.value + extra)


def _headline_singles(title: str, taken: list[Quantity]) -> list[Quantity]:
    """Headline shorthand for one victim: "Teen dead in shooting", "6-Year-Old Killed"."""
    if any(q.category in (*CASUALTIES, "shot") for q in taken):
        return []
    found: dict[str, Quantity] = {}  # "Mother injured, child killed": one of each
    for match in _HEADLINE_ONE.finditer(title):
        died = _DIES_AFTER.match(title, match.end())  # "8-year-old shot in head, dies"
        category = "killed" if match.group("killed") or died else "injured"
        verb = match.start("killed") if match.group("killed") else match.start("injured")
        named = _victims_named(title[match.start() : verb])
        one = Quantity(match.start(), match.end(), match.group(), named, counted="people", category=category)
        found.setdefault(category, one)
    return sorted(found.values(), key=lambda q: q.start)


def _victims_named(subject: str) -> float:
    """How many victims a headline's subject names: "Mother, boy" two, "Teen girl" or "Man, 23" one."""
    return float(max(1, sum(1 for part in _JOINED.split(subject) if _VICTIM.search(part))))
