"""Calendar arithmetic for :mod:`newsparallax.read.timex`: what a date expression resolves to.

The value of a span (first day, last day, granularity, relative or not); the nearest day, weekday
or month in a direction (last, next, this, future, past); the week, month or year around a day;
days moved by calendar units, month ends clamped; and the direction, month, day and year that a
rule's named groups give.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from newsparallax.read.timex_rules import Grammar, norm


class _Value(NamedTuple):
    start: dt.date
    end: dt.date | None = None
    granularity: str = "day"
    relative: bool = False


def _direction(groups: dict[str, Any], grammar: Grammar) -> str | None:
    """The direction a modifier gives: "last Saturday" → last, "el próximo mes de" → next."""
    for key in ("pre", "post"):
        word = groups.get(key)
        if not word:
            continue
        phrase = norm(word)
        if phrase in grammar.directions:
            return grammar.directions[phrase]
        for token in reversed(phrase.split()):
            if token in grammar.directions:
                return grammar.directions[token]
    return None


def _fits(day: dt.date, anchor: dt.date, when: str) -> bool:
    if when == "last":
        return day < anchor
    if when == "next":
        return day > anchor
    if when in ("future", "this"):
        return day >= anchor
    return day <= anchor


def _nearest_day(anchor: dt.date, month: int, day: int, when: str) -> dt.date | None:
    """The nearest month/day in the given direction (eight years reach any 29 February)."""
    step = 1 if when in ("future", "next", "this") else -1
    for offset in range(9):
        candidate = _safe_date(anchor.year + step * offset, month, day)
        if candidate and _fits(candidate, anchor, when):
            return candidate
    return None


def _weekday_date(anchor: dt.date, weekday: int, when: str) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if when == "last":
        return anchor - dt.timedelta(back or 7)
    if when == "next":
        return anchor + dt.timedelta(ahead or 7)
    if when == "future":
        return anchor + dt.timedelta(ahead)
    if when == "this":
        return anchor + dt.timedelta(weekday - anchor.weekday())
    return anchor - dt.timedelta(back)


def _month_year(anchor: dt.date, month: int, when: str) -> int:
    if when == "this":
        return anchor.year
    if when in ("future", "next"):
        later = month > anchor.month or (when == "future" and month == anchor.month)
        return anchor.year if later else anchor.year + 1
    earlier = month < anchor.month or (when == "past" and month == anchor.month)
    return anchor.year if earlier else anchor.year - 1


def _weekend(anchor: dt.date, offset: int, future: bool) -> _Value:
    """Saturday–Sunday: the latest on or before the anchor, the one before (-1) or after (+1)."""
    saturday = anchor - dt.timedelta((anchor.weekday() - 5) % 7)
    in_weekend = anchor.weekday() >= 5
    if offset < 0 and in_weekend:
        saturday -= dt.timedelta(7)
    elif offset > 0 or (future and not in_weekend):
        saturday += dt.timedelta(7)
    return _Value(saturday, saturday + dt.timedelta(1), "range", True)


def _calendar_unit(day: dt.date, unit: str, offset: int, relative: bool = True) -> _Value:
    """The week, month or year of ``day`` (``offset`` = -1: the one before, 1: the one after)."""
    if unit == "week":
        monday = day - dt.timedelta(day.weekday() - 7 * offset)
        return _Value(monday, monday + dt.timedelta(6), "week", relative)
    if unit == "month":
        return _Value(*_month_range(*_add_months(day.year, day.month, offset)), "month", relative)
    year = day.year + offset
    return _Value(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", relative)


def _shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """``day`` moved by days, weeks, months or years; month ends clamp (31 March - 1 month: 28 February)."""
    if unit in ("days", "weeks"):
        return day + dt.timedelta(days=amount * (7 if unit == "weeks" else 1))
    return day + (relativedelta(months=amount) if unit == "months" else relativedelta(years=amount))


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    following = _add_months(year, month, 1)
    return dt.date(year, month, 1), dt.date(*following, 1) - dt.timedelta(1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(groups: dict[str, Any], grammar: Grammar) -> int | None:
    if groups.get("month"):
        return grammar.months.get(norm(groups["month"]).rstrip("."))
    return _number(groups.get("mnum"))


def _number(digits: str | None) -> int | None:
    found = re.match(r"\d+", digits or "")
    return int(found.group()) if found else None


def _year(digits: str | None) -> int | None:
    if not digits:
        return None
    year = int(digits)
    return year if len(digits) == 4 else year + (2000 if year < 50 else 1900)
