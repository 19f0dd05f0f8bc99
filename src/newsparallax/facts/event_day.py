"""The event's day in one report: which of the days the report gives is the day it happened.

A report dates many things besides the event: the arrest ("police apprehended a suspect early
Saturday"), the press conference, the victim's condition ("was in critical condition Wednesday"),
the search, the vigil.  A news reader takes the day that dates the shooting itself: the day whose
clause is governed by an event word ("was shot Saturday night", "the shooting happened about
10 p.m. Friday"), not by a word for what came after.  Each candidate day is scored by the nearest
such word before it in its sentence (else the first after it):

* ``2`` — the event: shot, killed, wounded, gunfire, opened fire, happened, occurred …
* ``1`` — nothing tells;
* ``0`` — something else: arrested, charged, announced, identified, vigil, in critical condition …

A day directly followed by a verb of saying ("police Saturday said") dates the statement.  The
best-scored days win, a named day over a vague one ("overnight", "today"); among them the earliest
of the last few before publication.  A report whose days all date what came after gives no event
day.  A bare weekday that resolves to six days before publication ("Thursday" in a Wednesday
report) usually means the day after the page's date (the page was dated before it was updated), so
it is left out: it would date the event almost a week early.  An age ("in his 40s") is not a day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

LEAD_SENTENCES = 3
EXTENDED_SENTENCES = 8  # where a day governed by an event word may still be found
RECENT_DAYS = 3
REACH_BEFORE = 120
REACH_AFTER = 60
EVENT, UNKNOWN, OTHER = 2, 1, 0

_EVENT = (
    r"shot|shoots?|shootings?|fired|firing|gunfire|gunshots?|shots|open(?:ed|ing)\s+fire|killed|killing|slain|"
    r"wounded|wounding|injured|injuring|injury|injuries|sustained|hurt|died|dies|dead|murdered|struck|hit|"
    r"happened|occurred|"
    r"took\s+place|erupted|broke\s+out|rang\s+out|turned\s+(?:violent|deadly)|attack(?:ed)?|homicide|(?<!without\s)incident|stabbed|gunned\s+down|"
    r"found(?!\s+(?:guilty|not|that|no|probable|him|her|them))|discovered|accidentally|discharged"
)
_OTHER = (
    r"announced|confirmed|identified|arrested|arrests?|apprehended|captured|caught|booked|"
    r"charged|charges|indicted|indictment|arraigned|arraignment|sentenced|convicted|pleaded|pleas?|appeared|court|"
    r"hearing|trial|jury|conference|briefing|vigil|funeral|memorial|rally|released|remains?|remained|"
    r"condition|listed|recovering|searching|searched|investigating|canvass(?:ed|ing)?|surrendered|"
    r"expected|will|scheduled|planned|continued?|still|updated|autopsy|ruled|questioned|interviewed|"
    r"visited|gathered|marched|mourned|honou?red|issued|filed|held|hospital\s+(?:on|late|early)|"
    r"spoke|speaks|speaking|talked|told|asked|urged|called\s+for|judge|guilty|interview|sided"
)
#: The end of a sentence, or a paragraph break (a headline printed above the lead has no full stop).
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*\n")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"“]\s*)$")
_CUE = re.compile(rf"\b(?:(?P<event>{_EVENT})|(?P<other>{_OTHER}))\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:]|\s[—–-]\s|\b(?:but|while|when|before|after|and\s+then)\b", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"\W*(?:(?:press|news)\s+conference|briefing|vigil|funeral|hearing|court\s+(?:appearance|hearing|date)|statement)\b",
    re.IGNORECASE,
)
_EVENT_NOUN_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:(?:fatal|deadly|double|triple|mass)\s+)?(?:shootings?|killings?|homicides?|attack|murders?|"
    r"gunfire|rampage|massacre|slaying)\b",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(
    r"\s+(?:said|says|told|announced|confirmed|reported|released|identified)\b", re.IGNORECASE
)
_VAGUE = re.compile(r"(?:overnight|today|tonight|this\s+\w+|last\s+night)$", re.IGNORECASE)
_AGE = re.compile(r"(?:mid-|early\s+|late\s+)?\d0'?s$", re.IGNORECASE)
_WEEKDAY_ONLY = re.compile(
    r"^(?:(?:early|late)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)


def pick_event_day(text: str, days: list[dict[str, Any]], published: str | None) -> dict[str, Any] | None:
    """The day among ``days`` (usable event-date candidates, in text order) that dates the event."""
    days = [d for d in days if not _week_back(d, published) and not _AGE.match(d["text"])]
    scored = [(governed(text, d), d) for d in days if 0 <= d.get("sentence", -1) < EXTENDED_SENTENCES]
    lead = [(s, d) for s, d in scored if d.get("sentence", -1) < LEAD_SENTENCES]
    pool = lead + [(s, d) for s, d in scored if s == EVENT and (s, d) not in lead]
    if not pool:
        return next((d for d in days if governed(text, d) != OTHER), None)
    best = max(s for s, _ in pool)
    if best == OTHER:
        return None
    candidates = [d for s, d in pool if s == best]
    candidates = [d for d in candidates if not _VAGUE.match(d["text"])] or candidates
    recent = [d for d in candidates if d["value"] >= _days_before(published, RECENT_DAYS)]
    return min(recent or candidates, key=lambda d: (d["value"], d["start"]))


def names_event(text: str, day: dict[str, Any]) -> bool:
    """Whether ``day`` names the event right after it ("the May 25 shooting", "Sunday's killing")."""
    return _EVENT_NOUN_AFTER.match(text, day["end"]) is not None


def governed(text: str, day: dict[str, Any]) -> int:
    """Whether the nearest event or other word around ``day`` in its clause makes it the event's day."""
    if _EVENT_NOUN_AFTER.match(text, day["end"]):
        return EVENT
    if _NOUN_AFTER.match(text, day["end"]) or _SAID_AFTER.match(text, day["end"]):
        return OTHER
    before = _clause_tail(text[max(0, day["start"] - REACH_BEFORE) : day["start"]])
    cues = [m for m in _CUE.finditer(before) if not _proper(before, m)]
    if cues:
        return EVENT if cues[-1].group("event") else OTHER
    after = _clause_head(text[day["end"] : day["end"] + REACH_AFTER])
    first = next((m for m in _CUE.finditer(after) if not _proper(after, m)), None)
    if first is None:
        return UNKNOWN
    return EVENT if first.group("event") else OTHER


def _proper(text: str, cue: re.Match[str]) -> bool:
    """A cue word capitalised inside a sentence is part of a name ("Pershing Court Manor", "Memorial
    Hospital", "Will County"), not the word."""
    return cue.group()[0].isupper() and not _SENTENCE_START.search(text, 0, cue.start())


def _clause_tail(before: str) -> str:
    """The part of ``before`` in the same sentence and clause as what follows it."""
    sentence = _SENTENCE_BREAK.split(before)[-1]
    # "announced the arrests just after 4 p.m. Wednesday": an "after" right before the day is its
    # preposition, not the start of another clause
    ends = [e for e in _CLAUSE_END.finditer(sentence) if sentence[e.end() :].strip()]
    return sentence[ends[-1].end() :] if ends else sentence


def _clause_head(after: str) -> str:
    sentence = _SENTENCE_BREAK.split(after + " ")[0]
    end = _CLAUSE_END.search(sentence)
    return sentence[: end.start()] if end else sentence


def _week_back(day: dict[str, Any], published: str | None) -> bool:
    """A bare weekday read as six days before publication ("Thursday" in a Wednesday report)."""
    if not published or not _WEEKDAY_ONLY.match(day["text"].strip()):
        return False
    return str(day["value"]) <= _days_before(published, 6)


def _days_before(published: str | None, days: int) -> str:
    if not published:
        return ""
    return (dt.date.fromisoformat(published[:10]) - dt.timedelta(days=days)).isoformat()
