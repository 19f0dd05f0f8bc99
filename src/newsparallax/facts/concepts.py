"""Shared vocabulary of the facts stage: what a counted noun means, in English, Spanish and French.

Quantities are aligned across reports by *concept*, not by word: "100 troops", "around 100 Russian
soldiers" and "312 efectivos" all count ``troops``; "35 tonnes of material" and "35 tonnes of
equipment" weigh ``equipment``.  Each concept has a label used in reports ("troops", "passengers").
The tables are ours and deliberately small; a word that is not listed is its own concept.
"""

from __future__ import annotations

import re
import unicodedata

# concept: words (singular and plural, en/es/fr) that count it
_CONCEPTS: dict[str, str] = {
    "troops": "troop troops soldier soldiers servicemen serviceman personnel sailors sailor airmen marines "
    "paratroopers militares soldados efectivos tropas effectifs militaires",
    "passengers": "passenger passengers pasajeros pasajero passagers passager",
    "crew": "crew crewmen crew members tripulantes tripulación équipage",
    "equipment": "equipment material materials gear hardware matériel equipos equipo materiales "
    "équipements cargo",
    "aid": "aid supplies humanitarian ayuda suministros víveres aide vivres",
    "aircraft": "aircraft plane planes jet jets airplanes aviones avión avions avion",
    "bombers": "bomber bombers bombarderos bombardiers",
    "vehicles": "vehicle vehicles cars vehículos vehiculos véhicules coches autos",
    "people": "people persons personas personnes residents habitants habitantes",
    "children": "children kids niños enfants",
    "officers": "officers police policemen agentes policías policiers",
    "ships": "ships vessels boats buques barcos navires",
    "homes": "homes houses viviendas casas maisons",
    "arrests": "arrests arrested detenidos detenciones arrestations",
}
CONCEPT_OF: dict[str, str] = {word: concept for concept, words in _CONCEPTS.items() for word in words.split()}

#: Quantity categories whose values are compared as counts of victims.
CASUALTIES = ("killed", "injured", "missing")
#: Attribute labels by reading category (the ones not listed keep their category name).
CATEGORY_LABELS = {"weight": "weight", "money": "amount", "distance": "distance", "percent": "share"}

#: Duration units, as the reading stage writes them or as words, by canonical unit.
_DURATION_UNITS = {
    "year": "year years año años an ans année années",
    "month": "month months mes meses mois",
    "week": "week weeks semana semanas semaine semaines",
    "day": "day days día días dia dias jour jours",
    "hour": "hour hours hora horas heure heures",
    "minute": "minute minutes minuto minutos",
}
DURATION_UNIT_OF = {word: unit for unit, words in _DURATION_UNITS.items() for word in words.split()}

#: Words that place a person in the role of the suspect or of a victim (for ages and names).
SUSPECT_CUES = frozenset(
    [
        "suspect",
        "suspects",
        "gunman",
        "shooter",
        "arrested",
        "arrest",
        "custody",
        "charged",
        "accused",
        "detained",
        "attacker",
        "sospechoso",
        "detenido",
        "suspect",
        "tireur",
    ]
)
VICTIM_CUES = frozenset(
    [
        "victim",
        "victims",
        "killed",
        "dead",
        "died",
        "wounded",
        "injured",
        "slain",
        "identified",
        "víctima",
        "víctimas",
        "muertos",
        "victime",
    ]
)

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "his",
        "her",
        "their",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "not",
        "no",
        "than",
        "then",
        "there",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "said",
        "says",
        "told",
        "after",
        "before",
        "into",
        "over",
        "about",
        "up",
        "out",
        "more",
        "most",
        "also",
        "would",
        "could",
        "will",
        "can",
        "may",
        "might",
        "el",
        "la",
        "los",
        "las",
        "de",
        "del",
        "en",
        "y",
        "o",
        "un",
        "una",
        "que",
        "se",
        "por",
        "con",
        "para",
        "al",
        "le",
        "les",
        "des",
        "du",
        "et",
        "ou",
        "un",
        "une",
        "au",
        "aux",
        "est",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents: "Maiquetía" → "maiquetia"."""
    if text.isascii():  # nothing to decompose: the common case, and the hot one
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def content_words(text: str) -> frozenset[str]:
    """The folded content words of a sentence, for telling apart claims about different things."""
    return frozenset(w for w in _WORD.findall(fold(text)) if len(w) > 2 and w not in _STOP)


def concept_of(counted: str | None) -> str | None:
    """The concept a counted noun counts ("soldiers" → "troops"), or the folded noun itself."""
    if not counted:
        return None
    words = fold(counted).replace("-", " ").split()
    for word in reversed(words):
        if word in CONCEPT_OF:
            return CONCEPT_OF[word]
    return words[-1] if words else None


def duration_unit(text: str, unit: str | None) -> str | None:
    """The canonical unit of a duration quantity ("five-year" → "year", "cuatro horas" → "hour")."""
    if unit and unit in DURATION_UNIT_OF:
        return DURATION_UNIT_OF[unit]
    for word in reversed(_WORD.findall(fold(text))):
        if word in DURATION_UNIT_OF:
            return DURATION_UNIT_OF[word]
    return None
