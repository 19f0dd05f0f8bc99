"""Layer records turn into the same plain dicts ``dataclasses.asdict`` gives, without sharing lists."""

from __future__ import annotations

from dataclasses import asdict

from newsparallax.read.layers import (
    Attribution,
    DateMention,
    EntityMention,
    PlaceMention,
    Quantity,
    Reading,
    Sentence,
    as_dict,
)


def _records() -> list[object]:
    return [
        EntityMention(
            0,
            14,
            "Vasily Tonkoshkurov",
            "PERSON",
            0,
            "Vasily Tonkoshkurov",
            "vasily tonkoshkurov",
            ["general", "chief of staff"],
        ),
        DateMention(20, 28, "Saturday", "2019-03-23", relative=True, sentence=0),
        Quantity(30, 40, "35 tonnes", 35.0, hedge=None, unit="t", counted="equipment", category="weight"),
        PlaceMention(
            50,
            60,
            "Maiquetía",
            "airport:CCS",
            "Simón Bolívar International",
            "airport",
            "VE",
            lat=10.6,
            lon=-66.99,
        ),
        Attribution(1, "Sputnik", "media", "reported", via=["Javier Mayorca"], hedges=["reportedly"]),
    ]


def test_as_dict_matches_asdict_for_every_layer_record() -> None:
    for record in _records():
        assert as_dict(record) == asdict(record)  # type: ignore[call-overload]


def test_as_dict_copies_lists() -> None:
    mention = _records()[0]
    plain = as_dict(mention)
    plain["titles"].append("changed")
    assert mention.titles == ["general", "chief of staff"]  # type: ignore[attr-defined]


def test_reading_layers_are_json_ready() -> None:
    reading = Reading("a1", "en", "sm", "2019-03-25", sentences=[Sentence(0, 0, 40, "x")])
    reading.entities = [_records()[0]]  # type: ignore[list-item]
    layers = reading.layers()
    assert layers["sentences"] == [(0, 40)]
    assert layers["entities"][0]["titles"] == ["general", "chief of staff"]
    assert layers["dateline_place"] is None
