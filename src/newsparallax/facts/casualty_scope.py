"""Which casualty counts are about the report's event: not history ("20 children were killed at
Sandy Hook in 2012"), not the attackers or the shots ("the four suspects", "shot two times"), not a
count taken back or only asked about, not a death of another cause, not a headline's round-up
of several shootings ("14 shot since 8 p.m.")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from newsparallax.facts.claims import ArticleInput
from newsparallax.facts.claims_context import well_formed_date
from newsparallax.facts.concepts import CASUALTIES
from newsparallax.facts.event_day import names_event
from newsparallax.facts.headlines import title_quantities
from newsparallax.read.layers import Quantity

HISTORY_DAYS = 31
_HISTORY = re.compile(r"\b(?:ago|anniversary|last\s+year|years?\s+earlier|massacre\s+at)\b", re.IGNORECASE)
_PAGE_AGE = re.compile(r"\b(?:updated|posted|published|modified)\b[:\s]*\d+\s+\w+\s+ago\b", re.IGNORECASE)
_YEAR = re.compile(
    r"\b(?:in|since|of|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_ATTACKERS = frozenset({"suspects", "suspect", "gunmen", "shooters", "attackers", "assailants", "robbers"})
#: What a count of a casualty verb may count besides people: "shot two times", "fired 30 rounds".
_NOT_PEOPLE = frozenset({"times", "rounds", "shots", "bullets", "casings", "shells"})
#: A headline summing up several shootings ("14 shot since 8 p.m.", "weekend gunfire wounds 12").
#: Broader than :data:`_SEVERAL`: a headline's plural "shootings" or "weekend" is a round-up, a
#: body sentence's often is not ("the shootings happened", "a shooting over the weekend").
ROUNDUP = re.compile(
    r"\b(?:shootings|weekend|since|violen(?:t|ce)|gunfire\s+(?:kills|wounds)|across|citywide|"
    r"in\s+(?:\w+\s+)?(?:hours|days))\b",
    re.IGNORECASE,
)
#: A sentence summing up several shootings, or telling of another one: its counts are not the event's.
_SEVERAL = re.compile(
    r"\b(?:(?:separate|different)\s+shootings|shootings\s+(?:across|citywide|throughout|around)|citywide|"
    r"across\s+the\s+city|in\s+(?:a|another)\s+(?:separate|unrelated)\s+(?:shooting|incident)|"
    r"(?:pair|string|series|spate|rash)\s+of\s+shootings|(?:two|three|four|five|six|several|multiple|\d+)\s+"
    r"(?:separate\s+|different\s+)?shootings|violent\s+weekend|separate\s+(?:shooting\s+)?incidents)\b",
    re.IGNORECASE,
)
#: A count that tallies the year, not the event: "13 toddler shooting deaths this year".
_TALLY = re.compile(
    r"[^.;:]{0,40}?\b(?:(?:so\s+far\s+)?this\s+year\b(?!['’]s)|of\s+the\s+year\b"
    r"|since\s+(?:january|the\s+(?:start|beginning)\s+of\s+the\s+year)\b)",
    re.IGNORECASE,
)
#: A sentence counting over a period: "In the past six weeks alone, four children have died".
_PERIOD = re.compile(
    r"\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+){0,2}?(?:days|weeks|months|years)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][a-z'’]{3,}|[A-Z][A-Za-z'’]{2,}")
_POSSESSIVE = re.compile(r"['’]s?$")
#: A sentence going on about someone already named ("He died Thursday night at UK Hospital").
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|they|their|them|victims?)\b", re.IGNORECASE)
#: Words too common in news to tie a sentence to its headline.
_COMMON_WORDS = (
    "after with from that this have about into over were been police says said year their they will "
    "when where what more than most news update updated local home"
)
_COMMON = frozenset(w.rstrip("s") for w in re.split(r"\s+", _COMMON_WORDS))
_PART = re.compile(r"[\w-]+\s+of\s+(?:the|those|them|these)\b", re.IGNORECASE)
_ONE_OF_N = re.compile(r"(?:one|1)\s+of\s+(?:the\s+)?(?:\d+|[a-z]+)\s", re.IGNORECASE)
_VAGUE = re.compile(r"(?:dozens|hundreds|thousands|scores)\b", re.IGNORECASE)
RETRACTED = re.compile(
    r"\bbut\s+(?:that|this|it|those\s+reports?)\s+(?:\w+\s+)?"
    r"(?:proved|turned\s+out|was\s+(?:later\s+)?found)\s+(?:to\s+be\s+)?"
    r"(?:incorrect|false|wrong|untrue|inaccurate|a\s+mistake)|"
    r"\b(?:is|was)\s+not\s+(?:a|being\s+investigated\s+as\s+a)\s+homicide\b",
    re.IGNORECASE,
)
_OTHER_CAUSE = re.compile(
    r"\b(?:(?:car|vehicle|traffic|motorcycle|plane)\s+(?:crash|accident|wreck)|crash(?:ed)?|wreck|collision|"
    r"overdose|cancer|illness|natural\s+causes|heart\s+attack|drown(?:ed|ing)?|(?:house|apartment)\s+fire|"
    r"stabb(?:ed|ing)|beat(?:en)?\s+to\s+death)\b",
    re.IGNORECASE,
)
#: A death or injury only asked about ("not able to say if the man had died"; not "investigating
#: whether a shooting that left two dead was gang-related").
_CONDITIONAL = re.compile(r"\b(?:if|whether)\s+(?:(?!(?:that|who|which)\b)[^.;:]){0,25}$", re.IGNORECASE)
_GUN = re.compile(
    r"\b(?:shot|shoot\w*|gun\w*|bullets?|fired|firearms?|rifles?|pistols?|handguns?)\b", re.IGNORECASE
)


def headline_counts(title: str) -> list[Quantity]:
    """A headline's victim counts; none in a round-up of several shootings."""
    if ROUNDUP.search(title):
        return []
    return [q for q in title_quantities(title) if not not_victims(q)]


def not_victims(quantity: Quantity) -> bool:
    """Not a count of victims: the attackers ("the four suspects killed two men"), the shots ("shot
    two times"), a vague crowd ("planned to kill hundreds") or a part of the victims ("two of the
    wounded men were taken to UPMC Mercy"; "one of the five people hospitalized" counts the five)."""
    if quantity.category not in (*CASUALTIES, "shot"):
        return False
    counted = (quantity.counted or "").lower()
    part = _PART.match(quantity.text) and not _ONE_OF_N.match(quantity.text)
    return counted in _ATTACKERS or counted in _NOT_PEOPLE or bool(_VAGUE.match(quantity.text) or part)


def unsaid(article: ArticleInput, quantity: Quantity) -> bool:
    """A count the report takes back ("early reports said one person had died, but that proved to be
    incorrect"), only asks about ("unclear whether the man had died"), or a death that was not a
    shooting's ("died in a car crash the night before")."""
    if quantity.category not in (*CASUALTIES, "shot"):
        return False
    start, _, sentence = article.sentence(quantity.sentence)
    if _CONDITIONAL.search(article.text[start : quantity.start]):
        return True
    if several_shootings(sentence):
        return True
    return bool(RETRACTED.search(sentence)) or (
        quantity.category == "killed" and other_cause(article, sentence)
    )


def several_shootings(sentence: str) -> bool:
    """The sentence sums up several shootings or tells of another one ("in separate shootings across
    the city", "in a separate shooting")."""
    return bool(_SEVERAL.search(sentence))


def other_cause(article: ArticleInput, sentence: str) -> bool:
    """In a report of a shooting, a sentence that gives a death another cause and names no gun
    (in a report of a crash, the crash's dead are the event's)."""
    if not _OTHER_CAUSE.search(sentence) or _GUN.search(sentence):
        return False
    _, lead_end, _ = article.sentence(1)
    return bool(_GUN.search(article.title or "") or _GUN.search(article.text[:lead_end]))


def off_topic(article: ArticleInput, sentence: str) -> bool:
    """A sentence that names no gun and shares no word with the headline: on a page whose lead is a
    column of other stories' teasers ("A jury has found Kronsberg guilty for the murder of Tasha
    Lucia" above "Shooting that injured 11-year-old boy ruled accidental"), its death is not the event's."""
    if not article.title or _GUN.search(sentence) or _PRONOUN.search(sentence):
        return False
    return not _content_words(article.title) & _content_words(sentence)


def _content_words(text: str) -> set[str]:
    return {_POSSESSIVE.sub("", w.lower()).rstrip("s") for w in _WORD.findall(text)} - _COMMON


def historical(article: ArticleInput, quantity: Quantity, event_day: str | None) -> bool:
    """A casualty count in a sentence about another time than the report's event, or a tally of the
    year or of a period ("13 toddler shooting deaths this year", "in the past six weeks, four
    children have died")."""
    if quantity.category not in (*CASUALTIES, "shot"):
        return False
    tally = quantity.value > 1 and (
        tally_after(article.text, quantity.end)
        or _PERIOD.search(article.sentence(quantity.sentence)[2]) is not None
    )
    return tally or historical_at(article, quantity.sentence, event_day)


def tally_after(text: str, end: int) -> bool:
    """What follows ``end`` makes the number before it a tally of the year ("13 deaths this year",
    "the city's 11th victim this year"), not a count of the event."""
    return _TALLY.match(text, end) is not None


def historical_at(article: ArticleInput, index: int, event_day: str | None = None) -> bool:
    """Sentence ``index`` is about another time than the report's ("June 2010: a gunman ...").  Neither
    a page's "Updated: 8 months ago" nor a date that is the report's own event day (later coverage:
    "accused in a May 25 shooting that killed one") makes it so."""
    _, _, sentence = article.sentence(index)
    anchor = (article.published or article.anchor or "")[:10]
    years = {int(y) for y in _YEAR.findall(sentence)}
    if _HISTORY.search(_PAGE_AGE.sub("", sentence)) or (anchor and any(y < int(anchor[:4]) for y in years)):
        return True
    if not anchor:
        return False
    oldest = (dt.date.fromisoformat(anchor) - dt.timedelta(days=HISTORY_DAYS)).isoformat()
    found = article.layers.get("dates") or []
    dates = [d for d in found if d.get("sentence") == index and well_formed_date(d) and _dated(d)]
    return any(d["value"] < oldest and not _names_the_event(article, d, event_day) for d in dates)


def _names_the_event(article: ArticleInput, day: dict[str, Any], event_day: str | None) -> bool:
    """The report's own event day, naming the event ("the May 25 shooting"), not a day recalled."""
    return day["value"] == event_day and names_event(article.text, day)


def _dated(day: dict[str, Any]) -> bool:
    """A date that says when: written out (not "just after 11 p.m.", whose day is the report's), and
    not a house number read as a year ("1013 Carrie St.")."""
    value = str(day.get("value") or "")
    return bool(value) and not day.get("relative") and value[:4] >= "1900"
