"""Casualty claims: the killed, injured and missing counts a report states, quoting where.

The counts come from the reading stage's quantities (``read.casualties.casualty_counts``: an
explicit update wins, then the first count), with two corrections a reader of the whole
report would make:

* **history is not the event**: a count in a sentence about another time ("20 children were killed
  at Sandy Hook in 2012", "two others died in a fire years ago") is left out;
* **the shooter counts**: when the report says the gunman died ("then killed himself", "was shot
  dead by police") and its count does not already include him, he is added to the killed — as the
  Gun Violence Archive counts — and the value says so.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newsparallax.facts.claims import EVENT, ArticleInput, Claim, claim_at, number, quantities_of
from newsparallax.facts.concepts import CASUALTIES
from newsparallax.read.casualties import casualty_counts
from newsparallax.read.layers import Quantity

HISTORY_DAYS = 31
_HISTORY = re.compile(r"\b(?:ago|anniversary|last\s+year|years?\s+earlier|massacre\s+at)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|since|of)\s+((?:19|20)\d\d)\b")
_SHOOTER_DEAD = re.compile(
    r"\b(?:(?:killed|shot)\s+(?:him|her)self|turned\s+the\s+gun\s+on\s+(?:him|her)self|took\s+(?:his|her)\s+own\s+life|"
    r"murder[\s-]suicide|(?:gunman|shooter|suspect|attacker)\s+(?:\w+\s+){0,3}?(?:was|were)\s+(?:\w+\s+)?"
    r"(?:shot\s+dead|killed|fatally\s+shot|shot\s+and\s+killed))\b",
    re.IGNORECASE,
)
_INCLUDED = re.compile(
    r"\b(?:including|among\s+them|counting)\s+(?:the\s+)?(?:gunman|shooter|suspect|attacker)|(?:him|her)self\b",
    re.IGNORECASE,
)


def casualty_claims(article: ArticleInput) -> list[Claim]:
    """The killed, injured and missing counts the report states, quoting where it states them."""
    quantities = [
        q for q in sorted(quantities_of(article), key=lambda q: q.start) if not _historical(article, q)
    ]
    counts = casualty_counts(quantities)
    stated = {"killed": counts.killed, "injured": counts.injured, "missing": _first(quantities, "missing")}
    claims = []
    for category in CASUALTIES:
        value = stated[category]
        if value is None:
            continue
        source = _source_quantity(quantities, category, value)
        claims.append(_claim(article, category, value, source))
    return _with_shooter(article, claims)


def _historical(article: ArticleInput, quantity: Quantity) -> bool:
    """A casualty count in a sentence about another time than the report's."""
    if quantity.category not in (*CASUALTIES, "shot"):
        return False
    _, _, sentence = article.sentence(quantity.sentence)
    anchor = (article.published or article.anchor or "")[:10]
    years = {int(y) for y in _YEAR.findall(sentence)}
    if _HISTORY.search(sentence) or (anchor and any(y < int(anchor[:4]) for y in years)):
        return True
    if not anchor:
        return False
    oldest = (dt.date.fromisoformat(anchor) - dt.timedelta(days=HISTORY_DAYS)).isoformat()
    dates = article.layers.get("dates") or []
    return any(
        d.get("sentence") == quantity.sentence and d.get("value") and d["value"] < oldest for d in dates
    )


def _first(quantities: list[Quantity], category: str) -> int | None:
    return next((int(q.value) for q in quantities if q.category == category), None)


def _source_quantity(quantities: list[Quantity], category: str, value: int) -> Quantity | None:
    same = [q for q in quantities if q.category == category and int(q.value) == value]
    tolls = [q for q in same if q.counted == "toll"]
    if tolls:
        return tolls[-1]
    return same[0] if same else next((q for q in quantities if q.category in (category, "shot")), None)


def _claim(article: ArticleInput, category: str, value: int, source: Quantity | None) -> Claim:
    exact = source is not None and int(source.value) == value
    normalized: dict[str, Any] = (
        number(source) if exact and source and source.hedge else {"value": value, "low": None, "high": None,
                                                                  "hedge": None, "unit": None}
    )  # fmt: skip
    return claim_at(
        article,
        source.sentence if source else 0,
        subject=EVENT,
        attribute=category,
        kind="count",
        value=source.text if source and exact else str(value),
        normalized=normalized,
        revision=bool(source and source.counted == "toll"),
    )


def _with_shooter(article: ArticleInput, claims: list[Claim]) -> list[Claim]:
    """Add the shooter to the killed when the report says he died and its count leaves him out."""
    found = _SHOOTER_DEAD.search(article.text)
    if found is None:
        return claims
    killed = next((c for c in claims if c.attribute == "killed"), None)
    if killed is None:
        sentence = article.sentence_at(found.start())
        shooter = Quantity(
            found.start(), found.end(), found.group(), 1.0, category="killed", sentence=sentence
        )
        return [*claims, _claim(article, "killed", 1, shooter)]
    if _INCLUDED.search(killed.mention.quote) or found.start() in range(
        killed.mention.start, killed.mention.end
    ):
        return claims
    value = int(killed.normalized["value"]) + 1
    killed.normalized = {**killed.normalized, "value": value, "low": None, "high": None, "hedge": None}
    killed.value = f"{killed.value} (+ the gunman)"
    return claims
