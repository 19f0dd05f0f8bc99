"""The date an article's relative expressions are resolved against: its publication date.

Taken from the article's ``published`` field; where that is missing, from a date in its URL
(``/2019/03/25/``, ``20190325``) or a dated line at the top of its text ("Posted: Sunday,
June 23, 2013"); where none is found, there is no anchor and relative dates stay unresolved.
"""

from __future__ import annotations

import re
from datetime import date

_URL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_TEXT_DATE = re.compile(
    r"\b("
    + "|".join(m.capitalize() for m in _MONTHS)
    + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b"
    r"|\b(\d{1,2})\s+(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+((?:19|20)\d{2})\b"
)
_TEXT_WINDOW = 400


def find_anchor(published: str | None, url: str | None, text: str) -> tuple[date | None, str | None]:
    """``(anchor, where it came from)``: ``"published"``, ``"url"``, ``"text"`` or ``(None, None)``."""
    if published:
        try:
            return date.fromisoformat(published[:10]), "published"
        except ValueError:
            pass
    from_url = date_in_url(url) if url else None
    if from_url is not None:
        return from_url, "url"
    from_text = date_in_text(text[:_TEXT_WINDOW])
    if from_text is not None:
        return from_text, "text"
    return None, None


def date_in_url(url: str) -> date | None:
    """A full date in a URL path (``/2019/03/25/``, ``-20190325-``)."""
    path = url.split("://", 1)[-1]
    path = re.sub(r"^web\.archive\.org/web/\d+/", "", path)
    for match in _URL_DATE.finditer(path):
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
    return None


def date_in_text(head: str) -> date | None:
    """The first full date (with a year) in the first lines of a text."""
    for match in _TEXT_DATE.finditer(head):
        if match.group(1):
            month, day, year = match.group(1), match.group(2), match.group(3)
        else:
            day, month, year = match.group(4), match.group(5), match.group(6)
        try:
            return date(int(year), _MONTHS.index(month.lower()) + 1, int(day))
        except ValueError:
            continue
    return None
