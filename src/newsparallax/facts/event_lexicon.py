"""The trigger lexicon of :mod:`newsparallax.facts.event_types`: folded words and the hits in them.

A text's words are case- and accent-folded.  The trigger patterns of every PLOVER type (in English,
Spanish and French, from :mod:`.taxonomy`) and the cues of every ACLED sub-type are indexed by their
first word, or by its first three letters where that word is a prefix ("attack*"), and matched word by
word.  The first hit of each type or sub-type, as it reads in the text, is the cue behind an answer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsparallax.facts.taxonomy import ACLED, PLOVER_TYPES, triggers


def fold(text: str) -> str:
    """Case- and accent-folded text."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Token:
    key: str  # folded
    start: int
    end: int


@dataclass(frozen=True)
class Hit:
    label: str  # an entry of LEXICON_LABELS
    first: int  # token index
    last: int  # token index, inclusive


@dataclass(frozen=True)
class Evidence:
    """A text's words and the trigger patterns found in them (in text order)."""

    text: str
    words: list[Token]
    hits: list[Hit]

    def surface(self, first: int, last: int) -> str:
        return self.text[self.words[first].start : self.words[last].end]


Pattern = tuple[str, tuple[tuple[str, bool], ...]]  # label, (part, is_prefix) ...


@lru_cache(maxsize=8)
def _lexicon(language: str | None) -> tuple[dict[str, list[Pattern]], dict[str, list[Pattern]]]:
    """Patterns indexed by their first word (exact) or its first three letters (prefix)."""
    exact: dict[str, list[Pattern]] = {}
    prefix: dict[str, list[Pattern]] = {}
    entries = [(f"plover:{t}", p) for t in PLOVER_TYPES for p in triggers(t, language)]
    entries += [(f"acled:{s.code}", p) for s in ACLED.values() for p in s.cues]
    for label, text in entries:
        parts = tuple((fold(w).rstrip("*"), w.endswith("*")) for w in text.split())
        head, is_prefix = parts[0]
        index, key = (prefix, head[:3]) if is_prefix else (exact, head)
        index.setdefault(key, []).append((label, parts))
    return exact, prefix


def lexicon_hits(keys: Sequence[str], language: str | None) -> list[Hit]:
    """Every trigger pattern found in the folded words, in text order."""
    exact, prefix = _lexicon(language)
    found: list[Hit] = []
    for i, key in enumerate(keys):
        for label, parts in exact.get(key, []) + prefix.get(key[:3], []):
            if _matches(parts, keys, i):
                found.append(Hit(label, i, i + len(parts) - 1))
    return found


def _matches(parts: tuple[tuple[str, bool], ...], keys: Sequence[str], start: int) -> bool:
    if start + len(parts) > len(keys):
        return False
    return all(
        keys[start + k].startswith(part) if is_prefix else keys[start + k] == part
        for k, (part, is_prefix) in enumerate(parts)
    )


def hit_cues(found: Evidence) -> dict[str, str]:
    """The first lexicon hit of each type and sub-type (the longest at a tie), as it reads in the text;
    a PLOVER type without a hit of its own takes the first hit of one of its ACLED sub-types."""
    cues: dict[str, str] = {}
    ordered = sorted(found.hits, key=lambda h: (h.first, h.first - h.last))
    for hit in ordered:
        cues.setdefault(hit.label.split(":", 1)[1], found.surface(hit.first, hit.last))
    for hit in ordered:
        kind, label = hit.label.split(":", 1)
        if kind == "acled":
            cues.setdefault(ACLED[label].plover, found.surface(hit.first, hit.last))
    return cues
