"""Claims about when and where: the event's date and place, airports, aircraft, other dated events.

The event's **date** in a report is a day-precise date its lead gives that is not after publication,
does not date a statement ("police said Monday") and dates the shooting rather than what came after
it (:mod:`.event_day`); "on Saturday" in a Monday report resolves to two days earlier.  Relative
dates of a report without a publication date are resolved against the story's other reports (see
:func:`reanchor`).  The event's **location** is the
dateline place or the most specific place the lead names.  Other places and other dated days
become "named" facts, so a place or a date only one outlet mentions shows up as single-source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from newsparallax.facts.claims import EVENT, ArticleInput, Claim, claim_at
from newsparallax.facts.event_day import EVENT as EVENT_WORD
from newsparallax.facts.event_day import EXTENDED_SENTENCES, governed, pick_event_day
from newsparallax.read.layers import DAY_GRAINS
from newsparallax.read.timex import find_dates

LEAD_SENTENCES = 3
WINDOW_DAYS = 31  # an event date more than a month before publication is history, not the event
# a date expression names a day (a weekday, a month, a relative day, digits), not only a time of day
_DAY_WORD = re.compile(
    r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"today|yesterday|tonight|overnight|last\s+night|this\s+(?:morning|afternoon|evening)|"
    r"lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|hoy|ayer|anoche|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|aujourd|hier",
    re.IGNORECASE,
)
Mention = dict[str, Any]  # a date mention of the reading layers
# a day written out with its month ("May 25", "June 3, 2014", "5/25"), not a weekday or "last night"
_WRITTEN_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d|\d{1,2}/\d{1,2}", re.IGNORECASE
)
_SPECIFIC = {"airport": 0, "city": 1, "admin1": 2, "region": 3, "country": 4}
_MODEL = re.compile(
    r"\b(?:(?:Ilyushin|Antonov|Tupolev|Sukhoi|Boeing|Airbus|Lockheed|Embraer|Mikoyan)\s+)?"
    r"(?P<family>Il|IL|An|AN|Tu|TU|Su|SU|MiG|C|KC|F|B|A|Ka|Mi|Yak)-?(?P<number>\d{2,3})(?P<suffix>[A-Z]?)\b(?!-)"
    r"|\b(?P<maker>Antonov|Ilyushin|Tupolev|Boeing|Airbus)[- ](?P<bare>\d{2,3})\b"
)
#: A verb of saying right before a day dates the statement ("police said Monday"); not an adjective
#: ("a reported shooting on Tuesday").
_SAID = re.compile(
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)"
    r"\b(?:said|says|told|announced|confirmed|reported|added|stated|declared|dijo|afirmó|informó|"
    r"anunció|a déclaré|a annoncé)\s+(?:\w+\s+){0,2}?(?:on\s+|el\s+|le\s+)?$",
    re.IGNORECASE,
)
_STAMP_BEFORE = re.compile(
    r"(?:\b(?:published|posted|update|updated|last\s+modified|since)\b[-:\s]*|\(\s*)$", re.IGNORECASE
)
_STAMP_AFTER = re.compile(
    r",?\s*\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}T\b|\||:|$)|\s*\|", re.IGNORECASE
)
_MAKERS = {"antonov": "An", "ilyushin": "Il", "tupolev": "Tu", "boeing": "Boeing ", "airbus": "A"}


def reanchor(article: ArticleInput, story_anchor: str | None) -> None:
    """Resolve an undated report's relative dates against the story's earliest dated report."""
    if article.anchor or article.published or not story_anchor:
        return
    anchor = dt.date.fromisoformat(story_anchor[:10])
    found = find_dates(article.text, anchor, article.language or "en")
    article.layers = {**article.layers, "dates": [_date_dict(d, article) for d in found]}
    article.anchor = story_anchor[:10]


def _date_dict(mention: Any, article: ArticleInput) -> dict[str, Any]:
    record = dict(vars(mention))
    record["sentence"] = article.sentence_at(mention.start)
    return record


def date_claims(article: ArticleInput) -> list[Claim]:
    """The event's date, and every other day the report dates something to."""
    days = _days(article)
    event = report_event_day(article)
    claims = []
    if event is not None:
        claims.append(_date_claim(article, event, EVENT, "date"))
    elif (headline := _headline_day(article)) is not None:
        claims.append(headline)
    published = (article.published or "")[:10]
    others = {
        d["value"]: d
        for d in days
        if d is not event and d["value"] not in (published, event and event["value"])
    }
    claims.extend(_date_claim(article, d, "day:" + day, "dated events") for day, d in sorted(others.items()))
    return claims


def _headline_day(article: ArticleInput) -> Claim | None:
    """Where the body dates no event (a sign-up page), the day the headline names, resolved against
    the publication day like any date ("Multiple people shot Sunday"), quoting the headline."""
    try:
        published = dt.date.fromisoformat((article.published or "")[:10])
    except ValueError:
        return None
    found = find_dates(article.title or "", published, article.language or "en")
    day = next(
        (d for d in found if d.granularity in DAY_GRAINS and d.value and d.value <= str(published)), None
    )
    if day is None:
        return None
    claim = _date_claim(article, {"text": day.text, "value": day.value, "sentence": 0}, EVENT, "date")
    claim.mention.quote, claim.mention.start, claim.mention.end = str(article.title), -1, -1
    return claim


def report_event_day(article: ArticleInput) -> Mention | None:
    """The day the report dates the event to (its mention), or None; worked out once per layers."""
    key = ("event_day", id(article.layers))
    if key not in article.derived:
        usable = [d for d in _days(article) if not _statement_date(article.text, d)]
        article.derived[key] = _event_day(article.text, usable, article.published)
    found: Mention | None = article.derived[key]
    return found


def _days(article: ArticleInput) -> list[dict[str, Any]]:
    """The day mentions of the reading layers, leaving out malformed ones (a layer stored by hand or
    by another tool: no text, a value that is not an ISO day string, no offsets)."""
    dates = article.layers.get("dates") or []
    return [d for d in dates if d.get("granularity") in DAY_GRAINS and well_formed_date(d)]


def well_formed_date(mention: dict[str, Any]) -> bool:
    """A date mention with its text, an ISO value string and offsets."""
    texts = isinstance(mention.get("value"), str) and isinstance(mention.get("text"), str)
    return texts and bool(mention["value"]) and all(isinstance(mention.get(k), int) for k in ("start", "end"))


def _statement_date(text: str, mention: dict[str, Any]) -> bool:
    """A date that dates a statement or the page, not the event: "police said Monday", "Posted: Sunday,
    May 12, 2013 5:16 AM", "since Wednesday"."""
    before = text[max(0, mention["start"] - 40) : mention["start"]]
    after = text[mention["end"] : mention["end"] + 16]
    return bool(_SAID.search(before) or _STAMP_BEFORE.search(before) or _STAMP_AFTER.match(after))


def _event_day(text: str, days: list[dict[str, Any]], published: str | None) -> dict[str, Any] | None:
    limit = (published or "9999")[:10]
    oldest = _days_before(published, WINDOW_DAYS)
    usable = [
        d
        for d in days
        if oldest <= d["value"] <= limit and not d.get("end_value") and _DAY_WORD.search(d["text"])
    ]
    picked = pick_event_day(text, usable, published)
    if picked is not None and governed(text, picked) == EVENT_WORD:
        return picked
    return _earlier_event_day(text, days, limit) or picked


def _earlier_event_day(text: str, days: list[dict[str, Any]], limit: str) -> dict[str, Any] | None:
    """Later coverage (a trial, an anniversary) that dates no day in the month before it: the
    written-out day an event word governs ("accused in a May 25 shooting"), most often given."""
    written = [d for d in days if d["value"] <= limit and _WRITTEN_DAY.search(d["text"])]
    events = [
        d
        for d in written
        if not d.get("end_value")
        and d.get("sentence", -1) < EXTENDED_SENTENCES
        and governed(text, d) == EVENT_WORD
    ]
    if not events:
        return None
    counts = Counter(d["value"] for d in events)
    return max(events, key=lambda d: (counts[d["value"]], -d["start"]))


def _days_before(published: str | None, days: int) -> str:
    if not published:
        return ""
    return (dt.date.fromisoformat(published[:10]) - dt.timedelta(days=days)).isoformat()


def _overnight(mention: dict[str, Any], published: str | None) -> dict[str, Any]:
    """ "Overnight" shootings are dated to the morning they end in, as police logs date them."""
    if "overnight" not in mention["text"].lower() or not published or mention["value"] >= published[:10]:
        return mention
    day = dt.date.fromisoformat(mention["value"]) + dt.timedelta(days=1)
    return {**mention, "value": day.isoformat()}


def _date_claim(article: ArticleInput, mention: dict[str, Any], subject: str, attribute: str) -> Claim:
    kind = "date" if subject == EVENT else "mention"
    mention = _overnight(mention, article.published) if kind == "date" else mention
    normalized: Any = {"value": mention["value"], "end": None} if kind == "date" else mention["value"]
    return claim_at(
        article,
        mention.get("sentence", 0),
        subject=subject,
        subject_label=mention["value"],
        attribute=attribute,
        kind=kind,
        value=mention["text"],
        normalized=normalized,
    )


def place_claims(article: ArticleInput) -> list[Claim]:
    """The event's location, the airport named, and the other places the report names."""
    places = [p for p in article.layers.get("places") or [] if p.get("place_id")]
    claims = []
    location = _event_place(article, places)
    if location is not None:
        claims.append(_place_claim(article, location, EVENT, "location", "place"))
    airport = next((p for p in places if p.get("kind") == "airport"), None)
    if airport is not None:
        claims.append(_place_claim(article, airport, EVENT, "airport", "place"))
    seen = {location["place_id"]} if location else set()
    for place in places:
        if place["place_id"] not in seen and place.get("kind") != "country":
            seen.add(place["place_id"])
            claims.append(_place_claim(article, place, place["place_id"], "named", "mention"))
    return claims


def _event_place(article: ArticleInput, places: list[dict[str, Any]]) -> dict[str, Any] | None:
    dateline = article.layers.get("dateline_place")
    lead = [p for p in places if 0 <= p.get("sentence", -1) < LEAD_SENTENCES and p.get("kind") in _SPECIFIC]
    if dateline and dateline.get("place_id"):
        inside = [
            p for p in lead if p.get("country") == dateline.get("country") and p.get("kind") == "airport"
        ]
        return inside[0] if inside else {**dateline, "sentence": _first_sentence(lead, dateline)}
    return min(lead, key=lambda p: (_SPECIFIC[p["kind"]], p["start"])) if lead else None


def _first_sentence(lead: list[dict[str, Any]], place: dict[str, Any]) -> int:
    return next((p.get("sentence", 0) for p in lead if p["place_id"] == place["place_id"]), 0)


def _place_claim(
    article: ArticleInput, place: dict[str, Any], subject: str, attribute: str, kind: str
) -> Claim:
    keys = ("kind", "country", "admin1", "lat", "lon")
    normalized: Any = {"id": place["place_id"], "name": place["name"], **{k: place.get(k) for k in keys}}
    return claim_at(
        article,
        max(place.get("sentence", 0), 0),
        subject=subject,
        subject_label=place["name"],
        attribute=attribute,
        kind=kind,
        value=place.get("text") or place["name"],
        normalized=normalized if kind == "place" else place["place_id"],
    )


def model_claims(article: ArticleInput) -> list[Claim]:
    """The aircraft models a report names, as one set ("Il-62", "An-124")."""
    found: dict[str, int] = {}
    for match in _MODEL.finditer(article.text):
        name = _model_name(match)
        found.setdefault(name, article.sentence_at(match.start()))
    if not found:
        return []
    first = min(found.values())
    return [
        claim_at(
            article,
            first,
            subject=EVENT,
            attribute="aircraft models",
            kind="set",
            value=", ".join(found),
            normalized=sorted(found),
        )
    ]


def _model_name(match: re.Match[str]) -> str:
    if match.group("maker"):
        return f"{_MAKERS[match.group('maker').lower()]}-{match.group('bare')}".replace(" -", " ")
    family = match.group("family")
    family = family[0] + family[1:].lower() if family not in ("MiG", "KC") else family
    return f"{family}-{match.group('number')}{match.group('suffix')}"
