"""Victims listed as the objects of one killing: "killed his wife, two young children and his
mother-in-law before turning the gun on himself" counts four dead.

The number finder sees "two young children" alone, and the one-victim finder sees "his wife"
alone; a reader adds the list up.  Each item must read as a person named by a determiner, a
possessive or a number ("his wife", "a neighbour", "two young children"); the shooter's own death
("and himself") is left to the facts stage, which counts the shooter apart; a pronoun of unknown
number ("killed them") or an item that is not a person phrase leaves the list uncounted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsparallax.read.layers import Quantity

_VERB = re.compile(
    r"\b(?:shot\s+and\s+killed|shot\s+to\s+death|fatally\s+shot|fatally\s+shooting|killed|killing|kills|"
    r"murdered|murdering)\s+",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r"[.;:!?()\"“”]|\s[—–-]\s|,\s+(?:police|authorities|officials|investigators|deputies|the\s+sheriff)\b|"
    r",\s+(?:[\w'’-]+\s+){0,3}(?:said|says|told|reported)\b|"
    r"\s(?:before|after|when|while|in|at|on|inside|outside|with|during|then|because|as|who|whom|that|"
    r"early|late|last|this|for|near|over|from|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?)\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_ITEM = re.compile(
    rf"(?:(?P<n>\d{{1,2}}|{'|'.join(_WORDS)})|his|her|their|a|an|the|one\s+of)\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(?:his|her|their)\s", re.IGNORECASE)
_KIN = re.compile(
    r"(?:step-?|grand|great-grand)?(?:father|mother|son|daughter|brother|sister|parents?|children|child|"
    r"wife|husband|uncle|aunt|nephew|niece|cousin|sons|daughters|brothers|sisters)(?:-in-law)?",
    re.IGNORECASE,
)
_SELF = re.compile(r"(?:him|her|them)sel(?:f|ves)$", re.IGNORECASE)
REACH = 140


def find_victim_lists(text: str, taken: Sequence[Quantity] = ()) -> list[Quantity]:
    """Killed counts of two or more listed victims, outside the casualty counts already ``taken``."""
    counted = [(q.start, q.end) for q in taken if q.category in ("killed", "injured", "shot")]
    found: list[Quantity] = []
    for verb in _VERB.finditer(text):
        start = verb.end()
        window = text[start : start + REACH]
        cut = _BOUNDARY.search(window)
        phrase = window[: cut.start() if cut else len(window)].rstrip(" ,")
        value = _count(phrase)
        end = start + len(phrase)
        if value >= 2 and not any(s < end and start < e for s, e in counted):
            found.append(Quantity(start, end, phrase, float(value), counted="people", category="killed"))
    return found


def _count(phrase: str) -> int:
    """How many people the list names (0 when it is not a list of people)."""
    items = [i.strip() for i in _SPLIT.split(phrase) if i.strip()]
    items = [i for i in items if not _SELF.match(i)]
    shared = bool(items) and bool(_POSSESSIVE.match(items[0]))  # "her father and daughter"
    if len(items) < 2 or not all(_ITEM.match(i) or (shared and _KIN.fullmatch(i)) for i in items):
        return 0
    return sum(_value(i) for i in items)


def _value(item: str) -> int:
    """ "two young children" counts two, "six of his grandchildren" six, "his wife" one."""
    match = _ITEM.match(item)
    raw = (match.group("n") or "").lower() if match else ""
    if not raw:
        return 1
    return int(raw) if raw.isdigit() else _WORDS.index(raw) + 1
