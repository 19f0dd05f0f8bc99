"""The English pipeline as production runs it (through ``NlpModels.pipe``), loaded once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from newsparallax.read.nlp import NlpModels

if TYPE_CHECKING:
    from spacy.tokens import Doc

Parse = Callable[[str], "Doc"]


def production_parser() -> Parse:
    models = NlpModels()

    def parse(text: str) -> Doc:
        return next(models.pipe([text], "en"))

    return parse


@pytest.fixture(scope="session")
def nlp() -> Parse:
    return production_parser()
