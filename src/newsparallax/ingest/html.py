"""HTML pages: one page, one article.  The main text and metadata come from trafilatura.

Hostile pages (absurdly deep nesting, scripts everywhere, broken markup) give either clean
text or a rejection, never a crash and never script source in the text.  When trafilatura
finds nothing, a plain paragraph extraction with lxml is tried before giving up.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any, TypedDict
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree

from newsparallax.errors import InputError
from newsparallax.ingest.base import IngestSettings, ReadResult, Source, derived_id, reject
from newsparallax.ingest.decode import decode_bytes
from newsparallax.model import Article, Origin, iso_published

log = logging.getLogger(__name__)

# Elements whose content is never article text (code, styling, embedded documents, forms).
_NON_TEXT = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"}
    | {"textarea", "select", "button", "head"}
)
# Block elements of HTML and of trafilatura's output tree: each starts a new paragraph.
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "address"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "head", "ul", "ol", "li", "list", "item", "dl", "dt", "dd"}
    | {"blockquote", "quote", "pre", "table", "tr", "row", "figure", "figcaption", "hr"}
)
_CELLS = frozenset({"td", "th", "cell"})
_BREAKS = frozenset({"br", "lb"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.-]+)", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_PARA_SPLIT = re.compile(r"\n[ \t\r\f\v\xa0]*\n")
_SPACES = re.compile(r"[^\S\n]+")
# Per the WHATWG encoding standard these labels mean windows-1252 on the web.
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
_PRUNE = ["//noscript", "//template", "//textarea", "//select", "//button"]
_DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


class PageData(TypedDict):
    """What :func:`extract_html` finds in a page."""

    text: str
    title: str | None
    authors: list[str]
    published: str | None
    source: str | None
    url: str | None


def read_html(source: Source, settings: IngestSettings) -> Iterator[ReadResult]:
    """Read one HTML page as one article (or one rejection saying why not)."""
    try:
        html = decode_html(source.read_all(settings.max_document_bytes), source.content_type)
        page = extract_html(html, source.url)
    except InputError as exc:
        yield reject(source, exc.reason)
        return
    if page is None:
        yield reject(source, "no article text found in the page")
        return
    yield _article(source, page)


def _article(source: Source, page: PageData) -> Article:
    url = source.url or page["url"]
    return Article(
        id=derived_id(url) if url else source.stem,
        text=page["text"],
        title=page["title"],
        url=url,
        source=page["source"] or domain_of(url),
        published=page["published"],
        authors=page["authors"],
        origin=Origin(source.location, None, "html"),
        id_given=False,
    )


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode a page: a BOM, then the HTTP charset, then ``<meta charset>``, then detection."""
    declared = _header_charset(content_type) or _meta_charset(data)
    if declared and declared.lower() in _AS_CP1252:
        declared = "cp1252"
    text, _encoding = decode_bytes(data, declared)
    return text


def _header_charset(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _meta_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extract_html(html: str, url: str | None) -> PageData | None:
    """The main text and metadata of a page; ``None`` when it holds no article text.

    Raises :class:`InputError` when the page cannot be parsed at all.
    """
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        return None
    document = _trafilatura(html, url)
    if document is not None and document.body is not None:
        text = _drop_title(blocks_to_text(document.body), _clean_line(document.title))
        if text:
            return _page_from(document, text, url)
    return _fallback(html, url)


def _trafilatura(html: str, url: str | None) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_recall=True,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
            prune_xpath=_PRUNE,
        )
    except RecursionError:
        log.warning("page too deeply nested for trafilatura; trying plain extraction")
    except Exception:  # third-party code on hostile input: any failure means "try the fallback"
        log.warning("trafilatura failed on the page; trying plain extraction", exc_info=True)
    return None


def _page_from(document: Any, text: str, url: str | None) -> PageData:
    page_url = document.url or url
    return PageData(
        text=text,
        title=_clean_line(document.title),
        authors=_split_authors(document.author),
        published=iso_published(document.date),
        source=_clean_line(document.sitename) or _clean_line(document.hostname) or domain_of(page_url),
        url=page_url,
    )


def _fallback(html: str, url: str | None) -> PageData | None:
    """Paragraphs straight from lxml, for pages trafilatura gives up on."""
    root = _parse(html)
    if root is None:
        return None
    title = _clean_line(root.findtext(".//title"))
    text = _drop_title(html_tree_to_text(root), title)
    if not text:
        return None
    return PageData(text=text, title=title, authors=[], published=None, source=domain_of(url), url=url)


def _parse(html: str) -> Any:
    try:
        return lxml.html.document_fromstring(html)
    except etree.ParserError:  # "Document is empty": nothing but whitespace or comments
        return None
    except (etree.LxmlError, ValueError, RecursionError) as exc:
        raise InputError(f"cannot parse the page as HTML: {exc}") from exc


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), paragraphs split by blank lines."""
    if "<" not in html and "&" not in html:
        return tidy_text(html)
    root = _parse(_XML_DECL.sub("", html, count=1))
    return "" if root is None else html_tree_to_text(root)


def html_tree_to_text(root: Any) -> str:
    """Text of a parsed HTML tree without scripts, styles, comments or other non-text elements."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *_NON_TEXT, with_tail=False)
    return blocks_to_text(root)


def blocks_to_text(root: Any) -> str:
    """Text of a tree with a blank line between block elements and a newline at each ``<br>``."""
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _BREAKS:
            element.tail = "\n" + (element.tail or "")
        elif tag in _CELLS:
            element.tail = " " + (element.tail or "")
        elif tag in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return tidy_text("".join(root.itertext()))


def tidy_text(text: str) -> str:
    """Plain text with spaces collapsed, empty lines dropped and paragraphs split by one blank line."""
    paragraphs = (_tidy(chunk) for chunk in _PARA_SPLIT.split(text.replace("\r\n", "\n")))
    return "\n\n".join(p for p in paragraphs if p)


def _tidy(chunk: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in chunk.split("\n"))
    return "\n".join(line for line in lines if line)


def _drop_title(text: str, title: str | None) -> str:
    """Drop a first paragraph that only repeats the headline (extractors keep the ``<h1>``)."""
    first, _, rest = text.partition("\n\n")
    if title and rest and first.casefold() == title.casefold():
        return rest
    return text


def _clean_line(value: object) -> str | None:
    """One line of metadata with its whitespace collapsed; ``None`` when there is none."""
    if not isinstance(value, str):
        return None
    return _SPACES.sub(" ", value).strip() or None


def _split_authors(value: object) -> list[str]:
    if not isinstance(value, str):
        return []
    return list(dict.fromkeys(name.strip() for name in value.split(";") if name.strip()))


def domain_of(url: str | None) -> str | None:
    """The host of a URL without ``www.``, or ``None``."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
