"""Victims counted by name: "Ralph Robinson, Shekirrah Thomas, Demereay Doe and Bryant Turner all
suffered injuries from being shot" is four wounded.

A police release often names the victims instead of counting them.  The reading stage finds each
name (a PERSON entity) but no number; a reader counts the names listed together right before the
verb.  Only a list of two or more people's names joined by commas or "and" (an age set off by
commas may follow each name: "Amy Lee, 19, and Jo Park, 20, were shot") counts, and only in a
report that counts its casualties nowhere else, so a list never adds to a count the report gives.
"""

from __future__ import annotations

import re
from typing import Any

from newsparallax.facts.claims import ArticleInput
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


def named_victims(article: ArticleInput, quantities: list[Quantity]) -> list[Quantity]:
    """Counts of victims listed by name, where the report gives no casualty count of its own."""
    if any(q.category in ("killed", "injured", "shot") for q in quantities):
        return []
    found = []
    for run in _name_runs(article):
        counted = _counted(article, run)
        if counted is not None:
            found.append(counted)
    return found


def _name_runs(article: ArticleInput) -> list[list[dict[str, Any]]]:
    """Runs of people's names in one sentence with only a joiner between each and the next."""
    people = [e for e in article.layers.get("entities") or [] if e.get("label") == "PERSON"]
    runs: list[list[dict[str, Any]]] = []
    for entity in sorted(people, key=lambda e: e["start"]):
        last = runs[-1][-1] if runs else None
        if last is not None and _joined(article.text, last, entity):
            runs[-1].append(entity)
        else:
            runs.append([entity])
    return [run for run in runs if len({e["key"] for e in run}) >= _MIN_NAMES]


def _joined(text: str, left: dict[str, Any], right: dict[str, Any]) -> bool:
    same_sentence = left.get("sentence") == right.get("sentence")
    return same_sentence and _JOINER.fullmatch(text, left["end"], right["start"]) is not None


def _counted(article: ArticleInput, run: list[dict[str, Any]]) -> Quantity | None:
    verb = _VERB.match(article.text, run[-1]["end"])
    if verb is None or verb.lastgroup is None:
        return None
    start, end = run[0]["start"], verb.end()
    return Quantity(
        start,
        end,
        article.text[start:end],
        float(len({e["key"] for e in run})),
        counted="people",
        category=verb.lastgroup,
        sentence=int(run[0].get("sentence", -1)),
    )
