"""Fetching a URL, carefully: http(s) only, bounded in time and size, never a private address.

Redirects are followed by hand so that every hop is checked.  Host names are resolved and
refused when any address is private, loopback, link-local, multicast, reserved or unspecified
(unless private addresses are allowed); after connecting, the peer address is checked again,
which closes the gap a DNS answer that changes between the two look-ups would open.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
import urllib.request
from collections.abc import Iterator
from urllib.parse import urljoin

import httpx

from newsparallax.errors import BlockedAddressError, FetchError, InputError, TooLargeError
from newsparallax.ingest.base import MB, IngestSettings, Reader, ReadResult, Source
from newsparallax.model import Rejection

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
#: The whole download (all hops, body included) may take this many times the timeout.
_TOTAL_TIME_FACTOR = 3


def fetch(url: str, settings: IngestSettings) -> Source:
    """Download ``url`` and return it as a :class:`Source` named by the final URL.

    Raises :class:`FetchError` (or :class:`BlockedAddressError`) when it cannot be fetched and
    :class:`TooLargeError` when the body is over ``settings.max_download_bytes``.
    """
    deadline = time.monotonic() + settings.timeout_s * _TOTAL_TIME_FACTOR
    current = url
    with _client(settings) as client:
        for _hop in range(settings.max_redirects + 1):
            check_url(current, settings)
            target, body, content_type = _get(client, current, settings, deadline)
            if target is None:
                return Source.from_bytes(current, body, content_type=content_type, url=current)
            log.debug("redirect: %s -> %s", current, target)
            current = target
    raise FetchError(f"too many redirects (more than {settings.max_redirects}) fetching {url}", url)


def read_url(url: str, settings: IngestSettings) -> Iterator[ReadResult]:
    """Fetch ``url`` and read it as a feed, a web archive or an HTML page, whichever it is."""
    try:
        source = fetch(url, settings)
    except InputError as exc:
        yield Rejection(url, None, exc.reason)
        return
    yield from _reader_for(source)(source, settings)


def _reader_for(source: Source) -> Reader:
    from newsparallax.ingest.feed import looks_like_feed, read_feed
    from newsparallax.ingest.html import read_html
    from newsparallax.ingest.warc import looks_like_warc, read_warc

    head = source.head(4096)
    if looks_like_warc(head):
        return read_warc
    if looks_like_feed(head):
        return read_feed
    return read_html


def _client(settings: IngestSettings) -> httpx.Client:
    transport = settings.transport
    if transport is not None and not isinstance(transport, httpx.BaseTransport):
        raise TypeError(f"IngestSettings.transport must be an httpx transport, not {type(transport)}")
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(settings.timeout_s),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent},
    )


def _get(
    client: httpx.Client, url: str, settings: IngestSettings, deadline: float
) -> tuple[str | None, bytes, str | None]:
    """One request: ``(redirect target, b"", None)`` or ``(None, body, content type)``."""
    try:
        with client.stream("GET", url) as response:
            _check_peer(response, url, settings)
            if response.status_code in _REDIRECTS and "location" in response.headers:
                return urljoin(url, response.headers["location"]), b"", None
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase} from {url}", url)
            body = _read_body(response, url, settings.max_download_bytes, deadline)
            return None, body, response.headers.get("content-type")
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out after {settings.timeout_s:g} s fetching {url}", url) from exc
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
        raise FetchError(f"could not fetch {url}: {str(exc) or type(exc).__name__}", url) from exc


def _read_body(response: httpx.Response, url: str, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLargeError(_too_large(url, limit), url)
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > limit:
            raise TooLargeError(_too_large(url, limit), url)
        if time.monotonic() > deadline:
            raise FetchError(f"download of {url} is too slow; gave up", url)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, limit: int) -> str:
    return (
        f"download too large: {url} is over the {limit / MB:.1f} MB limit. "
        "Raise the limit with --max-download-mb if you trust it."
    )


def check_url(url: str, settings: IngestSettings) -> None:
    """Refuse URLs that are not http(s) or that point at a private address."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"not a valid URL: {url!r} ({exc})", url) from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}", url)
    host = parsed.raw_host.decode("ascii").rstrip(".").lower()
    if not host:
        raise FetchError(f"no host name in {url!r}", url)
    if settings.allow_private_addresses:
        return
    for address in _addresses(host, parsed.port, url, settings):
        if is_blocked(address):
            raise _blocked(url, str(address))


def _addresses(host: str, port: int | None, url: str, settings: IngestSettings) -> list[IPAddress]:
    literal = _ip_literal(host)
    if literal is not None:
        return [literal]
    if host == "localhost" or host.endswith(".localhost"):
        raise _blocked(url, host)
    if settings.transport is not None:  # a test transport: names need not resolve
        return []
    try:
        infos = socket.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host} ({url}): {exc}", url) from exc
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def _ip_literal(host: str) -> IPAddress | None:
    """The address a host names by itself: ``10.0.0.5``, ``::1``, and also ``2130706433`` or ``127.1``."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:  # the shorthand forms inet_aton accepts, which resolvers also accept
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, ValueError):
        return None


def is_blocked(address: IPAddress) -> bool:
    """True for any address that is not a public unicast one."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_blocked(embedded)
    # Not global covers private, loopback, link-local, unspecified, shared (CGNAT) and documentation
    # ranges; multicast and reserved ranges can count as global, so they are named too.
    return not address.is_global or address.is_multicast or address.is_reserved


def _blocked(url: str, address: str) -> BlockedAddressError:
    return BlockedAddressError(
        f"refusing to fetch {url}: it points at a private or local address ({address}). "
        "Pass --allow-private to allow private, loopback and link-local addresses.",
        url,
    )


def _check_peer(response: httpx.Response, url: str, settings: IngestSettings) -> None:
    """Check the address actually connected to (a DNS answer may change after the first look-up)."""
    if settings.allow_private_addresses or _uses_proxy(url):
        return
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        return
    address = ipaddress.ip_address(str(peer[0]).split("%", 1)[0])
    if is_blocked(address):
        raise _blocked(url, str(address))


def _uses_proxy(url: str) -> bool:
    """True when the environment sends this URL through a proxy (then the peer is the proxy)."""
    parsed = httpx.URL(url)
    proxies = urllib.request.getproxies()
    if not (proxies.get(parsed.scheme) or proxies.get("all")):
        return False
    return not urllib.request.proxy_bypass(parsed.host)
