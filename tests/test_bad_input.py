"""Every kind of bad input in one run: each gets its own rejection, every good item is stored,
and what the store already held is untouched."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import httpx
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsparallax.engine import IngestJob
from newsparallax.ingest.base import MB, IngestSettings
from newsparallax.store.articles import get_article, store_stats
from newsparallax.store.db import Database

GOOD_PAGE = (
    "<html><head><title>Lighthouse keeper retires</title></head><body><article>"
    "<h1>Lighthouse keeper retires</h1>"
    + "".join(
        f"<p>Paragraph {i}: the keeper of the Cabo Gris light handed over the keys after thirty years "
        "of service, neighbours gathered on the quay and the band played.</p>"
        for i in range(4)
    )
    + "</article></body></html>"
)


def _warc(records: int) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(records):
        body = GOOD_PAGE.replace("Cabo Gris", f"Cabo Gris {i}").encode()
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://coast.example/keeper-{i}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def _summary(i: int) -> str:
    return f"Short summary of entry {i} about the harbour." if i else ""


def _feed() -> str:
    items = "".join(
        f"<item><title>Entry {i}</title><link>https://unreachable.example/{i}</link><guid>g{i}</guid>"
        f"<description>{_summary(i)}</description></item>"
        for i in range(3)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Coast feed</title>{items}</channel></rss>'
    )


def _unreachable(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def _bad_folder(root: Path) -> None:
    (root / "good.txt").write_text(
        "Pier reopens\n\nThe pier at Cabo Gris reopened after repairs to the deck."
    )
    (root / "latin1.txt").write_bytes(
        "Le phare de Cabo Gris a été repeint. Les pêcheurs ont applaudi.".encode("cp1252")
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (root / "huge.txt").write_bytes(b"All work and no play. " * (11 * MB // 22))
    lines = [
        json.dumps({"id": "j1", "text": "A JSON line about the Cabo Gris ferry timetable changing."}),
        "{broken json",
        json.dumps({"id": "j2"}),
        json.dumps({"id": "j3", "text": "Fine again, on the quay."}),
    ]
    (root / "mixed.jsonl").write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "j4", "text": "\xff"}\n')
    (root / "nested.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>"
    )
    script = GOOD_PAGE.replace("<h1>", '<script>alert("pwned")</script><img src=x onerror="alert(1)"><h1>')
    (root / "script.html").write_text(script)
    (root / "feed.xml").write_text(_feed())
    archive = _warc(3)
    (root / "cut.warc.gz").write_bytes(
        archive[: len(archive) // 2]
    )  # mid-record: a cut between records is a valid archive


def test_every_bad_item_is_rejected_alone(database: Database, tmp_path: Path) -> None:
    IngestJob(database).run_items([], ["nothing"])
    seed = tmp_path / "seed.jsonl"
    seed.write_text(json.dumps({"id": "kept", "text": "Stored before the bad run, must survive it."}) + "\n")
    IngestJob(database).run([str(seed)])
    folder = tmp_path / "in"
    folder.mkdir()
    _bad_folder(folder)
    settings = IngestSettings(transport=httpx.MockTransport(_unreachable))
    report = IngestJob(database, settings).run([str(folder), "http://127.0.0.1/admin"])
    reasons = {(Path(r.location).name, r.line): r.reason for r in report.rejections}
    assert "empty" in reasons[("empty.txt", None)]
    assert "binary" in reasons[("binary.bin", None)]
    assert "too large" in reasons[("huge.txt", None)]
    assert "invalid JSON" in reasons[("mixed.jsonl", 2)]
    assert "'text'" in reasons[("mixed.jsonl", 3)]
    assert "UTF-8" in reasons[("mixed.jsonl", 5)]
    assert "private" in reasons[("admin", None)] or "--allow-private" in reasons[("admin", None)]
    assert any(name == "feed.xml" for name, _ in reasons)
    assert any(name == "cut.warc.gz" for name, _ in reasons)
    stored_text = " ".join((get_article(database, i) or {}).get("text", "") for i in report.stored_ids)
    assert "pwned" not in stored_text and "onerror" not in stored_text
    assert {"good", "latin1", "j1", "j3"} <= set(report.stored_ids)
    assert report.stored >= 8  # good.txt, latin1, j1, j3, script page, 2 feed summaries, >=1 WARC record
    assert get_article(database, "kept") is not None
    assert store_stats(database)["articles"] == 1 + report.stored
    assert report.read == report.stored + report.duplicates + report.rejected


def test_gzip_that_is_not_gzip(database: Database, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fake.jsonl.gz").write_bytes(b"not gzip at all")
    (folder / "real.jsonl.gz").write_bytes(gzip.compress(b'{"id": "z", "text": "Zipped and fine."}\n'))
    report = IngestJob(database).run([str(folder)])
    assert report.stored_ids == ["z"] and len(report.rejections) == 1
    assert "fake.jsonl.gz" in report.rejections[0].location
