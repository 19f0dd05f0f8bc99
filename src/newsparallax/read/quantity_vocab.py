"""Word lists and compiled patterns for :mod:`newsparallax.read.quantities`, one vocabulary per language.

Hedges before a number ("about", "más de", "près de") and after it ("-odd", "y pico"), units written
as symbols or words ("km", "tonnes", "millones de dólares"), the "of" that joins a number to what it
counts, the function words that end a counted noun phrase, and the casualty wording around a number
("were killed", "killing 6", "death toll rose to").  English, Spanish and French have full
vocabularies, other languages shared unit symbols only; a vocabulary compiles on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsparallax.read.number_patterns import trie


def _pairs(spec: str) -> dict[str, str]:
    """``"km=km lbs=lb"`` → {"km": "km", "lbs": "lb"}."""
    return dict(pair.split("=", 1) for pair in spec.split())


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _inverse(spec: str, separator: str | None = "|") -> dict[str, str]:
    """``"killed=dead|killed; injured=hurt"`` → {"dead": "killed", "killed": "killed", "hurt": "injured"}."""
    entries = (entry.split("=", 1) for entry in spec.split(";") if entry.strip())
    return {word.strip(): key.strip() for key, words in entries for word in words.split(separator)}


_HEDGES = {  # canonical=phrase|phrase; ...
    "en": """about=about|around|approximately|approx.|roughly|some|circa|an estimated|estimated at|
    in the region of|on the order of; nearly=nearly|almost|close to|just under|just shy of|not quite;
    up to=up to|as many as|as much as|at most|no more than|not more than|a maximum of; more than=more than|
    over|upwards of|in excess of|above|just over|well over|well above|north of; at least=at least|
    no fewer than|no less than|not less than|not fewer than|a minimum of; fewer than=fewer than|less than|
    under|below; a further=a further|another|an additional|an extra; between=between""",
    "es": """about=unos|unas|alrededor de|aproximadamente|aprox.|en torno a|un estimado de; nearly=casi|
    cerca de|poco menos de; up to=hasta|como máximo|un máximo de; more than=más de|mas de|poco más de|
    por encima de; at least=al menos|por lo menos|como mínimo|no menos de; fewer than=menos de;
    a further=otros|otras; between=entre""",
    "fr": """about=environ|quelque|autour de|autour d'|approximativement|à peu près|aux alentours de;
    nearly=près de|près d'|presque|quasiment|pas loin de|pas loin d'; up to=jusqu'à|au maximum;
    more than=plus de|plus d'|un peu plus de|un peu plus d'|au-delà de; at least=au moins|pas moins de|
    pas moins d'|au minimum; fewer than=moins de|moins d'; between=entre""",
}
_SUFFIX_HEDGES = {"en": r"-odd\b|\s+or\s+so\b", "es": r"\s+y\s+pico\b"}

_UNITS_SHARED = _pairs(
    """t=t kg=kg km=km m=m mi=mi ft=ft cm=cm mm=mm g=g lb=lb lbs=lb ha=ha km2=km2 km²=km2 mph=mph km/h=km/h
    %=% hrs=hour yrs=year USD=USD EUR=EUR GBP=GBP RUB=RUB CNY=CNY JPY=JPY INR=INR MXN=MXN COP=COP ARS=ARS
    BRL=BRL VES=VES CHF=CHF CAD=CAD AUD=AUD"""
)
_UNIT_WORDS = {  # unit=surface|surface; ... ("lb?": pounds, money after a multiplier)
    "en": """t=metric tons|metric tonnes|tonnes|tonne|tons|ton; kg=kilograms|kilogram|kilogrammes|kilos|kilo;
    g=grams|grammes; lb?=pounds; km=kilometres|kilometers|kilometre|kilometer; mi=miles|mile;
    nmi=nautical miles; m=metres|meters|metre|meter; ft=feet|foot; cm=centimetres|centimeters;
    km2=square kilometres|square kilometers|square km|sq km; mi2=square miles; ha=hectares|hectare;
    acre=acres; %=per cent|percent|pct; pp=percentage points|percentage point; USD=dollars|dollar|
    us dollars; CAD=canadian dollars; AUD=australian dollars; EUR=euros|euro; GBP=pounds sterling|sterling;
    MXN=mexican pesos; COP=colombian pesos; ARS=argentine pesos; peso=pesos; RUB=rubles|roubles;
    CNY=yuan|renminbi; JPY=yen; rupee=rupees; VES=bolivars|bolívares; BRL=reais; UAH=hryvnias|hryvnia;
    ILS=shekels; l=litres|liters; gal=gallons; km/h=kilometres per hour; hour=hours|hour; day=days|day;
    week=weeks|week; month=months|month; year=years|year; minute=minutes|minute; second=seconds""",
    "es": """t=toneladas métricas|toneladas|tonelada; kg=kilos|kilogramos|kilo|kilogramo; g=gramos;
    km=kilómetros|kilometros|kilómetro; mi=millas; m=metros|metro; ft=pies; km2=kilómetros cuadrados;
    ha=hectáreas|hectareas; %=por ciento; USD=dólares|dolares|dólar|dólares estadounidenses; EUR=euros;
    MXN=pesos mexicanos; COP=pesos colombianos; ARS=pesos argentinos; peso=pesos; VES=bolívares|bolivares;
    RUB=rublos; l=litros; hour=horas|hora; day=días|dias|día; week=semanas; month=meses|mes;
    year=años|año; minute=minutos""",
    "fr": """t=tonnes|tonne; kg=kilos|kilogrammes; g=grammes; km=kilomètres|kilometres; mi=milles;
    m=mètres|metres|mètre; ft=pieds; km2=kilomètres carrés; ha=hectares; %=pour cent|pour-cent;
    USD=dollars|dollars américains; EUR=euros; GBP=livres sterling|livres; RUB=roubles; peso=pesos;
    l=litres; hour=heures|heure; day=jours|jour; week=semaines; month=mois; year=ans|années|an;
    minute=minutes""",
}

_OF = {
    "en": r"\s+of(?:\s+(?:the|these|those|his|her|their|its|our)\b)?(?=\s)",
    "es": r"\s+(?:de|del)(?:\s+(?:los|las|estos|estas)\b)?(?=\s)",
    "fr": r"\s+(?:de|des|du)(?:\s+(?:ces|les)\b)?(?=\s)|\s+d['’]",
}
_BEFORE_KEYS = {  # the before-pattern runs only when one of these appears in the 60 characters before
    "en": """kill toll lives number injur wound hurt arrest detain round apprehend evacuat displac kidnap
    abduct shoot""",
    "es": """mat asesin cobró cifra número saldo balance recuento hir detuv arrest captur evacu desplaz
    secuestr""",
    "fr": "tu coût bilan nombre bless interpell arrêt évacu enlev",
}
_STOP = {
    "en": """the a an and or but nor of in on at to for from with by as into onto over under about after
    before than that which who whom whose this these those it its his her their our your my there here when
    where while was were is are be been being has have had will would could should may might must can do
    does did not no so said says say told tells reported according also such per each every all both some
    any only just even still yet if then very too amid among across against along around near since until
    upon via them whom what how why most least much many died fled hit ran fell rose led met went came got
    made took saw gave remain remains remained became""",
    "es": """el la los las un una unos unas y o u pero de del en a al con por para sin sobre entre tras desde
    hasta que quien quienes cual cuales este esta estos estas ese esa esos esas su sus se lo le les fue fueron
    es son era eran ha han había habían será serán sido como según también más menos muy ya aún no ellos
    ellas nosotros""",
    "fr": """le la les l un une des du de d et ou mais en à au aux avec par pour sans sur entre dans chez
    depuis que qui dont ce cet cette ces son sa ses leur leurs se ne pas plus moins très a ont est sont été
    était étaient sera selon aussi comme y eux elles nous""",
}

_AFTER_LEAD = {
    "en": r"(?:\s+of\s+(?:them|whom|those|these))?,?(?:\s+(?:who|that|have|has|had|were|was|are|is|been|be"
    r"|being|got|also|all|later|reportedly|allegedly|now|since|subsequently|confirmed|believed|feared|thought"
    r"|said|reported|remain|remained|remains|still|left|to|initially|each|both|people|others|more|lying)){0,4}\s+"
    r"(?:(?:seriously|critically|severely|badly|slightly|lightly|gravely|moderately)\s+)?",
    "es": r"(?:\s+de\s+(?:ellos|ellas|los\s+cuales|las\s+cuales))?,?(?:\s+(?:que|han|ha|habían|había|fueron"
    r"|fue"
    r"|resultaron|resultó|quedaron|están|estaban|siguen|permanecen|permanecían|continúan|sido|se|encuentran"
    r"|también|todos|todas|confirmad[oa]s?|reportad[oa]s?)){0,4}\s+(?:(?:gravemente|levemente)\s+)?",
    "fr": r"(?:\s+(?:d['’]entre\s+eux|dont))?,?(?:\s+(?:ont|a|sont|est|été|avaient|étaient|se|toujours"
    r"|restent|aussi|également|y|déjà)){0,4}\s+(?:(?:grièvement|gravement|légèrement)\s+)?",
}
_AFTER_WORDS = {  # category=regex; ...
    "en": r"killed=(?:fatally|mortally)(?:\s+(?:shot|wounded|injured|stabbed|hurt))?|killed|dead|died|die"
    r"|perished|lost\s+their\s+lives; injured=injured|wounded|hurt|hospitali[sz]ed|in\s+hospital"
    r"|taken\s+to\s+hospital|treated\s+for\s+injuries; arrested=arrested|detained|in\s+custody;"
    r"missing=missing|unaccounted\s+for;"
    r"displaced=evacuated|displaced|homeless|fled; kidnapped=kidnapped|abducted|taken\s+hostage; shot=shot"
    r"|hit(?=\s+(?:in|during)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:shooting|gunfire|drive-by)\b)"
    r"|hit\s+by\s+(?:gunfire|bullets)",
    "es": r"killed=muert[oa]s?|fallecid[oa]s?|murieron|murió|fallecieron|falleció|perdieron\s+la\s+vida"
    r"|asesinad[oa]s?; injured=herid[oa]s?|lesionad[oa]s?|hospitalizad[oa]s?; arrested=detenid[oa]s?"
    r"|arrestad[oa]s?|capturad[oa]s?; missing=desaparecid[oa]s?; displaced=evacuad[oa]s?|desplazad[oa]s?"
    r"|damnificad[oa]s?; kidnapped=secuestrad[oa]s?",
    "fr": r"killed=mortellement\s+blessée?s?|tuée?s?|morte?s?|décédée?s?|péri|trouvé\s+la\s+mort;"
    r"injured=blessée?s?|hospitalisée?s?;"
    r"arrested=arrêtée?s?|interpellée?s?|placée?s?\s+en\s+garde\s+à\s+vue;"
    r"missing=disparue?s?; displaced=évacuée?s?|déplacée?s?; kidnapped=enlevée?s?",
}
_TOLL = r"\b[^.\x3b:!?]{0,40}?"  # from "death toll" to the number: "death toll rose on Sunday to"
_BEFORE_WORDS = {
    "en": r"killed=killing|killed|kills|kill|claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of"
    rf"|(?:death\s+toll|toll(?![\s-]*free)|number\s+of\s+(?:dead|deaths|fatalities|people\s+killed)){_TOLL};"
    rf"injured=injuring|injured|wounding|wounded|hurting|number\s+of\s+(?:injured|wounded|injuries){_TOLL};"
    r"arrested=arresting|arrested|detaining|detained|rounded\s+up|apprehended; displaced=evacuating"
    r"|evacuated|displacing|displaced; kidnapped=kidnapping|kidnapped|abducting|abducted; shot=shooting|shot",
    "es": r"killed=(?:mató|matando|mataron|asesinó|asesinaron|cobró\s+la\s+vida\s+de)(?:\s+a)?"
    rf"|(?:cifra|número|saldo|balance|recuento)\s+de\s+(?:muertos|fallecidos|víctimas|decesos){_TOLL};"
    rf"injured=(?:hirió|hiriendo|hirieron)(?:\s+a)?|(?:cifra|número)\s+de\s+heridos{_TOLL};"
    r"arrested=(?:detuvo|detuvieron|arrestaron|capturaron)(?:\s+a)?;"
    r"displaced=(?:evacuaron|desplazó)(?:\s+a)?;"
    r"kidnapped=(?:secuestraron|secuestró)(?:\s+a)?",
    "fr": r"killed=tuant|tué|coûté\s+la\s+vie\s+à|(?:bilan(?:\s+humain)?|nombre\s+de\s+(?:morts|victimes|tués"
    rf"|décès)){_TOLL}; injured=blessant|blessé|nombre\s+de\s+blessés{_TOLL}; arrested=interpellé|arrêté"
    r"|arrêtant; displaced=évacué; kidnapped=enlevé",
}


@dataclass(frozen=True)
class _Vocab:
    code: str
    hedge: re.Pattern[str] | None
    hedges: dict[str, str]  # normalised phrase → canonical hedge
    suffix: re.Pattern[str] | None
    unit: re.Pattern[str]
    units: dict[str, str]  # surface (lowercase for words) → unit code
    of: re.Pattern[str] | None
    stop: frozenset[str]
    after: re.Pattern[str] | None
    before: re.Pattern[str] | None
    before_key: re.Pattern[str]  # a stem the before-pattern needs ("kill", "toll"): a cheap first test


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def _categories(spec: str) -> str:
    """``"killed=killing|killed; shot=shot"`` → ``(?P<killed>killing|killed)|(?P<shot>shot)``."""
    entries = (entry.split("=", 1) for entry in spec.split(";"))
    return "|".join(f"(?P<{category.strip()}>{pattern.strip()})" for category, pattern in entries)


@lru_cache(maxsize=32)
def _vocab(code: str) -> _Vocab:
    hedges = {_normal(phrase): hedge for phrase, hedge in _inverse(_HEDGES.get(code, "")).items()}
    hedge = re.compile(rf"(?<![\w'’])(?P<h>{trie(hedges)})(?:\s+|(?<=['’]))$") if hedges else None
    suffix = re.compile(_SUFFIX_HEDGES[code], re.I) if code in _SUFFIX_HEDGES else None
    words = {_normal(surface): unit for surface, unit in _inverse(_UNIT_WORDS.get(code, "")).items()}
    shared = rf"(?P<cs>{trie(_UNITS_SHARED, capitalised=False)})"
    spelled = rf"(?P<ci>(?i:{trie(words, capitalised=False)}))|" if words else ""
    unit = re.compile(rf"(?:\s*|-)(?:{spelled}{shared})(?![\w²])")
    after = before = None
    if code in _AFTER_WORDS:
        after = re.compile(rf"{_AFTER_LEAD[code]}(?:{_categories(_AFTER_WORDS[code])})\b(?!\s+\d)", re.I)
        before = re.compile(rf"(?<!\w)(?:{_categories(_BEFORE_WORDS[code])})\s+$", re.I)
    of = re.compile(_OF[code], re.I) if code in _OF else None
    stop = _set(_STOP.get(code, ""))
    key = re.compile(trie(_BEFORE_KEYS.get(code, "\x00").split(), capitalised=False))
    return _Vocab(code, hedge, hedges, suffix, unit, words | _UNITS_SHARED, of, stop, after, before, key)
