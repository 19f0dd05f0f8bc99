"""The building blocks of the grammars of :mod:`newsparallax.read.timex_patterns`: rules and tables.

A rule is a *core* pattern (a month or weekday name, a number, a fixed phrase) and an optional
*prefix* of words before it ("in early", "last", "el pasado").  Cores start with literal text so
that the regex engine can skip quickly to candidate positions; prefixes are matched backwards on the
reversed text with one anchored match per core hit.  A :class:`Grammar` holds one language's rules
and the tables that turn its words into numbers; the helpers here build both from short specs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

RelSpec = tuple[str, int]  # (unit, offset): ("day", -1) yesterday, ("week", 1) next week, ...
PrefixGroup = tuple[str, str, Iterable[str]]  # (group name, separator after it, phrases)

_NEVER = re.compile(r"(?!x)x")


class Raw(str):
    """A prefix phrase given as a regex already written for the reversed text, like r"\\d{1,3}"."""


@dataclass(frozen=True)
class Prefix:
    """Optional words before a core, in text order; matched on the reversed text."""

    pattern: re.Pattern[str]
    names: tuple[str, ...]

    def find(self, reversed_text: str, start: int) -> dict[str, tuple[str, int]]:
        """The prefix groups that end where a core starts at ``start``: name → (words, start)."""
        size = len(reversed_text)
        found = self.pattern.match(reversed_text, size - start)
        if found is None:
            return {}
        groups = ((name, found.group(name)) for name in self.names)
        return {name: (words[::-1], size - found.end(name)) for name, words in groups if words}


@dataclass(frozen=True)
class Rule:
    kind: str
    core: re.Pattern[str]
    prefix: Prefix | None = None


@dataclass(frozen=True)
class Grammar:
    """The rules of one language and the tables that turn their words into numbers."""

    rules: tuple[Rule, ...]
    future: re.Pattern[str] = _NEVER  # wording that points relative dates forward
    reporting: re.Pattern[str] = _NEVER  # "said", "told": past reporting verbs
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    directions: dict[str, str] = field(default_factory=dict)  # word → last, next, this, future
    relative: dict[str, RelSpec] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # word → minute, hour, day, week, month, year, ...
    shifts: dict[str, int] = field(default_factory=dict)  # ago → -1, later → +1
    ambiguous_months: frozenset[str] = frozenset()  # months that need a strong preposition or a number
    strong_preps: frozenset[str] = frozenset()
    time_after: re.Pattern[str] | None = None  # a clock time right after a day ("at 7:40 p.m.")
    time_before: re.Pattern[str] | None = None  # a clock time right before a day ("7:40 p.m. on")


def norm(phrase: str) -> str:
    """Lower case, single spaces, straight apostrophes: the key form of every table."""
    return " ".join(phrase.replace("’", "'").lower().split())


def _words(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split()).replace("'", "['’]")


def _cased(phrases: Iterable[str]) -> str:
    """Alternation of phrases as written and with a capital first letter, as a trie (fast to scan)."""
    trie: dict[str, Any] = {}
    for phrase in {variant for p in phrases for variant in (p, p[0].upper() + p[1:])}:
        node = trie
        for index, word in enumerate(phrase.split()):
            for token in ([r"\s+"] if index else []) + ["['’]" if c == "'" else re.escape(c) for c in word]:
                node = node.setdefault(token, {})
        node[""] = {}
    return _trie_source(trie)


def _trie_source(node: dict[str, Any]) -> str:
    branches = [token + _trie_source(child) for token, child in node.items() if token]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _rule(kind: str, core: str, *prefix: PrefixGroup) -> Rule:
    """A rule; ``prefix`` groups in text order, each optional, turned into one reversed regex."""
    if not prefix:
        return Rule(kind, re.compile(core))
    parts = []
    for name, separator, phrases in reversed(prefix):
        raw = [str(p) for p in phrases if isinstance(p, Raw)]
        backwards = {
            " ".join(w[::-1] for w in reversed(p.split())) for p in phrases if not isinstance(p, Raw)
        }
        source = "|".join([_words(p) for p in sorted(backwards, key=len, reverse=True)] + raw)
        parts.append(rf"(?:{separator}(?P<{name}>(?i:{source}))(?!\w))?")
    names = tuple(name for name, _, _ in prefix)
    return Rule(kind, re.compile(core), Prefix(re.compile("".join(parts)), names))


def _words_at_start(alternatives: str) -> str:
    """Whole-word alternation ("|"-separated) that starts with literal letters: the boundary check
    comes after the first letter, as a lookbehind, so that the regex engine can skip fast."""
    by_letter: dict[str, list[str]] = {}
    for alternative in re.split(r"\|(?![^()]*\))", alternatives):  # top-level bars only
        by_letter.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(rf"{first}(?<!\w.)(?:{'|'.join(rests)})(?!\w)" for first, rests in by_letter.items())


def _alts(phrases: str) -> list[str]:
    return phrases.split("|")


def _table(names: str, start: int = 1) -> dict[str, int]:
    """Numbers in order: "jan feb mar" → {jan: 1, feb: 2, mar: 3}; "sep/sept" shares one number."""
    return {name: number for number, group in enumerate(names.split(), start) for name in group.split("/")}


def _specs(**units: str) -> dict[str, RelSpec]:
    """Relative phrases by unit: _specs(day="today 0|yesterday -1") → {"today": ("day", 0), ...}."""
    specs: dict[str, RelSpec] = {}
    for unit, entries in units.items():
        for entry in entries.split("|"):
            phrase, offset = entry.rsplit(" ", 1)
            specs[phrase] = (unit, int(offset))
    return specs


def _with_pods(days: dict[str, int], pods: Iterable[str]) -> dict[str, RelSpec]:
    """Phrases like "yesterday morning": a day word followed by a part of the day."""
    return {f"{day} {pod}": ("pod", offset) for day, offset in days.items() for pod in pods}
