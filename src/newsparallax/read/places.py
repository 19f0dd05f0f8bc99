"""Resolve place names in an article to gazetteer entries (offline geocoding).

:func:`resolve_places` takes NER candidate spans (GPE, LOC, FAC) and returns :class:`PlaceMention`
records; it also finds airports by phrase (see :mod:`newsparallax.read.places_airports`).
:func:`geocode` looks up one name directly ("Hawthorne", "US", "CA").

How a name is chosen among its candidates: each candidate has a prior (countries 6-10 by alias
quality, US/Canadian/Australian divisions 8.5, other divisions 7.5, regions 7, cities
2 + 1.2·log10(population), alternate city names 2 less), plus bonuses for the article's context:
countries passed in, the dateline's country and division, countries and divisions named in the other
mentions, demonyms ("Venezuelan"). "City, ST" / "City, Country" qualifiers pin a mention, and a name
pinned once (or named by the dateline) keeps that meaning in the rest of the article. Small towns need
context: under 15,000 people their country must be in context, under 2,000 their division too.
Names with no acceptable candidate (often person names mislabelled GPE) are dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from newsparallax.read.gazetteer import BIG_CITY, Cand, Gazetteer, Place, fold, get_gazetteer
from newsparallax.read.gazetteer_airports import airport_query_key
from newsparallax.read.layers import PlaceMention
from newsparallax.read.places_airports import scan_airports

log = logging.getLogger(__name__)

SMALL_TOWN = 2000
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # other labels (PERSON, ORG) are read strictly
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|from|to|into|across|around|toward|towards|via|through|en|desde|hacia|cerca\s+de)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_QUALIFIER = re.compile(r"[ \t]*,[ \t]*((?:[A-Z][\w.'’]*)(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.'’]*){0,2})")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_DIVISION_AFTER = re.compile(r"[ \t]+(?:[Ss]tate|[Pp]rovince)\b")
_POSSESSIVE = re.compile(r"['’]s?$")
_DATELINE_END = re.compile(r"\s*(?:\(|—|–|--|\s-\s).*$", re.S)
_KEY_VARIANTS = (
    ("st ", "saint "), ("saint ", "st "), ("mt ", "mount "), ("ft ", "fort "), ("fort ", "ft "),
    ("mc ", "mc"),
)  # fmt: skip


class _Span(NamedTuple):
    """A candidate span, read once: its name part, folded key and "City, ST" qualifier."""

    start: int
    end: int
    label: str
    head: str
    key: str
    pin: tuple[str, str | None] | None
    place_like: bool  # a GPE/LOC/FAC span, or a PERSON span used as a place ("flew to Jackson")
    division: bool  # followed by "state" or "province": "Washington state"


@dataclass
class _Context:
    """What the article tells about where it is: bonuses per country and division, pinned names."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)
    memory: dict[str, tuple[Place, float]] = field(default_factory=dict)

    def boost(
        self, country: str | None, weight: float, admin1: str | None = None, admin1_weight: float = 0.0
    ) -> None:
        if country:
            self.countries[country] = max(self.countries.get(country, 0.0), weight)
            if admin1 and admin1_weight:
                key = (country, admin1)
                self.admin1[key] = max(self.admin1.get(key, 0.0), admin1_weight)

    def score(self, cand: Cand) -> float:
        bonus = self.countries.get(cand.country or "", 0.0)
        if cand.admin1:
            bonus += self.admin1.get((cand.country or "", cand.admin1), 0.0)
        return cand.prior + bonus


def resolve_places(
    text: str,
    mentions: Sequence[tuple[int, int, str]],
    dateline: str | None = None,
    context_countries: Sequence[str] = (),
) -> list[PlaceMention]:
    """Resolve NER place spans (start, end, label) in ``text``, plus airport phrases, to places."""
    g = get_gazetteer()
    ctx = _Context()
    for country in context_countries:
        ctx.boost(country.upper(), 2.5)
    _learn_dateline(g, dateline, ctx)
    _learn_demonyms(g, text, ctx)
    spans = [_read_span(g, text, *m) for m in sorted(mentions) if 0 <= m[0] < m[1] <= len(text)]
    _learn_pins(g, spans, ctx)
    _learn_mentions(g, spans, ctx)
    hits = scan_airports(g, text, lambda key: _best(g, key, ctx), ctx.countries)
    found = [_mention(hit.start, hit.end, text, hit.place, hit.confidence) for hit in hits]
    for span in spans:
        if any(span.start < hit.end and span.end > hit.start for hit in hits):
            continue
        resolved = _resolve_span(g, text, span, ctx)
        if resolved is not None:
            found.append(_mention(span.start, span.end, text, *resolved))
    log.debug("%d places from %d spans and %d airport phrases", len(found), len(spans), len(hits))
    return sorted(found, key=lambda mention: (mention.start, mention.end))


def country_of_demonym(text: str) -> str | None:
    """The ISO2 code a demonym points to: "Venezuelan", "Venezuelans" -> "VE"; None when unknown."""
    return get_gazetteer().country_of_demonym(text)


def geocode(name: str, country: str | None = None, admin1: str | None = None) -> PlaceMention | None:
    """Look up one place name, optionally within a country (ISO2 or name) and division ("CA", "Calif.")."""
    g = get_gazetteer()
    head, _, tail = name.partition(",")
    country_code = g.country_code(country) if country else None
    admin1_code = g.admin1_code(country_code, admin1) if admin1 else None
    if tail.strip() and not admin1_code:
        pinned = g.qualifier(tail)
        if pinned and (country_code is None or pinned[0] == country_code):
            country_code, admin1_code = pinned
    cands = _pinned_candidates(g, _name_key(head), country_code, admin1_code)
    if not cands:
        return None
    ctx = _Context()
    ctx.boost(country_code, 2.5, admin1_code, 2.0)
    ranked = _rank(cands, ctx)
    place = g.place(ranked[0][1])
    return _mention(0, len(name), name, place, _confidence(ranked, pinned=admin1_code is not None))


# --- context ------------------------------------------------------------------------------------------


def _learn_dateline(g: Gazetteer, dateline: str | None, ctx: _Context) -> None:
    """Dateline "Kidron, Ohio": US and OH join the context, and "Kidron" means that Kidron here."""
    if not dateline:
        return
    head, _, tail = _DATELINE_END.sub("", dateline).partition(",")
    pin = g.qualifier(tail) if tail.strip() else None
    cands = _pinned_candidates(g, _name_key(head), *pin) if pin else _candidates(g, _name_key(head))
    if pin:
        ctx.boost(pin[0], 3.0, pin[1], 2.0)
    ranked = [(score, cand) for score, cand in _rank(cands, ctx) if pin or _supported(cand, ctx)]
    if ranked:
        place = g.place(ranked[0][1])
        ctx.boost(place.country, 3.0, place.admin1, 2.0)
        ctx.memory[_name_key(head)] = (place, 0.9)


def _learn_demonyms(g: Gazetteer, text: str, ctx: _Context) -> None:
    """Capitalised words ("Venezuelan", "Venezuelans", "Costa Rican") that name a nationality."""
    table = g.demonym_countries()
    words = list(_CAPITALISED.finditer(text))
    for i, word in enumerate(words):
        candidates = [word.group()]
        if i + 1 < len(words) and words[i + 1].start() == word.end() + 1:
            candidates.insert(0, f"{word.group()} {words[i + 1].group()}")
        for candidate in candidates:
            iso = table.get(candidate) or (table.get(candidate[:-1]) if candidate.endswith("s") else None)
            if iso:
                ctx.boost(iso, 1.0)
                break


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def _learn_pins(g: Gazetteer, spans: list[_Span], ctx: _Context) -> None:
    """Mentions written "City, ST" or "City, Country" fix their own meaning and add to the context."""
    for span in spans:
        if span.pin is None:
            continue
        ranked = _rank(_pinned_candidates(g, span.key, *span.pin), ctx)
        if ranked:
            place = g.place(ranked[0][1])
            ctx.memory[span.key] = (place, 0.95)
            ctx.boost(place.country, 2.0, place.admin1, 1.5)


def _learn_mentions(g: Gazetteer, spans: list[_Span], ctx: _Context) -> None:
    """Unambiguous mentions ("Venezuela", "Ohio", "Caracas") put their country in the context."""
    for span in spans:
        key = span.key
        if key in ctx.memory or span.label not in _PLACE_LABELS:
            continue
        ranked = _rank(list(_candidates(g, key)), _Context())
        if not ranked:
            continue
        best = ranked[0][1]
        if not _supported(best, _Context()):
            continue
        rivals = [score for score, c in ranked[1:] if c.country != best.country and _supported(c, _Context())]
        if best.country and (not rivals or ranked[0][0] - rivals[0] >= 2.0):
            weight = 2.0 if best.kind in ("country", "admin1") else 1.5
            ctx.boost(best.country, weight, best.admin1, 1.0 if best.kind != "country" else 0.0)


# --- resolution ---------------------------------------------------------------------------------------


def _read_span(g: Gazetteer, text: str, start: int, end: int, label: str) -> _Span:
    head, pin = _split_qualifier(g, text, start, end)
    locative = _LOCATIVE.search(text[max(0, start - 24) : start]) is not None
    place_like = label in _PLACE_LABELS or pin is not None or locative
    division = _DIVISION_AFTER.match(text, end) is not None
    return _Span(start, end, label, head, _name_key(head), pin, place_like, division)


def _resolve_span(g: Gazetteer, text: str, span: _Span, ctx: _Context) -> tuple[Place, float] | None:
    if not span.place_like or not any(ch.isupper() for ch in span.head):
        return None  # a name NER took for a person is a place only where the text uses it as one
    if span.key in ctx.memory:
        return ctx.memory[span.key]
    if span.label == "FAC":
        airport = _facility(g, span.head, ctx)
        if airport:
            return airport
    abbreviated = _abbreviation(g, text, span.start, span.end)
    if abbreviated:
        return g.admin1_place(*abbreviated), 0.9
    if span.pin is not None:
        cands = _pinned_candidates(g, span.key, *span.pin)
    else:
        cands = [cand for cand in _candidates(g, span.key) if _fits_label(cand, span, ctx)]
    if span.division and any(cand.kind == "admin1" for cand in cands):
        cands = [cand for cand in cands if cand.kind == "admin1"]
    ranked = [(score, cand) for score, cand in _rank(cands, ctx) if span.pin or _supported(cand, ctx)]
    if not ranked:
        return None
    return g.place(ranked[0][1]), _confidence(ranked, pinned=span.pin is not None)


def _best(g: Gazetteer, key: str, ctx: _Context) -> Place | None:
    """The place a folded name means in this article (used by the airport scanner)."""
    if key in ctx.memory:
        return ctx.memory[key][0]
    ranked = [(score, cand) for score, cand in _rank(_candidates(g, key), ctx) if _supported(cand, ctx)]
    return g.place(ranked[0][1]) if ranked else None


def _facility(g: Gazetteer, name: str, ctx: _Context) -> tuple[Place, float] | None:
    code = g.airports.code(name)
    codes = [code] if code else g.airports.keys.get(airport_query_key(name), [])
    if not codes:
        return None
    countries = ctx.countries
    scored = sorted(
        ((g.airports.prominence(iata) + 1.5 * countries.get(g.airports.records[iata]["country"], 0.0), iata)
         for iata in codes),
        reverse=True,
    )  # fmt: skip
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 4.0
    return g.airports.place(scored[0][1]), max(0.4, min(0.9, 0.55 + 0.1 * margin))


def _candidates(g: Gazetteer, key: str) -> list[Cand]:
    """Candidates for a folded name, or for its spelling variant ("st louis" / "saint louis") if none."""
    for variant in _variants(key):
        cands = list(g.candidates(variant))
        if cands:
            return cands
    return []


def _pinned_candidates(g: Gazetteer, key: str, country: str | None, admin1: str | None) -> list[Cand]:
    """Candidates inside a pinned country and division, from variants and, last, from every alternate name."""
    for variant in _variants(key):
        cands = _filter_pinned(g.candidates(variant), country, admin1)
        if cands:
            return cands
    return _filter_pinned(g.alternate_candidates(key), country, admin1) if key else []


def _variants(key: str) -> list[str]:
    if not key:
        return []
    return [key] + [new + key[len(old) :] for old, new in _KEY_VARIANTS if key.startswith(old)]


def _filter_pinned(cands: Sequence[Cand], country: str | None, admin1: str | None) -> list[Cand]:
    return [
        cand
        for cand in cands
        if (country is None or cand.country == country) and (admin1 is None or cand.admin1 == admin1)
    ]  # fmt: skip


def _rank(cands: Sequence[Cand], ctx: _Context) -> list[tuple[float, Cand]]:
    return sorted(((ctx.score(cand), cand) for cand in cands), key=lambda pair: pair[0], reverse=True)


def _fits_label(cand: Cand, span: _Span, ctx: _Context) -> bool:
    """PERSON (or ORG) spans become places only in the article's geography; those and FAC spans (streets,
    buildings named after towns) are never read as villages."""
    strict = span.label not in _PLACE_LABELS
    if strict and ctx.countries.get(cand.country or "", 0.0) <= 0.0:
        return False
    return span.label in ("GPE", "LOC") or cand.kind != "city" or cand.population >= BIG_CITY


def _supported(cand: Cand, ctx: _Context) -> bool:
    """Towns under 15,000 need their country in context, and their division when the article names
    divisions of that country (or when under 2,000 people)."""
    if cand.kind != "city" or cand.population >= BIG_CITY:
        return True
    country = cand.country or ""
    if ctx.countries.get(country, 0.0) <= 0.0:
        return False
    if ctx.admin1.get((country, cand.admin1 or ""), 0.0) > 0:
        return True
    focused = any(known == country for known, _ in ctx.admin1)  # the article is about other divisions
    return not focused and cand.population >= SMALL_TOWN


def _confidence(ranked: Sequence[tuple[float, Cand]], pinned: bool) -> float:
    best_score, best = ranked[0]
    rivals = [score for score, cand in ranked[1:] if (cand.kind, cand.ref) != (best.kind, best.ref)]
    margin = best_score - rivals[0] if rivals else 4.0
    base = max(0.6 if pinned else 0.35, min(0.95, 0.5 + 0.12 * margin))
    return round(base * best.conf, 3)


# --- text helpers -------------------------------------------------------------------------------------


def _name_key(surface: str) -> str:
    return fold(_POSSESSIVE.sub("", _LEADING_THE.sub("", surface.strip())))


def _split_qualifier(
    g: Gazetteer, text: str, start: int, end: int
) -> tuple[str, tuple[str, str | None] | None]:
    """The name part of a span and its qualifier: "Hawthorne, Calif." -> ("Hawthorne", ("US", "CA"))."""
    surface = text[start:end]
    head, pin = _qualified(g, text, surface, end)
    if pin and _is_region(g, head) and not _has_city(g, head, pin):
        return surface, None  # "Venezuela, Colombia and Peru", "Ohio, Pennsylvania": a list, not a pin
    return head, pin


def _has_city(g: Gazetteer, head: str, pin: tuple[str, str | None]) -> bool:
    return any(cand.kind == "city" for cand in _pinned_candidates(g, _name_key(head), *pin))


def _qualified(g: Gazetteer, text: str, surface: str, end: int) -> tuple[str, tuple[str, str | None] | None]:
    """A qualifier inside the span ("Hawthorne, Calif.") or right after it ("Norfolk|, Va.")."""
    if "," in surface:
        head, _, tail = surface.partition(",")
        pin = g.qualifier(_POSSESSIVE.sub("", tail))
        if pin:
            return head, pin
    match = _QUALIFIER.match(text, end)
    if match:
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            pin = g.qualifier(_POSSESSIVE.sub("", " ".join(words[:size])))
            if pin:
                return surface, pin
    return surface, None


def _abbreviation(g: Gazetteer, text: str, start: int, end: int) -> tuple[str, str] | None:
    """A division abbreviation ("Calif.", "N.C.", "CA") after "City, " -- or alone when written "Calif."."""
    surface = text[start:end].strip()
    after_comma = re.search(r"\w,[ \t]*$", text[max(0, start - 4) : start]) is not None
    if surface in g.postal and after_comma:
        return ("US", surface)
    key = fold(surface)
    if key in g.abbreviations and (after_comma or (surface.endswith(".") and len(key) > 2)):
        return g.abbreviations[key]
    return None


def _is_region(g: Gazetteer, surface: str) -> bool:
    return any(cand.kind in ("country", "admin1") for cand in g.candidates(_name_key(surface)))


def _mention(start: int, end: int, text: str, place: Place, confidence: float) -> PlaceMention:
    return PlaceMention(
        start=start, end=end, text=text[start:end], place_id=place.place_id, name=place.name, kind=place.kind,
        country=place.country, admin1=place.admin1, lat=place.lat, lon=place.lon, confidence=confidence,
    )  # fmt: skip
