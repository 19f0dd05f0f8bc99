"""Web archives written with warcio into tmp_path: good, mixed and damaged ones."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsparallax.ingest.base import IngestSettings, Source, derived_id
from newsparallax.ingest.warc import looks_like_warc, read_warc
from newsparallax.model import Article, Rejection

SETTINGS = IngestSettings()


def page(n: int) -> bytes:
    return (
        f"<html><head><title>Story {n}</title></head><body><article>"
        f"<p>Paragraph one of invented story number {n}, about the village fair.</p>"
        f"<p>Paragraph two of story {n}.</p></article></body></html>"
    ).encode()


def response(
    writer: WARCWriter, url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"},
    )
    writer.write_record(record)


def write_warc(path: Path, gzip: bool, pages: int = 4) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for n in range(pages):
            response(writer, f"https://fair.example/story/{n}", page(n))
        response(writer, "https://fair.example/logo.png", b"\x89PNG\r\n\x1a\n", ctype="image/png")
        response(writer, "https://fair.example/gone", page(99), status="404 Not Found")
        get = StatusAndHeaders("GET /story/0 HTTP/1.1", [("Host", "fair.example")], is_http_request=True)
        request = writer.create_warc_record(
            "https://fair.example/story/0", "request", payload=io.BytesIO(b""), http_headers=get
        )
        writer.write_record(request)
    return path


def read(path: Path, settings: IngestSettings = SETTINGS) -> list[Article | Rejection]:
    return list(read_warc(Source.from_path(path), settings))


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_articles(tmp_path: Path, gzip: bool) -> None:
    path = write_warc(tmp_path / ("a.warc.gz" if gzip else "a.warc"), gzip)
    results = read(path)
    assert all(isinstance(r, Article) for r in results), results
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.url for a in articles] == [f"https://fair.example/story/{n}" for n in range(4)]
    first = articles[0]
    assert first.id == derived_id("https://fair.example/story/0")
    assert first.title == "Story 0"
    assert first.text == (
        "Paragraph one of invented story number 0, about the village fair.\n\nParagraph two of story 0."
    )
    assert first.source == "fair.example"
    assert first.published == "2024-03-05T10:00:00Z"  # the capture date, noted
    assert first.notes
    assert first.origin.line == 2 and first.origin.format == "warc"


def test_truncated_warc_gz_gives_earlier_records_then_one_rejection(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc.gz", gzip=True, pages=8).read_bytes()
    middle = len(whole) // 2
    if whole[middle : middle + 3] == b"\x1f\x8b\x08":  # exactly between two gzip members: move inside one
        middle -= 20
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[:middle])
    results = read(cut)
    *articles, last = results
    assert articles and all(isinstance(a, Article) for a in articles)
    assert isinstance(last, Rejection)
    assert last.reason.startswith(f"archive is truncated or corrupt after record {len(articles) + 1}: ")
    assert last.line == len(articles) + 2


def test_truncated_plain_warc(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc", gzip=False, pages=8).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: len(whole) // 2])
    *articles, last = read(cut)
    assert articles and all(isinstance(a, Article) for a in articles)
    assert isinstance(last, Rejection) and "truncated or corrupt" in last.reason


def test_garbage_after_records(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "g.warc.gz", gzip=True, pages=2)
    path.write_bytes(path.read_bytes() + b"this is not a record\r\n\r\n")
    *articles, last = read(path)
    assert len(articles) == 2
    assert isinstance(last, Rejection) and "after record 6" in last.reason


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "x.warc"
    path.write_bytes(b"hello, this is plain text")
    (rejection,) = read(path)
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("not a WARC archive")


def test_page_without_text_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "e.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        response(writer, "https://fair.example/empty", b"<html><body>  </body></html>")
        response(writer, "https://fair.example/ok", page(1))
    empty, ok = read(path)
    assert isinstance(empty, Rejection) and empty.line == 1
    assert "https://fair.example/empty" in empty.reason and "no article text" in empty.reason
    assert isinstance(ok, Article) and ok.origin.line == 2


def test_oversized_record_is_rejected(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "s.warc.gz", gzip=True, pages=2)
    results = read(path, IngestSettings(max_document_bytes=50))
    assert len(results) == 2
    assert all(isinstance(r, Rejection) and "too large" in r.reason for r in results)


def test_looks_like_warc(tmp_path: Path) -> None:
    gz = write_warc(tmp_path / "a.warc.gz", gzip=True, pages=1).read_bytes()
    plain = write_warc(tmp_path / "a.warc", gzip=False, pages=1).read_bytes()
    assert looks_like_warc(gz[:512])
    assert looks_like_warc(plain[:512])
    assert not looks_like_warc(b"\x1f\x8b\x08\x00garbage")
    assert not looks_like_warc(b"<html>")


def test_cut_at_any_byte_never_raises(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n in range(3):
        response(writer, f"https://fair.example/img/{n}.png", b"\x89PNG" + bytes(40), ctype="image/png")
    whole = buffer.getvalue()
    for cut in range(1, len(whole), 3):
        results = list(read_warc(Source.from_bytes("cut.warc.gz", whole[:cut]), SETTINGS))
        assert len(results) <= 1 and all(isinstance(r, Rejection) for r in results), (cut, results)
