"""Word tables and compiled patterns for :mod:`newsparallax.read.numbers`, one set per language.

Number words with their values ("twenty" 20, "hundred" a multiplier, "million" a scale), vague
magnitudes with their bounds ("dozens" at least 24, "une centaine" about 100), multipliers after
digits ("bn", "millones"), digit styles (English "1,200.5", Spanish, continental "1.200,5" and
"1 200"), currency symbols and codes, and the letters that may be glued to digits ("14m", "5km").
:func:`trie` turns a word list into a prefix-factored alternation; a language's patterns compile on
first use.  ``None`` reads as English (:func:`language_code`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_Words = dict[str, tuple[float, str]]  # word → (value, add | mul | big)
_Vague = dict[str, tuple[float, float | None, float | None, str | None]]  # → value, low, high, hedge


def _numbered(words: str, first: float = 0.0, step: float = 1.0, kind: str = "add") -> _Words:
    return {word: (first + index * step, kind) for index, word in enumerate(words.split())}


def _unaccented(table: _Words) -> _Words:
    plain = str.maketrans("áéíóú", "aeiou")
    return {**{word.translate(plain): value for word, value in table.items()}, **table}


def _floats(spec: str) -> dict[str, float]:
    """``"bn=1e9 mn=1e6"`` → {"bn": 1e9, "mn": 1e6}; an underscore stands for a space."""
    return {key.replace("_", " "): float(value) for key, value in (p.split("=") for p in spec.split())}


def _pairs(spec: str) -> dict[str, str]:
    """``"km=km lbs=lb"`` → {"km": "km", "lbs": "lb"}."""
    return dict(pair.split("=", 1) for pair in spec.split())


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_VAGUE_ENTRY = re.compile(r"(?P<v>[\d.e]+)(?:>(?P<lo>[\d.e]+))?(?:<(?P<hi>[\d.e]+))?(?P<about>~)?")


def _vague(spec: str) -> _Vague:
    """``"dozens=24>24; a handful=3>2<5; une centaine=100~"``: value, >low, <high, ~ for "about"."""
    table: _Vague = {}
    for entry in spec.split(";"):
        phrase, _, rest = entry.partition("=")
        found = _VAGUE_ENTRY.fullmatch(rest.strip())
        assert found is not None, entry
        low, high = (float(found[k]) if found[k] else None for k in ("lo", "hi"))
        table[phrase.strip()] = (float(found["v"]), low, high, "about" if found["about"] else None)
    return table


_EN_WORDS: _Words = {
    **_numbered("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"),
    **_numbered("fifteen sixteen seventeen eighteen nineteen twenty", 15),
    **_numbered("thirty forty fifty sixty seventy eighty ninety", 30, 10),
    **_numbered("hundred", 100, kind="mul"),
    **_numbered("dozen", 12, kind="mul"),
    **{
        word: (value, "big")
        for word, value in _floats("thousand=1e3 million=1e6 billion=1e9 trillion=1e12").items()
    },
}
_EN_WORDS.update({f"a {word}": value for word, value in _EN_WORDS.items() if value[1] != "add"})
_ES_WORDS: _Words = _unaccented(
    {
        **_numbered("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce"),
        **_numbered("quince dieciséis diecisiete dieciocho diecinueve veinte", 15),
        **_numbered("un una", 1, 0),
        **_numbered("veintiún veintiuna", 21, 0),
        **_numbered("veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete", 21),
        **_numbered("veintiocho veintinueve", 28),
        **_numbered("treinta cuarenta cincuenta sesenta setenta ochenta noventa", 30, 10),
        **_numbered("cien ciento", 100, 0),
        **_numbered("doscientos trescientos cuatrocientos quinientos seiscientos setecientos", 200, 100),
        **_numbered("doscientas trescientas cuatrocientas quinientas seiscientas setecientas", 200, 100),
        **_numbered("ochocientos novecientos", 800, 100),
        **_numbered("ochocientas novecientas", 800, 100),
        **_numbered("docena", 12, kind="mul"),
        **_numbered("mil", 1e3, kind="big"),
        **_numbered("millón millones", 1e6, 0, "big"),
    }
)
_FR_WORDS: _Words = _unaccented(
    {
        **_numbered("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze"),
        **_numbered("quinze seize", 15),
        **_numbered("une", 1),
        **_numbered("vingt trente quarante cinquante soixante", 20, 10),
        **_numbered("quatre-vingt quatre-vingts", 80, 0),
        **_numbered("cent cents", 100, 0, "mul"),
        **_numbered("mille", 1e3, kind="big"),
        **_numbered("million millions", 1e6, 0, "big"),
        **_numbered("milliard milliards", 1e9, 0, "big"),
    }
)
_EN_VAGUE = _vague(
    "tens=20>20; hundreds=200>200; thousands=2e3>2e3; tens of thousands=2e4>2e4; millions=2e6>2e6;"
    "hundreds of thousands=2e5>2e5; tens of millions=2e7>2e7; hundreds of millions=2e8>2e8; dozens=24>24;"
    "billions=2e9>2e9;"
    "scores of=40>40; a handful=3>2<5; a couple of=2>2<3; several dozen=36>24; a few dozen=36>24;"
    "several hundred=300>200; a few hundred=300>200; several thousand=3e3>2e3; a few thousand=3e3>2e3"
)
_ES_VAGUE = _vague(
    "decenas=20>20; docenas=24>24; cientos=200>200; centenares=200>200; miles=2e3>2e3; millares=2e3>2e3;"
    "decenas de miles=2e4>2e4; cientos de miles=2e5>2e5; millones=2e6>2e6; miles de millones=2e9>2e9;"
    "un puñado=3>2<5; un par de=2>2<3; varias decenas=30>20; varios cientos=300>200; varios miles=3e3>2e3;"
    "una decena=10~; una veintena=20~; una treintena=30~; un centenar=100~; un millar=1e3~"
)
_FR_VAGUE = _vague(
    "dizaines=20>20; douzaines=24>24; centaines=200>200; milliers=2e3>2e3; dizaines de milliers=2e4>2e4;"
    "centaines de milliers=2e5>2e5; millions=2e6>2e6; une poignée=3>2<5; quelques dizaines=30>20;"
    "quelques centaines=300>200; quelques milliers=3e3>2e3; plusieurs dizaines=30>20;"
    "plusieurs centaines=300>200; plusieurs milliers=3e3>2e3; une dizaine=10~; une douzaine=12~;"
    "une quinzaine=15~; une vingtaine=20~; une trentaine=30~; une quarantaine=40~; une cinquantaine=50~;"
    "une soixantaine=60~; une centaine=100~; un millier=1e3~"
)
_SCALES = {
    "en": _floats("hundred=1e2 thousand=1e3 million=1e6 billion=1e9 trillion=1e12 bn=1e9 mn=1e6 mln=1e6"),
    "es": _floats("mil=1e3 millón=1e6 millon=1e6 millones=1e6 mil_millones=1e9 billón=1e12 billones=1e12"),
    "fr": _floats("mille=1e3 million=1e6 millions=1e6 milliard=1e9 milliards=1e9"),
    "de": _floats("tausend=1e3 million=1e6 millionen=1e6 mio=1e6 milliarde=1e9 milliarden=1e9 mrd=1e9"),
}
_CONNECT = {
    "en": r"(?:\s+|-|(?:(?<=undred)|(?<=housand)|(?<=illion))\s+and\s+)",
    "es": r"(?:\s+|(?:(?<=nta)|(?<=enta))\s+y\s+)",
    "fr": r"(?:\s+|-|(?:(?<=ingt)|(?<=ante)|(?<=ente))(?:\s+et\s+|-et-))",
}
_RANGE_WORDS = {"en": "to|or", "es": "a|o|u", "fr": "à|ou"}
_CONTINENTAL = frozenset(["fr", "de", "it", "pt", "nl", "ru", "pl", "tr", "ro", "sv", "da", "no", "nb", "fi"])
_DIGITS = {
    "en": r"\d{0,2}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d*(?:\.\d+)?",
    "es": r"\d{0,2}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d{0,2}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d*(?:[.,]\d+)?",
    "eu": r"\d{0,2}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d{0,2}(?: \d{3})+(?!\d)(?:,\d+)?|\d*(?:[.,]\d+)?",
}
_CODES = "USD EUR GBP RUB CNY JPY INR MXN COP ARS BRL VES CHF CAD AUD UAH ILS"
_CURRENCY = {code: code for code in _CODES.split()} | _pairs(
    "$=USD US$=USD C$=CAD A$=AUD NZ$=NZD HK$=HKD S$=SGD R$=BRL Bs=VES Bs.=VES €=EUR £=GBP ¥=JPY ₽=RUB ₹=INR"
    " ₴=UAH ₪=ILS"
)
_CUR = rf"(?<![\w$])(?:(?:US|C|A|NZ|HK|S|R)?\$|[€£¥₽₹₴₪]|Bs\.?\s?|(?:{_CODES.replace(' ', '|')})\s?)"
_CUR_BEFORE = re.compile(rf"{_CUR}$")
_CURRENCY_END = frozenset("$€£¥₽₹₴₪ ")
_DELIMITERS = r"[\s(\[\"“'‘«¿¡]"
_ATT_SCALE = _floats("M=1e6 mn=1e6 mln=1e6 bn=1e9 k=1e3 K=1e3 tn=1e12")
_ATT_UNIT = _pairs(
    "km=km kg=kg t=t ft=ft mi=mi cm=cm mm=mm lb=lb lbs=lb ha=ha m=m mph=mph h=hour hr=hour hrs=hour"
)


@dataclass(frozen=True)
class _Language:
    code: str
    style: str  # en, es, eu
    digits: re.Pattern[str]  # digits, found anywhere (the character before is checked afterwards)
    words: re.Pattern[str] | None  # number words and vague magnitudes after a delimiter character
    second: re.Pattern[str]  # any number at a given position: a text's start, a range's second half
    table: _Words
    vague: _Vague
    scales: dict[str, float]
    scale_tail: re.Pattern[str] | None
    range_join: re.Pattern[str]


def language_code(language: str | None) -> str:
    """``"en-US"`` → ``"en"``; ``None`` reads as English."""
    return (language or "en").lower().replace("_", "-").split("-", 1)[0]


_SPECIAL = {" ": r"\s+", "'": "['’]"}


def trie(phrases: Iterable[str], capitalised: bool = True) -> str:
    """An alternation factored by common prefixes, as given and (``capitalised``) with a capital first letter.

    Much faster than a flat alternation: the engine drops a position after one character comparison.
    A space matches ``\\s+`` and an apostrophe either apostrophe.
    """
    tree: dict[str, Any] = {}
    for phrase in phrases:
        for variant in (phrase, phrase[:1].upper() + phrase[1:]) if capitalised else (phrase,):
            node = tree
            for char in variant:
                node = node.setdefault(char, {})
            node[""] = {}
    return _emit(tree)


def _emit(node: dict[str, Any]) -> str:
    branches = [(_SPECIAL.get(c) or re.escape(c)) + _emit(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=32)
def _language(code: str) -> _Language:
    style = "es" if code == "es" else "eu" if code in _CONTINENTAL else "en"
    table = {"en": _EN_WORDS, "es": _ES_WORDS, "fr": _FR_WORDS}.get(code, {})
    vague = {"en": _EN_VAGUE, "es": _ES_VAGUE, "fr": _FR_VAGUE}.get(code, {})
    digits = rf"(?P<num>\d(?:{_DIGITS[style]}))(?P<att>[^\W\d_]+|[º°ª])?"
    alternatives = []
    if table:
        one = trie(table)
        alternatives = [
            rf"(?P<vague>{trie(vague)})(?![\w-])",
            rf"(?P<words>{one}(?:{_CONNECT[code]}{one})*)\b",
        ]
    words = re.compile(rf"{_DELIMITERS}(?:{'|'.join(alternatives)})") if alternatives else None
    second = re.compile("|".join([*alternatives, rf"(?P<cur>{_CUR})?{digits}"]))
    scales = _SCALES.get(code, {})
    tail = (
        re.compile(rf"\s*(?P<s>(?i:{'|'.join(sorted(scales, key=len, reverse=True))}))\b") if scales else None
    )
    joiners = _RANGE_WORDS.get(code, "to")
    join = re.compile(rf"\s*[-–—]\s*(?=[$€£]?\d)|\s+(?:{joiners})\s+|\s+(?P<and>and|y|et)\s+", re.IGNORECASE)
    return _Language(code, style, re.compile(digits), words, second, table, vague, scales, tail, join)
