"""JSON Lines and JSON files: one article per object, the given ``id`` kept.

Fields: ``id`` and ``text`` are required; ``title, url, source, published, lang`` are optional
(``outlet``, ``language``, ``date``, ``published_at``, ``headline``, ``authors`` are accepted as
synonyms).  An object whose ``text`` is blank but that has a title is kept as a headline-only
article; one with neither is rejected.  Each bad line is rejected on its own, with its number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsparallax.errors import InputError
from newsparallax.ingest.base import MB, IngestSettings, ReadResult, Source, reject
from newsparallax.model import Article, Origin, Rejection, iso_published

_SYNONYMS = {
    "source": ("source", "outlet", "site", "publisher"),
    "published": ("published", "published_at", "date", "pubdate"),
    "language": ("lang", "language"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
}
#: A whole-file JSON document (not lines) is parsed in memory; beyond this, use JSONL.
MAX_JSON_DOCUMENT = 512 * MB


def read_jsonl(source: Source, settings: IngestSettings) -> Iterator[ReadResult]:
    """Stream a JSONL file line by line (constant memory, any size)."""
    with source.opener() as stream:
        for number, raw in enumerate(_lines(stream, settings.max_document_bytes), start=1):
            if isinstance(raw, Rejection):
                yield Rejection(source.location, number, raw.reason)
                continue
            if raw.strip():
                yield _from_line(source, number, raw)


def read_json(source: Source, settings: IngestSettings) -> Iterator[ReadResult]:
    """A ``.json`` file: an array of objects, ``{"articles": [...]}``, one object, or JSON Lines."""
    try:
        data = source.read_all(MAX_JSON_DOCUMENT)
    except InputError as exc:
        yield reject(source, exc.reason)
        return
    try:
        document = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        yield from read_jsonl(source, settings)
        return
    items = _items(document)
    if items is None:
        yield reject(source, "JSON file holds no article objects (expected an object or a list of objects)")
        return
    for number, item in enumerate(items, start=1):
        yield _from_object(source, number, item)


def _lines(stream: Any, limit: int) -> Iterator[bytes | Rejection]:
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield Rejection("", None, f"line longer than the {limit / MB:.0f} MB limit (--max-document-mb)")
            continue
        yield line


def _skip_rest_of_line(stream: Any) -> None:
    while True:
        chunk = stream.readline(MB)
        if not chunk or chunk.endswith(b"\n"):
            return


def _from_line(source: Source, number: int, raw: bytes) -> ReadResult:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejection(
            source.location, number, f"line is not valid UTF-8 (byte {exc.start}); JSON must be UTF-8"
        )
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejection(source.location, number, f"invalid JSON: {exc.msg} at column {exc.colno}")
    return _from_object(source, number, obj)


def _items(document: Any) -> list[Any] | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        articles = document.get("articles")
        return articles if isinstance(articles, list) else [document]
    return None


def _from_object(source: Source, number: int, obj: Any) -> ReadResult:
    if not isinstance(obj, dict):
        return Rejection(source.location, number, f"expected a JSON object, got {type(obj).__name__}")
    problem = _missing_fields(obj)
    if problem:
        return Rejection(source.location, number, problem)
    return Article(
        id=str(obj["id"]).strip(),
        text=obj["text"],
        title=_text_field(obj, "title"),
        url=_text_field(obj, "url"),
        source=_text_field(obj, "source"),
        published=iso_published(_first(obj, "published")),
        language=_text_field(obj, "language"),
        authors=_authors(obj),
        origin=Origin(source.location, number, "jsonl"),
    )


def _missing_fields(obj: dict[str, Any]) -> str | None:
    if obj.get("id") in (None, "") or not str(obj["id"]).strip():
        return "missing required field 'id'"
    if not isinstance(obj["id"], str | int):
        return "field 'id' must be a string or a number"
    if "text" not in obj or obj["text"] is None:
        return "missing required field 'text'"
    if not isinstance(obj["text"], str):
        return f"field 'text' must be a string, got {type(obj['text']).__name__}"
    if not obj["text"].strip() and not _text_field(obj, "title"):
        return "empty article: 'text' is blank and there is no title"
    return None


def _first(obj: dict[str, Any], name: str) -> Any:
    for key in _SYNONYMS[name]:
        if obj.get(key) not in (None, ""):
            return obj[key]
    return None


def _text_field(obj: dict[str, Any], name: str) -> str | None:
    value = _first(obj, name)
    return value.strip() or None if isinstance(value, str) else None


def _authors(obj: dict[str, Any]) -> list[str]:
    value = obj.get("authors", obj.get("author"))
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return []
