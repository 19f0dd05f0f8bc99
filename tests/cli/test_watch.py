"""``parallax watch`` as a user runs it, against a feed server on 127.0.0.1 (hence ``--allow-private``):
healthy feeds keep being ingested next to garbage, 500s and timeouts; exit codes; SIGTERM."""

from __future__ import annotations

import http.server
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsparallax.cli.app import EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main
from newsparallax.cli.watch_cmd import parse_duration
from newsparallax.store.articles import store_stats
from newsparallax.store.db import open_database

BODY = "Dock workers in Port Aurora agreed a new shift pattern with the harbour board on Monday. " * 6
Reply = tuple[int, dict[str, str], bytes]


def rss(*guids: str) -> bytes:
    items = "".join(
        f'<item><title>Port news {g}</title><guid isPermaLink="false">urn:port:{g}</guid>'
        f"<description>Item {g}. {BODY}</description></item>"
        for g in guids
    )
    channel = f"<channel><title>Port</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


@dataclass
class FeedServer:
    url: str
    routes: dict[str, Callable[[dict[str, str]], Reply]] = field(default_factory=dict)
    hits: list[tuple[str, int]] = field(default_factory=list)

    def feed(self, path: str, document: bytes, etag: str = '"e1"') -> str:
        def reply(headers: dict[str, str]) -> Reply:
            if headers.get("if-none-match") == etag:
                return 304, {"ETag": etag}, b""
            return 200, {"ETag": etag, "Content-Type": "application/rss+xml"}, document

        self.routes[path] = reply
        return self.url + path


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    state = FeedServer("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = state.routes.get(self.path)
            status, headers, body = (
                route({k.lower(): v for k, v in self.headers.items()}) if route else (404, {}, b"")
            )
            state.hits.append((self.path, status))
            self.send_response(status)
            for key, value in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


def stored(db: Path) -> int:
    database = open_database(str(db))
    try:
        return int(store_stats(database)["articles"])
    finally:
        database.dispose()


def test_healthy_feeds_are_ingested_next_to_broken_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: FeedServer
) -> None:
    def slow(_headers: dict[str, str]) -> Reply:
        time.sleep(1.0)
        return 200, {}, rss("late")

    good = server.feed("/good.xml", rss("a", "b", "c"))
    server.routes["/garbage"] = lambda h: (
        200,
        {"Content-Type": "application/rss+xml"},
        b"\x89PNG\r\n\x1a\n" * 40,
    )
    server.routes["/down"] = lambda h: (500, {}, b"oops")
    server.routes["/slow"] = slow
    feeds = [good, server.url + "/garbage", server.url + "/down", server.url + "/slow"]
    db = tmp_path / "s.db"
    args = ["--db", str(db), "watch", "--once", "--no-read", "--allow-private", "--timeout", "0.3"]
    args += ["--host-interval", "10ms", *feeds]
    code, out, err = run(capsys, *args)
    assert code == EXIT_PARTIAL and stored(db) == 3
    assert "HTTP 500" in err and "timed out" in err and "not an RSS/Atom feed" in err
    assert "stored 3 article(s) this run" in out
    state = json.loads((tmp_path / "s.db.watch.json").read_text())["feeds"]
    assert state[good]["etag"] == '"e1"' and state[server.url + "/down"]["failures"] == 1

    code, out, err = run(capsys, *args)  # the broken feeds are backing off; the good one answers 304
    assert code == EXIT_PARTIAL and ("/good.xml", 304) in server.hits and stored(db) == 3
    assert "next try in" in out and [p for p, _s in server.hits].count("/down") == 1


def test_local_addresses_are_refused_without_allow_private(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: FeedServer
) -> None:
    good = server.feed("/good.xml", rss("a"))
    code, _out, err = run(capsys, "--db", str(tmp_path / "s.db"), "watch", "--once", "--no-read", good)
    assert code == EXIT_PARTIAL and "--allow-private" in err and server.hits == []


def test_watch_polls_again_every_interval(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: FeedServer
) -> None:
    good = server.feed("/good.xml", rss("a", "b"))
    state = tmp_path / "elsewhere.json"
    args = ["--db", str(tmp_path / "s.db"), "watch", "--no-read", "--allow-private", "--state", str(state)]
    args += ["--host-interval", "10ms"]
    code, out, _err = run(capsys, *args, "--every", "100ms", "--max-rounds", "3", good)
    assert code == EXIT_OK and server.hits == [("/good.xml", 200), ("/good.xml", 304), ("/good.xml", 304)]
    assert state.exists() and "stored 2 article(s) this run" in out


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30.0), ("10m", 600.0), ("1h", 3600.0), ("1.5h", 5400.0), ("500ms", 0.5), ("45", 45.0)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("every", ["soon", "0s", "-5m", "10 minutes"])
def test_every_must_be_a_duration(capsys: pytest.CaptureFixture[str], tmp_path: Path, every: str) -> None:
    code, _out, err = run(
        capsys, "--db", str(tmp_path / "s.db"), "watch", "--every", every, "http://x.example/"
    )
    assert code == EXIT_USAGE and "30s, 10m or 1h" in err


def test_sigterm_abandons_the_round_and_exits_130(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: FeedServer
) -> None:
    def terminate(_headers: dict[str, str]) -> Reply:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.5)  # the watcher is interrupted while it waits for this answer
        return 200, {}, rss("z")

    server.feed("/good.xml", rss("a", "b"))
    server.routes["/term"] = terminate
    db = tmp_path / "s.db"
    feeds = [server.url + "/good.xml", server.url + "/term"]
    code, _out, err = run(capsys, "--db", str(db), "watch", "--once", "--no-read", "--allow-private", *feeds)
    assert code == EXIT_INTERRUPTED and "Interrupted" in err
    assert stored(db) == 0 and not (tmp_path / "s.db.watch.json").exists()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
