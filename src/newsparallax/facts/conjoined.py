"""Victims counted in conjoined groups: "three men and two women were hurt" is five wounded.

The reading stage takes the group next to the verb as the count ("two women ... hurt"); a news
reader adds the groups joined to it ("three men and two women", "two women and a man", "a man, a
woman and two children").  Only a count that is itself one group of people is widened, only by
groups of people, and only within one sentence; a group after it counts only when the verb follows
("two women and a man were shot", not "a teenager is dead and three other men are injured").  A
single victim whose count already spans a second one ("killing a father and daughter") is two.
"""

from __future__ import annotations

import dataclasses
import re

from newsparallax.facts.claims import ArticleInput
from newsparallax.facts.victims import victim_nouns
from newsparallax.read.layers import Quantity

_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_VALUES = {word: index + 1 for index, word in enumerate(_WORDS)} | {"a": 1, "an": 1}
_N = r"(?:\d{1,3}|" + "|".join(_WORDS) + r"|an?)"
_PERSON = f"(?:{victim_nouns(collective=False)})"
_DETERMINER = r"(?:a|an|the|his|her|their)"
#: One victim and another in one count the reading stage took as one ("killing a father and daughter").
_PAIR = re.compile(
    rf"\b{_DETERMINER}\s+(?:[a-z0-9-]+\s+)?{_PERSON}\s+and\s+(?:{_DETERMINER}\s+)?(?:[a-z0-9-]+\s+)?{_PERSON}$",
    re.IGNORECASE,
)
_GROUP = rf"\b{_N}\s+(?:[a-z-]+\s+)?{_PERSON}\b"
_BEFORE = re.compile(rf"(?P<groups>{_GROUP}(?:\s*,\s*{_GROUP})*)\s*,?\s+and\s+$", re.IGNORECASE)
_AFTER = re.compile(
    rf"(?P<groups>(?:\s*,\s*{_GROUP})*\s*,?\s+and\s+{_GROUP})(?=\s*,?\s+(?:were|was|are|have|had|all)\b)",
    re.IGNORECASE,
)
#: "injuring four men and two women": after an active verb, the groups that follow are its objects.
_ACTIVE_BEFORE = re.compile(
    r"\b(?:injuring|injured|wounding|wounded|shooting|shot|killing|killed|hitting|hit|striking|struck)\s+$",
    re.IGNORECASE,
)
_AFTER_OBJECTS = re.compile(rf"(?P<groups>(?:\s*,\s*{_GROUP})*\s*,?\s+and\s+{_GROUP})", re.IGNORECASE)
#: "2 Girls, 2 Men Shot At Birthday Party": groups joined by a comma only, right before the verb.
_BEFORE_COMMA = re.compile(rf"(?P<groups>{_GROUP})\s*,\s*$", re.IGNORECASE)
_VERB_NEXT = re.compile(
    r"\s+(?:(?:were|was|are)\s+)?(?:shot|wounded|injured|hurt|killed|dead)\b", re.IGNORECASE
)
_ONE_GROUP = re.compile(_GROUP, re.IGNORECASE)
_COUNT = re.compile(rf"\b(?P<n>{_N})\s+(?:[a-z-]+\s+)?{_PERSON}\b", re.IGNORECASE)
_COUNTED = ("killed", "injured", "shot")


def add_conjoined(article: ArticleInput, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with each casualty count widened to the groups of people joined to it."""
    return [_widened(article, q) if q.category in _COUNTED else q for q in quantities]


def _widened(article: ArticleInput, quantity: Quantity) -> Quantity:
    if quantity.value == 1 and _PAIR.search(quantity.text):
        return dataclasses.replace(quantity, value=2.0)
    if not _ONE_GROUP.fullmatch(quantity.text):  # "A teenager is dead", "three men and two women"
        return quantity
    text = article.text
    start, end, _ = article.sentence(quantity.sentence)
    before = _BEFORE.search(text, start, quantity.start)
    if before is None and _VERB_NEXT.match(text, quantity.end):
        before = _BEFORE_COMMA.search(text, start, quantity.start)
    after = _AFTER.match(text, quantity.end, end)
    if after is None and _ACTIVE_BEFORE.search(text, max(start, quantity.start - 16), quantity.start):
        after = _AFTER_OBJECTS.match(text, quantity.end, end)
    if before is None and after is None:
        return quantity
    first = before.start("groups") if before else quantity.start
    last = after.end("groups") if after else quantity.end
    added = sum(_total(m.group("groups")) for m in (before, after) if m is not None)
    return dataclasses.replace(
        quantity, start=first, end=last, text=text[first:last], value=quantity.value + added
    )


def _total(groups: str) -> int:
    return sum(_value(m.group("n")) for m in _COUNT.finditer(groups))


def _value(word: str) -> int:
    return int(word) if word.isdigit() else _VALUES[word.lower()]
