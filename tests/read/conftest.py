"""The English pipeline, loaded once for all reading tests (as production loads it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsparallax.read.nlp import NlpModels

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    return NlpModels().pipeline("en")
