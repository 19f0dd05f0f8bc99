"""Quantities: numbers with their hedge, unit, counted noun and category.

"about 100 Russian soldiers" → value 100, hedge "about", counted "soldiers", category "troops";
"35 tonnes of equipment" → 35 t, counted "equipment", category "weight"; "two people were killed and three
injured" → killed 2 (people) and injured 3.  Plain text only (regular expressions and small word lists), so
languages without a spaCy model still get their numbers; English, Spanish and French get words, hedges,
counted nouns and casualty categories, other languages digits, symbols and glued units.

Hedges are canonical English: "about" (around, approximately, roughly, some, an estimated, "or so", "-odd",
unos/unas, environ, une centaine de), "nearly" (almost, close to, casi, près de), "up to" (as many as, hasta,
jusqu'à), "more than" (over, upwards of, más de, plus de), "at least" (al menos, au moins), "fewer than"
(less than, under, menos de, moins de), "a further" (another) and "between" for ranges.  Bounds:

* about N → low N·0.9, high N·1.1 (:data:`ABOUT_SPREAD`), approximate;
* nearly N → low N·0.9, high N, approximate;
* up to N, fewer than N → high N;  more than N, at least N → low N;
* ranges ("20-30", "between two and three") → low and high, value = the lower end, approximate;
* plural magnitudes ("dozens of" → 24, "hundreds of" → 200, "thousands of" → 2000) → low, approximate.

Categories: killed, injured, arrested, missing, displaced, kidnapped, shot, casualties when the number is
tied to a casualty word ("were killed", "killing 6", "three wounded soldiers", "death toll rose to six", "one
fatally"); otherwise money, weight, distance, area, percent, duration, volume, speed from the unit; troops or
people from the counted noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsparallax.read.layers import Quantity
from newsparallax.read.numbers import Number, language_code, scan_numbers, trie


def _pairs(spec: str) -> dict[str, str]:
    """``"km=km lbs=lb"`` → {"km": "km", "lbs": "lb"}."""
    return dict(pair.split("=", 1) for pair in spec.split())


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _inverse(spec: str, separator: str | None = "|") -> dict[str, str]:
    """``"killed=dead|killed; injured=hurt"`` → {"dead": "killed", "killed": "killed", "hurt": "injured"}."""
    entries = (entry.split("=", 1) for entry in spec.split(";") if entry.strip())
    return {word.strip(): key.strip() for key, words in entries for word in words.split(separator)}


ABOUT_SPREAD = 0.1  # "about N" spans N·(1 - spread) .. N·(1 + spread)

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
_UNIT_CATEGORY = _inverse(
    "weight=t|kg|g|lb; distance=km|mi|nmi|m|ft|cm|mm; area=km2|mi2|ha|acre; percent=%|pp; volume=l|gal;"
    "duration=hour|day|week|month|year|minute|second; speed=km/h|mph"
)

_OF = {
    "en": r"\s+of(?:\s+(?:the|these|those|his|her|their|its|our)\b)?(?=\s)",
    "es": r"\s+(?:de|del)(?:\s+(?:los|las|estos|estas)\b)?(?=\s)",
    "fr": r"\s+(?:de|des|du)(?:\s+(?:ces|les)\b)?(?=\s)|\s+d['’]",
}
_NEGATED = tuple(
    """none of the|none of|neither of the|neither of|ninguno de los|ninguna de las|ninguno de|ninguna de|
    aucun des|aucune des|aucun de|aucune de""".replace("\n    ", "").split("|")
)
_BEFORE_KEYS = {  # the before-pattern runs only when one of these appears in the 60 characters before
    "en": """kill toll lives number injur wound hurt arrest detain round apprehend evacuat displac kidnap
    abduct shoot""",
    "es": """mat asesin cobró cifra número saldo balance recuento hir detuv arrest captur evacu desplaz
    secuestr""",
    "fr": "tu coût bilan nombre bless interpell arrêt évacu enlev",
}
# a word with one of these endings (a verb or an adverb) ends the noun phrase after a number
_VERB_ENDINGS: dict[str, tuple[str, ...]] = {"en": ("ed", "ly"), "fr": ("èrent", "aient")}
_VERB_ENDINGS["es"] = ("aron", "ieron", "aban", "ían", "ado", "ido")
_MONEY_OF = re.compile(r"\s+(?:of|de)\s+|\s+d['’]", re.IGNORECASE)
_TOKEN = re.compile(r"(?:\s+|(?<=['’]))(?:[dDlL]['’](?=\w))?((?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*)")
_HYPHEN = re.compile(r"-(?P<w>[^\W\d_]+)(?![\w-])")
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
_ADJECTIVES = _set(
    """other more additional new further extra several few different separate last next previous same total
    young old elderly innocent local foreign senior otros otras nuevos nuevas primeros primeras últimos
    últimas varios varias demás pequeños grandes presuntos presuntas supuestos autres nouveaux nouvelles
    premiers premières derniers dernières petits petites grands grandes plusieurs présumés"""
)
_KNOWN_NOUNS = _set(
    """people men women children police personnel staff crew cattle aircraft equipment militia youth gear
    cargo aid ammunition material fuel oil cocaine food water cash livestock infantry weaponry machinery
    hardware fish sheep gente personal ganado ayuda combustible droga gens matériel équipement"""
)


_CASUALTY_WORDS = _inverse(
    """killed=dead killed muertos muertas fallecidos fallecidas morts mortes tués tuées décédés;
    injured=injured wounded hurt hospitalised hospitalized heridos heridas lesionados lesionadas
    hospitalizados blessés blessées hospitalisés; arrested=arrested detained detenidos detenidas
    arrestados capturados arrêtés interpellés; missing=missing desaparecidos desaparecidas disparus
    disparues; displaced=evacuated displaced evacuados evacuadas desplazados desplazadas damnificados
    évacués déplacés; kidnapped=kidnapped abducted secuestrados secuestradas enlevés; shot=shot""",
    None,
)
_NOUN_CATEGORY = _inverse(
    """killed=deaths fatalities bodies corpses muertes decesos cadáveres décès; injured=injuries;
    casualties=casualties; arrested=arrests detainees detentions detenciones arrestos arrestations
    interpellations; displaced=evacuees; kidnapped=hostages rehenes otages; troops=troops soldiers personnel
    servicemen servicemembers marines paratroopers sailors airmen commandos guardsmen reservists conscripts
    peacekeepers force forces contingent soldados tropas militares efectivos uniformados paracaidistas soldats
    militaires troupes parachutistes légionnaires; people=people persons passengers residents civilians
    inhabitants migrants refugees protesters demonstrators children women men workers students patients
    victims citizens nationals tourists pilgrims villagers families individuals adults teenagers prisoners
    personas pasajeros residentes civiles habitantes migrantes refugiados manifestantes niños niñas mujeres
    hombres trabajadores estudiantes pacientes víctimas ciudadanos turistas familias presos menores jóvenes
    gente personnes passagers habitants civils réfugiés manifestants enfants femmes hommes travailleurs
    étudiants victimes citoyens touristes familles gens détenus jeunes""",
    None,
)

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
    r"displaced=evacuated|displaced|homeless|fled; kidnapped=kidnapped|abducted|taken\s+hostage; shot=shot",
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
    rf"|(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities|people\s+killed)){_TOLL};"
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


def find_quantities(text: str, language: str | None = "en") -> list[Quantity]:
    """Numbers in ``text`` with hedge, unit, counted noun and category, sorted by ``start``, not overlapping.

    ``language`` is an ISO 639-1 code ("en", "es", "fr", "en-US"); ``None`` reads as English.  Spans cover
    hedge + number + unit/counted noun (``text == text[start:end]``); ``sentence`` is left at -1.
    """
    vocab = _vocab(language_code(language))
    found: list[Quantity] = []
    floor = 0
    for number in scan_numbers(text, language):
        if number.start < floor:
            continue
        quantity = _quantity(text, number, vocab, floor)
        if quantity is not None:
            found.append(quantity)
            floor = quantity.end
    return found


def _quantity(text: str, number: Number, vocab: _Vocab, floor: int) -> Quantity | None:
    start, hedge = _hedge_before(text, number, vocab, floor)
    pos, suffix = _suffix(text, number.end, vocab)
    unit, pos = _unit(text, number, pos, vocab)
    if suffix is None:
        pos, suffix = _suffix(text, pos, vocab)
    counted, end, casualty = _counted(text, pos, number, unit, vocab)
    category = _category(text, start, end, unit, counted, casualty, vocab)
    hedge = hedge or suffix or number.hedge
    if number.kind == "words" and not (hedge or unit or counted or category):
        return None  # "the two met", "neuf" (new): a bare number word is rarely a quantity
    low, high, approximate = _bounds(number, hedge)
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=number.value,
        low=low,
        high=high,
        hedge=hedge,
        approximate=approximate,
        unit=unit,
        counted=counted,
        category=category,
    )


def _hedge_before(text: str, number: Number, vocab: _Vocab, floor: int) -> tuple[int, str | None]:
    if vocab.hedge is None:
        return number.start, None
    found = vocab.hedge.search(text, max(floor, number.start - 24), number.start)
    if found is None:
        return number.start, None
    hedge = vocab.hedges[_normal(found.group("h"))]
    if hedge == "between" and number.kind != "range":
        return number.start, None
    return found.start(), hedge


def _suffix(text: str, pos: int, vocab: _Vocab) -> tuple[int, str | None]:
    found = vocab.suffix.match(text, pos) if vocab.suffix else None
    return (found.end(), "about") if found else (pos, None)


def _unit(text: str, number: Number, pos: int, vocab: _Vocab) -> tuple[str | None, int]:
    """The unit after the number: "tonnes", "%", "per cent", "dollars", "millones de dólares"."""
    if number.currency or number.unit:
        return number.currency or number.unit, pos
    found = vocab.unit.match(text, pos)
    if found is None and (number.scale > 1 or number.kind == "vague"):
        of = _MONEY_OF.match(text, pos)
        found = vocab.unit.match(text, of.end()) if of else None
        if found is not None and _unit_code(found, number, vocab) in _UNIT_CATEGORY:
            found = None  # only money reads through "of": "millions of dollars"
    if found is None:
        return None, pos
    return _unit_code(found, number, vocab), found.end()


def _unit_code(found: re.Match[str], number: Number, vocab: _Vocab) -> str:
    surface = found.groupdict().get("ci")
    code = vocab.units[_normal(surface)] if surface else vocab.units[found.group("cs")]
    if code == "lb?":  # "pounds": money after a multiplier ("£" would have been a symbol), else weight
        return "GBP" if number.scale > 1 else "lb"
    return code


def _counted(
    text: str, pos: int, number: Number, unit: str | None, vocab: _Vocab
) -> tuple[str | None, int, str | None]:
    """The counted noun after the number or unit, where it ends, and a casualty word met on the way."""
    if vocab.of is None:
        return None, pos, None
    hyphen = _HYPHEN.match(text, pos)
    if hyphen and unit is None:
        if hyphen.group("w").lower() != "strong":  # "a 12-member panel"; "a 1,000-strong force" reads on
            return hyphen.group("w").lower(), hyphen.end(), None
        pos = hyphen.end()
    run = _run(text, pos, vocab) if unit is None else []
    if not run:
        of = vocab.of.match(text, pos)
        run = _run(text, of.end(), vocab) if of else []
    singular = number.value == 1 and number.kind in ("digits", "words")
    index, casualty = _pick(run, singular, vocab.code)
    if index is None:
        return None, pos, casualty
    return _bare(run[index][0]), run[index][1], casualty


def _run(text: str, pos: int, vocab: _Vocab) -> list[tuple[str, int]]:
    """Up to five words after ``pos``, stopping at punctuation or a function word."""
    run: list[tuple[str, int]] = []
    while len(run) < 5:
        found = _TOKEN.match(text, pos)
        if found is None or found.group(1).lower() in vocab.stop:
            break
        run.append((found.group(1), found.end()))
        pos = found.end()
    return run


def _bare(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("’s").rstrip("'’")


def _plural(word: str, code: str) -> bool:
    bare = _bare(word)
    if len(bare) < 4 or word.isupper():
        return False
    if code == "fr" and bare.endswith("x"):
        return True
    return bare.endswith("s") and not bare.endswith(("ss", "us", "is"))


def _pick(run: list[tuple[str, int]], singular: bool, code: str) -> tuple[int | None, str | None]:
    """Index of the counted noun in ``run`` (first plural or known noun; for one thing, the head word)."""
    casualty = None
    for index, (word, _end) in enumerate(run):
        bare = _bare(word)
        if bare in _CASUALTY_WORDS:
            casualty = casualty or _CASUALTY_WORDS[bare]  # "three wounded soldiers", "two dead"
            if code != "en":
                return None, casualty  # "15 blessés graves": in Spanish and French it is the noun
            continue
        if singular or bare in _ADJECTIVES:
            continue
        if bare in _KNOWN_NOUNS and index + 1 < len(run) and _plural(run[index + 1][0], code):
            return index + 1, casualty  # "police officers", "aid workers"
        if _plural(word, code) or bare in _KNOWN_NOUNS or bare in _NOUN_CATEGORY:
            return index, casualty
    return _fallback(run, code), casualty


def _fallback(run: list[tuple[str, int]], code: str) -> int | None:
    """English: the last plain word before a verb-like one ("humanitarian aid"); Spanish/French: the first."""
    best = None
    for index, (word, _end) in enumerate(run):
        bare = _bare(word)
        if bare in _CASUALTY_WORDS or bare in _ADJECTIVES or word[:1].isupper():
            continue
        if len(bare) > 4 and bare.endswith(_VERB_ENDINGS.get(code, ())):
            break
        if code == "en" and bare.endswith("ing"):
            continue
        best = index
        if code != "en":
            break
    return best


def _category(
    text: str,
    start: int,
    end: int,
    unit: str | None,
    counted: str | None,
    casualty: str | None,
    vocab: _Vocab,
) -> str | None:
    """A unit decides first (money, weight, ...), then casualty words nearby, then the counted noun."""
    if unit is not None:
        return _UNIT_CATEGORY.get(unit, "money")  # every other unit is a currency
    if casualty:
        return casualty
    noun = _NOUN_CATEGORY.get(counted) if counted else None
    if vocab.after is None or vocab.before is None:
        return noun
    window = text[max(0, start - 60) : start].lower()
    if window.rstrip().endswith(_NEGATED):
        return noun  # "none of the 20 passengers was hurt"
    found = vocab.after.match(text, end)
    if found is None and vocab.before_key.search(window):
        found = vocab.before.search(text, max(0, start - 60), start)
    return found.lastgroup if found else noun


def _bounds(number: Number, hedge: str | None) -> tuple[float | None, float | None, bool]:
    value, low, high = number.value, number.low, number.high
    approximate = number.approximate or hedge in ("about", "nearly")
    if number.kind == "range":
        return low, high, True
    if hedge == "about" and low is None:
        low, high = _round(value * (1 - ABOUT_SPREAD)), _round(value * (1 + ABOUT_SPREAD))
    elif hedge == "nearly":
        low, high = _round(value * (1 - ABOUT_SPREAD)), value
    elif hedge in ("up to", "fewer than"):
        low, high = (low if low is not None and low < value else None), value
    elif hedge in ("more than", "at least"):
        low, high = value, (high if high is not None and high > value else None)
    return low, high, approximate


def _round(value: float) -> float:
    return round(value, 6)
