"""The ``dateline`` stage: leading dates, datelines and wire credits (all stories invented)."""

from __future__ import annotations

from typing import Any

import pytest

from newsparallax.clean.dateline import agency_name, extract_dateline, split_dateline, take_credits
from newsparallax.model import Article

BODY = "The harbour of Velmora reopened on Friday.\n\nOfficials said trade would resume next week."


def run(text: str, **fields: Any) -> Article:
    article = Article(id="d1", text=text, **fields)
    return extract_dateline(article)


# --- leading date ----------------------------------------------------------------------------


def test_leading_date_sets_published_and_is_removed() -> None:
    article = run("date 2019-03-25\n\nThe council of Brovia met on Monday.")
    assert article.published == "2019-03-25"
    assert article.text == "The council of Brovia met on Monday."


def test_leading_date_with_spaces_and_capitals() -> None:
    article = run("   DATE 2020-11-02\nA bridge in Ostland collapsed.")
    assert article.published == "2020-11-02"
    assert article.text == "A bridge in Ostland collapsed."


def test_leading_date_does_not_overwrite_given_published_but_is_removed() -> None:
    article = run("date 2019-03-25\nThe council met.", published="2019-03-24T10:00:00Z")
    assert article.published == "2019-03-24T10:00:00Z"
    assert article.text == "The council met."


def test_invalid_leading_date_is_removed_without_setting_published() -> None:
    article = run("date 2019-02-30\nThe council met.")
    assert article.published is None
    assert article.text == "The council met."


def test_date_then_dateline() -> None:
    article = run("date 2021-06-01\n\nDALMORA (Reuters) - Farmers blocked the highway.")
    assert (article.published, article.dateline, article.wires) == ("2021-06-01", "Dalmora", ["Reuters"])
    assert article.text == "Farmers blocked the highway."


def test_sentence_starting_with_date_word_is_kept() -> None:
    assert run("Date 2019-03-25 was chosen for the vote.").text == "Date 2019-03-25 was chosen for the vote."


# --- datelines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "wires", "rest"),
    [
        ("CARACAS (Reuters) - The Velmora council voted.", "Caracas", ["Reuters"], "The Velmora council"),
        ("CARACAS, Venezuela (AP) — Officials said so.", "Caracas, Venezuela", ["AP"], "Officials said"),
        ("WASHINGTON — The senate of Ostland met.", "Washington", [], "The senate"),
        ("Caracas: Thousands of people marched in the capital.", "Caracas", [], "Thousands of people"),
        ("HAWTHORNE — A small fire broke out at the depot.", "Hawthorne", [], "A small fire"),
        ("KIDRON, Ohio - Farmers gathered at the auction barn.", "Kidron, Ohio", [], "Farmers gathered"),
        ("Detroit — The city council voted to rename the bridge.", "Detroit", [], "The city council"),
        ("Norfolk, Va.- The navy yard reopened on Monday.", "Norfolk, Va.", [], "The navy yard"),
        ("PARIS, March 3 (Reuters) - Ministers of Brovia met.", "Paris", ["Reuters"], "Ministers of Brovia"),
        ("LIMA, Peru, Jan. 12 (AP) — The mayor said.", "Lima, Peru", ["AP"], "The mayor said."),
        ("RIO DE JANEIRO (AFP) - Carnival organisers cheered.", "Rio de Janeiro", ["AFP"], "Carnival"),
        ("PORT-AU-PRINCE — Aid arrived by boat.", "Port-au-Prince", [], "Aid arrived"),
        ("THE HAGUE (Reuters) - Judges in the Velmora case ruled.", "The Hague", ["Reuters"], "Judges"),
        ("WASHINGTON—The vote on the Ostland treaty was delayed.", "Washington", [], "The vote"),
        ("BEIJING, Feb. 2 (Xinhua) -- A new rail line opened.", "Beijing", ["Xinhua"], "A new rail line"),
        ("Caracas, 3 mar (EFE).- El presidente de Velmora habló.", "Caracas", ["EFE"], "El presidente"),
        ("Winston-Salem — Police arrested two men on Friday.", "Winston-Salem", [], "Police arrested"),
        ("Rio de Janeiro — Police said the case was closed.", "Rio de Janeiro", [], "Police said"),
        ("BERLIN (dpa/AFP) – The Brovian embassy reopened.", "Berlin", ["DPA", "AFP"], "The Brovian"),
        ("SAN TOMAS (CNN) — The governor of Ostland spoke.", "San Tomas", [], "The governor"),
        ("KIDRON, OHIO — Farmers sold their hay.", "Kidron, Ohio", [], "Farmers sold"),
        ("WASHINGTON, DC — The museum of Ostland art reopened.", "Washington, DC", [], "The museum"),
    ],
)
def test_datelines_are_taken(text: str, place: str, wires: list[str], rest: str) -> None:
    article = run(text)
    assert article.dateline == place
    assert article.wires == wires
    assert article.text.startswith(rest)


def test_bare_wire_prefix_without_place() -> None:
    article = run("(AFP) - Police in Dalmora said the road was closed.")
    assert (article.dateline, article.wires) == (None, ["AFP"])
    assert article.text == "Police in Dalmora said the road was closed."


def test_dateline_on_its_own_line() -> None:
    article = run("OSTBURG (Reuters) -\nThe port reopened after the strike.")
    assert (article.dateline, article.text) == ("Ostburg", "The port reopened after the strike.")


@pytest.mark.parametrize(
    "text",
    [
        "Two Russian planes landed: the crews were safe.",
        "Maria Lopez — who was elected in 2019 — resigned on Monday.",
        "Maria Lopez: I never wanted this job, she told reporters.",
        "Maria Lopez: “We will rebuild the school,” she said.",
        "President Obrel — The leader of Ostland said nothing.",
        "Mayor Ana Ruiz: The budget will be cut, she said.",
        "BREAKING: Floods hit the Velmora valley overnight.",
        "Update: The road to Dalmora has reopened to traffic.",
        "ANALYSIS — Why the Brovian economy slowed down this year.",
        "US — The talks in Genva ended without a deal.",
        "U.S. — The talks in Genva ended without a deal.",
        "Mr. Obrel — The leader of Ostland said nothing.",
        "Rio de Janeiro: Police said the case was closed.",
        "EU: Leaders agree on the budget after long talks.",
        "Q&A: How the vote works in Ostland this year.",
        "Venezuela's President — Maria Ortez said the talks failed.",
        "Storm Hits Coast — Thousands Evacuated As Waters Rise",
        "Acme Corp said: the quarterly results were good.",
        "Officials, however, said — nothing at all.",
        "The Hague — Judges ruled on Friday that the case would go on.",
        "Maria Lopez (pictured) — The mayor of Velmora said.",
        "Bank of Ostland — The central bank raised rates again.",
        "Detroit — the city council voted to rename the bridge.",
        "Detroit —\nThe city council voted to rename the bridge.",
        "Yesterday — A day nobody in Velmora will forget.",
        "The council voted 7-2 on Monday to close the depot.",
        "A well-known Brovian chef - known for soups - opened a café.",
        "WASHINGTON",
        "CARACAS (Reuters) -",
        "Velmora Valley Regional Transport Authority Board — The board met today.",
    ],
)
def test_non_datelines_are_left_alone(text: str) -> None:
    article = run(text)
    assert article.dateline is None
    assert article.wires == []
    assert article.text == text


def test_long_head_is_not_a_dateline() -> None:
    text = "SAN JUAN DE LOS MORROS DEL SUR, Guarico Province Region — The mayor spoke."
    assert split_dateline(text) == (text, None, [])


def test_given_dateline_is_kept() -> None:
    article = run("OSTBURG (Reuters) - The port reopened.", dateline="Ostburg Harbour")
    assert article.dateline == "Ostburg Harbour"
    assert article.text == "The port reopened."


# --- wire credits ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credit", "wires"),
    [
        ("- With AP", ["AP"]),
        ("— With AFP, Reuters", ["AFP", "Reuters"]),
        ("(AFP)", ["AFP"]),
        ("Reuters", ["Reuters"]),
        ("Additional reporting by Reuters", ["Reuters"]),
        ("© Agence France-Presse", ["AFP"]),
        ("Associated Press contributed to this report.", ["AP"]),
        ("The Associated Press and Bloomberg News contributed to this report.", ["AP", "Bloomberg"]),
        ("AFP/Reuters", ["AFP", "Reuters"]),
        ("Source: Xinhua", ["Xinhua"]),
        ("Copyright 2021 AFP. All rights reserved.", ["AFP"]),
        ("with reporting from dpa", ["DPA"]),
        ("— With Press Trust of India", ["PTI"]),
        ("(IANS)", ["IANS"]),
    ],
)
def test_wire_credits_are_taken(credit: str, wires: list[str]) -> None:
    article = run(f"{BODY}\n\n{credit}")
    assert article.wires == wires
    assert article.text == BODY


@pytest.mark.parametrize(
    "tail",
    [
        "Reporting by Ana Ruiz; Editing by Tom Hale",
        "Photo: Reuters",
        "AP Photo/Jane Doe",
        "Reuters reported the same figures last year, officials said.",
        "The deal was first reported by AFP on Tuesday.",
    ],
)
def test_other_last_lines_are_kept(tail: str) -> None:
    article = run(f"{BODY}\n\n{tail}")
    assert article.wires == []
    assert article.text == f"{BODY}\n\n{tail}"


def test_credits_among_the_last_lines_and_deduplicated_in_order() -> None:
    article = run(
        f"OSTBURG (Reuters) - {BODY}\n\n— With AFP, Reuters\n© Agence France-Presse\nShare this article"
    )
    assert article.wires == ["Reuters", "AFP"]
    assert article.text == f"{BODY}\n\nShare this article"


def test_credit_glued_to_the_last_sentence() -> None:
    assert take_credits("The talks resume next week. - With AFP") == ("The talks resume next week.", ["AFP"])
    assert take_credits("The talks resume next week. (Reuters)") == (
        "The talks resume next week.",
        ["Reuters"],
    )


def test_credit_never_empties_the_body() -> None:
    assert take_credits("Reuters") == ("Reuters", [])


def test_existing_wires_are_kept_first() -> None:
    article = run(f"{BODY}\n\n- With AP", wires=["AFP", "AP"])
    assert article.wires == ["AFP", "AP"]


@pytest.mark.parametrize(
    ("name", "short"),
    [("Agence France-Presse", "AFP"), ("agence france presse", "AFP"), ("the Associated Press", "AP"),
     ("dpa", "DPA"), ("ITAR-TASS", "TASS"), ("Reuters", "Reuters"), ("CNN", None)],
)  # fmt: skip
def test_agency_names(name: str, short: str | None) -> None:
    assert agency_name(name) == short
