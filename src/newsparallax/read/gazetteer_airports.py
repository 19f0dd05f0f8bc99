"""Airports from airportsdata (IATA), indexed by code, by official name and by the short names news uses.

An airport named "Maiquetia (Simon Bolivar Internacional) Airport" in Caracas is found as "maiquetia",
"simon bolivar", the full name, and as the main airport of Caracas. airportsdata has no size field, so
the main airport of a city comes from a small table (:data:`gazetteer_data.MAIN_AIRPORTS`) or else from
a heuristic: "International" in the name, the city named as the airport's city, nearness, and no
military or heliport words.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from airportsdata import Airport

from newsparallax.read import gazetteer_data as data
from newsparallax.read.gazetteer_cities import Place, fold

_TAIL_WORDS = {"airport", "airfield", "aerodrome", "airstrip", "international", "internacional", "intl",
               "regional", "municipal", "domestic", "national", "de", "del"}  # fmt: skip
_HEAD_WORDS = {"aeropuerto", "aeroporto", "aeroport", "international", "internacional", "comodoro",
               "general", "gen", "presidente", "president", "capitan", "captain", "coronel", "colonel",
               "almirante", "mariscal", "teniente", "ingeniero", "doctor", "dr", "sir", "de",
               "del"}  # fmt: skip
_GENERIC = {"city", "field", "county", "memorial", "air base", "base", "airport", "international", "new",
            "north", "south", "east", "west", "central", "metropolitan", "regional"}  # fmt: skip
_MINOR = re.compile(
    r"\b(air ?base|afb|air force|heliport|naval|military|army|base aerea|raf|seaplane|airstrip|ns)\b"
)
_INTERNATIONAL = re.compile(r"\b(international|internacional|intl|intercontinental)\b")
NEAR_KM = 40.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def airport_name_keys(name: str, city: str) -> set[str]:
    """The folded short names of an airport: without "International Airport", titles, city prefix."""
    parts = [name, re.sub(r"\(.*?\)", " ", name), *re.findall(r"\((.*?)\)", name)]
    parts += [piece for part in list(parts) for piece in re.split(r"/| - ", part)]
    city_key = fold(city)
    keys: set[str] = set()
    for part in parts:
        words = fold(part).split()
        while words and words[-1] in _TAIL_WORDS:
            words.pop()
        while words and words[0] in _HEAD_WORDS:
            words.pop(0)
        key = " ".join(words)
        keys.add(key)
        if city_key and key.startswith(city_key + " "):
            keys.add(key[len(city_key) + 1 :])
    keys.add(fold(name))
    return {key for key in keys if len(key) > 2 and key not in _GENERIC}


def airport_query_key(text: str) -> str:
    """The key :func:`airport_name_keys` files a name under: "Simón Bolívar Intl" -> "simon bolivar"."""
    words = fold(re.sub(r"['’]s?$", "", text.strip())).split()
    while words and words[-1] in _TAIL_WORDS:
        words.pop()
    while words and words[0] in _HEAD_WORDS:
        words.pop(0)
    return " ".join(words)


class AirportIndex:
    """Indexes over airportsdata's IATA records."""

    def __init__(self, records: dict[str, Airport], admin1_of: Callable[[str, str], str | None]) -> None:
        self.records = records
        self._admin1_of = admin1_of
        self.keys: dict[str, list[str]] = {}
        self.localities: dict[str, str] = {}
        self.by_city: dict[tuple[str, str], list[str]] = {}
        self.main: dict[tuple[str, str], str] = {}
        self._grid: dict[tuple[int, int], list[str]] = {}
        self._main_cache: dict[str, tuple[str, float] | None] = {}
        self._names = dict(data.parse_table(data.AIRPORT_NAMES))
        for iata, record in records.items():
            self._index(iata, record)
        self._index_tables()

    def _index(self, iata: str, record: Airport) -> None:
        names = [record["name"]] + ([self._names[iata]] if iata in self._names else [])
        for name in names:
            for key in airport_name_keys(name, record["city"]):
                self._add_key(key, iata)
        if record["city"]:
            self.by_city.setdefault((fold(record["city"]), record["country"]), []).append(iata)
        cell = (math.floor(record["lat"]), math.floor(record["lon"]))
        self._grid.setdefault(cell, []).append(iata)

    def _add_key(self, key: str, iata: str) -> None:
        codes = self.keys.setdefault(key, [])
        if iata not in codes:
            codes.append(iata)

    def _index_tables(self) -> None:
        for name, iata in data.parse_table(data.AIRPORT_LOCALITIES):
            if iata in self.records:
                self.localities[fold(name)] = iata
        for name, iata in data.parse_table(data.AIRPORT_LOCALITIES + "|" + data.AIRPORT_ALIASES):
            if iata in self.records:
                self._add_key(fold(name), iata)
                self._add_key(airport_query_key(name), iata)
        for city, iata in data.parse_table(data.MAIN_AIRPORTS):
            name, _, country = city.partition("/")
            if iata in self.records:
                self.main[(fold(name), country)] = iata

    def code(self, text: str) -> str | None:
        """An IATA code written as such ("CCS")."""
        stripped = text.strip()
        return stripped if len(stripped) == 3 and stripped.isupper() and stripped in self.records else None

    def near(self, lat: float, lon: float, km: float = NEAR_KM) -> list[tuple[float, str]]:
        """Airports within ``km`` of a point, nearest first."""
        found: list[tuple[float, str]] = []
        cell_lat, cell_lon = math.floor(lat), math.floor(lon)
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                for iata in self._grid.get((cell_lat + dlat, cell_lon + dlon), []):
                    record = self.records[iata]
                    distance = distance_km(lat, lon, record["lat"], record["lon"])
                    if distance <= km:
                        found.append((distance, iata))
        return sorted(found)

    def prominence(self, iata: str) -> float:
        """How likely an airport is the one news means: international, main of its city, not military."""
        record = self.records[iata]
        name = fold(record["name"])
        score = 2.0 if _INTERNATIONAL.search(name) else 0.0
        score -= 5.0 if _MINOR.search(name) else 0.0
        score += 3.0 if iata in self.main.values() else 0.0
        return score

    def main_for(self, city: Place) -> tuple[str, float] | None:
        """The main airport serving a city, with a confidence; None when none lies near it."""
        if city.place_id not in self._main_cache:
            self._main_cache[city.place_id] = self._find_main(city)
        return self._main_cache[city.place_id]

    def _find_main(self, city: Place) -> tuple[str, float] | None:
        key = (fold(city.name), city.country or "")
        if key in self.main:
            return self.main[key], 0.9
        if city.lat is None or city.lon is None:
            return None
        scored: dict[str, float] = {}
        for distance, iata in self.near(city.lat, city.lon):
            scored[iata] = self.prominence(iata) - distance / 15.0
        for iata in self.by_city.get(key, []):
            scored[iata] = scored.get(iata, -3.0) + 2.0
        if not scored:
            return None
        best = max(scored, key=lambda iata: scored[iata])
        return (best, 0.75) if scored[best] > -2.0 else None

    def place(self, iata: str) -> Place:
        record = self.records[iata]
        name = self._names.get(iata, record["name"])
        admin1 = self._admin1_of(record["country"], record["subd"]) if record["subd"] else None
        lat, lon = record["lat"], record["lon"]
        return Place(f"airport:{iata}", name, "airport", record["country"], admin1, lat, lon)
