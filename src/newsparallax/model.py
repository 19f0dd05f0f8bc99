"""The objects every stage shares: an :class:`Article`, where it came from, and what went wrong.

An article travels through the pipeline (ingest → clean → read → stories → facts → store);
each stage fills in the fields it declares it adds, and later stages put their results in
:attr:`Article.layers` under the stage's name.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

_WS = re.compile(r"\s+")
#: Bodies shorter than this are hashed with their title (see :meth:`Article.compute_hash`).
IDENTIFYING_WORDS = 80


@dataclass
class Origin:
    """Where an item was read: the file or URL, the line (JSONL) or record number, and the reader."""

    location: str
    line: int | None = None
    format: str = "unknown"

    def describe(self) -> str:
        return f"{self.location}:{self.line}" if self.line is not None else self.location


@dataclass
class Article:
    """One news report.

    ``id`` is the id the user gave (JSON ``id``) or one derived from the file name; every
    output refers to it.  ``published`` is an ISO 8601 string: ``YYYY-MM-DD`` for a bare date
    or ``YYYY-MM-DDTHH:MM:SSZ`` (UTC) for a moment, so that the two sort together.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    wires: list[str] = field(default_factory=list)
    origin: Origin = field(default_factory=lambda: Origin("<memory>"))
    content_hash: str = ""
    id_given: bool = True
    notes: list[str] = field(default_factory=list)
    layers: dict[str, Any] = field(default_factory=dict)

    @property
    def headline_only(self) -> bool:
        return not self.text.strip() and bool(self.title and self.title.strip())

    def compute_hash(self) -> str:
        """Hash of the cleaned body (whitespace- and case-insensitive), which is what makes two items
        one article.  A body under :data:`IDENTIFYING_WORDS` words (a teaser, a paywall or sign-up
        notice scraped instead of the story) does not identify a report on its own, so the title
        is hashed with it; with no body, the title alone."""
        if len(self.text.split()) >= IDENTIFYING_WORDS:
            basis = self.text
        else:
            basis = "title:" + (self.title or "") + ("\n" + self.text if self.text.strip() else "")
        norm = _WS.sub(" ", basis).strip().casefold()
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Rejection:
    """An item that could not be taken, with where it was and why, in words a user can act on."""

    location: str
    line: int | None
    reason: str

    def describe(self) -> str:
        where = f"{self.location}:{self.line}" if self.line is not None else self.location
        return f"{where}: {self.reason}"


def iso_published(value: object) -> str | None:
    """Normalise a publication date given as text, ``date`` or ``datetime`` to the stored ISO form.

    Returns ``None`` for values that are not dates; never raises.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _iso_moment(value)
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    return _parse_iso_text(value.strip())


def _iso_moment(moment: datetime) -> str:
    """A naive midnight is a bare date; anything else is a moment, converted to UTC."""
    if moment.tzinfo is None:
        if (moment.hour, moment.minute, moment.second, moment.microsecond) == (0, 0, 0, 0):
            return moment.date().isoformat()
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_iso_text(text: str) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return _iso_moment(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return _iso_moment(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    from dateutil import parser as dateutil_parser

    try:
        return _iso_moment(dateutil_parser.parse(text))
    except (ValueError, OverflowError, TypeError, dateutil_parser.ParserError):
        return None
