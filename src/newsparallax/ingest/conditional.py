"""Conditional GET of a polled feed, on the guarded client of :mod:`newsparallax.ingest.web`.

Like :func:`~newsparallax.ingest.web.fetch` (http(s) only, every redirect hop checked against
private addresses, time and size bounded), plus what polling needs: the validators of the last
document are sent (``If-None-Match``, ``If-Modified-Since``), a ``304 Not Modified`` comes back as
"nothing new" rather than as an empty document, the new validators are returned, and an HTTP error
carries its status and the server's ``Retry-After`` so the poller can back off as asked.

A local file can be watched too: its size and modification time stand in for the ``ETag``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin

import httpx

from newsparallax.errors import FetchError
from newsparallax.ingest.base import IngestSettings, Source
from newsparallax.ingest.sources import is_url
from newsparallax.ingest.web import (
    _REDIRECTS,
    _TOTAL_TIME_FACTOR,
    _check_peer,
    _client,
    _read_body,
    check_url,
)

_FEED_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


class HttpStatusError(FetchError):
    """The server answered with an HTTP error; ``retry_after`` is its ``Retry-After``, in seconds."""

    def __init__(self, reason: str, url: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(reason, url)
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {"If-None-Match": self.etag} if self.etag else {}
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class FeedResponse:
    """The document (None when not modified), the final URL after redirects, and its validators."""

    url: str
    source: Source | None
    validators: Validators


def fetch_feed(location: str, settings: IngestSettings, known: Validators = Validators()) -> FeedResponse:
    """Fetch a feed URL (or read a local feed file) unless it has not changed since ``known``."""
    if not is_url(location):
        return _read_file(Path(location), known)
    deadline = time.monotonic() + settings.timeout_s * _TOTAL_TIME_FACTOR
    current = location
    with _client(settings) as client:
        for _hop in range(settings.max_redirects + 1):
            check_url(current, settings)
            response = _get(client, current, settings, known, deadline)
            if isinstance(response, FeedResponse):
                return response
            current = response
    raise FetchError(f"too many redirects (more than {settings.max_redirects}) fetching {location}", location)


def _get(
    client: httpx.Client, url: str, settings: IngestSettings, known: Validators, deadline: float
) -> FeedResponse | str:
    """One request: the response, or the URL a redirect points to."""
    try:
        with client.stream("GET", url, headers=known.headers()) as response:
            _check_peer(response, url, settings)
            if response.status_code in _REDIRECTS and "location" in response.headers:
                return urljoin(url, response.headers["location"])
            if response.status_code == 304:
                return FeedResponse(url, None, _validators(response, known))
            if response.status_code >= 400:
                raise _status_error(response, url)
            body = _read_body(response, url, settings.max_download_bytes, deadline)
            source = Source.from_bytes(url, body, content_type=response.headers.get("content-type"), url=url)
            return FeedResponse(url, source, _validators(response, Validators()))
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out after {settings.timeout_s:g} s fetching {url}", url) from exc
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
        raise FetchError(f"could not fetch {url}: {str(exc) or type(exc).__name__}", url) from exc


def _validators(response: httpx.Response, known: Validators) -> Validators:
    return Validators(
        response.headers.get("etag") or known.etag,
        response.headers.get("last-modified") or known.last_modified,
    )


def _status_error(response: httpx.Response, url: str) -> HttpStatusError:
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    reason = f"HTTP {response.status_code} {response.reason_phrase} from {url}"
    if retry_after is not None:
        reason += f" (retry after {retry_after:.0f} s)"
    return HttpStatusError(reason, url, response.status_code, retry_after)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` in seconds from now: a number of seconds or an HTTP date; None when unusable."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


def _read_file(path: Path, known: Validators) -> FeedResponse:
    try:
        stat = path.stat()
    except OSError as exc:
        raise FetchError(f"cannot read the feed file {path}: {exc.strerror or exc}", str(path)) from exc
    tag = f"{stat.st_size}-{stat.st_mtime_ns}"
    if tag == known.etag:
        return FeedResponse(str(path), None, known)
    return FeedResponse(str(path), Source.from_path(path), Validators(tag))


def discover_feed(page: bytes, base_url: str) -> str | None:
    """The first RSS/Atom feed a web page announces (``<link rel="alternate" type="...rss+xml">``)."""
    head = page[:200_000].decode("utf-8", "replace")
    for tag in _FEED_LINK.findall(head):
        attributes = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTRIBUTE.findall(tag)}
        rel = attributes.get("rel", "").lower().split()
        kind = attributes.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES and attributes.get("href"):
            target = urljoin(base_url, attributes["href"].strip())
            return target if is_url(target) else None
    return None
