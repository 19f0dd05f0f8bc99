"""Word tables and compiled rules for :mod:`newsparallax.read.timex`, one grammar per language.

Each rule (:mod:`newsparallax.read.timex_rules`) is a core pattern and an optional prefix of words
before it.  The named groups tell the resolver what it got: ``day``, ``day2``, ``month``, ``mnum``,
``year``, ``year2``, ``decade``, ``wd`` (weekday), ``pre`` and ``post`` (direction words: last, next,
this, pasado, dernier), ``wk`` ("Monday last week"), ``prep`` (a preposition, left out of the span),
``edge`` (early, late, mid), ``pod``/``podpre`` (part of the day), ``rel`` (a fixed relative phrase),
``num``/``unit``/``dir`` ("three days ago"), ``not`` (a word that vetoes the hit: "USA Today", "los
lunes").  Grammars compile on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsparallax.read.timex_rules import (
    Grammar,
    Raw,
    _alts,
    _cased,
    _rule,
    _specs,
    _table,
    _with_pods,
    _words_at_start,
)

_SP, _DASH, _COMMA, _TIGHT = r"\s+", r"[\s-]+", r"\s+,?", r"\s*"  # separators, written reversed
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_FIRST_DAY = r"\d(?<![\d,.:/$]\d)\d?"  # a day number that opens a core: not part of 1,28 or 3.28
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:1[89]|20)\d\d"

BOUNDARY = re.compile(r"[.!?;]\s+(?=[\"“«¿¡(]?[A-ZÀ-Ý])|\n")  # where a sentence ends
NAME_AFTER = re.compile(r"['’]s\b|\s+[A-Z][a-z]")  # "April Ryan", "June's": a month taken for a name
POSSESSIVE = re.compile(r"['’]s\b")
OPENING = re.compile(r"\W*(?:\w{1,3}\W*)?")  # nothing before a date but "On", "El", "Le"
HEAD = re.compile(r"(?:[^\w.;!?]*\w+){0,5}")  # the first words after a date that opens its sentence
HINT_TRIM = re.compile(
    r"(?:(?:on|in|at|since|by|from|until|during|the|el|la|los|las|le|les|du|des|en|de|del|au|à|am|im|vom"
    r"|seit|il|nel|dal|no|na|em)\s+)+",
    re.I,
)
NOT_A_DATE = re.compile(  # ages, frequencies, clock times and bare durations a NER model may label DATE/TIME
    r"(?i)year-old|years?\s+old|\baged?\b|\b(?:annual|annually|daily|weekly|monthly|yearly|each|every|per)\b"
    r"|^(?:about|around|at|\s)*(?:\d{1,2}(?:[:.h]\d\d)?\s*(?:[ap]\.?\s?m\.?|h|hrs|hours|gmt|utc)?|\d{1,2}:\d\d"
    r"|\d{4}\s*(?:gmt|utc|hours)|noon|midnight|dawn|dusk)(?:\s+(?:local\s+time|gmt|utc))?$"
    r"|^(?:about|some|nearly|almost|more\s+than|over|at\s+least|up\s+to|around|past|last|first|next|\s)*"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|many)?\s*"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)$"
)
_ISO = rf"(?P<year>{_YEAR})-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])"
_DAY_FIRST = (
    rf"(?P<day>\d(?<![\d/.]\d)\d?)(?P<sep>[/.])(?P<mnum>\d\d?)(?P=sep)(?P<year>{_YEAR}|\d\d)(?!\d|[/.]\d)"
)


# --- English -----------------------------------------------------------------------------------

_EN_MONTHS = _table("january february march april may june july august september october november december")
_EN_ABBR = _table("jan feb mar apr may jun jul aug sep/sept oct nov dec")
_EN_WEEKDAYS = _table("monday tuesday wednesday thursday friday saturday sunday", 0)
_EN_MONTH = "|".join(m.capitalize() for m in _EN_MONTHS)
_EN_MON = _EN_MONTH + "|" + "|".join(rf"{a.capitalize()}\.?" for a in _EN_ABBR if a != "may")
_EN_WD = "|".join(w.capitalize() for w in _EN_WEEKDAYS)
#: What an English hint needs before dateparser may read it: a month, a weekday, a season or holiday,
#: a word that places a time relative to now, a numeric date or a year.  Without one, dateparser
#: turns durations, ages, clock times and house numbers into days ("19-hour" → 19 January,
#: "7:39 AM" → a day in January, "8477" → the year 8477).
_EN_DAY_ABBR = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
EN_DATE_WORD = re.compile(
    rf"(?i)\b(?:{'|'.join([*_EN_MONTHS, *_EN_ABBR])}|(?:{'|'.join(_EN_WEEKDAYS)})s?|(?:{_EN_DAY_ABBR})\."
    r"|yesterday|today|tonight|tomorrow|ago|last|next|this|past|previous|coming|earlier|later|recent"
    r"|weekend|spring|summer|fall|autumn|winter|christmas|easter|thanksgiving|halloween|new\s+year)(?!\w)"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|^\D*(?:1[89]|20)\d\d(?:s|'s)?\D*$"
)
_EN_DIRS = {"last": "last", "next": "next", "this": "this", "this past": "last", "this coming": "future"}
_EN_EDGES = _alts(
    "early|late|mid|the end of|the start of|the beginning of|the middle of|the first half of"
    "|the second half of"
)
_EN_PREPS = _alts(
    "in|on|since|until|till|by|from|before|after|during|between|of|through|throughout|for|around"
)
_EN_PAPERS = r"Times|Telegraph|Post|Herald|Express|Mirror|Star|Tribune|Independent|Mail|Observer|Night\s+Live"
_EN_NUMBERS = {
    "a": 1,
    "an": 1,
    "a couple of": 2,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
} | _table("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen")
_EN_UNITS = {
    f"{unit}{s}": unit
    for unit in _alts("minute|hour|day|week|fortnight|month|year|decade")
    for s in ("", "s")
}
_EN_RELATIVE = _specs(
    day="today 0|yesterday -1|tomorrow 1|the day before yesterday -2|the day after tomorrow 2",
    pod="tonight 0|overnight -1|last night -1|this morning 0|this afternoon 0|this evening 0",
    week="this week 0|last week -1|next week 1",
    month="this month 0|last month -1|next month 1",
    year="this year 0|last year -1|next year 1",
    weekend="the weekend 0|this weekend 0|last weekend -1|this past weekend -1|the past weekend -1"
    "|next weekend 1|this coming weekend 1|the coming weekend 1",
    span_days="the past week 7|the last week 7|the past 24 hours 1|the last 24 hours 1|the past 48 hours 2"
    "|the last 48 hours 2",
    span_months="the past month 1",
    span_years="the past year 1|the last year 1",
) | _with_pods({"yesterday": -1, "tomorrow": 1}, _alts("morning|afternoon|evening|night"))
_EN_TIME = (
    r"(?<![\d:.])(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b\.?|GMT|UTC|hours\b|h\b)|\d{1,2}:\d{2}"
    r"|\d{4}\s*(?:GMT|UTC|hours\b)|(?i:noon|midnight|dawn|dusk))(?:\s+(?:local\s+time|GMT|UTC|ET|EST|EDT))?"
)
_EN_FUTURE = _words_at_start(
    r"will|won't|shall|is\s+(?:due\s+)?to|are\s+(?:due\s+)?to|am\s+(?:due\s+)?to|was\s+due\s+to|were\s+due\s+to"
    r"|due\s+to\s+(?:be|take|begin|start|hold|meet|visit|arrive|open|close|vote|end|launch|return|resume|sign"
    r"|travel|announce|publish|release|decide|face|appear|testify)|going\s+to|set\s+to|expected\s+to"
    r"|slated\s+to|poised\s+to|plans?\s+to|planning\s+to|intends?\s+to|next|upcoming|scheduled|planned"
)
_EN_REPORTING = _words_at_start(
    r"said|told|announced|reported|confirmed|stated|added|declared|tweeted|wrote|posted|claimed|denied"
    r"|revealed|disclosed|insisted|noted|explained|acknowledged|admitted|according\s+to"
)


def _english() -> Grammar:
    units = "|".join(sorted(_EN_UNITS, key=len, reverse=True))
    return Grammar(
        rules=(
            _rule(
                "date",
                rf"(?P<month>{_EN_MON})\s+(?P<day>{_DAY}){_ORD}?\b(?:\s*(?:-|–|to)\s*(?P<day2>{_DAY}){_ORD}?\b)?"
                rf"(?:,?\s+(?P<year>{_YEAR})\b)?",
                ("wd", _COMMA, _EN_WEEKDAYS),
            ),
            _rule(
                "date",
                rf"(?P<day>{_FIRST_DAY}){_ORD}?(?:\s*(?:-|–|to)\s*(?P<day2>{_DAY}){_ORD}?)?(?:\s+of)?"
                rf"\s+(?P<month>{_EN_MON})(?![a-z])(?:,?\s+(?P<year>{_YEAR})\b)?",
                ("the", _SP, ["the"]),
            ),
            _rule("date", _ISO),
            _rule("date", rf"(?P<mnum>\d(?<![\d/.]\d)\d?)/(?P<day>\d\d?)/(?P<year>{_YEAR}|\d\d)(?![\d/])"),
            _rule(
                "nth",
                rf"[Tt]he\s+(?P<day>{_DAY}){_ORD}\b"
                r"(?!-|\s+(?!(?:at|and|or|to|in|when|as|after|before|until|of|the)\b)[A-Za-z])",
            ),
            _rule(
                "month",
                rf"(?P<month>{_EN_MONTH})\b(?:(?:\s+of)?,?\s+(?P<year>{_YEAR})\b)?",
                ("prep", _SP, _EN_PREPS),
                ("pre", _SP, _EN_DIRS),
                ("edge", _DASH, _EN_EDGES),
            ),
            _rule(
                "year",
                rf"(?P<year>{_YEAR})\b(?![-–/]\d|\s*%|\s+per\s*cent)",
                ("prep", _SP, [*set(_EN_PREPS) - {"on", "of", "for", "between"}, "as of", "circa"]),
                ("edge", _DASH, _EN_EDGES),
            ),
            _rule(
                "years",
                rf"(?P<year>{_YEAR})\s*(?:and|to|-|–)\s*(?P<year2>{_YEAR})\b",
                ("prep", _SP, _alts("between|from|in|during|since|through")),
            ),
            _rule(
                "decade", r"[Tt]he\s+(?:(?P<edge>(?i:early|late|mid))[\s-]+)?(?P<decade>(?:1[89]|20)\d0)s\b"
            ),
            _rule(
                "weekday",
                rf"(?P<wd>{_EN_WD})\b(?!\s+(?:{_EN_PAPERS})\b)(?:\s+(?P<wk>(?i:last|next|this))\s+week\b)?"
                r"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night))\b)?",
                ("edge", _SP, _alts("early|late|earlier|later|early on|late on")),
                ("pre", _SP, _EN_DIRS),
            ),
            _rule(
                "rel",
                rf"(?P<rel>{_cased(_EN_RELATIVE)})\b(?!\s+of\b)",
                ("not", _SP, ["usa"]),
                ("edge", _DASH, ["earlier", "later", *_EN_EDGES]),
            ),
            _rule(
                "ago",
                rf"(?P<unit>{units})\s+(?P<dir>(?i:ago|earlier|later))\b",
                ("num", _SP, [*_EN_NUMBERS, Raw(r"\d{1,3}")]),
            ),
        ),
        future=re.compile(_EN_FUTURE + r"|'ll\b"),
        reporting=re.compile(_EN_REPORTING),
        months=_EN_MONTHS | _EN_ABBR,
        weekdays=_EN_WEEKDAYS,
        directions=_EN_DIRS,
        relative=_EN_RELATIVE,
        numbers=_EN_NUMBERS,
        units=_EN_UNITS,
        shifts={"ago": -1, "earlier": -1, "later": 1},
        ambiguous_months=frozenset(_alts("may|march")),
        strong_preps=frozenset(_alts("in|on|since|until|till|by|during|through|throughout|of")),
        time_after=re.compile(
            rf",?\s+(?i:at|around|about|from|by|before|after|(?:shortly|just)\s+(?:after|before))\s+"
            rf"(?:(?i:about|around)\s+)?{_EN_TIME}"
        ),
        time_before=re.compile(rf"{_EN_TIME},?\s+(?:(?i:on)\s+)?$"),
    )


# --- Spanish -----------------------------------------------------------------------------------

_ES_MONTHS = _table(
    "enero febrero marzo abril mayo junio julio agosto septiembre/setiembre octubre noviembre diciembre"
)
_ES_WEEKDAYS = _table("lunes martes miércoles/miercoles jueves viernes sábado/sabado domingo", 0)
_ES_MONTH = "|".join(_ES_MONTHS)
_ES_NEAR = _alts("pasado|próximo|proximo")
_ES_DIRS = {word: "last" for word in _alts("pasado|pasada|último|ultimo")} | {"este": "this", "esta": "this"}
_ES_DIRS |= {word: "next" for word in _alts("próximo|próxima|proximo|proxima|que viene")}
_ES_NUMBERS = {"un": 1, "una": 1, "uno": 1, "quince": 15, "veinte": 20, "treinta": 30} | _table(
    "dos tres cuatro cinco seis siete ocho nueve diez once doce", 2
)
_ES_UNITS = {word: unit for unit, words in (("minute", "minuto|minutos"), ("hour", "hora|horas"),
             ("day", "día|días|dia|dias"), ("week", "semana|semanas"), ("month", "mes|meses"),
             ("year", "año|años"), ("decade", "década|décadas")) for word in _alts(words)}  # fmt: skip
_ES_RELATIVE = _specs(
    day="hoy 0|ayer -1|anteayer -2|antier -2|antes de ayer -2|mañana 1|pasado mañana 2",
    pod="anoche -1|esta mañana 0|esta tarde 0|esta noche 0|esta madrugada 0",
    week="la semana pasada -1|esta semana 0|la próxima semana 1|la semana próxima 1|la semana que viene 1",
    month="el mes pasado -1|este mes 0|el próximo mes 1|el mes próximo 1|el mes que viene 1",
    year="el año pasado -1|este año 0|el próximo año 1|el año próximo 1|el año que viene 1",
    weekend="el fin de semana 0|este fin de semana 0|el pasado fin de semana -1|el fin de semana pasado -1"
    "|el próximo fin de semana 1",
) | _with_pods({"ayer": -1, "mañana": 1}, (f"{joiner}{pod}" for joiner in ("", "por la ", "en la ")
                                           for pod in ("mañana", "tarde", "noche")))  # fmt: skip
_ES_PREPS = _alts("el|del|al|desde el|hasta el|para el|a partir del")
_ES_MPREPS = _alts("en|desde|hasta|para|durante|entre|a principios de|a finales de|a fines de|a mediados de")


def _spanish() -> Grammar:
    near = "|".join(_ES_NEAR)
    units = "|".join(sorted(_ES_UNITS, key=len, reverse=True))
    return Grammar(
        rules=(
            _rule(
                "date",
                rf"(?P<day>{_FIRST_DAY})[º°]?(?:\s*(?:-|al)\s*(?P<day2>{_DAY}))?\s+de\s+(?P<month>{_ES_MONTH})\b"
                rf"(?:\s+del?\s+(?P<year>{_YEAR})\b)?(?:\s+(?P<post>{near})\b)?",
                ("prep", _SP, _ES_PREPS),
                ("pre", _SP, _ES_NEAR),
                ("wd", _COMMA, _ES_WEEKDAYS),
            ),
            _rule("date", _ISO),
            _rule("date", _DAY_FIRST),
            _rule(
                "month",
                rf"(?P<month>{_ES_MONTH})\b(?:\s+del?\s+(?P<year>{_YEAR})\b)?(?:\s+(?P<post>{near})\b)?",
                ("prep", _SP, _ES_MPREPS),
                (
                    "pre",
                    _SP,
                    _alts("el pasado mes de|el próximo mes de|el mes de|este mes de|el pasado|el próximo"),
                ),
            ),
            _rule(
                "year",
                rf"(?P<year>{_YEAR})\b(?![-–/]\d|\s*%)",
                ("prep", _SP, [*_ES_MPREPS, "el año", "del año"]),
            ),
            _rule(
                "weekday",
                rf"(?P<wd>{_cased(_ES_WEEKDAYS)})\b(?:\s+(?P<post>(?i:{near}|que\s+viene))\b)?"
                r"(?:\s+(?:(?i:por|en|de)\s+la\s+)?(?P<pod>(?i:mañana|tarde|noche|madrugada))\b)?",
                ("podpre", _SP, _alts("la noche|la madrugada|la mañana|la tarde")),
                ("prep", _SP, [*_ES_PREPS, "de"]),
                ("pre", _SP, [*_ES_NEAR, "este", "último", "ultimo"]),
                ("not", _SP, ["los", "cada"]),
            ),
            _rule("rel", rf"(?P<rel>{_cased(_ES_RELATIVE)})\b", ("not", _SP, _alts("la|una|esa|cada"))),
            _rule(
                "ago",
                rf"(?P<dir>hace|Hace)\s+(?P<num>(?i:{'|'.join(_ES_NUMBERS)}|\d{{1,3}}))\s+(?P<unit>(?i:{units}))\b",
            ),
        ),
        future=re.compile(
            r"rán?(?!\w)|"
            + _words_at_start(
                r"van?\s+a|prevé|prevén|previst[oa]s?|programad[oa]s?|próxim[oa]s?|tiene\s+previsto"
            )
        ),
        reporting=re.compile(
            _words_at_start(
                "dijo|afirmó|anunció|informó|aseguró|declaró|señaló|indicó|explicó|confirmó|según"
            )
        ),
        months=_ES_MONTHS,
        weekdays=_ES_WEEKDAYS,
        directions=_ES_DIRS,
        relative=_ES_RELATIVE,
        numbers=_ES_NUMBERS,
        units=_ES_UNITS,
        shifts={"hace": -1},
        ambiguous_months=frozenset(_ES_MONTHS),
        strong_preps=frozenset(_ES_MPREPS),
        time_after=re.compile(
            r",?\s+(?i:a\s+las|a\s+la|hacia\s+las|sobre\s+las|desde\s+las|a\s+eso\s+de\s+las)\s+\d{1,2}"
            r"(?:[:.]\d{2})?(?:\s*(?:horas|hrs|h)\b)?(?:\s+(?:de\s+la\s+(?:mañana|tarde|noche)|hora\s+local))?"
        ),
    )


# --- French ------------------------------------------------------------------------------------

_FR_MONTHS = _table("janvier février/fevrier mars avril mai juin juillet août/aout septembre octobre novembre"
                    " décembre/decembre")  # fmt: skip
_FR_WEEKDAYS = _table("lundi mardi mercredi jeudi vendredi samedi dimanche", 0)
_FR_MONTH = "|".join(sorted(_FR_MONTHS, key=len, reverse=True))
_FR_NUMBERS = {"un": 1, "une": 1, "quinze": 15, "vingt": 20, "trente": 30} | _table(
    "deux trois quatre cinq six sept huit neuf dix onze douze", 2
)
_FR_UNITS = {word: unit for unit, words in (("minute", "minute|minutes"), ("hour", "heure|heures"),
             ("day", "jour|jours"), ("week", "semaine|semaines"), ("month", "mois"),
             ("year", "an|ans|année|années")) for word in _alts(words)}  # fmt: skip
_FR_RELATIVE = _specs(
    day="aujourd'hui 0|hier -1|avant-hier -2|demain 1|après-demain 2",
    pod="ce matin 0|cet après-midi 0|ce soir 0|cette nuit -1|la nuit dernière -1",
    week="la semaine dernière -1|la semaine passée -1|cette semaine 0|la semaine prochaine 1",
    month="le mois dernier -1|le mois passé -1|ce mois-ci 0|le mois prochain 1",
    year="l'an dernier -1|l'année dernière -1|l'an passé -1|l'année passée -1|cette année 0|l'an prochain 1"
    "|l'année prochaine 1",
    weekend="le week-end 0|ce week-end 0|le week-end dernier -1|le week-end prochain 1|le weekend 0"
    "|ce weekend 0|le weekend dernier -1|le weekend prochain 1",
) | _with_pods({"hier": -1, "demain": 1}, _alts("matin|après-midi|soir"))
_FR_PREPS = _alts("le|du|au|depuis le|jusqu'au|dès le|à partir du")
_FR_MPREPS = _alts("en|depuis|dès|jusqu'en|d'ici|au mois de|à la fin de|au début de")
_FR_EDGES = _alts("début|fin|mi|courant")


def _french() -> Grammar:
    weekday = _cased(_FR_WEEKDAYS)
    units = "|".join(sorted(_FR_UNITS, key=len, reverse=True))
    return Grammar(
        rules=(
            _rule(
                "date",
                rf"(?P<day>{_FIRST_DAY})(?:er)?(?:\s*(?:-|au|et)\s*(?P<day2>{_DAY}))?\s+(?P<month>{_FR_MONTH})(?!\w)"
                rf"(?:\s+(?P<year>{_YEAR})\b)?(?:\s+(?P<post>(?i:dernier|prochain))\b)?",
                ("prep", _SP, _FR_PREPS),
                ("wd", _SP, _FR_WEEKDAYS),
            ),
            _rule("date", _ISO),
            _rule("date", _DAY_FIRST),
            _rule(
                "month",
                rf"(?P<month>{_FR_MONTH})(?!\w)(?:\s+(?P<year>{_YEAR})\b)?(?:\s+(?P<post>(?i:dernier|prochain))\b)?",
                ("prep", _SP, _FR_MPREPS),
                ("edge", _DASH, _FR_EDGES),
                ("pre", _TIGHT, _alts("le mois de|ce mois de|le mois d'|ce mois d'")),
            ),
            _rule(
                "year",
                rf"(?P<year>{_YEAR})\b(?![-–/]\d|\s*%)",
                ("prep", _SP, [*_FR_MPREPS, "l'année"]),
                ("edge", _DASH, _FR_EDGES),
            ),
            _rule(
                "weekday",
                rf"(?P<wd>{weekday})\b(?:\s+(?P<post>(?i:dernier|prochain|passé))(?!\w))?"
                r"(?:\s+(?P<pod>(?i:matin|après-midi|soirée|soir))(?!\w))?"
                rf"(?:\s+(?i:au|à)\s+(?:{weekday})\b)?",
                ("podpre", _SP, _alts("dans la nuit de|dans la nuit du|la nuit de|la nuit du")),
                ("prep", _SP, _alts("le|depuis|dès|jusqu'à|jusqu'au")),
                ("pre", _SP, ["ce"]),
                ("not", _SP, ["les"]),
            ),
            _rule("rel", rf"(?P<rel>{_cased(_FR_RELATIVE)})(?![\w-])"),
            _rule(
                "ago",
                rf"(?P<dir>il\s+y\s+a|Il\s+y\s+a)\s+(?P<num>(?i:{'|'.join(_FR_NUMBERS)}|\d{{1,3}}))\s+"
                rf"(?P<unit>(?i:{units}))(?!\w)",
            ),
        ),
        future=re.compile(
            r"(?:era|eront|ira|iront|dra|dront)(?!\w)|"
            + _words_at_start(r"aura|auront|va|vont|doit|doivent|devrait|devraient|prévue?s?|prochaine?s?")
        ),
        reporting=re.compile(
            _words_at_start(
                r"a\s+(?:déclaré|dit|annoncé|indiqué|affirmé|expliqué|précisé|confirmé|assuré|écrit)"
                r"|ont\s+(?:déclaré|dit|annoncé|indiqué|affirmé|expliqué|précisé|confirmé|assuré|écrit)|selon"
            )
        ),
        months=_FR_MONTHS,
        weekdays=_FR_WEEKDAYS,
        directions={"dernier": "last", "passé": "last", "prochain": "next", "ce": "this"},
        relative=_FR_RELATIVE,
        numbers=_FR_NUMBERS,
        units=_FR_UNITS,
        shifts={"il y a": -1},
        ambiguous_months=frozenset(_FR_MONTHS),
        strong_preps=frozenset(_FR_MPREPS),
        time_after=re.compile(
            r",?\s+(?i:à|vers|dès)\s+\d{1,2}\s*h(?:\s*\d{2})?(?!\w)(?:\s+\(?heure\s+locale\)?)?"
        ),
    )


def _numeric() -> Grammar:
    return Grammar(rules=(_rule("date", _ISO), _rule("date", _DAY_FIRST)))


_BUILDERS = {"en": _english, "es": _spanish, "fr": _french}


@lru_cache(maxsize=16)
def grammar_for(language: str | None) -> Grammar:
    """The grammar of ``language``: English when None, numeric dates only for other languages."""
    code = (language or "en").lower().replace("_", "-").split("-")[0]
    return _BUILDERS.get(code, _numeric)()
