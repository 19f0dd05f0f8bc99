"""The NLP model interface: per-language pipelines, the blank fallback, and the fast POS table."""

from __future__ import annotations

import pytest

from newsparallax.errors import ConfigError
from newsparallax.read.nlp import DEFAULT_MODELS, NlpModels, NlpSettings

TEXTS = [
    "The ferry was not carrying as many passengers as the company had said, officials told reporters.",
    "Inspectors are checking whether the hull is damaged; they have not found a leak so far.",
    "Two cranes that had been idle since June were moved to the pier on Saturday.",
]


def test_fast_pos_table_matches_the_attribute_ruler() -> None:
    import spacy

    fast = list(NlpModels().pipe(TEXTS, "en"))
    full = list(spacy.load(DEFAULT_MODELS["en"]).pipe(TEXTS))
    pairs = [(a.pos_, b.pos_) for d1, d2 in zip(fast, full, strict=True) for a, b in zip(d1, d2, strict=True)]
    agree = sum(a == b for a, b in pairs) / len(pairs)
    assert agree >= 0.98, [p for p in pairs if p[0] != p[1]]


def test_language_without_a_model_gets_sentences() -> None:
    models = NlpModels()
    assert models.name_for("pt") == "blank:pt"
    doc = next(models.pipe(["O navio encalhou perto do porto. Ninguém ficou ferido."], "pt"))
    assert len(list(doc.sents)) == 2 and not doc.ents
    assert not models.has_parser("pt") and models.has_parser("en")


def test_unknown_model_is_a_clear_error() -> None:
    models = NlpModels(NlpSettings(models={"en": "no_such_pipeline_xyz"}))
    with pytest.raises(ConfigError, match="not installed"):
        models.pipeline("en")


def test_looked_up_pos_is_what_the_rules_give_each_token() -> None:
    from newsparallax.read.nlp import _POS_TABLES, pos_of

    models = NlpModels()
    docs = list(models.pipe(TEXTS + TEXTS[::-1], "en"))  # the second half is answered from the memo
    tagger = _POS_TABLES[id(models.pipeline("en"))]
    assert tagger.memo
    assert all((token.pos_ or None) == pos_of(token, tagger.table) for doc in docs for token in doc)


def test_empty_and_odd_texts_get_a_doc_each() -> None:
    docs = list(NlpModels().pipe(["", "   ", "\x00\ufffd", "Ok."], "en"))
    assert [len(d) > 0 for d in docs] == [False, True, True, True]
    assert docs[-1][0].pos_  # the last text's tokens still get their coarse POS
