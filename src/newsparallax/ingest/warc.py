"""Web archives (WARC, WARC.GZ): one article per archived HTML page.

Only ``response`` records of HTML with status 200 are read; everything else (requests,
metadata, images, redirects) is skipped.  A damaged archive gives the pages before the damage
and then one rejection saying where it broke.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from newsparallax.errors import InputError, TooLargeError
from newsparallax.ingest.base import MB, IngestSettings, ReadResult, Source, derived_id, reject
from newsparallax.ingest.html import PageData, decode_html, domain_of, extract_html
from newsparallax.model import Article, Origin, Rejection, iso_published

log = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b"
_DETAIL_CHARS = 120
_DAMAGE = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ChunkedDataException,
    EOFError,
    zlib.error,
    OSError,
    ValueError,
)


class _TruncatedRecord(Exception):
    """A record's block is shorter than its Content-Length says."""


class _Archive(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, noting whether the last gzip member was cut short (warcio stops silently)."""

    member_cut_short = False

    def close(self) -> None:
        decompressor = getattr(self.reader, "decompressor", None)
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.member_cut_short = True
        super().close()


def looks_like_warc(head: bytes) -> bool:
    """True for the start of a WARC file, plain or gzipped."""
    if head.startswith(b"WARC/"):
        return True
    if not head.startswith(_GZIP_MAGIC):
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def read_warc(source: Source, settings: IngestSettings) -> Iterator[ReadResult]:
    """Read every archived HTML page; damage ends the archive with one rejection."""
    if not looks_like_warc(source.head(512)):
        yield reject(source, "not a WARC archive: it does not start with a 'WARC/' record header")
        return
    with source.opener() as stream:
        yield from _read_records(_Archive(stream), source, settings)


def _read_records(iterator: _Archive, source: Source, settings: IngestSettings) -> Iterator[ReadResult]:
    complete = 0
    skipped = 0
    while True:
        try:
            record = next(iterator, None)
            if record is None:
                _check_end(iterator)
                break
            result = _record_result(record, complete + 1, source, settings)
            _finish(record)
        except Exception as exc:  # warcio raises all sorts (even AttributeError) on damaged input
            if not isinstance(exc, (_TruncatedRecord, *_DAMAGE)):
                log.warning("%s: unexpected error reading the archive", source.location, exc_info=True)
            yield reject(source, _damage_reason(complete, exc), complete + 1)
            break
        complete += 1
        if result is None:
            skipped += 1
        else:
            yield result
    log.debug("%s: %d records read, %d skipped (not HTML pages)", source.location, complete, skipped)


def _check_end(iterator: _Archive) -> None:
    """A gzip member cut short yields no record, or no error: spot that at the end."""
    leftover = iterator.fh.tell() - iterator.offset
    if leftover > 0:
        raise _TruncatedRecord(f"{leftover} bytes after it could not be read as a record")
    if iterator.member_cut_short:
        raise _TruncatedRecord("the file ends inside a compressed block")


def _damage_reason(complete: int, exc: Exception) -> str:
    where = f"archive is truncated or corrupt after record {complete}"
    if isinstance(exc, _TruncatedRecord):
        return f"{where}: {exc}"
    if not isinstance(exc, _DAMAGE):
        return f"{where}: the next record cannot be parsed"
    detail = "".join(c if c.isprintable() else "?" for c in str(exc).strip()[:_DETAIL_CHARS])
    return f"{where}: {detail or type(exc).__name__}"


def _finish(record: Any) -> None:
    """Read the rest of the record and make sure it was all there."""
    declared = record.rec_headers.get_header("Content-Length")
    if record.format != "warc" or not (declared or "").strip().isdigit():
        raise _TruncatedRecord("the next record's header is incomplete")
    raw = record.raw_stream
    while raw.read(64 * 1024):
        pass
    missing = getattr(raw, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        raise _TruncatedRecord(f"the next record is {missing} bytes short")


def _record_result(record: Any, number: int, source: Source, settings: IngestSettings) -> ReadResult | None:
    """An article or rejection for an HTML page record; ``None`` for any other record."""
    content_type = _html_content_type(record)
    if content_type is None:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    try:
        body = _read_body(record, settings.max_document_bytes)
        page = extract_html(decode_html(body, content_type), url)
    except InputError as exc:
        return Rejection(source.location, number, f"{url}: {exc.reason}")
    except (ChunkedDataException, zlib.error, ValueError) as exc:
        return Rejection(source.location, number, f"{url}: the page body cannot be decoded ({exc})")
    if page is None:
        return Rejection(source.location, number, f"{url}: no article text found in the page")
    return _article(page, url, record, number, source)


def _html_content_type(record: Any) -> str | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type if "html" in content_type.lower() else None


def _read_body(record: Any, limit: int) -> bytes:
    body: bytes = record.content_stream().read(limit + 1)
    if len(body) > limit:
        raise TooLargeError(
            f"page too large (over {limit / MB:.1f} MB); raise the limit with --max-document-mb"
        )
    return body


def _article(page: PageData, url: str | None, record: Any, number: int, source: Source) -> Article:
    article = Article(
        id=derived_id(url) if url else derived_id(source.location, str(number)),
        text=page["text"],
        title=page["title"],
        url=url or page["url"],
        source=page["source"] or domain_of(url),
        published=page["published"],
        authors=page["authors"],
        origin=Origin(source.location, number, "warc"),
        id_given=False,
    )
    if article.published is None:
        article.published = iso_published(record.rec_headers.get_header("WARC-Date"))
        if article.published:
            article.notes.append("no publication date in the page; used the archive's capture date")
    return article
