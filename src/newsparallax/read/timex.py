"""Find date expressions in an article and resolve them against its publication date.

Spans are found with the compiled grammars of :mod:`newsparallax.read.timex_patterns` (English,
Spanish, French; ISO and numeric dates in every language) and resolved here with plain calendar
arithmetic (:mod:`newsparallax.read.timex_calendar`).  News convention: a relative expression points
to the past ("on Saturday" is the last Saturday on or before the report) unless the sentence before it
is worded for the future ("will", "is to", "scheduled", "next").  Spans a NER model labelled DATE/TIME
(``hints``) fill the gaps; only those are resolved with dateparser, which is slow.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from newsparallax.read import timex_patterns as patterns
from newsparallax.read.layers import DAY_GRAINS, DateMention
from newsparallax.read.timex_calendar import (
    _add_months,
    _calendar_unit,
    _direction,
    _fits,
    _month_number,
    _month_range,
    _month_year,
    _nearest_day,
    _number,
    _safe_date,
    _shift,
    _Value,
    _weekday_date,
    _weekend,
    _year,
)
from newsparallax.read.timex_patterns import grammar_for
from newsparallax.read.timex_rules import Grammar, norm

log = logging.getLogger(__name__)

_STAND_IN = dt.date(2001, 6, 15)  # resolves relative spans when there is no anchor; their values are dropped
_LOOKBACK = 300  # characters searched for future wording before a date
_TIME_REACH = 40  # characters searched for a clock time before a day
_UNIT_STEPS = {
    "minute": ("days", 0, "part_of_day"), "hour": ("hours", 1, "part_of_day"), "day": ("days", 1, "day"),
    "week": ("weeks", 1, "week"), "fortnight": ("weeks", 2, "week"), "month": ("months", 1, "month"),
    "year": ("years", 1, "year"), "decade": ("years", 10, "year"),
}  # fmt: skip


@dataclass(frozen=True)
class _Context:
    text: str
    anchor: dt.date
    grammar: Grammar

    def when(self, groups: dict[str, Any], start: int, end: int) -> str:
        """last, next, this (said by a modifier), else future or past from the wording around."""
        return _direction(groups, self.grammar) or self.tense(start, end)

    def tense(self, start: int, end: int) -> str:
        """future when future wording comes before the date in its sentence, after any reporting verb,
        or, for a date that opens its sentence, within the few words that follow it."""
        stops = self.stops
        cut = max(start - _LOOKBACK, _before(stops, start + 1, 0))
        if patterns.OPENING.fullmatch(
            self.text, cut, start
        ):  # "On Friday, talks will ..."; not "..., he said it will"
            head = patterns.HEAD.match(self.text, end)
            limit = min(head.end() if head else end, _after(stops, end, len(self.text)))
            future = _after(self.futures, end, limit)
            return "future" if future < limit and future < _after(self.reports, end, limit) else "past"
        future = _before(self.futures, start, -1)
        return "future" if future >= cut and future > _before(self.reports, start, -1) else "past"

    @cached_property
    def stops(self) -> list[int]:
        """Where sentences start."""
        return [found.end() for found in patterns.BOUNDARY.finditer(self.text)]

    @cached_property
    def futures(self) -> list[int]:
        """Where future wording starts."""
        return [found.start() for found in self.grammar.future.finditer(self.text)]

    @cached_property
    def reports(self) -> list[int]:
        """Where reporting verbs start."""
        return [found.start() for found in self.grammar.reporting.finditer(self.text)]


def _before(positions: list[int], limit: int, default: int) -> int:
    """The last position below ``limit``."""
    index = bisect.bisect_left(positions, limit)
    return positions[index - 1] if index else default


def _after(positions: list[int], low: int, default: int) -> int:
    """The first position at or above ``low``."""
    index = bisect.bisect_left(positions, low)
    return positions[index] if index < len(positions) else default


Span = tuple[int, int, _Value]
Handler = Callable[[dict[str, Any], int, int, "_Context"], "_Value | None"]


def find_dates(
    text: str, anchor: dt.date | None, language: str | None = "en", hints: Sequence[tuple[int, int]] = ()
) -> list[DateMention]:
    """Every date expression of ``text``, resolved against ``anchor``, sorted and non-overlapping.

    ``hints`` are (start, end) spans a NER model labelled DATE/TIME; those the patterns missed are
    resolved with dateparser.  Relative expressions get no value when ``anchor`` is None.
    """
    context = _Context(text, anchor or _STAND_IN, grammar_for(language))
    spans = _with_times(_longest_first(_candidates(context)), context)
    mentions = [_mention(text, span, anchored=anchor is not None) for span in spans]
    if hints:
        taken = [(start, end) for start, end, _ in spans]
        mentions.extend(_hint_mentions(text, hints, taken, anchor, language))
        mentions.sort(key=lambda mention: mention.start)
    return mentions


def _candidates(context: _Context) -> list[Span]:
    text, found = context.text, []
    backwards = text[::-1]
    for rule in context.grammar.rules:
        handler = _HANDLERS[rule.kind]
        for match in rule.core.finditer(text):
            start = match.start()
            if start and text[start - 1].isalnum():
                continue
            groups: dict[str, Any] = match.groupdict()
            if rule.prefix is not None:
                start = _with_prefix(rule.prefix.find(backwards, start), groups, start)
            value = handler(groups, start, match.end(), context) if start >= 0 else None
            if value is not None:
                found.append((start, match.end(), value))
    return found


def _with_prefix(prefix: dict[str, tuple[str, int]], groups: dict[str, Any], start: int) -> int:
    """Adds the prefix words to ``groups``; the new span start, or -1 when a veto word came first."""
    if "not" in prefix:
        return -1
    for name, (words, position) in prefix.items():
        groups[name] = words
        if name != "prep":
            start = min(start, position)
    return start


def _longest_first(candidates: list[Span]) -> list[Span]:
    """Keeps the longest of overlapping spans (the earliest on ties), in text order."""
    kept: list[Span] = []  # sorted by start, never overlapping
    for span in sorted(candidates, key=lambda s: (s[0] - s[1], s[0])):
        index = bisect.bisect_left(kept, span[0], key=lambda s: s[0])
        if (index == 0 or kept[index - 1][1] <= span[0]) and (
            index == len(kept) or span[1] <= kept[index][0]
        ):
            kept.insert(index, span)
    return kept


def _with_times(spans: list[Span], context: _Context) -> list[Span]:
    """Stretches day spans over an adjacent clock time ("Saturday at 7:40 p.m."): part of day."""
    out: list[Span] = []
    for index, span in enumerate(spans):
        limit = spans[index + 1][0] if index + 1 < len(spans) else len(context.text)
        out.append(_with_time(span, out[-1][1] if out else 0, limit, context))
    return out


def _with_time(span: Span, floor: int, limit: int, context: _Context) -> Span:
    start, end, value = span
    grammar, text = context.grammar, context.text
    if value.granularity not in DAY_GRAINS or value.end is not None:
        return span
    after = grammar.time_after.match(text, end, limit) if grammar.time_after else None
    reach = max(floor, start - _TIME_REACH)
    before = grammar.time_before.search(text, reach, start) if grammar.time_before else None
    if not (after or before):
        return span
    start, end = before.start() if before else start, after.end() if after else end
    return start, end, value._replace(granularity="part_of_day")


def _mention(text: str, span: Span, anchored: bool) -> DateMention:
    start, end, value = span
    if value.relative and not anchored:
        return DateMention(start, end, text[start:end], None, None, value.granularity, True, False)
    last = value.end.isoformat() if value.end else None
    first = value.start.isoformat()
    return DateMention(start, end, text[start:end], first, last, value.granularity, value.relative)


# --- handlers: one per pattern kind ------------------------------------------------------------


def _date(groups: dict[str, Any], start: int, end: int, context: _Context) -> _Value | None:
    """28 April, April 28, 2019, 2019-03-23, 3/23/2019, el 28 de abril, le 3 octobre dernier."""
    month = _month_number(groups, context.grammar)
    day, year = _number(groups["day"]), _year(groups.get("year"))
    if month is None or day is None:
        return None
    if month > 12 and day <= 12 and groups.get("mnum"):  # 23/3/2019 in an English text
        month, day = day, month
    if year is not None:
        first = _safe_date(year, month, day)
    else:
        first = _nearest_day(context.anchor, month, day, context.when(groups, start, end))
    if first is None:
        return None
    if not groups.get("day2"):
        return _Value(first, None, "day", year is None)
    last = _safe_date(first.year, month, _number(groups["day2"]) or 0)
    return _Value(first, last, "range", year is None) if last and last > first else None


def _nth(groups: dict[str, Any], start: int, end: int, context: _Context) -> _Value | None:
    """The day of "the 23rd" in the anchor's month, or in a neighbouring month."""
    day, anchor = int(groups["day"]), context.anchor
    when = context.when(groups, start, end)
    step = 1 if when in ("future", "next", "this") else -1
    year, month = anchor.year, anchor.month
    for _ in range(3):
        candidate = _safe_date(year, month, day)
        if candidate and _fits(candidate, anchor, when):
            return _Value(candidate, None, "day", True)
        year, month = _add_months(year, month, step)
    return None


def _month(groups: dict[str, Any], start: int, end: int, context: _Context) -> _Value | None:
    """In January, last December, mid-March, March 2015, en enero, en janvier dernier."""
    month = context.grammar.months.get(norm(groups["month"]))
    year = _year(groups.get("year"))
    if month is None or (year is None and not _month_in_context(groups, end, context)):
        return None
    if year is None:
        year = _month_year(context.anchor, month, context.when(groups, start, end))
    first, last = _month_range(year, month)
    return _Value(first, last, "month", groups.get("year") is None)


def _month_in_context(groups: dict[str, Any], end: int, context: _Context) -> bool:
    """Whether a month name without day or year is a month: "in May", not "Theresa May" or "may"."""
    if groups.get("pre") or groups.get("post") or groups.get("edge"):
        return True
    grammar, prep = context.grammar, norm(groups.get("prep") or "")
    if norm(groups["month"]) in grammar.ambiguous_months:
        return prep in grammar.strong_preps and not patterns.POSSESSIVE.match(context.text, end)
    return bool(prep) or not patterns.NAME_AFTER.match(context.text, end)


def _year_span(groups: dict[str, Any], start: int, end: int, context: _Context) -> _Value | None:
    """in 2014, since 2010, mid-2019 (a bare number is not taken for a year)."""
    if not (groups.get("prep") or groups.get("edge")):
        return None
    return _calendar_unit(dt.date(int(groups["year"]), 1, 1), "year", 0, relative=False)


def _years(groups: dict[str, Any], start: int, end: int, context: _Context) -> _Value | None:
    """between 2010 and 2014, from 2010 to 2014, in 2018 and 2019."""
    if not groups.get("prep"):
        return None
    first, last = int(groups["year"]), int(groups["year2"])
    return _Value(dt.date(first, 1, 1), dt.date(last, 12, 31), "range") if last > first else None


def _decade(groups: dict[str, Any], start: int, end: int, context: _Context) -> _Value | None:
    first = int(groups["decade"])
    return _Value(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "range")


def _weekday(groups: dict[str, Any], start: int, end: int, context: _Context) -> _Value | None:
    """on Saturday, last Friday, Sunday night, early on Monday, Monday last week, el sábado, samedi soir."""
    grammar, anchor = context.grammar, context.anchor
    weekday = grammar.weekdays.get(norm(groups["wd"]))
    if weekday is None:
        return None
    if groups.get("wk"):
        shift = {"last": -1, "next": 1}.get(grammar.directions.get(norm(groups["wk"]), ""), 0)
        day = anchor - dt.timedelta(anchor.weekday() - weekday - 7 * shift)
    else:
        day = _weekday_date(anchor, weekday, context.when(groups, start, end))
    part_of_day = groups.get("pod") or groups.get("podpre")
    return _Value(day, None, "part_of_day" if part_of_day else "day", True)


def _relative(groups: dict[str, Any], start: int, end: int, context: _Context) -> _Value | None:
    """today, last night, overnight, earlier this week, last month, the weekend, ayer, hier soir."""
    spec = context.grammar.relative.get(norm(groups["rel"]))
    if spec is None:
        return None
    unit, offset = spec
    anchor = context.anchor
    if unit in ("day", "pod"):
        return _Value(anchor + dt.timedelta(offset), None, "day" if unit == "day" else "part_of_day", True)
    if unit == "weekend":
        return _weekend(anchor, offset, offset == 0 and context.tense(start, end) == "future")
    if unit.startswith("span_"):
        return _Value(_shift(anchor, unit[5:], -offset), anchor, "range", True)
    return _calendar_unit(anchor, unit, offset)


def _ago(groups: dict[str, Any], start: int, end: int, context: _Context) -> _Value | None:
    """three months ago, a week ago, 10 days earlier, two days later, hace tres días, il y a deux ans."""
    grammar = context.grammar
    count = grammar.numbers.get(norm(groups.get("num") or "")) or _number(groups.get("num"))
    step = _UNIT_STEPS.get(grammar.units.get(norm(groups["unit"]), ""))
    sign = grammar.shifts.get(norm(groups["dir"]))
    if count is None or step is None or sign is None:
        return None
    unit, size, granularity = step
    if unit == "hours":  # whole days only: "36 hours ago" is the day before
        return _Value(context.anchor + dt.timedelta(sign * (count // 24)), None, granularity, True)
    return _Value(_shift(context.anchor, unit, sign * count * size), None, granularity, True)


_HANDLERS: dict[str, Handler] = {
    "date": _date, "nth": _nth, "month": _month, "year": _year_span, "years": _years, "decade": _decade,
    "weekday": _weekday, "rel": _relative, "ago": _ago,
}  # fmt: skip


# --- hints: spans a NER model found, resolved with dateparser ----------------------------------

_BARE_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_PERIOD_GRANULARITY = {"time": "part_of_day", "day": "day", "week": "week", "month": "month", "year": "year"}


def _hint_mentions(
    text: str,
    hints: Sequence[tuple[int, int]],
    taken: list[tuple[int, int]],
    anchor: dt.date | None,
    language: str | None,
) -> list[DateMention]:
    """Mentions for the hint spans that overlap no span found already and can be resolved."""
    out: list[DateMention] = []
    for raw_start, raw_end in hints:
        start, end = _trim_hint(text, max(0, raw_start), min(len(text), raw_end))
        overlaps = any(start < other_end and other_start < end for other_start, other_end in taken)
        if end <= start or overlaps or patterns.NOT_A_DATE.search(text[start:end]):
            continue
        mention = _hint_mention(text, start, end, anchor, language)
        if mention is not None:
            out.append(mention)
            taken.append((start, end))
    return out


def _trim_hint(text: str, start: int, end: int) -> tuple[int, int]:
    """Drops leading prepositions and articles and surrounding punctuation from a hint span."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    lead = patterns.HINT_TRIM.match(text, start, end)
    return (lead.end() if lead else start), end


def _hint_mention(
    text: str, start: int, end: int, anchor: dt.date | None, language: str | None
) -> DateMention | None:
    """Resolves a hint; it is relative when another base date gives another answer."""
    span = text[start:end]
    if _BARE_YEAR.fullmatch(span):  # "the 2016 election": NER's most common catch, no dateparser needed
        return _mention(text, (start, end, _calendar_unit(dt.date(int(span), 1, 1), "year", 0, False)), True)
    if (language or "en").lower().startswith("en") and not patterns.EN_DATE_WORD.search(span):
        return None
    base = anchor or _STAND_IN
    parsed = _dateparse(span, base, language)
    if parsed is None:
        return None
    other = _dateparse(span, base + dt.timedelta(days=400), language)
    relative = other is None or other[0] != parsed[0]
    value = _period_value(*parsed, relative=relative)
    return _mention(text, (start, end, value), anchored=anchor is not None)


def _period_value(day: dt.date, period: str, relative: bool) -> _Value:
    granularity = _PERIOD_GRANULARITY.get(period, "day")
    if granularity in ("week", "month", "year"):
        return _calendar_unit(day, granularity, 0, relative)
    return _Value(day, None, granularity, relative)


def _dateparse(span: str, base: dt.date, language: str | None) -> tuple[dt.date, str] | None:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_MONTH_OF_YEAR": "first",
        "RETURN_TIME_AS_PERIOD": True,
    }
    languages = [language.lower().replace("_", "-").split("-")[0]] if language else None
    try:
        data = DateDataParser(languages=languages, settings=settings).get_date_data(span)
    except Exception as error:  # an unknown language code or a dateparser bug must not stop reading
        log.debug("dateparser failed on %r (%s): %s", span, language, error)
        return None
    if data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period or "day")
