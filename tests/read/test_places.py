"""Offline geocoding: gazetteer lookups, context disambiguation, airports found by phrase.

All sentences are invented. Spans are given the way NER would give them: (start, end, label).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest

from newsparallax.read.gazetteer import fold, get_gazetteer
from newsparallax.read.layers import PlaceMention
from newsparallax.read.places import country_of_demonym, geocode, resolve_places


def spans(text: str, *names: str) -> list[tuple[int, int, str]]:
    """Every occurrence of each name as a span; "Name|LABEL" sets the label (default GPE)."""
    found = []
    for item in names:
        name, _, label = item.partition("|")
        start = text.find(name)
        while start >= 0:
            found.append((start, start + len(name), label or "GPE"))
            start = text.find(name, start + 1)
    return found


def resolve(
    text: str, *names: str, dateline: str | None = None, context_countries: Sequence[str] = ()
) -> list[PlaceMention]:
    return resolve_places(text, spans(text, *names), dateline, context_countries)


def by_text(mentions: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {mention.text: mention for mention in mentions}


@pytest.fixture(scope="module", autouse=True)
def _loaded() -> None:
    get_gazetteer()


# --- folding and the gazetteer ------------------------------------------------------------------------


def test_fold_strips_accents_case_and_dots() -> None:
    assert fold("Maiquetía") == fold("MAIQUETIA") == "maiquetia"
    assert fold("Simón Bolívar") == "simon bolivar"
    assert fold("U.S.") == "us"
    assert fold("Winston-Salem") == "winston salem"


def test_gazetteer_has_the_main_kinds_of_entry() -> None:
    g = get_gazetteer()
    assert len(g.cities.names_list) > 100_000
    assert {cand.kind for cand in g.candidates("georgia")} == {"country", "admin1"}
    assert g.airports.place("CCS").name == "Simón Bolívar International Airport"


def test_country_places_sit_at_their_capital() -> None:
    venezuela = geocode("Venezuela")
    assert venezuela is not None and venezuela.place_id == "country:VE"
    assert (venezuela.lat, venezuela.lon) == pytest.approx((10.49, -66.88), abs=0.05)


def test_country_aliases() -> None:
    aliases = [("U.S.", "US"), ("USA", "US"), ("Britain", "GB"), ("UK", "GB"), ("Russia", "RU"),
               ("South Korea", "KR"), ("North Korea", "KP"), ("Ivory Coast", "CI"),
               ("Holland", "NL")]  # fmt: skip
    for name, code in aliases:
        found = geocode(name)
        assert found is not None and found.place_id == f"country:{code}", name
    america = geocode("America")
    assert america is not None and america.place_id == "country:US" and america.confidence < 0.7


def test_demonyms() -> None:
    assert country_of_demonym("Venezuelan") == "VE"
    assert country_of_demonym("Chileans") == "CL"
    assert country_of_demonym("South Korean") == "KR"
    assert country_of_demonym("Martian") is None


# --- airports -----------------------------------------------------------------------------------------


def test_three_ways_of_naming_the_caracas_airport_give_one_place() -> None:
    texts = [
        ("The chartered jet landed at Maiquetia airport shortly after dawn.", ["Maiquetia"]),
        (
            "The chartered jet touched down at Simon Bolivar outside Caracas.",
            ["Simon Bolivar|PERSON", "Caracas"],
        ),
        ("Soldiers guarded the main airport outside Caracas all night.", ["Caracas"]),
    ]
    for text, names in texts:
        airports = [m for m in resolve(text, *names) if m.kind == "airport"]
        assert len(airports) == 1, text
        airport = airports[0]
        assert airport.place_id == "airport:CCS", text
        assert airport.country == "VE"
        assert (airport.lat, airport.lon) == pytest.approx((10.603, -66.991), abs=0.01)


def test_airport_mention_spans() -> None:
    text = "Cargo crates sat at Maiquetía airport while the jet waited at Simon Bolivar outside Caracas."
    found = by_text(resolve(text, "Maiquetía", "Simon Bolivar|PERSON", "Caracas"))
    assert found["Maiquetía airport"].place_id == "airport:CCS"
    assert found["Simon Bolivar"].place_id == "airport:CCS"
    assert found["Caracas"].kind == "city"
    assert "Maiquetía" not in found  # the city span is part of the airport's name here


def test_accented_and_plain_airport_names_match() -> None:
    for text in ["Passengers queued at the Simón Bolívar International Airport.",
                 "Passengers queued at the Simon Bolivar International Airport."]:  # fmt: skip
        (airport,) = resolve(text, context_countries=["VE"])
        assert airport.place_id == "airport:CCS" and airport.text.startswith("Sim")


def test_spanish_airport_names() -> None:
    text = "El avión de la aerolínea aterrizó en el aeropuerto de Pudahuel, en Santiago de Chile."
    found = by_text(resolve(text, "Pudahuel", "Santiago de Chile"))
    airport = found["aeropuerto de Pudahuel"]
    assert airport.place_id == "airport:SCL" and airport.name == "Arturo Merino Benítez International Airport"
    assert found["Santiago de Chile"].country == "CL" and found["Santiago de Chile"].kind == "city"


def test_bare_locality_of_an_airport() -> None:
    text = "The flight from Puerto Montt arrived in Pudahuel two hours late."
    found = by_text(resolve(text, "Puerto Montt", "Pudahuel"))
    assert found["Pudahuel"].place_id == "airport:SCL"
    puerto_montt = found["Puerto Montt"]
    assert puerto_montt.kind == "city" and puerto_montt.country == "CL"
    assert puerto_montt.lat == pytest.approx(-41.47, abs=0.05)


def test_flight_verb_and_facility_label() -> None:
    (landed,) = resolve(
        "The tanker aircraft landed at Simon Bolivar after refuelling.", context_countries=["VE"]
    )
    assert landed.place_id == "airport:CCS"
    text = "Security was tightened at Simon Bolivar, officials said."
    (facility,) = resolve(text, "Simon Bolivar|FAC", context_countries=["VE"])
    assert facility.place_id == "airport:CCS"


def test_city_airport_phrases() -> None:
    text = "Flights resumed at Caracas airport, and later at the airport in Santiago."
    found = by_text(resolve(text, "Santiago", context_countries=["CL"]))
    assert found["Caracas airport"].place_id == "airport:CCS"
    assert found["the airport"].place_id == "airport:SCL"
    (london,) = resolve("Travellers slept on the floor at London airport.")
    assert london.place_id == "airport:LHR"


# --- disambiguation -----------------------------------------------------------------------------------


def test_norfolk_virginia_and_norfolk_england() -> None:
    us = by_text(resolve("A sailor from Norfolk, Va., was among the crew.", "Norfolk", "Va."))
    assert us["Norfolk"].place_id == "geonames:4776222" and us["Norfolk"].admin1 == "VA"
    assert us["Va."].place_id == "admin1:US-VA"
    uk = by_text(
        resolve("Farmers in Norfolk said floods ruined crops across eastern England.", "Norfolk", "England")
    )
    assert uk["Norfolk"].country == "GB"
    assert uk["England"].place_id == "admin1:GB-ENG"


def test_paris_france_and_paris_texas() -> None:
    (france,) = resolve("The summit in Paris ended without a deal.", "Paris")
    assert france.country == "FR" and france.kind == "city"
    text = "The storm hit Paris, Texas, on Monday. Paris officials opened shelters."
    mentions = resolve(text, "Paris")
    assert len(mentions) == 2 and {m.admin1 for m in mentions} == {"TX"}
    (dateline,) = resolve("Paris schools closed early.", "Paris", dateline="PARIS, Texas")
    assert dateline.admin1 == "TX"


def test_georgia_country_or_state() -> None:
    (country,) = resolve("Tbilisi accused Moscow of meddling in Georgia.", "Georgia")
    assert country.place_id == "country:GE"
    found = by_text(resolve("Voters in Atlanta turned out early across Georgia.", "Atlanta", "Georgia"))
    assert found["Georgia"].place_id == "admin1:US-GA"
    (state,) = resolve("Storms crossed Georgia overnight.", "Georgia", context_countries=["US"])
    assert state.place_id == "admin1:US-GA"


def test_us_state_abbreviations_and_qualifiers() -> None:
    text = "Police in Hawthorne, Calif., Raleigh, N.C., and Kidron, Ohio, and Tulsa, OK reported shootings."
    found = by_text(resolve(text, "Hawthorne", "Calif.", "Raleigh", "N.C.", "Kidron", "Ohio", "Tulsa"))
    assert (found["Hawthorne"].country, found["Hawthorne"].admin1) == ("US", "CA")
    assert found["Calif."].place_id == "admin1:US-CA"
    assert found["Raleigh"].admin1 == "NC" and found["N.C."].place_id == "admin1:US-NC"
    assert found["Kidron"].admin1 == "OH" and found["Ohio"].place_id == "admin1:US-OH"
    assert found["Tulsa"].admin1 == "OK"
    (whole,) = resolve("Shots were fired in Hawthorne, Calif. on Sunday.", "Hawthorne, Calif.")
    assert whole.admin1 == "CA" and whole.text == "Hawthorne, Calif."


def test_dateline_steers_small_towns() -> None:
    (kidron,) = resolve(
        "The shooting happened near the Kidron auction barn.", "Kidron", dateline="KIDRON, Ohio"
    )
    assert kidron.place_id == "geonames:5159637" and kidron.admin1 == "OH"
    assert resolve("The shooting happened near the Kidron auction barn.", "Kidron") == []
    (norfolk,) = resolve(
        "Officials in Norfolk said the ship would return.", "Norfolk", dateline="Norfolk, Va."
    )
    assert norfolk.admin1 == "VA"
    (valencia,) = resolve("Protesters marched in Valencia on Tuesday.", "Valencia", dateline="CARACAS")
    assert valencia.country == "VE"


def test_context_countries_and_demonyms() -> None:
    (spain,) = resolve("Protesters marched in Valencia on Tuesday.", "Valencia", context_countries=["ES"])
    assert spain.country == "ES"
    (venezuela,) = resolve("Venezuelan police dispersed protesters in Valencia.", "Valencia")
    assert venezuela.country == "VE"


def test_person_names_are_dropped() -> None:
    text = "Guaido told supporters that Maduro would fall, and Jackson agreed."
    assert resolve(text, "Guaido", "Maduro", "Jackson|PERSON", context_countries=["US"]) == []
    (jackson,) = resolve(
        "Then he flew to Jackson for the hearing.", "Jackson|PERSON", context_countries=["US"]
    )
    assert jackson.admin1 == "MS"


def test_lists_of_regions_are_not_qualifiers() -> None:
    text = "Envoys from Venezuela, Colombia and Peru met in Lima."
    found = by_text(resolve(text, "Venezuela", "Colombia", "Peru", "Lima"))
    assert [found[name].kind for name in ("Venezuela", "Colombia", "Peru")] == ["country"] * 3
    assert found["Lima"].country == "PE"


def test_state_word_picks_the_division() -> None:
    found = resolve("In Washington, aides met the governor of Washington state.", "Washington")
    assert [m.place_id for m in found] == ["geonames:4140963", "admin1:US-WA"]


def test_mention_fields() -> None:
    (caracas,) = resolve("Lights went out across Caracas.", "Caracas")
    assert caracas.place_id == "geonames:3646738" and caracas.name == "Caracas" and caracas.kind == "city"
    assert caracas.country == "VE" and caracas.sentence == -1 and 0 < caracas.confidence <= 1
    assert caracas.text == "Caracas" and caracas.start == 23


# --- geocode ------------------------------------------------------------------------------------------


def test_geocode_city_state() -> None:
    hawthorne = geocode("Hawthorne", "US", "CA")
    assert hawthorne is not None and hawthorne.place_id == "geonames:5355828"
    assert hawthorne.lat == pytest.approx(33.92, abs=0.05)
    new_jersey = geocode("Hawthorne", "US", "New Jersey")
    assert new_jersey is not None and new_jersey.admin1 == "NJ"
    for name, admin1 in [("St. Louis", "MO"), ("Saint Louis", "MO"), ("Norfolk", "Va."), ("Kidron", "OH")]:
        found = geocode(name, "United States", admin1)
        assert found is not None and found.country == "US", name
    assert geocode("Nowhereville", "US", "CA") is None
    assert geocode("Paris", "US", "MT") is None  # no Paris in Montana: never fall back to France


def test_geocode_without_qualifiers() -> None:
    paris = geocode("Paris")
    assert paris is not None and paris.country == "FR"
    pinned = geocode("Paris, Texas")
    assert pinned is not None and pinned.admin1 == "TX"
    ohio = geocode("Ohio")
    assert ohio is not None and ohio.place_id == "admin1:US-OH" and ohio.lat is not None


# --- speed --------------------------------------------------------------------------------------------


def test_resolution_is_cheap() -> None:
    text = (
        "A Russian cargo plane landed at Maiquetia airport outside Caracas on Sunday, Venezuelan officials "
        "said. The flight had stopped in Havana and Damascus. Guaido said in Valencia that troops were bound "
        "for Maracaibo, while officials in Moscow, Washington, Bogota and Lima traded accusations."
    )
    names = ["Caracas", "Havana", "Damascus", "Guaido", "Valencia", "Maracaibo", "Moscow", "Washington",
             "Bogota", "Lima"]  # fmt: skip
    mentions = spans(text, *names)
    started = time.perf_counter()
    for _ in range(50):
        resolve_places(text, mentions)
    assert (time.perf_counter() - started) / 50 < 0.02  # typically ~0.5 ms
