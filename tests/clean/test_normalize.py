"""The ``normalize`` stage: characters, spaces, lines and paragraphs."""

from __future__ import annotations

import pytest

from newsparallax.clean.normalize import normalize, normalize_text, normalize_title
from newsparallax.model import Article


def test_nfc_composes_accents_and_keeps_them() -> None:
    decomposed = "La alcalde\u0301sa de Montefri\u0301o inauguro\u0301 el puente."
    assert normalize_text(decomposed) == "La alcaldésa de Montefrío inauguró el puente."


def test_nfc_not_nfkc_keeps_ligatures_and_full_width() -> None:
    assert normalize_text("Le ﬁlm de Zoé sort à Ｖelmora.") == "Le ﬁlm de Zoé sort à Ｖelmora."


@pytest.mark.parametrize(
    "space", ["\u00a0", "\u2009", "\u202f", "\u2003", "\u3000", "\u205f"], ids=lambda s: f"U+{ord(s):04X}"
)
def test_odd_spaces_become_plain(space: str) -> None:
    assert normalize_text(f"Le port{space}de Velmora{space}{space}rouvre.") == "Le port de Velmora rouvre."


def test_zero_width_and_soft_hyphen_are_removed_but_joiners_kept() -> None:
    text = "Dal\u200bmora sig\u00adned the\ufeff deal.\nمی\u200cخواهم"
    assert normalize_text(text) == "Dalmora signed the deal.\nمی\u200cخواهم"


def test_control_characters_removed_except_newline_and_tab() -> None:
    assert normalize_text("The\x00 mayor\x07 of\tOstland\x1b spoke.\x7f") == "The mayor of Ostland spoke."


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\x85"], ids=repr)
def test_line_endings_become_newline(newline: str) -> None:
    assert normalize_text(f"First line.{newline}Second line.") == "First line.\nSecond line."


def test_paragraph_separator_makes_a_blank_line() -> None:
    assert normalize_text("One.\u2029Two.") == "One.\n\nTwo."


def test_trailing_spaces_stripped_and_runs_collapsed() -> None:
    text = "  The   council  of\t\tBrovia   met.   \nIt voted.\t "
    assert normalize_text(text) == "The council of Brovia met.\nIt voted."


def test_blank_line_runs_collapse_to_one_and_single_newlines_stay() -> None:
    text = "\n\n  First paragraph, line one.\nLine two.\n\n\n\n   \n\t\nSecond paragraph.\n\n"
    assert normalize_text(text) == "First paragraph, line one.\nLine two.\n\nSecond paragraph."


def test_one_paragraph_per_line_is_not_joined() -> None:
    text = "Police in Dalmora closed the road.\nResidents were told to stay home.\nThe storm passed."
    assert normalize_text(text) == text


def test_empty_and_whitespace_bodies() -> None:
    assert normalize_text("") == ""
    assert normalize_text(" \n\u00a0\n\t ") == ""


def test_title_folded_onto_one_line() -> None:
    assert normalize_title("  Flood\u00a0hits\n  Velmora\r\n valley ") == "Flood hits Velmora valley"


@pytest.mark.parametrize("title", [None, "", "   ", "\u200b\n"])
def test_empty_title_becomes_none(title: str | None) -> None:
    assert normalize_title(title) is None


def test_stage_updates_article_in_place() -> None:
    article = Article(
        id="n1", text="Cafe\u0301  in\u00a0Brovia\r\n\r\n\r\nclosed.", title=" Cafe\u0301 news "
    )
    result = normalize(article)
    assert result is article
    assert article.text == "Café in Brovia\n\nclosed."
    assert article.title == "Café news"
