"""What the story scorer knows of an article: a compact profile built from its reading.

A profile holds the article's words (for a TF-IDF cosine), its embedding, the canonical keys of
the people and organisations it names (and of those it is mainly about), the places it geocodes
(split into precise places — cities, airports — and broad ones — regions, countries), the names
of places the gazetteer does not know (a neighbourhood, a small town), the streets it names, the
event dates it resolves, the years it mentions, the ages of the people it describes ("a
17-year-old"), the killed/injured counts it states, its distinctive figures (sums of money,
counts, magnitudes), its publication day and outlet.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np

from newsparallax.read.casualties import casualty_counts
from newsparallax.read.layers import DAY_GRAINS, Quantity
from newsparallax.read.numbers import STREET_TYPES

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_YEAR = re.compile(r"(?<![\d.,/-])(?:19[5-9]\d|20[0-4]\d)(?![\d.,]\d)")
_STREET = re.compile(rf"\b((?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))(?:\s+[A-Z][a-z]+){{0,2}})\s+({STREET_TYPES})\b")
_STREET_KINDS = {"st": "street", "ave": "avenue", "rd": "road", "blvd": "boulevard", "dr": "drive",
                 "ln": "lane", "ct": "court", "pl": "place", "pkwy": "parkway", "hwy": "highway",
                 "sq": "square"}  # fmt: skip
_AGE = re.compile(
    r"\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b|\bage[ds]? (\d{1,3})\b|(?<=[a-z]), (\d{1,2}),", re.IGNORECASE
)
_PRECISE_PLACES = ("city", "airport")
_MAIN_KINDS = ("person", "org")
_MAIN_FREQUENT = 2
_FIGURE_UNITS = frozenset({"USD", "EUR", "GBP", "%", "t", "kg", "lb", "km", "mi", "m", "ft", "nmi"})
_DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_MAGNITUDE = re.compile(r"\b(\d\.\d)\s*-?\s*magnitude|\bmagnitude(?: of)?\s*-?\s*(\d\.\d)\b", re.IGNORECASE)
_ENTITY_KINDS = ("person", "org", "event", "product", "law", "work")
#: Words too common in news to say anything about which event a report covers.
STOPWORDS = frozenset(
    """
    the and for that with was were are has have had his her its their they them this those these from
    but not been said says will would could should about after before into over than then there when
    where which while who whom what also more most other some such only own same very can just out
    one two three four five six seven eight nine ten first last new year years day days week time
    people police told according report reported news home page comments share email print photo
    video image images click here read more related copyright rights reserved advertisement
    los las del por para una con que
    """.split()  # noqa: SIM905
)


@dataclass
class Profile:
    article_id: str
    published: date | None
    outlet: str | None
    terms: Counter[str]
    embedding: np.ndarray | None
    entities: frozenset[str]
    precise_places: frozenset[str]
    broad_places: frozenset[str]
    event_days: frozenset[date] = field(default_factory=frozenset)
    killed: int | None = None
    injured: int | None = None
    title: str | None = None
    language: str | None = None
    place_names: frozenset[str] = field(default_factory=frozenset)
    years: frozenset[int] = field(default_factory=frozenset)
    ages: frozenset[int] = field(default_factory=frozenset)
    streets: frozenset[str] = field(default_factory=frozenset)
    main_entities: frozenset[str] = field(default_factory=frozenset)
    figures: frozenset[str] = field(default_factory=frozenset)

    @cached_property
    def title_terms(self) -> frozenset[str]:
        return frozenset(terms_of(self.title or ""))

    @cached_property
    def people(self) -> frozenset[str]:
        """The keys of the people it names."""
        return frozenset(k for k in self.entities if k.startswith("person:"))

    @cached_property
    def recall_keys(self) -> frozenset[str]:
        """The entity keys a closed story is found again by: whom and which places it names."""
        return self.entities | self.place_names


def terms_of(text: str) -> Counter[str]:
    words = (w.casefold() for w in _WORD.findall(text))
    return Counter(w for w in words if w not in STOPWORDS)


def build_profile(
    article_id: str,
    text: str,
    layers: dict[str, Any],
    embedding: np.ndarray | None,
    *,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    language: str | None = None,
) -> Profile:
    """A profile from an article's text and its stored reading layers (``readings.layers``)."""
    places = layers.get("places", [])
    mentions = layers.get("entities", [])
    quantities = [Quantity(**q) for q in layers.get("quantities", [])]
    counts = casualty_counts(quantities)
    entities = [m for m in mentions if m["key"].split(":", 1)[0] in _ENTITY_KINDS]
    return Profile(
        article_id=article_id,
        published=_day(published),
        outlet=outlet,
        terms=terms_of(f"{title or ''} {text}"),
        embedding=embedding,
        entities=frozenset(m["key"] for m in entities),
        precise_places=frozenset(p["place_id"] for p in places if p["kind"] in _PRECISE_PLACES),
        broad_places=frozenset(p["place_id"] for p in places if p["kind"] not in _PRECISE_PLACES),
        event_days=_event_days(layers.get("dates", [])),
        killed=counts.killed,
        injured=counts.injured,
        title=title,
        language=language,
        place_names=frozenset(m["key"] for m in mentions if m["key"].startswith("place:")),
        years=frozenset(int(y) for y in _YEAR.findall(text)),
        ages=ages_of(text),
        streets=streets_of(text),
        main_entities=main_entities(entities),
        figures=figures_of(quantities, text),
    )


def main_entities(mentions: list[dict[str, Any]]) -> frozenset[str]:
    """Whom the article is about: the people and organisations of its first sentence, and the two
    it names most often (at least twice)."""
    counts = Counter(m["key"] for m in mentions if m["key"].split(":", 1)[0] in _MAIN_KINDS)
    lead = {m["key"] for m in mentions if m.get("sentence", -1) == 0 and m["key"] in counts}
    frequent = [key for key, n in counts.most_common(_MAIN_FREQUENT) if n >= 2]
    return frozenset(lead | set(frequent))


def figures_of(quantities: list[Quantity], text: str) -> frozenset[str]:
    """The article's distinctive figures, normalised: sums of money, percentages, weights and
    distances with their unit, counts of two or more with what they count ("killed:10",
    "USD:108000000"), and earthquake magnitudes ("magnitude:5.6")."""
    found = {f"magnitude:{m[1] or m[2]}" for m in _MAGNITUDE.finditer(text)}
    for quantity in quantities:
        label = quantity.unit if quantity.unit in _FIGURE_UNITS else quantity.category or quantity.counted
        usable = math.isfinite(quantity.value) and (quantity.unit or quantity.value >= 2)
        if label and quantity.unit not in _DURATIONS and usable:
            found.add(f"{label.casefold()}:{_significant(quantity.value)}")
    return frozenset(found)


def _significant(value: float) -> str:
    """A value to three significant figures, so "$108 million" and "$108.0m" meet."""
    return f"{float(f'{value:.3g}'):g}"


def streets_of(text: str) -> frozenset[str]:
    """Streets the text names, normalised ("Cerise Ave" and "Cerise Avenue" are one street)."""
    found = _STREET.finditer(text)
    return frozenset(f"{m[1].lower()} {_STREET_KINDS.get(m[2].lower(), m[2].lower())}" for m in found)


def ages_of(text: str) -> frozenset[int]:
    """Ages the text gives people: "a 17-year-old", "aged 40", "Ana Ruiz, 23, of ..." (under 110)."""
    found = (next(g for g in match.groups() if g) for match in _AGE.finditer(text))
    return frozenset(n for n in map(int, found) if 0 < n < 110)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _event_days(dates: list[dict[str, Any]]) -> frozenset[date]:
    """Days the article's resolved day-precise dates point to (ranges and months say too little)."""
    days = set()
    for mention in dates:
        if mention.get("value") and mention.get("granularity") in DAY_GRAINS:
            day = _day(mention["value"])
            if day is not None:
                days.add(day)
    return frozenset(days)
