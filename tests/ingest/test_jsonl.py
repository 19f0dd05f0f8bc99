"""JSON and JSON Lines: given ids kept, synonyms read, every bad line rejected on its own."""

from __future__ import annotations

import json
from pathlib import Path

from newsparallax.ingest.base import IngestSettings, Source
from newsparallax.ingest.jsonl import read_json, read_jsonl
from newsparallax.model import Article, Rejection

SETTINGS = IngestSettings()


def _read(path: Path, reader=read_jsonl) -> tuple[list[Article], list[Rejection]]:  # type: ignore[no-untyped-def]
    items = list(reader(Source.from_path(path), SETTINGS))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)]


def test_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": "The mayor of Tamarindo opened the new pier.",
                "title": "Pier opens",
                "url": "https://coast.example/pier",
                "source": "Coast Weekly",
                "published": "2026-10-02",
                "lang": "en",
            }
        ),
        "{not json",
        json.dumps({"id": "a2"}),
        json.dumps({"text": "no id here"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps(
            {
                "id": 7,
                "text": "Numeric ids are kept as text.",
                "outlet": "Valley Post",
                "date": "Sat, 03 Oct 2026 10:00:00 +0200",
            }
        ),
        json.dumps({"id": "a3", "text": 12}),
        json.dumps({"id": "a4", "text": "", "title": "Headline only: storm closes the pier"}),
        json.dumps({"id": "a5", "text": "  "}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "bad", "text": "caf\xe9"}\n')
    good, bad = _read(path)
    assert [a.id for a in good] == ["a1", "7", "a4"]
    first = good[0]
    assert (first.title, first.source, first.published, first.language) == (
        "Pier opens",
        "Coast Weekly",
        "2026-10-02",
        "en",
    )
    assert first.origin.line == 1 and first.origin.format == "jsonl"
    assert good[1].source == "Valley Post" and good[1].published == "2026-10-03T08:00:00Z"
    assert good[2].headline_only
    reasons = {r.line: r.reason for r in bad}
    assert reasons[2].startswith("invalid JSON")
    assert reasons[3] == "missing required field 'text'"
    assert reasons[4] == "missing required field 'id'"
    assert reasons[5].startswith("expected a JSON object")
    assert "must be a string" in reasons[8]
    assert reasons[10].startswith("empty article")
    assert "not valid UTF-8" in reasons[11]
    assert all(r.location == str(path) for r in bad)


def test_overlong_line_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    huge = json.dumps({"id": "huge", "text": "x" * 3000})
    path.write_text(huge + "\n" + json.dumps({"id": "ok", "text": "Short and fine."}) + "\n")
    items = list(read_jsonl(Source.from_path(path), IngestSettings(max_document_bytes=1000)))
    assert isinstance(items[0], Rejection) and "longer than" in items[0].reason and items[0].line == 1
    assert isinstance(items[1], Article) and items[1].id == "ok" and items[1].origin.line == 2


def test_json_array_and_wrapper(tmp_path: Path) -> None:
    array = tmp_path / "a.json"
    array.write_text(json.dumps([{"id": "x", "text": "One."}, {"id": "y"}]))
    good, bad = _read(array, read_json)
    assert [a.id for a in good] == ["x"] and bad[0].line == 2
    wrapped = tmp_path / "w.json"
    wrapped.write_text(json.dumps({"articles": [{"id": "z", "text": "Two."}]}))
    assert [a.id for a in _read(wrapped, read_json)[0]] == ["z"]


def test_json_extension_holding_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text('{"id": "p", "text": "One."}\n{"id": "q", "text": "Two."}\n')
    assert [a.id for a in _read(path, read_json)[0]] == ["p", "q"]


def test_json_scalar_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_text("42")
    good, bad = _read(path, read_json)
    assert not good and "no article objects" in bad[0].reason
