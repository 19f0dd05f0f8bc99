"""Plain-text files, format sniffing, folders, encodings and the bad-input cases of the dispatcher."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsparallax.ingest.base import MB, IngestSettings
from newsparallax.ingest.sources import iter_inputs, sniff
from newsparallax.ingest.text import split_headline
from newsparallax.model import Article, Rejection

SETTINGS = IngestSettings()


def _all(*inputs: Path | str, settings: IngestSettings = SETTINGS) -> tuple[list[Article], list[Rejection]]:
    items = list(iter_inputs([str(i) for i in inputs], settings))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)]


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (
            "Flooding closes the coast road\n\nThe road between two villages was shut.",
            "Flooding closes the coast road",
        ),
        ("Is the pier safe?\nEngineers will inspect it on Monday.", "Is the pier safe?"),
        ("The road between two villages was shut on Monday.\n\nMore text.", None),
        ("date 2026-10-04\nThe road was shut.", None),
        ("One line only", None),
        ("A very long first line " * 12 + "\nrest", None),
    ],
)
def test_split_headline(body: str, title: str | None) -> None:
    assert split_headline(body)[0] == title


def test_text_file_id_is_the_stem_and_not_given(tmp_path: Path) -> None:
    (tmp_path / "pier-report.txt").write_text(
        "Pier reopens after repairs\n\nWorkers finished the deck on Friday."
    )
    good, bad = _all(tmp_path / "pier-report.txt")
    assert not bad and good[0].id == "pier-report" and not good[0].id_given
    assert good[0].title == "Pier reopens after repairs" and good[0].text.strip().startswith("Workers")


def test_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Le maire de Saint-Amé a inauguré la jetée. Les pêcheurs étaient là, très nombreux.".encode("cp1252")
    )
    good, bad = _all(path)
    assert not bad and "inauguré" in good[0].text and "pêcheurs" in good[0].text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("A short report written as UTF-16.".encode("utf-16"))
    good, _ = _all(path)
    assert good[0].text.strip() == "A short report written as UTF-16."


def test_bad_files_are_rejected_one_by_one_while_good_ones_pass(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Pier reopens\n\nThe pier reopened today.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("   \n\n ")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / ".hidden.txt").write_text("never read")
    (tmp_path / "huge.txt").write_bytes(b"word " * (11 * MB // 5))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "nested.txt").write_text("Nested report\n\nFound in a subfolder.")
    good, bad = _all(tmp_path)
    assert sorted(a.id for a in good) == ["good", "nested"]
    reasons = {Path(r.location).name: r.reason for r in bad}
    assert set(reasons) == {"empty.txt", "blank.txt", "image.png", "binary.txt", "huge.txt"}
    assert "binary" in reasons["image.png"] and "binary" in reasons["binary.txt"]
    assert "too large" in reasons["huge.txt"] and "--max-document-mb" in reasons["huge.txt"]
    assert "empty" in reasons["empty.txt"]


def test_fifty_megabyte_text_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "fifty.txt"
    path.write_bytes(b"A line of words in a very long file.\n" * (50 * MB // 37 + 1))
    good, bad = _all(path)
    assert not good and "50.0 MB" in bad[0].reason


def test_missing_path(tmp_path: Path) -> None:
    good, bad = _all(tmp_path / "nope.jsonl")
    assert not good and "no such file" in bad[0].reason


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "g1", "text": "Compressed."}).encode() + b"\n"))
    good, _ = _all(path)
    assert [a.id for a in good] == ["g1"]


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"", "empty"),
        (b"WARC/1.1\r\nWARC-Type: response", "warc"),
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html><body>", "html"),
        (b'[{"id": 1}]', "json"),
        (b'{"id": 1, "text": "x"}\n', "jsonl"),
        (b"Just words.", "text"),
        (b"\x00\x00\x00\x01binary", "binary"),
    ],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "export.data"
    path.write_text('{"id": "s1", "text": "Sniffed as JSON lines."}\n')
    good, _ = _all(path)
    assert [a.id for a in good] == ["s1"]
