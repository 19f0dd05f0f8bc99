"""Victims listed instead of counted: "Ralph Robinson, Shekirrah Thomas, Demereay Doe and Bryant
Turner all suffered injuries from being shot" is four wounded, "a woman and a child were shot" two.

A police release often names the victims instead of counting them.  The reading stage finds each
name (a PERSON entity) or each "a woman" but no number; a reader counts the items listed together
right before the verb.  Only a list of two or more people's names, or of two or more single people
("a man", "an 8-year-old girl", "his wife"), joined by commas or "and" (an age set off by commas
may follow each name: "Amy Lee, 19, and Jo Park, 20, were shot") counts, and only in a report that
counts its casualties nowhere else, so a list never adds to a count the report gives.
"""

from __future__ import annotations

import re
from typing import Any

from newsparallax.facts.claims import ArticleInput
from newsparallax.facts.victims import victim_nouns
from newsparallax.read.layers import Quantity

#: What may stand between two names of one list: a comma, "and", an age set off by commas.
_JOINER = re.compile(r"(?:\s*,\s*\d{1,3}\s*)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)
#: What must follow the last name: the casualty verb, with the age, "all", "both", "were".
_VERB = re.compile(
    r"(?:\s*,\s*\d{1,3}\s*,?)?\s*,?\s+(?:(?:all|both)\s+)?(?:(?:were|had\s+been|have\s+been)\s+)?(?:also\s+)?"
    r"(?:(?P<killed>shot\s+(?:and\s+killed|dead|to\s+death)|killed|died)|"
    r"(?P<injured>wounded|injured|hurt|hospitali[sz]ed|suffered\s+(?:gunshot\s+)?(?:wounds|injuries))|"
    r"(?P<shot>shot))\b",
    re.IGNORECASE,
)
_MIN_NAMES = 2
_CASUALTY = ("killed", "injured", "shot")
_NOUN = rf"(?:step-?|grand)?(?:{victim_nouns(collective=False)})"
_ONE = rf"(?:a|an|his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?{_NOUN}\b"
#: Single people listed: "a man, a woman and a teenager", "his wife and a neighbour".
_LISTED = re.compile(rf"\b(?:{_ONE})(?:\s*,\s*(?:{_ONE}))*\s*,?\s+and\s+(?:{_ONE})", re.IGNORECASE)
_ITEM = re.compile(_ONE, re.IGNORECASE)
#: The verb before its listed objects: "accidentally shooting his nephew and his step-brother".  A
#: killing's objects are the reading stage's (:mod:`newsparallax.read.victim_lists`), not counted again.
_ACTIVE = re.compile(
    r"\b(?<!fatally\s)(?:(?P<injured>wounding|wounded|injuring)|(?P<shot>shooting|shot|shoots))\s+$",
    re.IGNORECASE,
)


def listed_victims(article: ArticleInput, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with the counts of victims listed (by name or as single people), where the
    report gives no casualty count besides a single victim of the list ("shooting his nephew")."""
    found = _lists(article)
    inside = [q for q in quantities if any(q.start < f.end and f.start < q.end for f in found)]
    if any(q.category in _CASUALTY and q not in inside for q in quantities) or any(
        q.value > 1 for q in inside
    ):
        return quantities
    return sorted([*(q for q in quantities if q not in inside), *found], key=lambda q: q.start)


def _lists(article: ArticleInput) -> list[Quantity]:
    found = []
    for run in _name_runs(article):
        counted = _counted(article, run[0]["start"], run[-1]["end"], len({e["key"] for e in run}))
        if counted is not None:
            found.append(counted)
    for listed in _LISTED.finditer(article.text):
        victims = len(_ITEM.findall(listed.group()))
        counted = _counted(article, listed.start(), listed.end(), victims) or _objects(
            article, listed, victims
        )
        if counted is not None:
            found.append(counted)
    return found


def _objects(article: ArticleInput, listed: re.Match[str], victims: int) -> Quantity | None:
    """The list as the objects of the verb before it ("shooting his nephew and his step-brother")."""
    verb = _ACTIVE.search(article.text, max(0, listed.start() - 30), listed.start())
    if verb is None or verb.lastgroup is None:
        return None
    start, end = verb.start(), listed.end()
    text = article.text[start:end]
    sentence = article.sentence_at(start)
    return Quantity(
        start, end, text, float(victims), counted="people", category=verb.lastgroup, sentence=sentence
    )


def _name_runs(article: ArticleInput) -> list[list[dict[str, Any]]]:
    """Runs of people's names in one sentence with only a joiner between each and the next."""
    people = [e for e in article.layers.get("entities") or [] if _person(e)]
    runs: list[list[dict[str, Any]]] = []
    for entity in sorted(people, key=lambda e: e["start"]):
        last = runs[-1][-1] if runs else None
        if last is not None and _joined(article.text, last, entity):
            runs[-1].append(entity)
        else:
            runs.append([entity])
    return [run for run in runs if len({e["key"] for e in run}) >= _MIN_NAMES]


def _person(entity: Any) -> bool:
    """A PERSON mention with its offsets and key (an odd layer item is left out, not an error)."""
    if not isinstance(entity, dict) or entity.get("label") != "PERSON":
        return False
    return isinstance(entity.get("start"), int) and isinstance(entity.get("end"), int) and "key" in entity


def _joined(text: str, left: dict[str, Any], right: dict[str, Any]) -> bool:
    same_sentence = left.get("sentence") == right.get("sentence")
    return same_sentence and _JOINER.fullmatch(text, left["end"], right["start"]) is not None


def _counted(article: ArticleInput, start: int, last: int, victims: int) -> Quantity | None:
    verb = _VERB.match(article.text, last)
    if verb is None or verb.lastgroup is None:
        return None
    end = verb.end()
    return Quantity(
        start,
        end,
        article.text[start:end],
        float(victims),
        counted="people",
        category=verb.lastgroup,
        sentence=article.sentence_at(start),
    )
