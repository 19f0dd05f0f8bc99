"""Fetching through httpx.MockTransport: address guard, redirects, errors, limits.  Never online."""

from __future__ import annotations

import http.server
import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

from newsparallax.errors import BlockedAddressError, FetchError, TooLargeError
from newsparallax.ingest import web
from newsparallax.ingest.base import IngestSettings
from newsparallax.ingest.web import fetch, is_blocked, read_url
from newsparallax.model import Article, Rejection

Handler = Callable[[httpx.Request], httpx.Response]
PAGE = (
    "<html><head><title>Quay</title></head><body><p>The quay was repaired over the winter.</p></body></html>"
)


def settings(handler: Handler, **kwargs: object) -> IngestSettings:
    return IngestSettings(transport=httpx.MockTransport(handler), **kwargs)  # type: ignore[arg-type]


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, html=PAGE)


def test_fetch_returns_a_source() -> None:
    source = fetch("https://news.example/quay", settings(ok))
    assert source.location == source.url == "https://news.example/quay"
    assert source.content_type == "text/html; charset=utf-8"
    assert source.read_all(10_000) == PAGE.encode()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.5/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "http://localhost:8080/",
        "http://api.localhost/",
    ],
)
def test_private_addresses_are_blocked(url: str) -> None:
    with pytest.raises(BlockedAddressError, match="--allow-private"):
        fetch(url, settings(ok))


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1/", "http://10.0.0.5/", "http://[::1]/", "http://169.254.169.254/"]
)
def test_private_addresses_are_allowed_when_asked(url: str) -> None:
    source = fetch(url, settings(ok, allow_private_addresses=True))
    assert source.url == url


def test_names_are_resolved_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_getaddrinfo(host: str, port: object, **kwargs: object) -> list[tuple[object, ...]]:
        assert host == "intranet.example"
        return [(2, 1, 6, "", ("192.168.1.20", 80))]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(BlockedAddressError, match=r"192\.168\.1\.20"):
        fetch("http://intranet.example/", IngestSettings())


def test_unresolvable_name_is_a_fetch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(FetchError, match=r"cannot resolve host nowhere\.example"):
        fetch("http://nowhere.example/", IngestSettings())


def test_only_http_and_https() -> None:
    for url in ("ftp://files.example/a", "file:///etc/passwd", "gopher://x.example/"):
        with pytest.raises(FetchError, match="only http and https"):
            fetch(url, settings(ok))


def test_redirects_are_followed_and_checked() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "/new"})
        return httpx.Response(200, html=PAGE)

    assert fetch("https://news.example/old", settings(handler)).url == "https://news.example/new"


def test_redirect_to_a_private_address_is_refused() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})

    with pytest.raises(BlockedAddressError):
        fetch("https://news.example/go", settings(handler))
    assert seen == ["https://news.example/go"]


def test_too_many_redirects() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        n = int(request.url.params.get("n", "0"))
        return httpx.Response(302, headers={"Location": f"/loop?n={n + 1}"})

    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        fetch("https://news.example/loop", settings(handler, max_redirects=3))


def test_http_error_status() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, text="nope")

    with pytest.raises(FetchError, match=r"^HTTP 404 Not Found from https://news\.example/missing$"):
        fetch("https://news.example/missing", settings(handler))


def test_body_over_the_size_cap() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 5000)

    with pytest.raises(TooLargeError, match="download too large"):
        fetch("https://news.example/big", settings(handler, max_download_bytes=1000))


def test_streamed_body_over_the_size_cap_without_content_length() -> None:
    def chunks() -> object:
        for _ in range(100):
            yield b"y" * 100

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks())  # type: ignore[arg-type]

    with pytest.raises(TooLargeError):
        fetch("https://news.example/stream", settings(handler, max_download_bytes=1000))


def test_timeout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    with pytest.raises(FetchError, match=r"timed out after 2 s fetching https://news\.example/slow"):
        fetch("https://news.example/slow", settings(handler, timeout_s=2.0))


def test_connection_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(FetchError, match=r"could not fetch https://news\.example/: connection refused"):
        fetch("https://news.example/", settings(handler))


def test_read_url_dispatches_html_and_feeds() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Feed</title>'
        b"<item><title>Q</title><link>https://news.example/q</link>"
        b"<description>Quay news.</description></item></channel></rss>"
    )

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed":
            return httpx.Response(200, content=feed, headers={"Content-Type": "application/rss+xml"})
        return httpx.Response(200, html=PAGE)

    (page,) = read_url("https://news.example/quay", settings(handler))
    assert isinstance(page, Article) and page.text == "The quay was repaired over the winter."
    (entry,) = read_url("https://news.example/feed", settings(handler, fetch_feed_links=False))
    assert isinstance(entry, Article) and entry.source == "Quay Feed" and entry.text == "Quay news."


def test_read_url_turns_fetch_errors_into_one_rejection() -> None:
    (rejection,) = read_url("http://10.0.0.5/", settings(ok))
    assert isinstance(rejection, Rejection)
    assert rejection.location == "http://10.0.0.5/"
    assert "--allow-private" in rejection.reason


@pytest.mark.parametrize(
    ("address", "blocked"),
    [
        ("8.8.8.8", False),
        ("2606:4700::1111", False),
        ("::ffff:8.8.8.8", False),
        ("100.64.0.1", True),
        ("224.0.0.1", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("2002:7f00:1::", True),
        ("64:ff9b::a00:5", True),
    ],
)
def test_is_blocked(address: str, blocked: bool) -> None:
    assert is_blocked(ipaddress.ip_address(address)) is blocked


@pytest.fixture
def local_server() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_connected_address_is_checked_again(local_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A DNS answer that turns private after the check (rebinding) is caught at connection time."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(web, "_addresses", lambda *args: [])  # the first look-up "said" public
    with pytest.raises(BlockedAddressError, match=r"127\.0\.0\.1"):
        fetch(local_server, IngestSettings(timeout_s=5))
    assert fetch(local_server, IngestSettings(timeout_s=5, allow_private_addresses=True)).read_all(10_000)
