"""Plain-text files: one article per file, the title taken from the first line only where it is a headline."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsparallax.errors import InputError
from newsparallax.ingest.base import IngestSettings, ReadResult, Source, reject
from newsparallax.ingest.decode import decode_bytes
from newsparallax.model import Article, Origin

_SENTENCE_END = re.compile(r"[.;,:][\"'”’)]?$")
_DATE_LINE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*$", re.IGNORECASE)


def read_text(source: Source, settings: IngestSettings) -> Iterator[ReadResult]:
    try:
        raw = source.read_all(settings.max_document_bytes)
        body, _encoding = decode_bytes(raw)
    except InputError as exc:
        yield reject(source, exc.reason)
        return
    if not body.strip():
        yield reject(source, "empty file: no text to store")
        return
    title, text = split_headline(body)
    yield Article(
        id=source.stem,
        text=text,
        title=title,
        url=source.url,
        origin=Origin(source.location, None, "text"),
        id_given=False,
    )


def split_headline(body: str) -> tuple[str | None, str]:
    """``(title, rest)`` when the first line reads as a headline, else ``(None, body)``.

    A headline is a short single line (≤ 160 characters, ≤ 25 words) that does not end like a
    sentence and is followed by more text.  A ``date YYYY-MM-DD`` line is never a headline.
    """
    stripped = body.lstrip("\ufeff").strip("\n")
    first, _, rest = stripped.partition("\n")
    candidate = first.strip()
    if not rest.strip() or not candidate or _DATE_LINE.match(candidate):
        return None, body
    if len(candidate) > 160 or len(candidate.split()) > 25 or _SENTENCE_END.search(candidate):
        return None, body
    return candidate, rest
