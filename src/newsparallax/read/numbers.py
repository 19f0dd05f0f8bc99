"""Numbers in plain text, before anyone asks what they count.

:func:`scan_numbers` finds

* digits with the separators of the language: "1,200" and "3.5" in English; "1.200" and "3,5" in
  Spanish, French and other continental languages (Spanish also reads "1,200" as thousands and "3.5" as
  a decimal: a dot or comma followed by exactly three digits groups thousands); French "3 000";
* multipliers and currency symbols: "2.5 million", "$14 million", "US$14M", "£3bn", "14m people";
* number words: "ninety-nine", "a hundred", "one hundred and twenty", "veintitrés", "quatre-vingt-dix";
* vague magnitudes: "dozens" (low 24), "hundreds", "tens of thousands", "a handful", "une centaine"
  (about 100), "decenas";
* ranges: "20-30", "two or three", "between 1 and 2 million" (value = the lower end);

and drops what is not a quantity: years ("in 2019", "2014-15"), dates ("28 April", "March 23"), times
("7:40 p.m."), ages ("20-year-old", "aged 33", "Smith, 33,"), phone numbers, model designations ("Tu-160",
"AK-47", "Boeing 737"), addresses ("2400 block of", "123 Main St"), ordinals ("21st", "1er") and page,
section or flight numbers.  Digits and words are found by two regular expressions compiled once per
language (:mod:`newsparallax.read.number_patterns`): digits by a pattern that starts with ``\\d`` and
words by a prefix tree anchored on the character before a word, both of which let the regex engine skip
most of the text without trying a match.  Number words are matched in lower case or with a capital first
letter.  ``None`` reads as English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsparallax.read.number_patterns import (
    _ATT_SCALE,
    _ATT_UNIT,
    _CUR_BEFORE,
    _CURRENCY,
    _CURRENCY_END,
    _Language,
    _language,
    _set,
    _Words,
    language_code,
    trie,
)


@dataclass
class Number:
    """One number in the text: where it is, its value, and what the number itself says about bounds."""

    start: int  # first character, currency symbol included
    end: int  # after the number, its multiplier and the second number of a range
    value: float
    kind: str = "digits"  # digits, words, vague, range
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    hedge: str | None = None  # "between" for a range, "about" for "une centaine de"
    currency: str | None = None  # from a symbol or code before the digits: "$14" → USD
    unit: str | None = None  # from letters glued to the digits: "5km" → km
    scale: float = 1.0  # multiplier applied to the digits or words (million → 1e6)
    year_like: bool = False  # four plain digits between 1800 and 2100


_GUARD = frozenset(".,:/#№+-–—_")
_PLURAL_NEXT = re.compile(r"\s+(?:[a-z]+-)?[a-z]{2,}[^s\W]?s\b|\s+(?:people|children|men|women)\b")
_BETWEEN = re.compile(r"(?<!\w)(?:between|entre)\s+$", re.IGNORECASE)
_FROM = re.compile(r"(?<!\w)from\s+$", re.IGNORECASE)
_WORD_TOKEN = re.compile(r"quatre-vingts?|[^\W\d_]+", re.IGNORECASE)
_SKIP_TOKENS = frozenset({"a", "an", "and", "y", "et"})
_LONELY = frozenset({"un", "una", "uno", "une"})


# --- reading one match --------------------------------------------------------------------------


def parse_digits(raw: str, style: str = "en") -> float:
    """Value of a digit string in a language's style ("en", "es", "eu")."""
    raw = raw.replace(" ", "")
    if "," in raw and "." in raw:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
    elif "," in raw or "." in raw:
        separator = "," if "," in raw else "."
        decimal = separator if _is_decimal(raw, separator, style) else ""
    else:
        decimal = ""
    if not decimal:
        return float(raw.replace(",", "").replace(".", ""))
    whole, _, fraction = raw.rpartition(decimal)
    return float(whole.replace(",", "").replace(".", "") + "." + fraction)


def _is_decimal(raw: str, separator: str, style: str) -> bool:
    groups = raw.split(separator)
    if len(groups) > 2:
        return False
    if style == "en":
        return separator == "."
    three = len(groups[1]) == 3
    if style == "es":
        return not three
    return separator == "," or not three


def _words_value(phrase: str, words: _Words, french: bool) -> tuple[float, int, float] | None:
    """Value of a run of number words, the length of the part that reads as one number, its scale."""
    total = current = 0.0
    used, count, scale, first = 0, 0, 1.0, ""
    for token in _WORD_TOKEN.finditer(phrase):
        word = token.group().lower()
        if word in _SKIP_TOKENS:
            continue
        value, kind = words[word]
        if kind == "add":
            if current and not _fits(current, value, french):
                break
            current += value
        elif kind == "mul":
            current = (current or 1) * value
        else:
            scale = max(scale, value)
            total = (
                ((total + current) or 1) * value
                if value > total + current
                else total + (current or 1) * value
            )
            current = 0.0
        used, count, first = token.end(), count + 1, first or word
    if count == 0 or (count == 1 and first in _LONELY):
        return None
    return total + current, used, scale


def _fits(current: float, value: float, french: bool) -> bool:
    """May ``value`` be added to ``current``: twenty + two yes, two + three no, soixante + dix yes."""
    place = 10 ** len(str(int(value)))
    return current % place == 0 or (french and current % 100 in (60, 80) and 10 <= value <= 19)


def _read(match: re.Match[str], text: str, lang: _Language, glued: bool = False) -> Number | None:
    """The number of one match of ``lang.words`` or ``lang.digits`` (``glued``: of ``lang.second``)."""
    if match.re is lang.digits:
        return _digits(match, text, lang, glued)
    kind = match.lastgroup
    if kind == "vague":
        value, low, high, hedge = lang.vague[" ".join(match.group("vague").lower().split())]
        start, end = match.span("vague")
        return Number(start, end, value, "vague", low, high, True, hedge, scale=value)
    if kind == "words":
        read = _words_value(match.group("words"), lang.table, lang.code == "fr")
        if read is None:
            return None
        start = match.start("words")
        return Number(start, start + read[1], read[0], "words", scale=read[2])
    return _digits(match, text, lang, glued)


def _digits(match: re.Match[str], text: str, lang: _Language, glued: bool) -> Number | None:
    start, raw = match.start("num"), match.group("num")
    if not glued and start > 0 and (text[start - 1] in _GUARD or text[start - 1].isalnum()):
        return None  # "Tu-160", "MH17", "2014-15", "3.5.1"
    cur = match.group("cur") if glued else _currency_before(text, start)
    begin = match.start() if glued else start - len(cur or "")
    number = Number(begin, match.end("num"), parse_digits(raw, lang.style))
    number.currency = _CURRENCY.get(cur.strip()) if cur else None
    number.year_like = not cur and raw.isdigit() and len(raw) == 4 and 1800 <= number.value <= 2100
    att = match.group("att")
    if att:
        return number if _glued(number, att, match.end(), text, lang) else None
    tail = lang.scale_tail.match(text, number.end) if lang.scale_tail else None
    if tail:
        _rescale(number, lang.scales[" ".join(tail.group("s").lower().split())], tail.end())
    return number


def _currency_before(text: str, start: int) -> str | None:
    if start == 0 or text[start - 1] not in _CURRENCY_END:
        return None
    found = _CUR_BEFORE.search(text, max(0, start - 4), start)
    return found.group() if found else None


def _rescale(number: Number, scale: float, end: int) -> None:
    number.value *= scale
    number.scale *= scale
    number.end = end
    number.year_like = False


def _glued(number: Number, att: str, end: int, text: str, lang: _Language) -> bool:
    """Letters glued to digits: a multiplier ("14m", "3bn"), a unit ("5km"); anything else rejects."""
    if end < len(text) and text[end].isdigit():
        return False  # 19h30, 3x4
    scale = _ATT_SCALE.get(att) or lang.scales.get(att.lower())
    if att == "m" and (number.currency or _PLURAL_NEXT.match(text, end)):
        scale = 1e6
    elif att in ("b", "B") and number.currency:
        scale = 1e9
    if scale:
        _rescale(number, scale, end)
        return True
    unit = _ATT_UNIT.get(att)
    if unit and not (unit == "hour" and lang.code == "fr"):
        number.unit, number.end, number.year_like = unit, end, False
        return True
    return False


def _with_range(number: Number, text: str, lang: _Language) -> Number | None:
    """ "20-30", "two or three", "between 1 and 2 million"; None for "2014-15" and scores ("3-1")."""
    join = lang.range_join.match(text, number.end)
    if join is None or number.kind == "vague":
        return number
    window = max(0, number.start - 12)
    between = _BETWEEN.search(text, window, number.start)
    if (join.group("and") and not between) or _FROM.search(text, window, number.start):
        return number
    second_match = lang.second.match(text, join.end())
    second = _read(second_match, text, lang, glued=True) if second_match else None
    if second is None or second.kind == "vague":
        return number
    dash = join.group().strip() in "-–—"
    if number.year_like and (dash or second.year_like):
        return None  # 2014-15, 2014-2015, 1990 to 2000
    joined = _joined(number, second)
    return joined if joined else (None if dash else number)


def _joined(first: Number, second: Number) -> Number | None:
    low = first.value
    if first.scale == 1 and second.scale > 1 and low < second.value / second.scale:
        low *= second.scale
    if second.value <= low:
        return None
    currency, unit = first.currency or second.currency, second.unit or first.unit
    return Number(first.start, second.end, low, "range", low, second.value, True, "between", currency, unit)


# --- what is not a quantity ---------------------------------------------------------------------

_MONTHS_EN = "January February March April May June July August September October November December"
_MONTHS_EN_SHORT = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
_MONTHS_ROMANCE = """enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre
    diciembre janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre
    décembre"""
_MONTHS = _set(f"{_MONTHS_EN} {_MONTHS_EN_SHORT} {_MONTHS_ROMANCE}")
_DAYS = _set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
#: The kinds of street an address names ("123 Main St", "Elm Avenue"), as a regex alternation.
STREET_TYPES = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace|Square|Sq|"
    "Parkway|Pkwy|Highway|Hwy|Circle|Pike"
)
_AFTER = re.compile(  # what follows the number, when it says the number is not a quantity
    r"(?P<time>:\d\d(?!\d)|/\d|\s*(?:[ap]\.\s?m\.|[aApP][mM]\b|o['’]clock\b|GMT\b|UTC\b|h\s?\d\d\b))"
    r"|(?P<age>(?:\s+|-)(?:[yY]ears?|yrs?)(?:\s+|-)olds?\b|\s+años\s+de\s+edad\b)"
    rf"|(?P<address>\s+block\s+of\b|(?:\s+[A-Z][a-z]+\.?){{1,3}}\s+(?:{STREET_TYPES})\b)"
    rf"|(?P<date>\s+(?:of\s+)?(?:{trie(f'{_MONTHS_EN} {_MONTHS_EN_SHORT}'.split(), False)})\b"
    rf"|\s+(?:de\s+)?(?i:{trie(_MONTHS_ROMANCE.split(), False)})\b)"
    r"|(?P<years>\s+(?:años|ans)\b)"
    r"|(?P<phone>\)\s?\d{3,4}[-. ]\d{4}|[-.]\d{3,4}[-.]\d{4}\b|\s\d{2,4}\s\d{4}\b)"
)
_WORD_AFTER_BAD = re.compile(
    r"-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|off|time|way|sided|on|fold)\b"
    r"|[\s-](?:thirds?|quarters?|halves|half|fifths?|tenths?|tiers|tercios?)\b",
    re.IGNORECASE,
)
_PHONE_PREV = re.compile(r"\+\d{1,3}|\(\d{2,4}\)|\d{2,4}")
_DESIGNATORS = _set(
    """page pages p pp section sec chapter article art paragraph para clause resolution no nos nº n° n.º
    num number vol volume issue item room gate platform flight route highway interstate channel episode
    season level phase stage category grade tier type class series version model terminal precinct
    district ward exit apt apartment suite lot row seat box code line bus pier runway # № página artículo
    capítulo número núm vuelo calle carrera avenida ruta autopista piso sala fase nivel categoría ley
    decreto resolución inciso párrafo tomo línea chapitre numéro étage salle niveau catégorie loi décret
    ligne autoroute"""
)
_YEAR_PREV = _set(
    """in since by until till from of during before after early late mid the year fiscal between through
    circa and or to a en de del desde hasta año el depuis année au dès"""
)
_YEAR_NOUN = re.compile(r"\s+(?:[^\W\d_][\w-]*\s+)?(?P<w>[a-zà-ÿ]{3,}s)\b|\s*(?:km|kg|t|%)(?!\w)")
_NOT_PLURAL = _set("was has does says goes this thus plus less unless across always perhaps its his")
_AGE_PREV = _set("aged age ages")
_AGE_DE = _set("âgé âgée âgés âgées edad")
_PERSON_AGE = _set(
    """hombre mujer joven niño niña menor anciano anciana chico chica muchacho muchacha individuo sujeto
    homme femme jeune garçon fille enfant adolescent adolescente"""
)
_SPACE_DIGITS = frozenset(f" {digit}" for digit in "0123456789")
_NOT_ONE = _set("no any every some the this that which each anyone someone everyone")
_CAPWORD = re.compile(r"[a-z]?[A-ZÀ-Ý][A-Za-zÀ-ÿ&\-]*")  # "Boeing", "S&P", "iPhone"
_BOUNDARY = frozenset(".!?:\"“”'‘’(\n—–-«»¿¡")


def _prev_token(text: str, pos: int) -> tuple[str, int]:
    """The whitespace-delimited token before ``pos`` on the same line, and where it starts."""
    end = pos
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end], start


def _sentence_start(text: str, pos: int) -> bool:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or text[pos - 1] in _BOUNDARY


def _not_quantity(text: str, number: Number) -> bool:
    """Years, dates, times, ages, addresses, phone numbers, designations; fractions and "no one" in words."""
    after = _AFTER.match(text, number.end)
    what = after.lastgroup if after else None
    plain = number.value.is_integer() and number.scale == 1 and not number.currency and number.value <= 130
    if what == "age" and plain:
        return True
    prev, prev_start = _prev_token(text, number.start)
    if number.kind == "words":
        return (
            bool(_WORD_AFTER_BAD.match(text, number.end))
            or (number.value == 1 and prev.lower() in _NOT_ONE)
            or _named_age(text, number, prev)
        )
    if what in ("time", "address", "phone") or (what == "date" and plain and number.value <= 31):
        return True
    if plain and _age(text, number, prev, prev_start, what == "years"):
        return True
    return _designation(text, prev, prev_start) or _year(text, number, prev) or _phone(text, number, prev)


def _age(text: str, number: Number, prev: str, prev_start: int, years: bool) -> bool:
    """ "aged 33", "âgé de 45 ans", "un hombre de 33 años", "Smith, 33,", "Smith (33)"."""
    low = prev.lower()
    if low in _AGE_PREV:
        return True
    if low == "de":
        before = _prev_token(text, prev_start)[0].lower()
        return before in _AGE_DE or (before in _PERSON_AGE and years)
    end = number.end
    if prev.endswith(",") and prev[:-1].isalpha():
        return text.startswith(",", end) or text.startswith(" of ", end)
    return prev == "(" and text.startswith(")", end)


def _named_age(text: str, number: Number, prev: str) -> bool:
    """ "Miranda Doerr, three, was shot": a number word set off by commas after a name is an age."""
    name = prev[:-1]
    return prev.endswith(",") and name.isalpha() and name[:1].isupper() and text.startswith(",", number.end)


def _designation(text: str, prev: str, prev_start: int) -> bool:
    """ "Flight 370", "page 4", "Boeing 737", "Fortune 500": a name or label followed by a number."""
    if prev.lower().rstrip(".:") in _DESIGNATORS or prev.rstrip(".") in _MONTHS:
        return True  # a month before: "March 23", "March 2019"
    if not _CAPWORD.fullmatch(prev) or prev in _DAYS:
        return False
    return not _sentence_start(text, prev_start)


def _year(text: str, number: Number, prev: str) -> bool:
    """A bare 1800-2100 is a year unless a plural noun or unit follows ("2000 troops")."""
    if not number.year_like or number.kind != "digits":
        return False
    if prev.lower().rstrip(",") in _YEAR_PREV:
        return True
    noun = _YEAR_NOUN.match(text, number.end)
    return noun is None or noun.group("w") in _NOT_PLURAL


def _phone(text: str, number: Number, prev: str) -> bool:
    """ "+44 20 7946 0958", "(212) 555-1234": digits after a dialling code or in a run of digit groups."""
    if text[number.start] == "0" and text[number.start + 1 : number.start + 2].isdigit():
        return True  # "0958", "007": a leading zero is a code, not a count
    if _PHONE_PREV.fullmatch(prev) is None:
        return False
    return not prev.isdigit() or text[number.end : number.end + 2] in _SPACE_DIGITS


def _matches(text: str, lang: _Language) -> list[re.Match[str]]:
    """Digit and word matches, in order of where their number starts."""
    found = list(lang.digits.finditer(text))
    if lang.words is not None:
        first = lang.second.match(text)
        found += [first] if first and (first.group("vague") or first.group("words")) else []
        found += lang.words.finditer(text)
        found.sort(key=lambda m: m.start(m.lastindex or 0) if m.re is lang.words else m.start())
    return found


def scan_numbers(text: str, language: str | None = "en") -> Iterator[Number]:
    """The numbers in ``text`` that may be quantities, in order, not overlapping."""
    lang = _language(language_code(language))
    last = 0
    for match in _matches(text, lang):
        number = _read(match, text, lang)
        if number is None or number.start < last:
            continue
        ranged = _with_range(number, text, lang) if number.kind != "vague" else number
        if ranged is None or (ranged.kind != "vague" and _not_quantity(text, ranged)):
            continue
        last = ranged.end
        yield ranged
