"""Casualties: the people an article says were killed or injured, with or without a number.

:func:`find_singular_casualties` adds what the number finder cannot see — one victim named by a
noun phrase: "a 20-year-old man was shot and killed", "the victim died at the hospital", "a woman
was wounded".  :func:`casualty_counts` sums an article's statements up into the killed and
injured counts it gives, preferring the lead: the first explicit count of each category,
"N shot, M fatally" read as M killed and N−M injured, and single victims where no count is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsparallax.read.layers import Quantity

_PERSON = (
    r"(?:man|woman|boy|girl|teen|teenager|toddler|child|person|victim|student|driver|officer|"
    r"deputy|trooper|clerk|father|mother|son|daughter|husband|wife|brother|sister|resident|motorist|"
    r"pedestrian|bystander|suspect|gunman|shooter|infant|baby|youth|juvenile)"
)
_DETERMINER = r"(?:a|an|one|the|another)"
_MODIFIERS = r"(?:[\w'’-]+\s+){0,4}?"
_KILLED = (
    r"(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+){0,2}?(?:shot\s+(?:and\s+)?killed|shot\s+dead|"
    r"killed|slain|murdered|fatally\s+(?:shot|wounded|injured|stabbed)|pronounced\s+dead|found\s+dead)"
    r"|died|dies|was\s+dead|is\s+dead"
)
_INJURED = (
    r"(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+){0,2}?(?:shot|wounded|injured|hurt|hospitali[sz]ed|"
    r"grazed|struck)(?!\s+(?:and\s+)?(?:killed|dead))"
)
_SINGULAR = re.compile(
    rf"\b{_DETERMINER}\s+{_MODIFIERS}{_PERSON}\b(?P<gap>[^.;!?]{{0,80}}?)\b(?:(?P<killed>{_KILLED})|(?P<injured>{_INJURED}))",
    re.IGNORECASE,
)
#: Categories that count victims.
_COUNTED = ("killed", "injured", "shot")


@dataclass(frozen=True)
class Casualties:
    killed: int | None
    injured: int | None


def find_singular_casualties(text: str, taken: Sequence[Quantity] = ()) -> list[Quantity]:
    """One-victim statements as quantities of 1 (category killed or injured), outside ``taken`` spans."""
    spans = [(q.start, q.end) for q in taken]
    found: list[Quantity] = []
    for match in _SINGULAR.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in spans) or re.search(r"\d", match.group("gap") or ""):
            continue
        category = "killed" if match.group("killed") else "injured"
        found.append(Quantity(start, end, text[start:end], 1.0, counted="people", category=category))
    return found


def casualty_counts(quantities: Sequence[Quantity], lead_sentences: int | None = None) -> Casualties:
    """The killed and injured counts an article states (``None`` where it states none).

    Only quantities in the first ``lead_sentences`` sentences count when that is given and the lead
    mentions casualties at all.
    """
    ordered = sorted((q for q in quantities if q.category in _COUNTED), key=lambda q: q.start)
    if lead_sentences is not None:
        lead = [q for q in ordered if 0 <= q.sentence < lead_sentences]
        ordered = lead or ordered
    killed = _first(ordered, "killed")
    injured = _first(ordered, "injured")
    shot = _first(ordered, "shot")
    if injured is None and shot is not None:
        injured = max(shot - (killed or 0), 0)
    return Casualties(killed, injured)


def _first(quantities: Sequence[Quantity], category: str) -> int | None:
    for quantity in quantities:
        if quantity.category == category:
            return int(quantity.value)
    return None
