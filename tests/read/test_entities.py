"""Canonical names within an article, keys across articles, titles from pre-modifiers and appositions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsparallax.read.entities import entity_key, find_entities, fold
from newsparallax.read.layers import EntityMention

if TYPE_CHECKING:
    from tests.read.conftest import Parse

STORY = (
    "Opposition leader Marta Quiroga met President Tomás Herrera in Valparaíso on Friday. "
    "Herrera said the talks were useful. Quiroga disagreed. "
    "The delegation was led by Deputy Interior Minister Paulo Benavides, head of the border police, "
    "who arrived late. Later, Benavides told reporters the crossing would reopen."
)


def _people(nlp: Parse, text: str) -> list[EntityMention]:
    doc = nlp(text)
    sentence_of = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sentence_of[i] = index
    return [m for m in find_entities(doc, sentence_of) if m.label == "PERSON"]


def test_fold_and_keys() -> None:
    assert fold("Nicolás  Maduro") == "nicolas maduro"
    assert (
        entity_key("person", "Tomás Herrera")
        == entity_key("person", "Tomas HERRERA")
        == "person:tomas herrera"
    )


def test_short_forms_take_the_full_name(nlp: Parse) -> None:
    people = _people(nlp, STORY)
    keys = {m.text: m.key for m in people}
    assert keys["Herrera"] == "person:tomas herrera"
    assert keys["Quiroga"] == "person:marta quiroga"
    assert keys["Benavides"] == "person:paulo benavides"


def test_titles_from_premodifiers_and_appositions(nlp: Parse) -> None:
    titles = {m.key: m.titles for m in _people(nlp, STORY) if m.titles}
    assert "Opposition leader" in titles["person:marta quiroga"]
    assert "President" in titles["person:tomas herrera"]
    assert "Deputy Interior Minister" in titles["person:paulo benavides"]
    assert "head of the border police" in titles["person:paulo benavides"]


def test_unlabelled_surname_is_recovered(nlp: Parse) -> None:
    text = (
        "The convoy was escorted by Commander of the Northern Fleet Ilya Varenko and two frigates. "
        "Analysts said Ilya Varenko had planned the exercise for months."
    )
    people = _people(nlp, text)
    assert [m.key for m in people].count("person:ilya varenko") == 2


def test_platforms_are_not_people(nlp: Parse) -> None:
    doc_people = _people(nlp, "Sputnik said the flights were routine. Twitter users disagreed.")
    assert all(m.text not in ("Sputnik", "Twitter") for m in doc_people)


def test_accented_and_plain_spellings_share_a_key(nlp: Parse) -> None:
    first = _people(nlp, "President Tomás Herrera spoke on Monday.")
    second = _people(nlp, "President Tomas Herrera spoke on Monday.")
    assert first[0].key == second[0].key


def test_title_before_the_name_in_apposition(nlp: Parse) -> None:
    people = _people(nlp, "The claim came from an independent Chilean journalist, Rosa Aldunate, on Sunday.")
    assert any("journalist" in t for m in people for t in m.titles)


def test_spans_are_built_without_spacy_imported_by_the_module() -> None:
    """The module imports spaCy only where it builds a span; trimming and extending still label them."""
    import spacy

    from newsparallax.read.entities import _labelled, _trim

    doc = spacy.blank("en")("Acme Corp Ilya Varenko said")
    org = _labelled(doc, 0, 4, "ORG")
    trimmed = _trim(org, {2, 3})
    assert trimmed is not None and (trimmed.text, trimmed.label_) == ("Acme Corp", "ORG")
    assert _trim(org, {0}) is None


def test_importing_the_reading_stage_does_not_import_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, newsparallax.config, newsparallax.read.reader; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
