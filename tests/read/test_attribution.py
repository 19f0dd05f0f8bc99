"""Attribution of sentences to their sources: invented news about invented people."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from newsparallax.read.attribution import find_attributions, find_attributions_plain
from newsparallax.read.layers import Attribution
from tests.conftest import shared_path
from tests.read.conftest import Parse, production_parser

if TYPE_CHECKING:
    pass


@pytest.fixture(scope="module")
def nlp() -> Parse:
    return production_parser()


def attribute(nlp: Parse, text: str) -> dict[int, Attribution]:
    return {record.sentence: record for record in find_attributions(nlp(text))}


def only(nlp: Parse, text: str) -> Attribution:
    found = attribute(nlp, text)
    assert list(found) == [0], found
    return found[0]


# --- nesting ---------------------------------------------------------------------------------------


def test_reporter_of_a_tweet_is_the_via(nlp: Parse) -> None:
    text = "Sputnik reported that journalist Ramon Ortega said on Twitter that two aircraft had landed."
    record = only(nlp, text)
    assert record.source == "Ramon Ortega"
    assert record.via == ["Sputnik"]
    assert (record.kind, record.channel, record.verb) == ("social_media", "Twitter", "said")
    assert text[record.start : record.end] == "Ramon Ortega"


def test_three_level_chain_is_nearest_first(nlp: Parse) -> None:
    text = (
        "The Valley Herald reported that the Norvik News Agency said journalist Ana Ruiz tweeted "
        "that the bridge had collapsed."
    )
    record = only(nlp, text)
    assert record.source == "Ana Ruiz"
    assert record.verb == "tweeted"
    assert record.channel == "Twitter"
    assert len(record.via) == 2
    assert "Norvik News Agency" in record.via[0]
    assert "Valley Herald" in record.via[1]


def test_clause_outside_the_content_is_not_nested(nlp: Parse) -> None:
    text = "Officials say the port is open, though Ortega has said the opposite."
    record = only(nlp, text)
    assert record.source == "Officials"
    assert record.via == []


# --- sentence-final, quotes, inverted speech ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        ("The planes landed on Saturday, the official said.", "the official", "official"),
        ("The ceasefire held overnight, police said Monday.", "police", "official"),
        ("Police said Monday that four suspects were arrested.", "Police", "official"),
        ("Rebels seized the town, state television reported.", "state television", "media"),
        ("Local media reported that the dam had burst.", "Local media", "media"),
        ("The report said the dam had been poorly maintained.", "The report", "document"),
    ],
)
def test_speaker_kinds(nlp: Parse, text: str, source: str, kind: str) -> None:
    record = only(nlp, text)
    assert (record.source, record.kind, record.anonymous) == (source, kind, False)
    assert text[record.start : record.end] == source


def test_quote_told_reporters(nlp: Parse) -> None:
    record = only(nlp, "“We are concerned,” the minister told reporters.")
    assert (record.source, record.verb, record.kind) == ("the minister", "told", "official")
    assert record.channel is None


def test_inverted_speech_on_twitter(nlp: Parse) -> None:
    record = only(nlp, "“The border will remain closed,” said Ortega on Twitter.")
    assert (record.source, record.verb, record.channel) == ("Ortega", "said", "Twitter")
    assert record.kind == "social_media"


def test_wrote_on_his_twitter_feed(nlp: Parse) -> None:
    record = only(nlp, "Ortega wrote on his Twitter feed that the airport was closed.")
    assert (record.source, record.verb, record.channel) == ("Ortega", "wrote", "Twitter")


def test_statement_channel(nlp: Parse) -> None:
    record = only(nlp, "In a statement, the ministry said the talks would resume next week.")
    assert (record.source, record.kind, record.channel) == ("the ministry", "official", "a statement")


def test_person_entity(nlp: Parse) -> None:
    record = only(nlp, "Maria Delgado, a spokeswoman for the ministry, denied the report.")
    assert (record.source, record.kind, record.verb) == ("Maria Delgado", "person", "denied")


# --- according to, quoted as saying ------------------------------------------------------------------


def test_according_to_agency(nlp: Parse) -> None:
    record = only(nlp, "According to Reuters, the port reopened on Sunday.")
    assert (record.source, record.kind, record.verb) == ("Reuters", "media", "according to")


def test_according_to_a_journalist_on_twitter(nlp: Parse) -> None:
    record = only(nlp, "Two soldiers were wounded, according to a journalist on Twitter.")
    assert (record.source, record.channel, record.verb) == ("a journalist", "Twitter", "according to")
    assert record.kind == "social_media"


def test_closing_according_to_wraps_the_speaker(nlp: Parse) -> None:
    record = only(nlp, "Ortega said the vote would be delayed, according to Reuters.")
    assert (record.source, record.via) == ("Ortega", ["Reuters"])


def test_according_to_inside_a_report(nlp: Parse) -> None:
    record = only(nlp, "The Valley Herald reported that, according to a source, the mayor had resigned.")
    assert (record.source, record.kind, record.anonymous) == ("a source", "anonymous", True)
    assert record.via == ["The Valley Herald"]


@pytest.mark.parametrize(
    ("text", "source", "verb", "reporter"),
    [
        ("The Morning Post quoted an unnamed source as saying the deal was signed.", "an unnamed source",
         "quoted", "Morning Post"),
        ("The Tribune cited a source as saying the minister would resign.", "a source", "cited", "Tribune"),
    ],
)  # fmt: skip
def test_quoted_as_saying(nlp: Parse, text: str, source: str, verb: str, reporter: str) -> None:
    record = only(nlp, text)
    assert (record.source, record.verb, record.kind, record.anonymous) == (source, verb, "anonymous", True)
    assert len(record.via) == 1 and reporter in record.via[0]


def test_citing_sources(nlp: Parse) -> None:
    record = only(nlp, "Reuters, citing two sources, reported that the deal was off.")
    assert (record.source, record.via, record.anonymous) == ("two sources", ["Reuters"], True)


def test_short_name_of_a_person_stays_a_person(nlp: Parse) -> None:
    text = (
        "The regional governor, Elena Varga, said at a news conference that 12 people had died. "
        '"This is the worst flood in living memory," Varga told reporters.'
    )
    found = attribute(nlp, text)
    assert (found[0].source, found[0].channel) == ("Elena Varga", "a news conference")
    assert (found[1].source, found[1].kind, found[1].verb) == ("Varga", "person", "told")


def test_passive_quoted_by(nlp: Parse) -> None:
    record = only(nlp, "Ortega was quoted by AFP as saying the talks had failed.")
    assert (record.source, record.via) == ("Ortega", ["AFP"])


# --- anonymity ---------------------------------------------------------------------------------------


def test_official_on_condition_of_anonymity(nlp: Parse) -> None:
    record = only(nlp, "A Venorian official, who spoke on condition of anonymity, said the convoy left.")
    assert record.source == "A Venorian official"
    assert record.anonymous
    assert record.kind == "anonymous"


def test_officials_who_spoke_on_condition_of_anonymity(nlp: Parse) -> None:
    record = only(nlp, "Officials who spoke on condition of anonymity said the deal had collapsed.")
    assert (record.source, record.anonymous) == ("Officials", True)


def test_named_speaker_told_local_media_anonymously(nlp: Parse) -> None:
    record = only(nlp, "Lopez told local media on condition of anonymity that the shipment had arrived.")
    assert (record.source, record.channel, record.anonymous) == ("Lopez", "local media", True)


def test_plain_official_is_not_anonymous(nlp: Parse) -> None:
    record = only(nlp, "The convoy crossed the border, a Venorian official said overnight.")
    assert (record.source, record.kind, record.anonymous) == ("a Venorian official", "official", False)


# --- references across sentences --------------------------------------------------------------------


def test_the_agency_it_and_he_resolve_to_earlier_sources(nlp: Parse) -> None:
    text = (
        "Two Norvik military planes delivered troops to the capital, state news agency Sputnik reported. "
        '"The planes carried spare parts," the agency reported on its website in Portuguese. '
        "It offered nothing further but quoted an unnamed diplomat saying the flights were routine. "
        "Journalist Ramon Ortega said on Twitter that one plane was a cargo jet. "
        "He said the crew stayed overnight."
    )
    found = attribute(nlp, text)
    assert (found[0].source, found[0].kind) == ("Sputnik", "media")
    assert (found[1].source, found[1].kind, found[1].channel) == ("Sputnik", "media", "its website")
    assert text[found[1].start : found[1].end] == "the agency"
    assert (found[2].source, found[2].via, found[2].anonymous) == ("an unnamed diplomat", ["Sputnik"], True)
    assert found[3].source == "Ramon Ortega"
    assert (found[4].source, found[4].kind) == ("Ramon Ortega", "person")
    assert text[found[4].start : found[4].end] == "He"


def test_unresolved_pronoun_keeps_its_text(nlp: Parse) -> None:
    record = only(nlp, "She said the protest was peaceful.")
    assert record.source == "She"


# --- hedges and sentences without attribution ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Three people were reportedly killed in the blast.", "reportedly"),
        ("The general is said to have fled the country.", "is said to"),
        ("The convoy was believed to be heading north.", "believed to"),
        ("The shipment apparently arrived on Friday.", "apparently"),
    ],
)
def test_hedge_without_source(nlp: Parse, text: str, hedge: str) -> None:
    record = only(nlp, text)
    assert (record.source, record.kind, record.verb) == ("", "unknown", "")
    assert hedge in record.hedges


def test_hedge_with_source(nlp: Parse) -> None:
    record = only(nlp, "Rebels may have seized the town, state television reported.")
    assert (record.source, record.hedges) == ("state television", ["may have"])


def test_sentences_without_attribution(nlp: Parse) -> None:
    text = (
        "The weather was mild in the capital. Activists posted videos of the march. "
        "The court, which reported record profits last year, met on Monday. Police said the road was shut."
    )
    found = attribute(nlp, text)
    assert list(found) == [3]


# --- plain-text fallback -----------------------------------------------------------------------------


def test_plain_spanish() -> None:
    text = (
        "Dos aviones aterrizaron el sábado, según la agencia Prensa Norte. "
        '"La frontera seguirá cerrada", dijo el ministro Julio Paredes. '
        "El portavoz del gobierno dijo que no habría cambios. Hace calor en la ciudad."
    )
    found = find_attributions_plain(text)
    assert [record.sentence for _, _, record in found] == [0, 1, 2]
    (s0, e0, first), (_, _, second), (_, _, third) = found
    assert text[s0:e0] == "Dos aviones aterrizaron el sábado, según la agencia Prensa Norte."
    assert (first.source, first.verb, first.kind) == ("la agencia Prensa Norte", "según", "media")
    assert (second.source, second.verb, second.kind) == ("el ministro Julio Paredes", "dijo", "official")
    assert (third.source, third.kind) == ("El portavoz del gobierno", "official")
    assert all(text[r.start : r.end] == r.source for _, _, r in found)


def test_plain_french() -> None:
    text = (
        "Deux avions ont atterri samedi, selon l'agence France Presse. "
        "Le ministre de la Défense a déclaré que la situation était calme. "
        "« Nous sommes inquiets », a déclaré Marie Lenoir sur Twitter. Il pleut."
    )
    found = [record for _, _, record in find_attributions_plain(text)]
    assert [(r.sentence, r.source, r.verb) for r in found] == [
        (0, "l'agence France Presse", "selon"),
        (1, "Le ministre de la Défense", "a déclaré"),
        (2, "Marie Lenoir", "a déclaré"),
    ]
    assert (found[0].kind, found[1].kind) == ("media", "official")
    assert (found[2].kind, found[2].channel) == ("social_media", "Twitter")


def test_plain_english() -> None:
    text = (
        "The planes landed on Saturday, the official said. According to Reuters, the port reopened. "
        "Norvia has previously stated that it would stay neutral. The general is said to have fled. It rains."
    )
    found = find_attributions_plain(text)
    assert [(r.sentence, r.source, r.kind, r.verb) for _, _, r in found] == [
        (0, "the official", "official", "said"),
        (1, "Reuters", "media", "according to"),
        (2, "Norvia", "unknown", "stated"),
    ]
    assert all(text[r.start : r.end] == r.source for _, _, r in found)
    assert text[found[1][0] : found[1][1]] == "According to Reuters, the port reopened."


# --- a real article (read at test time, never copied) -----------------------------------------------


@pytest.mark.shared
def test_seed_article_antonov_and_contracts(nlp: Parse) -> None:
    seeds = shared_path("seeds/seeds.jsonl")
    articles = [json.loads(line) for line in seeds.read_text(encoding="utf-8").splitlines() if line.strip()]
    article = next((a for a in articles if "firstpost" in (a.get("url") or a.get("source") or "")), None)
    if article is None:
        pytest.skip("no Firstpost article in the seeds")
    doc = nlp(article["text"])
    sentences = [sent.text for sent in doc.sents]
    found = {record.sentence: record for record in find_attributions(doc)}
    antonov = next(i for i, text in enumerate(sentences) if "Antonov" in text)
    contracts = next(i for i, text in enumerate(sentences) if "technical military contracts" in text)
    assert "Mayorca" in found[antonov].source
    assert found[antonov].channel == "Twitter"
    assert found[contracts].source == "Sputnik"
