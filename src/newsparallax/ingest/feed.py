"""RSS and Atom feeds: one article per entry.

The text is the entry's content, else its summary.  When that is short and fetching is on,
the linked page is fetched and extracted instead; if the fetch fails, a summary is kept (with a
note saying why the page is missing) and an entry with no text at all is rejected.
"""

from __future__ import annotations

import io
import logging
import re
import time
import xml.sax
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from newsparallax.errors import InputError
from newsparallax.ingest.base import IngestSettings, ReadResult, Source, derived_id, reject
from newsparallax.ingest.html import PageData, decode_html, domain_of, extract_html, html_to_text, tidy_text
from newsparallax.ingest.web import fetch
from newsparallax.model import Article, Origin, Rejection, iso_published

log = logging.getLogger(__name__)

#: Entries with less body text than this get their linked page fetched (when fetching is on).
MIN_BODY_CHARS = 400
_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)[\s>]|<html[\s>]", re.IGNORECASE)
_WS = re.compile(r"\s+")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes open an RSS, Atom or RSS 1.0 (RDF) document."""
    match = _ROOT.search(head[:4096].lstrip(b"\xef\xbb\xbf"))
    return match is not None and not match.group(0).lower().startswith(b"<html")


def read_feed(source: Source, settings: IngestSettings) -> Iterator[ReadResult]:
    """Read every entry of an RSS/Atom feed; a feed that cannot be parsed gives one rejection."""
    try:
        data = source.read_all(settings.max_document_bytes)
    except InputError as exc:
        yield reject(source, exc.reason)
        return
    parsed = _parse(data, source)
    entries = [(index, entry) for index, entry in enumerate(parsed.entries, start=1) if entry]
    broken = isinstance(parsed.get("bozo_exception"), xml.sax.SAXParseException)
    if broken:
        log.warning("%s: the feed is not well-formed XML: %s", source.location, _bozo_reason(parsed))
    if not entries:
        if broken or not parsed.version:
            yield reject(source, f"not a valid RSS/Atom feed: {_bozo_reason(parsed)}")
        else:
            log.info("%s: the feed has no entries", source.location)
        return
    feed_title = _plain(parsed.feed.get("title"), parsed.feed.get("title_detail"))
    for index, entry in entries:
        try:
            yield _entry_result(entry, index, feed_title, source, settings)
        except InputError as exc:
            yield reject(source, exc.reason, index)


def _parse(data: bytes, source: Source) -> Any:
    headers = {"content-location": source.url or ""}
    if source.content_type:
        headers["content-type"] = source.content_type
    # A stream, never bytes or str: feedparser treats strings as URLs or file names.
    return feedparser.parse(io.BytesIO(data), response_headers=headers)


def _bozo_reason(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if isinstance(exc, xml.sax.SAXParseException):
        where = f"line {exc.getLineNumber()}, column {exc.getColumnNumber()}"
        return f"XML error at {where}: {exc.getMessage()}"
    return "no <rss>, <feed> or <rdf:RDF> element found"


def _entry_result(
    entry: Any, index: int, feed_title: str | None, source: Source, settings: IngestSettings
) -> ReadResult:
    link = _link(entry)
    article = Article(
        id=_entry_id(entry, link, index, source),
        text=_entry_text(entry),
        title=_plain(entry.get("title"), entry.get("title_detail")),
        url=link,
        source=feed_title or domain_of(link),
        published=_published(entry),
        authors=_authors(entry),
        origin=Origin(source.location, index, "feed"),
        id_given=False,
    )
    if len(article.text) < MIN_BODY_CHARS and settings.fetch_feed_links and link:
        return complete_from_page(article, link, settings)
    if not article.text and not article.title:
        return reject(source, "feed entry has neither text nor a title", index)
    if not article.text:
        article.notes.append("the feed entry has no text; stored as a headline only")
    return article


def complete_from_page(article: Article, link: str, settings: IngestSettings) -> ReadResult:
    """Replace a short entry text with the linked page's text, or explain why it could not be."""
    try:
        page = _fetch_page(link, settings)
    except InputError as exc:
        problem = f"could not be fetched ({exc.reason})"
    else:
        if page is not None and len(page["text"]) > len(article.text):
            article.text = page["text"]
            article.published = article.published or page["published"]
            article.authors = article.authors or page["authors"]
            return article
        problem = "has no article text" if page is None else "has less text than the feed"
    if not article.text:
        reason = f"feed entry has no text and its page {link} {problem}"
        return Rejection(article.origin.location, article.origin.line, reason)
    article.notes.append(f"the linked page {problem}; kept the feed summary")
    return article


def _fetch_page(link: str, settings: IngestSettings) -> PageData | None:
    page = fetch(link, settings)
    html = decode_html(page.read_all(settings.max_document_bytes), page.content_type)
    return extract_html(html, page.url)


def _link(entry: Any) -> str | None:
    link = entry.get("link")
    if isinstance(link, str) and link.startswith(("http://", "https://")):
        return link
    return None


def _entry_id(entry: Any, link: str | None, index: int, source: Source) -> str:
    feed = source.url or source.location
    guid = entry.get("id")
    if isinstance(guid, str) and guid.strip():
        return derived_id(feed, guid.strip())
    if link:
        return derived_id(link)
    return derived_id(feed, str(index))


def _entry_text(entry: Any) -> str:
    contents = [_plain_text(item.get("value"), item.get("type")) for item in entry.get("content") or []]
    body = max(contents, key=len, default="")
    if body:
        return body
    detail = entry.get("summary_detail") or {}
    return _plain_text(entry.get("summary"), detail.get("type"))


def _plain_text(value: object, kind: object) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    if isinstance(kind, str) and "html" in kind:
        return html_to_text(value)
    return tidy_text(value)


def _plain(value: object, detail: object) -> str | None:
    """One line of text from a title (which a feed may give as HTML)."""
    if not isinstance(value, str):
        return None
    kind = detail.get("type") if isinstance(detail, dict) else None
    text = html_to_text(value) if isinstance(kind, str) and "html" in kind else value
    return _WS.sub(" ", text).strip() or None


def _published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        value = iso_published(entry.get(key))
        if value:
            return value
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            try:
                return iso_published(datetime(*parsed[:6], tzinfo=UTC))
            except ValueError:
                continue
    return None


def _authors(entry: Any) -> list[str]:
    names = [a.get("name") for a in entry.get("authors") or [] if isinstance(a, dict)]
    if not any(names) and isinstance(entry.get("author"), str):
        names = [entry["author"]]
    return list(dict.fromkeys(_WS.sub(" ", n).strip() for n in names if isinstance(n, str) and n.strip()))
