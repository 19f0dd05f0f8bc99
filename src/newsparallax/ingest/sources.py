"""From what the user typed (paths, folders, URLs, ``-``) to a stream of articles and rejections.

Each file goes to a reader chosen by its extension, or by sniffing its first bytes when the
extension says nothing.  Folders are walked recursively in sorted order (hidden entries
skipped), so runs are repeatable.
"""

from __future__ import annotations

import gzip
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from newsparallax.ingest.base import IngestSettings, Reader, ReadResult, Source, reject
from newsparallax.ingest.decode import looks_binary
from newsparallax.model import Rejection

log = logging.getLogger(__name__)

_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def iter_inputs(inputs: Iterable[str], settings: IngestSettings) -> Iterator[ReadResult]:
    """Everything the given inputs hold, in order."""
    for value in inputs:
        if value == "-":
            yield from read_source(Source.from_bytes("<stdin>", sys.stdin.buffer.read()), settings)
        elif is_url(value):
            from newsparallax.ingest.web import read_url

            yield from read_url(value, settings)
        else:
            yield from _read_path(Path(value), settings)


def _read_path(path: Path, settings: IngestSettings) -> Iterator[ReadResult]:
    if path.is_dir():
        for child in _walk(path):
            yield from _read_file(child, settings)
    elif path.is_file():
        yield from _read_file(path, settings)
    elif path.exists():
        yield Rejection(str(path), None, "not a regular file or folder")
    else:
        yield Rejection(str(path), None, "no such file or folder (check the path)")


def _walk(folder: Path) -> Iterator[Path]:
    try:
        children = sorted(folder.iterdir())
    except OSError as exc:
        log.warning("cannot list %s: %s", folder, exc)
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file():
            yield child


def _read_file(path: Path, settings: IngestSettings) -> Iterator[ReadResult]:
    try:
        source = Source.from_path(path)
        if path.name.endswith(".gz") and not path.name.endswith(".warc.gz"):
            source = Source(str(path), lambda: _gunzip(path), None)
        yield from read_source(source, settings, _suffix_kind(path.name))
    except OSError as exc:
        yield Rejection(str(path), None, f"cannot read file: {exc.strerror or exc}")


def _gunzip(path: Path) -> BinaryIO:
    return cast(BinaryIO, gzip.GzipFile(path, "rb"))


def _suffix_kind(name: str) -> str | None:
    lowered = name.lower()
    if lowered.endswith((".warc.gz", ".warc")):
        return "warc"
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    return _BY_SUFFIX.get(Path(lowered).suffix)


def read_source(source: Source, settings: IngestSettings, kind: str | None = None) -> Iterator[ReadResult]:
    """Read one source with the reader for ``kind``, sniffing the content when ``kind`` is None."""
    try:
        head = source.head()
    except (OSError, EOFError) as exc:
        yield reject(source, f"cannot read: {exc}")
        return
    kind = kind or sniff(head)
    if kind != "warc" and looks_binary(head):
        kind = "binary"
    if kind == "binary":
        yield reject(source, "binary file, not a supported format (text, JSON/JSONL, HTML, RSS/Atom, WARC)")
        return
    if kind == "empty":
        yield reject(source, "empty file: no text to store")
        return
    yield from _reader(kind)(source, settings)


def sniff(head: bytes) -> str:
    """Guess the format from the first bytes: warc, feed, html, json, jsonl, text, binary or empty."""
    from newsparallax.ingest.feed import looks_like_feed
    from newsparallax.ingest.warc import looks_like_warc

    if not head.strip():
        return "empty"
    if looks_like_warc(head):
        return "warc"
    if looks_binary(head):
        return "binary"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if looks_like_feed(head):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
        return "html"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def _reader(kind: str) -> Reader:
    if kind == "text":
        from newsparallax.ingest.text import read_text

        return read_text
    if kind in ("json", "jsonl"):
        from newsparallax.ingest.jsonl import read_json, read_jsonl

        return read_json if kind == "json" else read_jsonl
    if kind == "html":
        from newsparallax.ingest.html import read_html

        return read_html
    if kind == "feed":
        from newsparallax.ingest.feed import read_feed

        return read_feed
    from newsparallax.ingest.warc import read_warc

    return read_warc
