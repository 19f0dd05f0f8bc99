"""People's titles, normalised so that two reports' titles for one person can be compared.

A title splits into a *rank* ("Lieutenant General", "Captain", "capitán de navío") and a *role*
("commander of the navy's Fifth Naval Zone").  Roles become sets of canonical
words: synonyms fold together (head/chief/commander/jefe → ``chief``; reporter/journalist →
``journalist``; canciller → ``foreign minister``), countries and demonyms become ISO codes
("Peru's", "Peruvian", "del Perú" → ``pe``).  Two titles are

* **the same** when rank and role words are equal;
* **compatible** when one generalises the other: "General" ⊂ "Lieutenant General", "President" ⊂
  "Venezuela's President", "police chief" = "the city's police chief";
* **in conflict** otherwise ("Captain" vs "Rear Admiral"; "maritime governor of Puerto Montt" vs
  "commander of the Fifth Naval Zone"), and whenever one says *assistant*, *deputy*, *vice*,
  *former* or *acting* and the other does not ("Police Chief" vs "Assistant Police Chief").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Literal

from newsparallax.facts.concepts import fold

Relation = Literal["same", "compatible", "conflict"]

# canonical rank: spellings (folded); the last word of a rank names its family ("general", "admiral")
_RANKS = {
    "lieutenant general": "lieutenant general|lt gen|lt. gen.|lt-gen|lieutenant-general|teniente general",
    "major general": "major general|maj gen|maj. gen.|major-general|general de division",
    "brigadier general": "brigadier general|brig gen|brig. gen.|brigadier|general de brigada",
    "general": "general|gen|gen.|general de ejercito",
    "rear admiral": "rear admiral|rear-admiral|contralmirante|rear adm.",
    "vice admiral": "vice admiral|vice-admiral|vicealmirante|vice adm.",
    "admiral": "admiral|almirante|adm.",
    "captain": "captain|capt|capt.|capitan de navio|capitan|capitaine",
    "colonel": "colonel|col|col.|coronel",
    "lieutenant colonel": "lieutenant colonel|lt col|lt. col.|teniente coronel",
    "major": "major|maj.",
    "lieutenant": "lieutenant|lt|lt.|teniente",
    "sergeant": "sergeant|sgt|sgt.|sargento",
    "commodore": "commodore|comodoro",
}
_RANK_OF = {spelling: rank for rank, spellings in _RANKS.items() for spelling in spellings.split("|")}
_RANK_PATTERN = re.compile(
    r"\b(" + "|".join(sorted((re.escape(s) for s in _RANK_OF), key=len, reverse=True)) + r")(?=\s|$|,)"
)
# words that change which office a title names
MODIFIERS = frozenset(
    [
        "assistant",
        "deputy",
        "vice",
        "former",
        "acting",
        "interim",
        "ex",
        "adjunto",
        "adjunta",
        "subjefe",
        "vicepresidente",
        "adjoint",
    ]
)
_SYNONYMS = {
    "chief": "head chief commander leader jefe jefa director directora chef commandant boss comandante",
    "journalist": "journalist reporter correspondent periodista journaliste reportero",
    "minister": "minister ministro ministra ministre secretary",
    "governor": "governor gobernador gobernadora gouverneur",
    "forces": "force forces fuerzas fuerza armadas armees",
    "air": "air aerea aerienne",
    "armed": "armed",
    "police": "police policia",
    "navy": "navy naval armada marine",
    "army": "army ejercito armee",
    "president": "president presidente presidenta",
    "maritime": "maritime maritimo maritima",
    "command": "command comando commandement",
    "joint": "joint conjunto",
    "prosecutor": "prosecutor fiscal procureur",
    "mayor": "mayor alcalde alcaldesa maire",
    "spokesperson": "spokesperson spokesman spokeswoman portavoz vocero porte-parole",
}
_SYNONYM_OF = {word: canon for canon, words in _SYNONYMS.items() for word in words.split()}
_PHRASES = {"canciller": "foreign minister", "cancilleres": "foreign minister", "counterpart": ""}
_DROP = frozenset(
    [
        "the",
        "of",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "and",
        "de",
        "del",
        "la",
        "el",
        "los",
        "las",
        "y",
        "s",
        "who",
        "which",
        "city",
        "country",
        "nation",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sr",
        "sra",
    ]
)
_NOT_COUNTRIES = frozenset(["un", "eu", "general", "staff", "chief", "national", "state"])
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


def normalize(texts: Iterable[str]) -> dict[str, Any]:
    """One person's titles in one report, as ``{"rank", "role": [words], "text"}``."""
    shown = [t.strip() for t in texts if t and t.strip()]
    ranks: set[str] = set()
    role: set[str] = set()
    for text in shown:
        found_rank, rest = _split_rank(fold(text))
        if found_rank:
            ranks.add(found_rank)
        role |= role_words(rest)
    return {"rank": _most_specific(ranks), "role": sorted(role), "text": "; ".join(shown)}


def _split_rank(folded: str) -> tuple[str | None, str]:
    match = _RANK_PATTERN.search(folded)
    if not match:
        return None, folded
    return _RANK_OF[match.group(1)], folded[: match.start()] + " " + folded[match.end() :]


def _most_specific(ranks: set[str]) -> str | None:
    if not ranks:
        return None
    return max(sorted(ranks), key=lambda rank: len(rank.split()))


@lru_cache(maxsize=4096)
def role_words(folded: str) -> frozenset[str]:
    """Canonical words of a role phrase: "Peru's air force chief" → {pe, air, forces, chief}."""
    for phrase, replacement in _PHRASES.items():
        folded = re.sub(rf"\b{phrase}\b", replacement, folded)
    words: set[str] = set()
    for raw in _WORD.findall(folded.replace("'s", " ").replace("’s", " ")):
        word = _canonical(raw)
        if word:
            words.add(word)
    return frozenset(words)


def _canonical(word: str) -> str | None:
    if word in _DROP or len(word) < 2:
        return None
    if word in _SYNONYM_OF:
        return _SYNONYM_OF[word]
    country = _country(word)
    return country.lower() if country else word


def _country(word: str) -> str | None:
    from newsparallax.read.gazetteer import get_gazetteer

    if word in ("us", "usa"):
        return "US"
    if word in _NOT_COUNTRIES:
        return None
    gazetteer = get_gazetteer()
    code: str | None = gazetteer.country_of_demonym(word) or gazetteer.country_code(word)
    return code


def compare(a: dict[str, Any], b: dict[str, Any]) -> Relation:
    """How two normalised titles of one person relate (see the module docstring)."""
    relations = [_ranks(a.get("rank"), b.get("rank")), _roles(set(a["role"]), set(b["role"]))]
    if "conflict" in relations:
        return "conflict"
    return "same" if relations == ["same", "same"] else "compatible"


def _ranks(a: str | None, b: str | None) -> Relation:
    if a is None or b is None:
        return "same" if a == b else "compatible"
    if a == b:
        return "same"
    shorter, longer = sorted((a, b), key=len)
    return "compatible" if longer.endswith(" " + shorter) else "conflict"


def _roles(a: set[str], b: set[str]) -> Relation:
    if a == b:
        return "same"
    if not a or not b:
        return "compatible"
    if (a & MODIFIERS) != (b & MODIFIERS):
        return "conflict"
    return "compatible" if a <= b or b <= a else "conflict"
