"""Quantities: numbers with their hedge, unit, counted noun and category.

"about 100 Russian soldiers" → value 100, hedge "about", counted "soldiers", category "troops";
"35 tonnes of equipment" → 35 t, counted "equipment", category "weight"; "two people were killed and three
injured" → killed 2 (people) and injured 3.  Plain text only (regular expressions and small word lists,
:mod:`newsparallax.read.quantity_vocab`), so languages without a spaCy model still get their numbers;
English, Spanish and French get words, hedges, counted nouns and casualty categories, other languages
digits, symbols and glued units.

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

from newsparallax.read.layers import Quantity
from newsparallax.read.number_patterns import language_code
from newsparallax.read.numbers import Number, scan_numbers
from newsparallax.read.quantity_vocab import _inverse, _normal, _set, _Vocab, _vocab

ABOUT_SPREAD = 0.1  # "about N" spans N·(1 - spread) .. N·(1 + spread)

_UNIT_CATEGORY = _inverse(
    "weight=t|kg|g|lb; distance=km|mi|nmi|m|ft|cm|mm; area=km2|mi2|ha|acre; percent=%|pp; volume=l|gal;"
    "duration=hour|day|week|month|year|minute|second; speed=km/h|mph"
)

_NEGATED = tuple(
    """none of the|none of|neither of the|neither of|ninguno de los|ninguna de las|ninguno de|ninguna de|
    aucun des|aucune des|aucun de|aucune de""".replace("\n    ", "").split("|")
)
# a word with one of these endings (a verb or an adverb) ends the noun phrase after a number
_VERB_ENDINGS: dict[str, tuple[str, ...]] = {"en": ("ed", "ly"), "fr": ("èrent", "aient")}
_VERB_ENDINGS["es"] = ("aron", "ieron", "aban", "ían", "ado", "ido")
_MONEY_OF = re.compile(r"\s+(?:of|de)\s+|\s+d['’]", re.IGNORECASE)
_TOKEN = re.compile(r"(?:\s+|(?<=['’]))(?:[dDlL]['’](?=\w))?((?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*)")
_HYPHEN = re.compile(r"-(?P<w>[^\W\d_]+)(?![\w-])")
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
