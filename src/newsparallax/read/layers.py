"""What the reading stage finds in an article, as plain records.

Every record carries character offsets (``start``, ``end``) into the article's cleaned text and
the exact ``text`` of the span, so any later stage can quote the sentence behind a value.
Records are dataclasses that turn into JSON-ready dicts with :func:`as_dict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class EntityMention:
    """A person, organisation, group or other named thing, with its canonical name in this article."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, NORP, GPE, LOC, FAC, EVENT, PRODUCT, ...
    sentence: int
    name: str = ""  # the fullest form of the name in the article ("Nicolas Maduro" for "Maduro")
    key: str = ""  # accent- and case-folded canonical key, shared across articles
    titles: list[str] = field(default_factory=list)  # roles attached at this mention


#: Granularities whose ``value`` names one day (a part of day, "Tuesday night", is on that day).
DAY_GRAINS = ("day", "part_of_day")


@dataclass
class DateMention:
    """A date expression resolved to a calendar date or range.

    ``value``/``end_value`` are ISO dates (``end_value`` only for ranges, inclusive).
    ``anchored`` is False when a relative expression had no publication date to resolve against.
    """

    start: int
    end: int
    text: str
    value: str | None
    end_value: str | None = None
    granularity: str = "day"  # day, week, month, year, range, part_of_day (see DAY_GRAINS)
    relative: bool = False
    anchored: bool = True
    sentence: int = -1


@dataclass
class Quantity:
    """A number with what it counts, its hedge and unit: "about 100 troops", "35 tonnes"."""

    start: int
    end: int
    text: str
    value: float
    low: float | None = None  # bounds implied by the hedge ("up to 100" → high 100)
    high: float | None = None
    hedge: str | None = None  # about, up to, more than, at least, nearly, some, ...
    approximate: bool = False
    unit: str | None = None  # t, kg, km, m, USD, EUR, %, ...
    counted: str | None = None  # the counted noun: troops, soldiers, people, equipment
    category: str | None = None  # killed, injured, arrested, missing, people, troops, money, weight, ...
    sentence: int = -1


@dataclass
class PlaceMention:
    """A place name resolved to a gazetteer entry."""

    start: int
    end: int
    text: str
    place_id: str  # "country:VE", "geonames:3646738", "airport:CCS"
    name: str
    kind: str  # country, admin1, city, airport
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    confidence: float = 1.0
    sentence: int = -1


@dataclass
class Attribution:
    """Whom one sentence's claim is attributed to.

    ``source`` is the text naming the source ("Javier Mayorca", "a Venezuelan official", "Sputnik").
    ``via`` is the chain of reporters through whom the claim came, nearest first:
    "Sputnik reported that journalist Mayorca said ..." → source "Mayorca", via ["Sputnik"].
    """

    sentence: int
    source: str
    kind: str  # person, organisation, media, official, anonymous, social_media, document, unknown
    verb: str  # said, told, reported, tweeted, according to, quoted, cited, ...
    start: int = -1
    end: int = -1
    channel: str | None = None  # Twitter, a statement, state television, ...
    via: list[str] = field(default_factory=list)
    anonymous: bool = False
    hedges: list[str] = field(default_factory=list)  # reportedly, apparently, allegedly, ...
    key: str = ""  # canonical entity key of the source when it names an entity


@dataclass
class Reading:
    """All layers of one article."""

    article_id: str
    language: str | None
    model: str
    anchor: str | None  # the date relative expressions were resolved against
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    dateline_place: PlaceMention | None = None

    def layers(self) -> dict[str, Any]:
        """The JSON-ready layers, as stored in ``readings.layers`` (sentences as offset pairs)."""
        return {
            "sentences": [(s.start, s.end) for s in self.sentences],
            "entities": [as_dict(m) for m in self.entities],
            "places": [as_dict(p) for p in self.places],
            "dates": [as_dict(d) for d in self.dates],
            "quantities": [as_dict(q) for q in self.quantities],
            "attributions": [as_dict(a) for a in self.attributions],
            "dateline_place": as_dict(self.dateline_place) if self.dateline_place else None,
        }


def as_dict(record: Any) -> dict[str, Any]:
    """A layer record as a plain dict, like ``dataclasses.asdict`` for these flat records (scalars and
    lists of strings), without its recursive deep copy: this runs for every mention of every article."""
    return {name: _plain(getattr(record, name)) for name in _field_names(type(record))}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return as_dict(value)
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    return names


def sentence_of(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence that contains character ``offset`` (-1 when none does)."""
    low, high = 0, len(sentences) - 1
    while low <= high:
        middle = (low + high) // 2
        current = sentences[middle]
        if offset < current.start:
            high = middle - 1
        elif offset >= current.end:
            low = middle + 1
        else:
            return middle
    return -1
