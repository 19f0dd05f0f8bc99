"""Framing per outlet: invented reports about invented events, and the example corpus."""

from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest

from newsparallax.facts.framing import FramingInput, compare_framing
from newsparallax.ingest.html import extract_html
from newsparallax.read.attribution_rules import find_attributions_plain
from newsparallax.read.layers import as_dict
from tests.conftest import EXAMPLES, shared_path

SOBER = (
    "Two freight trains collided near the town of Eastbrook on Tuesday, the regional rail operator said. "
    "Four crew members were taken to hospital with minor injuries. The line will stay closed until Thursday "
    "while investigators examine the signals, the operator said in a statement. Passenger services were "
    "diverted through Millford. The transport ministry said it had opened an inquiry."
)
OPINIONATED = (
    "How many more warnings do we need? Another brazen collision on a line that everyone knew was a "
    "disaster in waiting. The operator's reckless cost-cutting turned a quiet Tuesday into chaos, and the "
    "ministry, as usual, looks away. Shameful. This could signal a network spinning out of control, and it "
    "raises fears that the next crash will be far worse. Your railway deserves better!"
)
SPANISH_SOBER = (
    "Dos trenes de carga chocaron el martes cerca de Villanueva, informó la empresa ferroviaria. "
    "Cuatro tripulantes fueron trasladados al hospital con heridas leves. La línea permanecerá cerrada "
    "hasta el jueves, según un comunicado."
)
SPANISH_OPINIONATED = (
    "¿Cuántas advertencias más necesitamos? Un nuevo choque vergonzoso en una línea abandonada por un "
    "gobierno irresponsable. La empresa recortó brutalmente el mantenimiento y el resultado es el caos. "
    "Esto podría ser apenas el comienzo de una catástrofe anunciada."
)


def article(
    text: str, outlet: str | None = None, *, article_id: str = "", language: str | None = "en",
    facts: set[str] | None = None, attributions: list[dict[str, Any]] | None = None,
    wire_of: str | None = None,
) -> FramingInput:  # fmt: skip
    """An input with sentences split at terminal punctuation (the reading stage gives them in production)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\s.!?][^.!?]*[.!?]*", text)]
    name = article_id or outlet or "article"
    return FramingInput(name, outlet, text, spans, language, attributions or [], facts or set(), wire_of)


def outlet_of(result: dict[str, Any], name: str) -> dict[str, Any]:
    return next(outlet for outlet in result["outlets"] if outlet["outlet"] == name)


def frame(*inputs: FramingInput) -> dict[str, Any]:
    return compare_framing(inputs, {})


# --- scores and drivers ------------------------------------------------------------------------------


def test_opinionated_paragraph_scores_higher_with_its_drivers() -> None:
    result = frame(article(SOBER, "Rail Wire"), article(OPINIONATED, "The Clarion"))
    loud, calm = outlet_of(result, "The Clarion"), outlet_of(result, "Rail Wire")
    assert loud["score"] > 0.6 and calm["score"] < 0.15
    assert [outlet["outlet"] for outlet in result["outlets"]] == ["The Clarion", "Rail Wire"]
    assert result["most_opinionated"] == "The Clarion"
    assert {"brazen", "reckless", "chaos", "rhetorical question"} <= set(loud["drivers"])
    assert loud["tone"] < -0.5 and loud["subjectivity"] > calm["subjectivity"]
    assert loud["rhetorical"]["questions"] == 1 and loud["rhetorical"]["exclamations"] == 1
    assert loud["rhetorical"]["fragments"] == 1 and loud["rhetorical"]["second_person"] == 1
    terms = {term["term"]: term for term in loud["loaded_terms"]}
    assert terms["reckless"] == {
        "term": "reckless",
        "count": 1,
        "kind": "evaluative",
        "polarity": -1,
        "own_voice": 1,
    }
    assert "'brazen'" in loud["explanation"] and "opinionated" in loud["explanation"]
    assert "sober" in calm["explanation"]


def test_quoted_emotive_words_weigh_less_than_the_reporters_own() -> None:
    own = "The brazen attack on the market was a massacre and a disgrace, leaving the town in chaos."
    quoted = 'The mayor called it "a brazen attack, a massacre and a disgrace" that left the town "in chaos".'
    attribution = {"sentence": 0, "source": "The mayor", "kind": "official", "verb": "said"}
    said = "The attack was brazen, a massacre and a disgrace that left the town in chaos, the mayor said."
    result = frame(
        article(own, "Own"), article(quoted, "Quoted"), article(said, "Said", attributions=[attribution])
    )
    scores = {outlet["outlet"]: outlet["score"] for outlet in result["outlets"]}
    assert scores["Own"] > scores["Said"] > scores["Quoted"] > 0
    assert outlet_of(result, "Quoted")["loaded_terms"][0]["own_voice"] == 0


def test_analogies_are_found_and_place_names_are_not() -> None:
    text = (
        "The warships sailed on Monday. The standoff evokes memories of the Cuban missile crisis, "
        "and some call it a new Cold War. The summit was held in Munich. "
        "Analysts discussed the troubles of the airline."
    )
    analogies = outlet_of(frame(article(text, "Desk")), "Desk")["analogies"]
    found = "evokes memories of the Cuban missile crisis, and some call it a new Cold War"
    assert analogies == [{"article": "Desk", "text": found, "sentence": 1}]
    assert "Cuban missile crisis" in outlet_of(frame(article(text, "Desk")), "Desk")["drivers"]


def test_speculation_and_false_friends() -> None:
    text = (
        "The move may signal a shift, and it could raise prices. Officials might meet again. "
        "The treaty was signed in May. US officials declined to comment. It raises fears of a shortage."
    )
    outlet = outlet_of(frame(article(text, "Desk")), "Desk")
    assert outlet["speculation"] == [
        {"term": "could", "count": 1}, {"term": "may signal", "count": 1}, {"term": "might", "count": 1},
        {"term": "raises fears", "count": 1},
    ]  # fmt: skip
    assert outlet["rhetorical"]["first_person"] == 0


def test_set_phrases_pronouns_in_quotes_and_speech_tags_count_for_nothing() -> None:
    text = (
        "The driver was charged with reckless homicide. Two bystanders were treated for shock. "
        '"We don\'t know why he did it," the chief said. "Why now?" Miller asked. Officers searched the car.'
    )
    outlet = outlet_of(frame(article(text, "Desk")), "Desk")
    assert outlet["loaded_terms"] == [] and outlet["rhetorical"]["first_person"] == 0
    assert outlet["rhetorical"]["fragments"] == 0 and outlet["rhetorical"]["informal"] == 0
    assert outlet["drivers"] == ["rhetorical question"]  # the quoted question, at a quarter weight
    assert outlet["score"] < 0.25 and outlet["rhetorical"]["questions"] == 0


def test_a_named_event_that_is_the_subject_is_no_analogy() -> None:
    text = (
        "The last surviving Watergate prosecutor died on Monday. He joined the Watergate inquiry in 1973. "
        "His notes on Watergate are held by a university library."
    )
    assert outlet_of(frame(article(text, "Desk")), "Desk")["analogies"] == []


def test_inflected_forms_match_their_entry() -> None:
    text = (
        "The rebels brazenly ignored repeated provocations. Officials were blindsided by the chaotic scenes."
    )
    terms = {term["term"] for term in outlet_of(frame(article(text, "Desk")), "Desk")["loaded_terms"]}
    assert {"brazen", "provocation", "blindsided", "chaotic"} <= terms


# --- omissions and voices ----------------------------------------------------------------------------


def test_omissions_are_facts_most_other_outlets_report() -> None:
    labels = {"f1": "killed (train crash)", "f2": "injured (train crash)", "f3": "line closed"}
    inputs = [
        article(SOBER, "A", facts={"f1", "f2", "f3"}),
        article(SOBER, "B", facts={"f1", "f2"}),
        article(SOBER, "C", facts={"f1", "f3"}),
        article(SOBER, "D", facts={"f3"}),
    ]
    result = compare_framing(inputs, labels)
    assert outlet_of(result, "D")["omissions"] == [
        {"fact": "f1", "label": "killed (train crash)", "reported_by": 3},
        {"fact": "f2", "label": "injured (train crash)", "reported_by": 2},
    ]
    assert outlet_of(result, "B")["omissions"] == [{"fact": "f3", "label": "line closed", "reported_by": 3}]
    assert outlet_of(result, "A")["omissions"] == []
    assert "leaves out 2 facts" in outlet_of(result, "D")["explanation"]


def test_syndicated_copies_do_not_count_as_independent_outlets() -> None:
    inputs = [
        article(SOBER, "Wire", article_id="w1", facts={"f1"}),
        article(SOBER, "Copy", article_id="c1", facts={"f1"}, wire_of="w1"),
        article(SOBER, "Local", article_id="l1", facts={"f2"}),
    ]
    result = compare_framing(inputs, {})
    assert outlet_of(result, "Local")["omissions"] == []  # only one independent outlet reports f1
    assert outlet_of(result, "Copy")["wire_of"] == ["w1"]


def test_voices_come_from_attributions() -> None:
    records = [
        {"sentence": 0, "source": "the regional rail operator", "kind": "organisation", "verb": "said"},
        {"sentence": 2, "source": "The operator", "kind": "organisation", "verb": "said", "key": "org:op"},
        {"sentence": 4, "source": "the operator", "kind": "organisation", "verb": "said", "key": "org:op"},
        {"sentence": 3, "source": "", "kind": "unknown", "verb": "", "hedges": ["reportedly"]},
        {"sentence": 4, "source": "The transport ministry", "kind": "official", "verb": "said"},
    ]
    voices = outlet_of(frame(article(SOBER, "Desk", attributions=records)), "Desk")["voices"]
    assert voices == [
        {"source": "The operator", "kind": "organisation", "count": 2},
        {"source": "the regional rail operator", "kind": "organisation", "count": 1},
        {"source": "The transport ministry", "kind": "official", "count": 1},
    ]


# --- languages, edge cases, ordering -----------------------------------------------------------------


def test_spanish_lexicon() -> None:
    result = frame(
        article(SPANISH_SOBER, "Agencia", language="es"),
        article(SPANISH_OPINIONATED, "Tribuna", language="es"),
    )
    loud, calm = outlet_of(result, "Tribuna"), outlet_of(result, "Agencia")
    assert loud["score"] > 0.5 and calm["score"] < 0.15
    assert {"vergonzoso", "irresponsable", "brutal", "caos", "catástrofe"} <= {
        t["term"] for t in loud["loaded_terms"]
    }
    assert loud["speculation"] == [{"term": "podría ser", "count": 1}]
    assert loud["rhetorical"]["questions"] == 1 and loud["languages"] == ["es"]


def test_language_is_guessed_when_unknown() -> None:
    outlet = outlet_of(frame(article(SPANISH_OPINIONATED, "Tribuna", language=None)), "Tribuna")
    assert outlet["languages"] == ["es"] and outlet["score"] > 0.5


def test_empty_text_and_no_inputs() -> None:
    result = frame(article("", "Blank"), FramingInput("x", None, "   ", [], None, [], set()))
    assert [outlet["score"] for outlet in result["outlets"]] == [0.0, 0.0]
    assert outlet_of(result, "x")["articles"] == ["x"]  # no outlet: the article id stands in
    assert result["most_opinionated"] is None
    assert compare_framing([], {}) == {"outlets": [], "most_opinionated": None, "method": result["method"]}


def test_articles_pool_per_outlet_and_output_is_deterministic() -> None:
    inputs = [
        article(SOBER, "Rail Wire", article_id="r1", facts={"f1"}),
        article(OPINIONATED, "The Clarion", article_id="c2", facts={"f1"}),
        article(SOBER, "The Clarion", article_id="c1"),
        article(SOBER, "Another Wire", article_id="a1", facts={"f1"}),
    ]
    first = compare_framing(inputs, {"f1": "killed"})
    shuffled = list(inputs)
    random.Random(7).shuffle(shuffled)
    assert json.dumps(compare_framing(shuffled, {"f1": "killed"})) == json.dumps(first)
    assert outlet_of(first, "The Clarion")["articles"] == ["c1", "c2"]
    names = [outlet["outlet"] for outlet in first["outlets"]]
    assert names == ["The Clarion", "Another Wire", "Rail Wire"]  # equal scores: by name


# --- the example corpus ------------------------------------------------------------------------------


def example(article_id: str, outlet: str, text: str, language: str = "en") -> FramingInput:
    """An example article with the regex attributions (sentences are those the attributions index)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\s.!?][^.!?\n]*[.!?]*[\"”]?", text)]
    records = []
    for start, _, record in find_attributions_plain(text):
        record.sentence = max(i for i, (left, _) in enumerate(spans) if left <= start) if spans else 0
        records.append(as_dict(record))
    return FramingInput(article_id, outlet, text, spans, language, records, set())


def test_example_corpus_daily_clarion_is_clearly_the_most_opinionated() -> None:
    wire = {row["id"]: row for row in map(json.loads, (EXAMPLES / "wire.jsonl").read_text().splitlines())}
    page = extract_html((EXAMPLES / "pages" / "meridianpost-shooting.html").read_text(), None)
    assert page is not None
    inputs = [
        example(
            "c-dailyclarion", "The Daily Clarion", (EXAMPLES / "c-dailyclarion-shooting.txt").read_text()
        ),
        example("c-lakefrontledger", "Lakefront Ledger", wire["c-lakefrontledger-shooting"]["text"]),
        example("c-mwpr", "MWPR", wire["c-mwpr-shooting"]["text"]),
        example("c-meridianpost", "The Meridian Post", page["text"]),
    ]
    result = compare_framing(inputs, {})
    scores = {outlet["outlet"]: outlet["score"] for outlet in result["outlets"]}
    assert result["most_opinionated"] == "The Daily Clarion"
    assert scores["The Daily Clarion"] > 0.5
    for sober in ("Lakefront Ledger", "MWPR", "The Meridian Post"):
        assert scores[sober] < 0.2 and scores["The Daily Clarion"] - scores[sober] > 0.4
    assert {"massacre", "gunned down"} <= set(outlet_of(result, "The Daily Clarion")["drivers"])


def test_example_corpus_spanish_reports_read_as_sober() -> None:
    for name in ("a-elreloncavi-ferry.txt", "b-vozandina-acuerdo.txt"):
        item = example(name, name, (EXAMPLES / name).read_text(), "es")
        assert compare_framing([item], {})["outlets"][0]["score"] < 0.25


@pytest.mark.shared
def test_seed_reports_the_herald_reads_clearly_more_opinionated_than_the_wire_copy() -> None:
    rows = [json.loads(line) for line in shared_path("seeds/seeds.jsonl").read_text().splitlines() if line]
    result = compare_framing([example(row["id"], row["source"], row["text"]) for row in rows], {})
    scores = {outlet["outlet"]: outlet["score"] for outlet in result["outlets"]}
    assert result["most_opinionated"] == "nzherald.co.nz"
    assert scores["nzherald.co.nz"] > 0.4 and scores["firstpost.com"] < 0.2
    herald = outlet_of(result, "nzherald.co.nz")
    assert "Cuban missile crisis" in herald["drivers"] and herald["analogies"]
