"""Claims: what one report says, value by value, each with the exact sentence behind it.

A :class:`Claim` is one value a report gives for one *subject* (the event, a person, the suspect,
a cargo) and one *attribute* (killed, title, weight, location, ...), normalised so that values from
other reports can be compared (see :mod:`newsparallax.facts.values`).  The extractors read the
reading stage's stored layers — quantities, entities with their titles, places, dates and
attributions — and the cleaned text for the quotes:

* this module: quantities (troops, cargo weight, passengers, amounts of money, durations);
* :mod:`.claims_casualties`: killed, injured, missing;
* :mod:`.claims_people`: titles, ages, people named, who led, sources cited;
* :mod:`.claims_context`: the event's date and place, airports, aircraft models, dated side events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsparallax.facts.concepts import (
    CASUALTIES,
    CATEGORY_LABELS,
    CONCEPT_OF,
    concept_of,
    content_words,
    duration_unit,
)
from newsparallax.read.embed import Embedded
from newsparallax.read.layers import Quantity

EVENT = "event"
_KNOWN_CONCEPTS = frozenset(CONCEPT_OF.values())
_PARTITIVE = re.compile(r"\b(?:of|de)\s+(?:the|these|those|them|los|las)\b", re.IGNORECASE)


@dataclass
class ArticleInput:
    """One report of a story, as the facts stage needs it (loaded by ``store.fact_inputs``)."""

    stored_id: str
    given_id: str
    text: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    layers: dict[str, Any]
    anchor: str | None = None
    wires: list[str] = field(default_factory=list)
    url: str | None = None
    origin: str = ""  # the id of the report this one is a copy of (itself when original)
    #: The reading stage's embedding of the report's opening, with the embedder's name (None: unread)
    embedding: Embedded | None = None
    #: Values worked out once per reading layers (keyed by ``id(self.layers)``, so re-anchoring,
    #: which replaces the layers, starts afresh): the event day the date and casualty claims share.
    #: Not an init field, so a ``dataclasses.replace`` copy starts with its own.
    derived: dict[tuple[str, int], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def sentence(self, index: int) -> tuple[int, int, str]:
        """Offsets and text of sentence ``index`` (the whole text when unknown)."""
        spans = self.layers.get("sentences") or []
        if 0 <= index < len(spans):
            start, end = spans[index]
            return start, end, self.text[start:end].strip()
        return 0, len(self.text), self.text.strip()

    def sentence_at(self, offset: int) -> int:
        for index, (start, end) in enumerate(self.layers.get("sentences") or []):
            if start <= offset < end:
                return index
        return -1

    def attribution(self, index: int) -> str | None:
        """Whom sentence ``index`` is attributed to, with the chain it came through."""
        for item in self.layers.get("attributions") or []:
            if item.get("sentence") == index and item.get("source"):
                return describe_attribution(item)
        return None


def describe_attribution(item: dict[str, Any]) -> str:
    """ "Javier Mayorca (Twitter), via Sputnik" from a stored attribution."""
    text = str(item["source"])
    if item.get("channel"):
        text += f" ({item['channel']})"
    if item.get("via"):
        text += ", via " + ", ".join(item["via"])
    return text


@dataclass
class Mention:
    """Where a value was read: the report, its outlet and date, and the exact sentence."""

    article: str
    stored_id: str
    outlet: str | None
    published: str | None
    quote: str
    start: int
    end: int
    attributed_to: str | None
    origin: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "outlet": self.outlet,
            "published": self.published,
            "quote": self.quote,
            "attributed_to": self.attributed_to,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Claim:
    subject: str
    attribute: str
    kind: str  # count, date, place, set, title, name, mention
    value: str  # as written
    normalized: Any
    mention: Mention
    subject_label: str = ""
    context: frozenset[str] = frozenset()
    revision: bool = False  # an updated total ("the death toll has risen to six")
    multi: bool = False  # the attribute may hold several values in one report (amounts, distances)
    basis: str = ""  # how the value was derived when not read as such ("shot": injured = shot - killed)


def mention_of(article: ArticleInput, sentence: int) -> Mention:
    start, end, quote = article.sentence(sentence)
    return Mention(
        article=article.given_id,
        stored_id=article.stored_id,
        outlet=article.outlet,
        published=article.published,
        quote=quote,
        start=start,
        end=end,
        attributed_to=article.attribution(sentence),
        origin=article.origin or article.stored_id,
    )


def claim_at(article: ArticleInput, sentence: int, **fields: Any) -> Claim:
    """A claim whose quote is sentence ``sentence`` of ``article``."""
    mention = mention_of(article, sentence)
    fields.setdefault("context", content_words(mention.quote))
    return Claim(mention=mention, **fields)


def quantities_of(article: ArticleInput) -> list[Quantity]:
    return [Quantity(**q) for q in article.layers.get("quantities") or []]


def number(quantity: Quantity) -> dict[str, Any]:
    return {
        "value": _plain(quantity.value),
        "low": None if quantity.low is None else _plain(quantity.low),
        "high": None if quantity.high is None else _plain(quantity.high),
        "hedge": quantity.hedge,
        "unit": quantity.unit,
    }


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


# --- other quantities ---------------------------------------------------------------------------


def quantity_claims(article: ArticleInput) -> list[Claim]:
    """Counts, weights, amounts and durations other than casualties, keyed by what they measure."""
    claims = []
    for quantity in quantities_of(article):
        key = _quantity_key(quantity)
        if key is None:
            continue
        subject, attribute, multi = key
        claims.append(
            claim_at(
                article,
                quantity.sentence,
                subject=subject,
                attribute=attribute,
                kind="count",
                value=quantity.text,
                normalized=number(quantity),
                multi=multi,
            )
        )
    return claims


def _quantity_key(quantity: Quantity) -> tuple[str, str, bool] | None:
    """(subject, attribute, several values possible) for a quantity, or None to leave it out."""
    category = quantity.category
    if _PARTITIVE.search(quantity.text):
        return None
    if category in CASUALTIES or category in ("shot", "age", "year", "percent"):
        return None
    concept = concept_of(quantity.counted)
    if category == "duration":
        unit = duration_unit(quantity.text, quantity.unit)
        return (EVENT, f"duration ({unit}s)", False) if unit else None
    if category == "weight":
        return concept or "cargo", "weight", False
    if category in ("money", "distance"):
        if quantity.unit in ("mm", "cm"):
            return None
        return EVENT, CATEGORY_LABELS[category], True
    if concept and concept in _KNOWN_CONCEPTS:
        return EVENT, concept, concept == "people"
    return None
