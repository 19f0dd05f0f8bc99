"""The ``language`` stage: given codes normalised, others detected with py3langid (texts invented)."""

from __future__ import annotations

import pytest

from newsparallax.clean.language import detect_language, guess_language, normalize_code
from newsparallax.model import Article

SPANISH = (
    "El ayuntamiento de Villaverde aprobó el martes un nuevo plan para reparar los puentes dañados "
    "por las lluvias. Los vecinos pidieron más información sobre el calendario de las obras."
)
FRENCH = (
    "Le conseil municipal de Valmont a voté jeudi la fermeture de l'usine de papier. Les habitants "
    "craignent la perte de centaines d'emplois dans la région, selon le maire."
)
ENGLISH = (
    "The town council of Velmora voted on Tuesday to close the old paper mill. Residents fear the "
    "loss of hundreds of jobs in the valley, the mayor said."
)
GERMAN = (
    "Der Stadtrat von Ostburg hat am Dienstag beschlossen, die alte Brücke über den Fluss zu sperren. "
    "Die Anwohner sind besorgt über die langen Umwege."
)


def run(text: str, title: str | None = None, language: str | None = None) -> Article:
    return detect_language(Article(id="l1", text=text, title=title, language=language))


@pytest.mark.parametrize(("text", "code"), [(SPANISH, "es"), (FRENCH, "fr"), (ENGLISH, "en"), (GERMAN, "de")])
def test_detects_language_of_body(text: str, code: str) -> None:
    assert run(text).language == code


@pytest.mark.parametrize(
    ("given", "code"),
    [("en-US", "en"), ("EN", "en"), ("en_GB", "en"), (" fr ", "fr"), ("es-419", "es"), ("fra", "fr"),
     ("ger", "de"), ("iw", "he"), ("pt-BR", "pt"), ("yue", "zh")],
)  # fmt: skip
def test_given_language_is_kept_and_normalised(given: str, code: str) -> None:
    assert run(SPANISH, language=given).language == code


@pytest.mark.parametrize("value", ["", "und", "zxx", "English", "e", "12", "mul"])
def test_non_codes(value: str) -> None:
    assert normalize_code(value) is None


def test_unrecognised_given_code_is_replaced_by_detection_with_a_note() -> None:
    article = run(FRENCH, language="Français")
    assert article.language == "fr"
    assert any("Français" in note for note in article.notes)


def test_blank_given_language_is_detected_without_note() -> None:
    article = run(ENGLISH, language="  ")
    assert (article.language, article.notes) == ("en", [])


def test_short_body_uses_title() -> None:
    article = run(
        "Ver foto.", title="Villaverde aprueba el plan para reparar los puentes dañados por la lluvia"
    )
    assert article.language == "es"


def test_headline_only_article_uses_title() -> None:
    article = run("", title="Le conseil municipal de Valmont vote la fermeture de l'usine de papier")
    assert article.language == "fr"


@pytest.mark.parametrize("text", ["", "   ", "12345 678 -- 90", "!!! ???"])
def test_nothing_to_classify_is_none(text: str) -> None:
    assert run(text).language is None


def test_only_the_start_of_long_text_is_read() -> None:
    french = (FRENCH + " ") * 13
    assert len(french) > 2000
    assert guess_language(french + ENGLISH * 100) == "fr"


def test_detection_leaves_the_text_alone() -> None:
    article = run(SPANISH)
    assert "aprobó" in article.text
