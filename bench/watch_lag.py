"""``parallax watch`` against a local feed server that publishes 10 items a second: the lag from an
item's publication to the moment its article sits in a story, p50 / p95 / max, and items/s.

Usage: python bench/watch_lag.py [--seconds 45] [--rate 10] [--every 1s] [--embedder use|hashing]

A thread serves an RSS feed on 127.0.0.1 (the newest ``--window`` items, with an ``ETag``) while
``--rate`` items a second are published to it, each a templated report of one of a few dozen synthetic
events (so stories form with many members).  ``parallax watch`` runs as a separate process, as a user
runs it, on a fresh SQLite store; this process polls the store every 50 ms for articles that have a
story and times them against their publication.  One item is published first and the clock starts
once it has its story (the models have loaded); then ``--seconds`` of items follow.  The lag of the
first and second halves shows whether the watcher keeps up (flat) or falls behind (growing).  At the
end the watcher gets SIGINT and must exit 130.  All text is generated here.
"""

from __future__ import annotations

import argparse
import http.server
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path
from xml.sax.saxutils import escape

from sqlalchemy import select

from newsparallax.ingest.base import derived_id
from newsparallax.store.db import open_database
from newsparallax.store.schema import article_ids, story_articles

CITIES = ["Valparaiso", "Porto", "Gdansk", "Mombasa", "Cebu", "Halifax", "Tromso", "Durban", "Izmir", "Perth"]
THINGS = [
    "warehouse fire",
    "ferry collision",
    "bridge collapse",
    "chemical leak",
    "landslide",
    "gas explosion",
]
OUTLETS = ["Coastal Courier", "Evening Ledger", "Harbour Wire", "Daily Beacon", "Metro Post"]
TEMPLATES = [
    "{n} people were injured in a {thing} in {city} on {day}, officials said. Emergency crews worked "
    "through the night, and the mayor of {city} promised an inquiry into the {thing}.",
    "A {thing} in {city} left {n} people hurt on {day}, according to the fire service. Residents near "
    "the site were told to stay indoors while investigators examined what caused the {thing}.",
    "Authorities in {city} said {n} people needed hospital treatment after the {thing} on {day}. "
    "Witnesses described a loud noise before the {thing}; police have opened an investigation.",
]
FILLER = (
    " Local councillors met on the following morning to discuss support for the families affected, "
    "and regional officials said the cost of repairs would be assessed over the coming weeks."
)


@dataclass
class Published:
    seq: int
    at: float
    xml: str


@dataclass
class FeedSource:
    """The items published so far; the feed shows the newest ``window`` of them."""

    window: int
    items: list[Published] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seq: int, rng: random.Random) -> None:
        xml = item_xml(seq, rng)
        with self.lock:
            self.items.append(Published(seq, time.time(), xml))

    def document(self) -> tuple[str, bytes]:
        with self.lock:
            newest = self.items[-self.window :][::-1]
        etag = f'"{newest[0].seq if newest else 0}"'
        body = "".join(p.xml for p in newest)
        channel = f"<channel><title>Bench Wire</title><link>http://bench.local/</link>{body}</channel>"
        return etag, f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">{channel}</rss>'.encode()


def item_xml(seq: int, rng: random.Random) -> str:
    event = rng.randrange(len(CITIES) * len(THINGS))
    city, thing = CITIES[event % len(CITIES)], THINGS[event // len(CITIES)]
    text = rng.choice(TEMPLATES).format(n=3 + event % 17, thing=thing, city=city, day="Monday") + FILLER
    title = f"{thing.capitalize()} in {city} injures {3 + event % 17}"
    return (
        f'<item><title>{escape(title)}</title><guid isPermaLink="false">urn:bench:{seq}</guid>'
        f"<author>{rng.choice(OUTLETS)}</author><pubDate>{formatdate(usegmt=True)}</pubDate>"
        f"<description>{escape(f'Report {seq}. {text}')}</description></item>"
    )


def publish(source: FeedSource, rate: float, count: int) -> None:
    """Items 1..count, ``rate`` a second (item 0, the warm-up, is published before)."""
    rng = random.Random(7)
    started = time.monotonic()
    for seq in range(1, count + 1):
        delay = started + (seq - 1) / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        source.add(seq, rng)


def serve(source: FeedSource) -> http.server.ThreadingHTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            etag, body = source.document()
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            for key, value in (
                ("ETag", etag),
                ("Content-Type", "application/rss+xml"),
                ("Content-Length", len(body)),
            ):
                self.send_header(key, str(value))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def start_watch(db: Path, url: str, every: str, embedder: str, folder: Path) -> subprocess.Popen[bytes]:
    config = folder / "parallax.toml"
    config.write_text(f'[read]\nembedder = "{embedder}"\n')
    command = [sys.executable, "-m", "newsparallax", "--db", str(db), "--config", str(config), "watch", url]
    command += ["--every", every, "--host-interval", "100ms", "--allow-private", "--no-fetch-links"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=open(folder / "watch.log", "wb"))


def storied(db: Path, ids: dict[str, int], found: dict[int, float], stop: threading.Event) -> None:
    """Record when each published item's article first appears in a story."""
    while not db.exists() and not stop.is_set():
        time.sleep(0.05)
    database = open_database(str(db), migrate=False)
    query = select(article_ids.c.given_id).join(
        story_articles, story_articles.c.article_id == article_ids.c.article_id
    )
    while not stop.is_set():
        try:
            with database.engine.connect() as conn:
                given = list(conn.execute(query).scalars())
        except Exception:  # the store is still being created by the watcher
            given = []
        now = time.time()
        for given_id in given:
            seq = ids.get(given_id)
            if seq is not None and seq not in found:
                found[seq] = now
        time.sleep(0.05)
    database.dispose()


def report(source: FeedSource, found: dict[int, float], code: int | None) -> None:
    published = {p.seq: p.at for p in source.items}
    print(f"warm-up: the first item reached a story after {found[0] - published[0]:.1f} s (models loading)")
    measured = sorted(s for s in published if s > 0)
    lags = [found[s] - published[s] for s in measured if s in found]
    seconds = published[measured[-1]] - published[measured[0]]
    missed = len(measured) - len(lags)
    print(
        f"published {len(measured):,} items in {seconds:.1f} s: {len(lags):,} in stories, {missed:,} missed"
    )
    if lags:
        print(f"  lag publication → story: {_quantiles(lags)}")
        half = len(lags) // 2
        print(f"  first half {_quantiles(lags[:half])}; second half {_quantiles(lags[half:])}")
        span = max(found[s] for s in measured if s in found) - published[measured[0]]
        print(f"  throughput: {len(lags) / span:.1f} items/s into stories")
    print(f"watch exit code after SIGINT: {code} (expected 130); load average {os.getloadavg()[0]:.1f}")


def _quantiles(lags: list[float]) -> str:
    ordered = sorted(lags)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {statistics.median(ordered):.2f} s  p95 {p95:.2f} s  max {ordered[-1]:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=45.0)
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--window", type=int, default=200)
    parser.add_argument("--every", default="1s")
    parser.add_argument("--embedder", default="use", choices=["use", "hashing"])
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="watch-lag-"))
    db = folder / "watch.db"
    source = FeedSource(args.window)
    httpd = serve(source)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
    count = int(args.seconds * args.rate)
    ids = {derived_id(url, f"urn:bench:{n}"): n for n in range(count + 1)}
    found: dict[int, float] = {}
    stop_polling = threading.Event()
    watcher = start_watch(db, url, args.every, args.embedder, folder)
    source.add(0, random.Random(0))
    threading.Thread(target=storied, args=(db, ids, found, stop_polling), daemon=True).start()
    _wait(lambda: 0 in found, watcher, 300)
    publish(source, args.rate, count)
    _wait(lambda: len(found) > count, watcher, 30)
    stop_polling.set()
    watcher.send_signal(signal.SIGINT)
    code = watcher.wait(timeout=60)  # its closing summary is a few lines: the pipe never fills
    httpd.shutdown()
    report(source, found, code)
    print(f"store and watcher log: {folder}")


def _wait(done: Callable[[], bool], watcher: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        if watcher.poll() is not None:
            sys.exit(f"the watcher exited with {watcher.returncode}; see its log")
        time.sleep(0.1)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
