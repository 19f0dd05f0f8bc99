"""Find airports in running text, including the ones NER misses or splits.

Four kinds of phrase, tried in this order (a later hit never overlaps an earlier one):

* explicit: "Maiquetia airport", "Simón Bolívar International Airport", "Caracas's airport",
  "aeropuerto de Pudahuel", "aeropuerto internacional Simón Bolívar";
* a bare airport name placed near a city: "at Simon Bolivar outside Caracas" (the airport must lie
  within :data:`NEAR_CITY_KM` of the city);
* "the (main) airport in/at/outside/near/serving <City>" -> the main airport of that city;
* a bare airport name after a flight verb: "landed at Simon Bolivar".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from newsparallax.read.gazetteer import Gazetteer, Place
from newsparallax.read.gazetteer_airports import airport_query_key, distance_km

Resolver = Callable[[str], Place | None]  # a folded name -> the place it means in this article

NEAR_CITY_KM = 60.0
_CAP = r"[A-ZÀ-ÖØ-Þ](?:[\w'’\-]+|\.)?"
_LINK = r"(?:de|del|la|las|los|da|do|dos|das|di|du|van|von|der|y|el|al|of)"
_NAME = rf"{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP}){{0,5}}"
_CITY_TAIL = (
    r"(?:(?:just|located)[ \t]+)?"
    r"(?:outside(?:[ \t]+of)?|near|close[ \t]+to|(?:north|south|east|west)[ \t]+of)"
)
_THE_CITY = r"(?:the[ \t]+(?:capital|city)(?:[ \t]+of)?[ \t]*,?[ \t]*)?"

_EXPLICIT = re.compile(
    rf"(?P<name>{_NAME})[ \t]+(?:(?:[Ii]nternational|[Rr]egional|[Mm]unicipal|[Mm]ain|[Ii]ntl\.?)[ \t]+)*"
    r"[Aa]irport\b"
)
_EXPLICIT_ROMANCE = re.compile(
    r"\b(?P<head>[Aa]eropuerto|[Aa]eroporto|[Aa]éroport)(?:[ \t]+(?:[Ii]nternacional|[Ii]nternational))?"
    rf"(?:[ \t]+(?:de|del|do|da|du|d'))?[ \t]*(?P<name>{_NAME})"
)
_NEAR_CITY = re.compile(
    rf"\b(?P<prep>at|to|from|into|in|on)[ \t]+(?P<name>{_NAME})[ \t]*,?[ \t]+{_CITY_TAIL}[ \t]+{_THE_CITY}"
    rf"(?P<city>{_NAME})"
)
_AIRPORT_OF = re.compile(
    r"\b(?P<head>[Tt]he[ \t]+(?:(?:main|principal|international|largest|busiest|biggest|nearby|local|"
    r"city's|capital's|country's)[ \t]+)*airport)[ \t]+(?:(?:just|located)[ \t]+)?"
    r"(?:in|at|outside(?:[ \t]+of)?|near|of|serving|close[ \t]+to|on[ \t]+the[ \t]+outskirts[ \t]+of)"
    rf"[ \t]+{_THE_CITY}(?P<city>{_NAME})"
)
_FLIGHT = re.compile(
    r"\b(?:landed|lands|landing|touched[ \t]+down|arrived|arrives|arriving|departed|departs|departing|"
    r"took[ \t]+off|taking[ \t]+off|flew|flown|flying|diverted|grounded|parked|taxied|stopped[ \t]+over)"
    rf"[ \t]+(?:[a-z]+[ \t]+){{0,3}}?(?P<prep>at|in|into|from|to)[ \t]+(?P<name>{_NAME})"
)
_WORD = re.compile(r"\S+")
_LINK_WORD = re.compile(rf"{_LINK}$")


@dataclass(frozen=True)
class AirportHit:
    start: int
    end: int
    place: Place
    confidence: float


def scan_airports(
    g: Gazetteer, text: str, resolve: Resolver, countries: Mapping[str, float]
) -> list[AirportHit]:
    """Airport mentions found by phrase patterns, without overlaps, in text order."""
    scanner = _Scanner(g, text, resolve, countries)
    lowered = text.lower()
    if "airport" in lowered:
        scanner.explicit()
    if "aeropuerto" in lowered or "aeroporto" in lowered or "aéroport" in lowered:
        scanner.explicit_romance()
    scanner.near_city()
    if "airport" in lowered:
        scanner.airport_of()
    scanner.after_flight_verb()
    return sorted(scanner.hits, key=lambda hit: hit.start)


class _Scanner:
    def __init__(self, g: Gazetteer, text: str, resolve: Resolver, countries: Mapping[str, float]) -> None:
        self.g, self.text, self.resolve, self.countries = g, text, resolve, countries
        self.hits: list[AirportHit] = []
        self._by_name_cache: dict[str, tuple[str, float] | None] = {}

    def _add(self, start: int, end: int, iata: str, confidence: float) -> None:
        if all(end <= hit.start or start >= hit.end for hit in self.hits):
            self.hits.append(AirportHit(start, end, self.g.airports.place(iata), round(confidence, 3)))

    def explicit(self) -> None:
        for match in _EXPLICIT.finditer(self.text):
            for start, name in _sub_names(match.group("name"), match.start("name"), from_end=True):
                found = self._by_name(name)
                if found:
                    self._add(start, match.end(), *found)
                    break

    def explicit_romance(self) -> None:
        for match in _EXPLICIT_ROMANCE.finditer(self.text):
            for start, name in _sub_names(match.group("name"), match.start("name"), from_end=False):
                found = self._by_name(name)
                if found:
                    self._add(match.start(), start + len(name), *found)
                    break

    def near_city(self) -> None:
        for match in _NEAR_CITY.finditer(self.text):
            name_key = airport_query_key(match.group("name"))
            if match.group("prep") != "at" and self._is_place_name(name_key):
                continue
            city = self.resolve(airport_query_key(match.group("city")))
            if city is None or city.lat is None or city.lon is None:
                continue
            near = [iata for iata in self.g.airports.keys.get(name_key, []) if self._within(iata, city)]
            found = self._choose(near, {}, city)
            if found:
                self._add(match.start("name"), match.end("name"), found[0], min(found[1], 0.9))

    def airport_of(self) -> None:
        for match in _AIRPORT_OF.finditer(self.text):
            found = self._main_of(airport_query_key(match.group("city")))
            if found:
                self._add(match.start("head"), match.end("head"), *found)

    def after_flight_verb(self) -> None:
        for match in _FLIGHT.finditer(self.text):
            for start, name in _sub_names(match.group("name"), match.start("name"), from_end=False):
                key = airport_query_key(name)
                if match.group("prep") != "at" and self._is_place_name(key):
                    break
                found = self._choose(self.g.airports.keys.get(key, []), {}, None)
                if found:
                    self._add(start, start + len(name), found[0], min(found[1], 0.8))
                    break

    # --- helpers ----------------------------------------------------------------------------------

    def _by_name(self, name: str) -> tuple[str, float] | None:
        """An airport named ``name``, or the main airport of the city ``name``."""
        if name not in self._by_name_cache:
            self._by_name_cache[name] = self._find_by_name(name)
        return self._by_name_cache[name]

    def _find_by_name(self, name: str) -> tuple[str, float] | None:
        code = self.g.airports.code(name)
        if code:
            return code, 0.95
        key = airport_query_key(name)
        codes = list(self.g.airports.keys.get(key, []))
        bonus: dict[str, float] = {}
        main = self._main_of(key)
        if main:
            codes.append(main[0])
            bonus[main[0]] = 2.0
        return self._choose(codes, bonus, None)

    def _main_of(self, key: str) -> tuple[str, float] | None:
        place = self.resolve(key) if key else None
        if place is None:
            return None
        if place.kind == "airport":
            return place.place_id.partition(":")[2], 0.85
        return self.g.airports.main_for(place) if place.kind == "city" else None

    def _choose(
        self, codes: list[str], bonus: dict[str, float], near: Place | None
    ) -> tuple[str, float] | None:
        if not codes:
            return None
        scored = sorted(((self._score(iata, bonus, near), iata) for iata in set(codes)), reverse=True)
        if len(scored) == 1:
            return scored[0][1], 0.95
        margin = scored[0][0] - scored[1][0]
        return scored[0][1], max(0.4, min(0.9, 0.55 + 0.1 * margin))

    def _score(self, iata: str, bonus: dict[str, float], near: Place | None) -> float:
        record = self.g.airports.records[iata]
        score = self.g.airports.prominence(iata) + bonus.get(iata, 0.0)
        score += 1.5 * self.countries.get(record["country"], 0.0)
        if near is not None and near.lat is not None and near.lon is not None:
            score -= distance_km(near.lat, near.lon, record["lat"], record["lon"]) / 15.0
        return score

    def _within(self, iata: str, city: Place) -> bool:
        record = self.g.airports.records[iata]
        assert city.lat is not None and city.lon is not None
        return distance_km(city.lat, city.lon, record["lat"], record["lon"]) <= NEAR_CITY_KM

    def _is_place_name(self, key: str) -> bool:
        return any(cand.kind in ("city", "country", "admin1") for cand in self.g.candidates(key))


def _sub_names(name: str, offset: int, from_end: bool) -> Iterator[tuple[int, str]]:
    """Shorter and shorter word runs of ``name`` (dropping leading words, or trailing ones), with offsets."""
    words = list(_WORD.finditer(name))
    for cut in range(len(words)):
        if from_end:
            first = words[cut]
            if not _LINK_WORD.match(first.group()):
                yield offset + first.start(), name[first.start() :]
        else:
            last = words[len(words) - 1 - cut]
            if not _LINK_WORD.match(last.group()):
                yield offset, name[: last.end()]
