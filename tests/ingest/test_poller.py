"""The watch poller against an in-memory web (httpx.MockTransport) and a fake clock: conditional GET,
state across restarts, broken feeds, backoff, Retry-After, timeouts, private redirects, host pacing,
interruption.  Never online, never sleeps.  All feeds and their stories are invented."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from newsparallax.engine import IngestJob
from newsparallax.ingest.base import IngestSettings, derived_id
from newsparallax.ingest.conditional import parse_retry_after
from newsparallax.ingest.poller import Poller, PollPolicy, RoundReport
from newsparallax.ingest.watch_state import FeedState, WatchState, default_state_path
from newsparallax.store.db import Database
from newsparallax.store.schema import article_ids, articles, ingest_runs
from newsparallax.store.writer import ArticleWriter

FEED = "https://harbour.example/feed.xml"
OTHER = "https://valley.example/rss"
BODY = "The harbour authority of Port Aurora approved a new ferry timetable for the winter season. " * 6

Route = Callable[[httpx.Request], httpx.Response]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return 1_750_000_000.0 + self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def rss(*items: tuple[str, str], body: str = BODY, links: bool = False) -> bytes:
    """A feed, an entry per ``(guid, title)``; ``body=""`` leaves entries short (their page is fetched)."""
    entries = "".join(
        f'<item><title>{title}</title><guid isPermaLink="false">urn:harbour:{guid}</guid>'
        + (f"<link>https://pages.example/{guid}</link>" if links else "")
        + (f"<description>{title}. {body}</description>" if body else "")
        + "<pubDate>Mon, 05 Oct 2026 10:00:00 +0000</pubDate></item>"
        for guid, title in items
    )
    channel = f"<channel><title>Harbour</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def entry_id(feed: str, guid: str) -> str:
    return derived_id(feed, f"urn:harbour:{guid}")


def feed_route(document: bytes, etag: str = '"v1"') -> Route:
    def route(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == etag:
            return httpx.Response(304, headers={"ETag": etag})
        return httpx.Response(
            200, content=document, headers={"ETag": etag, "Content-Type": "application/rss+xml"}
        )

    return route


@dataclass
class FakeWeb:
    """Routes by URL (without query); records every request with the fake time it was made at."""

    clock: FakeClock
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[float, httpx.Request]] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((self.clock.now, request))
        url = str(request.url.copy_with(query=None))
        route = self.routes.get(url)
        return route(request) if route else httpx.Response(404)

    def hits(self, url: str) -> list[httpx.Request]:
        return [r for _t, r in self.requests if str(r.url) == url]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def web(clock: FakeClock) -> FakeWeb:
    return FakeWeb(clock)


def poller(
    database: Database,
    web: FakeWeb,
    clock: FakeClock,
    feeds: list[str],
    state: Path | None = None,
    job: IngestJob | None = None,
    **policy: float,
) -> Poller:
    settings = IngestSettings(transport=httpx.MockTransport(web))
    job = job or IngestJob(database, settings, batch_size=50)
    job.settings = settings
    policy = {"every_s": 60.0, "host_interval_s": 0.0, **policy}
    return Poller(job, feeds, WatchState.load(state), PollPolicy(**policy), clock, rand=lambda: 0.5)


def count(database: Database, table: object = articles) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def statuses(report: RoundReport) -> dict[str, str]:
    return {p.url: p.status for p in report.polls}


def test_new_entries_are_stored_and_an_unchanged_feed_costs_a_304(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock
) -> None:
    web.routes[FEED] = feed_route(rss(("h1", "Ferry timetable"), ("h2", "Quay repairs")))
    watch = poller(sqlite_db, web, clock, [FEED])
    first = watch.poll_round()
    assert statuses(first) == {FEED: "new"} and first.ingest is not None and first.ingest.stored == 2
    watch.wait_until_due()
    second = watch.poll_round()
    assert statuses(second) == {FEED: "not modified"} and second.ingest is None and not second.errors
    assert web.hits(FEED)[-1].headers["if-none-match"] == '"v1"'
    assert clock.sleeps == [60.0] and count(sqlite_db) == 2 and count(sqlite_db, ingest_runs) == 1


def test_validators_and_seen_entries_survive_a_restart(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock, tmp_path: Path
) -> None:
    state = tmp_path / "store.db.watch.json"
    web.routes[FEED] = feed_route(rss(("h1", "Ferry timetable")))
    poller(sqlite_db, web, clock, [FEED], state).poll_round()
    saved = json.loads(state.read_text())["feeds"][FEED]
    assert saved["etag"] == '"v1"' and saved["seen"] == [entry_id(FEED, "h1")] and saved["stored"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    again = poller(sqlite_db, web, clock, [FEED], state).poll_round()
    assert statuses(again) == {FEED: "not modified"} and web.hits(FEED)[-1].headers["if-none-match"] == '"v1"'


def test_known_entries_are_skipped_before_their_pages_are_fetched(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock
) -> None:
    def page(request: httpx.Request) -> httpx.Response:
        text = f"Report {request.url.path[1:]} from the harbour. {BODY}"
        return httpx.Response(200, html=f"<html><body><article><p>{text}</p></article></body></html>")

    for guid in ("h1", "h2", "h3"):
        web.routes[f"https://pages.example/{guid}"] = page
    web.routes[FEED] = feed_route(rss(("h1", "Ferry"), ("h2", "Quay"), body="", links=True), '"v1"')
    watch = poller(sqlite_db, web, clock, [FEED])
    assert watch.poll_round().ingest.stored == 2  # type: ignore[union-attr]
    web.routes[FEED] = feed_route(
        rss(("h3", "Pier"), ("h1", "Ferry"), ("h2", "Quay"), body="", links=True), '"v2"'
    )
    watch.wait_until_due()
    assert watch.poll_round().ingest.stored == 1  # type: ignore[union-attr]
    pages = [str(r.url) for _t, r in web.requests if "pages.example" in str(r.url)]
    assert pages == ["https://pages.example/h1", "https://pages.example/h2", "https://pages.example/h3"]


def test_entries_already_in_the_store_are_not_ingested_again(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock, tmp_path: Path
) -> None:
    web.routes[FEED] = feed_route(rss(("h1", "Ferry"), ("h2", "Quay")))
    poller(sqlite_db, web, clock, [FEED]).poll_round()  # no state file: the next poller starts blank
    report = poller(sqlite_db, web, clock, [FEED]).poll_round()
    assert statuses(report) == {FEED: "unchanged"} and report.ingest is None


def test_a_server_without_validators_sending_the_same_feed_is_not_parsed_again(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    web.routes[FEED] = lambda r: httpx.Response(200, content=rss(("h1", "Ferry")))
    watch = poller(sqlite_db, web, clock, [FEED])
    assert statuses(watch.poll_round()) == {FEED: "new"}
    monkeypatch.setattr("newsparallax.ingest.poller.read_feed", None)  # parsing again would fail
    watch.wait_until_due()
    assert statuses(watch.poll_round()) == {FEED: "not modified"}


def test_a_feed_that_once_worked_and_now_serves_a_page_is_an_error(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock
) -> None:
    web.routes[FEED] = feed_route(rss(("h1", "Ferry")))
    watch = poller(sqlite_db, web, clock, [FEED])
    watch.poll_round()
    link = '<link rel="alternate" type="application/rss+xml" href="https://else.example/feed">'
    web.routes[FEED] = lambda r: httpx.Response(200, html=f"<html><head>{link}</head></html>")
    watch.wait_until_due()
    report = watch.poll_round()
    assert "did not return an RSS/Atom feed" in (report.errors[0].error or "")
    assert watch.state.feed(FEED).feed_url is None and not web.hits("https://else.example/feed")


def test_broken_feeds_are_errors_of_their_own_and_healthy_feeds_go_on(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock
) -> None:
    garbage, page, xml = "https://a.example/feed", "https://b.example/", "https://c.example/feed"
    web.routes[FEED] = feed_route(rss(("h1", "Ferry"), ("h2", "Quay")))
    web.routes[garbage] = lambda r: httpx.Response(200, content=b"\x00\x9f\x92garbage\xff" * 50)
    web.routes[page] = lambda r: httpx.Response(200, html="<html><body><p>No feed here.</p></body></html>")
    web.routes[xml] = lambda r: httpx.Response(200, content=b"<rss version='2.0'><channel><item><title")
    report = poller(sqlite_db, web, clock, [garbage, page, xml, FEED]).poll_round()
    assert statuses(report) == {garbage: "error", page: "error", xml: "error", FEED: "new"}
    errors = {p.url: p.error or "" for p in report.errors}
    assert "not an RSS/Atom feed" in errors[garbage] and "nor a web page that links to one" in errors[page]
    assert "not a valid RSS/Atom feed" in errors[xml]
    assert report.ingest is not None and report.ingest.stored == 2 and count(sqlite_db) == 2


def test_server_errors_back_off_exponentially_and_a_success_resets(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock
) -> None:
    failing = {"left": 5}

    def flaky(request: httpx.Request) -> httpx.Response:
        failing["left"] -= 1
        return httpx.Response(500) if failing["left"] >= 0 else feed_route(rss(("h1", "Ferry")))(request)

    web.routes[FEED] = flaky
    watch = poller(sqlite_db, web, clock, [FEED], max_backoff_s=600.0)
    waits = []
    for _ in range(7):
        watch.wait_until_due()
        report = watch.poll_round()
        waits.append(watch.next_due_in())
    assert waits == [120.0, 240.0, 480.0, 600.0, 600.0, 60.0, 60.0]
    feed = watch.state.feed(FEED)
    assert feed.failures == 0 and feed.last_error is None and feed.not_before is None
    assert statuses(report) == {FEED: "not modified"} and count(sqlite_db) == 1 and watch.stats.errors == 5


def test_new_entries_join_stories_as_they_arrive(sqlite_db: Database, web: FakeWeb, clock: FakeClock) -> None:
    from newsparallax.read.embed import HashingEmbedder
    from newsparallax.read.reader import ArticleReader
    from newsparallax.store.story_queries import list_stories
    from newsparallax.stories.service import StoryService

    ferry = (
        "The ferry Estrella ran aground off Quellaco near Puerto Montt on Saturday. Four people were killed."
    )
    web.routes[FEED] = feed_route(rss(("f1", "Ferry runs aground off Quellaco"), body=ferry))
    reader = ArticleReader(embedder=HashingEmbedder())
    job = IngestJob(sqlite_db, reader=reader, stories=StoryService(sqlite_db))
    watch = poller(sqlite_db, web, clock, [FEED], job=job)
    first = watch.poll_round()
    assert first.ingest is not None and (first.ingest.readings, first.ingest.assigned) == (1, 1)
    later = (
        "Four people died when the ferry Estrella ran aground off Quellaco, near Puerto Montt, on Saturday."
    )
    web.routes[FEED] = feed_route(rss(("f2", "Four dead in Quellaco ferry accident"), body=later), '"v2"')
    watch.wait_until_due()
    assert watch.poll_round().ingest.assigned == 1  # type: ignore[union-attr]
    rows, total = list_stories(sqlite_db, limit=None)
    assert total == 1 and sorted(rows[0]["article_ids"]) == sorted(entry_id(FEED, g) for g in ("f1", "f2"))


def test_backoff_has_jitter_within_bounds() -> None:
    policy = PollPolicy(every_s=100.0, max_backoff_s=10_000.0, jitter=0.2)
    assert policy.backoff(1, 0.0) == pytest.approx(160.0) and policy.backoff(1, 1.0) == pytest.approx(240.0)
    assert policy.backoff(30, 1.0) == 10_000.0


def test_retry_after_is_honoured_for_the_whole_host(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock
) -> None:
    sibling = "https://harbour.example/other.xml"
    web.routes[FEED] = lambda r: httpx.Response(429, headers={"Retry-After": "3600"})
    web.routes[sibling] = feed_route(rss(("h9", "Ferry")))
    web.routes[OTHER] = feed_route(rss(("v1", "Valley")))
    watch = poller(sqlite_db, web, clock, [FEED, sibling, OTHER])
    report = watch.poll_round()
    assert statuses(report) == {FEED: "error", sibling: "waiting", OTHER: "new"}
    assert "retry after 3600 s" in (report.errors[0].error or "")
    assert web.hits(sibling) == [] and watch.due[FEED] - clock.now == 3600.0
    assert watch.state.feed(FEED).not_before == pytest.approx(clock.time() + 3600.0)
    watch.wait_until_due()  # the valley feed is due first; the harbour host stays closed
    assert FEED not in statuses(watch.poll_round()) and web.hits(sibling) == []


def test_retry_after_takes_seconds_or_a_date() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT", now=1_792_567_680.0 - 60) == 60.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_a_timeout_is_an_error_for_that_feed_only(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock
) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    web.routes[OTHER] = slow
    web.routes[FEED] = feed_route(rss(("h1", "Ferry")))
    report = poller(sqlite_db, web, clock, [OTHER, FEED]).poll_round()
    assert statuses(report) == {OTHER: "error", FEED: "new"} and "timed out" in (report.errors[0].error or "")


def test_a_redirect_to_a_private_address_is_refused(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock
) -> None:
    inside = "http://169.254.169.254/latest/feed"
    web.routes[OTHER] = lambda r: httpx.Response(302, headers={"Location": inside})
    web.routes[inside] = feed_route(rss(("secret", "Cloud credentials")))
    web.routes[FEED] = feed_route(rss(("h1", "Ferry")))
    report = poller(sqlite_db, web, clock, [OTHER, FEED]).poll_round()
    assert statuses(report) == {OTHER: "error", FEED: "new"}
    assert "--allow-private" in (report.errors[0].error or "") and web.hits(inside) == []


def test_requests_to_one_host_are_spaced(sqlite_db: Database, web: FakeWeb, clock: FakeClock) -> None:
    same_host = [f"https://harbour.example/feed{n}.xml" for n in range(3)]
    for n, url in enumerate(same_host):
        web.routes[url] = feed_route(rss((f"h{n}", f"Ferry {n}")))
    web.routes[OTHER] = feed_route(rss(("v1", "Valley")))
    watch = poller(sqlite_db, web, clock, [*same_host, OTHER], host_interval_s=5.0)
    watch.poll_round()
    times = {str(r.url): t for t, r in web.requests}
    harbour = sorted(times[u] for u in same_host)
    assert [b - a for a, b in itertools.pairwise(harbour)] == [5.0, 5.0]
    assert times[OTHER] == harbour[-1]  # another host is not held back by the harbour's pace
    assert count(sqlite_db) == 4


def test_an_interruption_mid_write_leaves_a_consistent_store_and_a_restart_completes(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / "watch.json"
    web.routes[FEED] = feed_route(rss(*[(f"h{n}", f"Item {n}") for n in range(5)]))
    real_link = ArticleWriter._link_near_duplicates
    calls = {"n": 0}

    def interrupt_second_batch(self: ArticleWriter, *args: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        real_link(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ArticleWriter, "_link_near_duplicates", interrupt_second_batch)
    job = IngestJob(sqlite_db, batch_size=2)
    with pytest.raises(KeyboardInterrupt):
        poller(sqlite_db, web, clock, [FEED], state, job=job).poll_round()
    assert count(sqlite_db) == 2 and count(sqlite_db, article_ids) == 2 and not state.exists()
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(select(ingest_runs.c.status)).scalars().all() == ["interrupted"]
    report = poller(sqlite_db, web, clock, [FEED], state).poll_round()
    assert report.ingest is not None and report.ingest.stored == 3 and count(sqlite_db) == 5
    assert WatchState.load(state).feed(FEED).etag == '"v1"'


def test_a_page_that_announces_its_feed_is_followed(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock
) -> None:
    home = "https://harbour.example/"
    link = '<link rel="alternate" type="application/rss+xml" title="News" href="/feed.xml">'
    web.routes[home] = lambda r: httpx.Response(200, html=f"<html><head>{link}</head><body></body></html>")
    web.routes[FEED] = feed_route(rss(("h1", "Ferry")))
    watch = poller(sqlite_db, web, clock, [home])
    assert watch.poll_round().ingest.stored == 1  # type: ignore[union-attr]
    assert watch.state.feed(home).feed_url == FEED
    watch.wait_until_due()
    assert statuses(watch.poll_round()) == {home: "not modified"} and len(web.hits(home)) == 1


def test_a_local_feed_file_is_read_when_it_changes(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "harbour.xml"
    path.write_bytes(rss(("h1", "Ferry")))
    watch = poller(sqlite_db, web, clock, [str(path)])
    assert watch.poll_round().ingest.stored == 1  # type: ignore[union-attr]
    watch.wait_until_due()
    assert statuses(watch.poll_round()) == {str(path): "not modified"}
    path.write_bytes(rss(("h2", "Quay"), ("h1", "Ferry")))
    watch.wait_until_due()
    assert watch.poll_round().ingest.stored == 1  # type: ignore[union-attr]


def test_a_backoff_is_remembered_across_restarts(
    sqlite_db: Database, web: FakeWeb, clock: FakeClock, tmp_path: Path
) -> None:
    state = tmp_path / "watch.json"
    web.routes[FEED] = lambda r: httpx.Response(503, headers={"Retry-After": "900"})
    poller(sqlite_db, web, clock, [FEED], state).poll_round()
    clock.now += 300
    restarted = poller(sqlite_db, web, clock, [FEED], state)
    assert restarted.next_due_in() == pytest.approx(600.0) and restarted.poll_round().polls == []


def test_a_state_file_that_cannot_be_read_starts_afresh(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "watch.json"
    path.write_text("{not json")
    assert WatchState.load(path).feeds == {} and "starting afresh" in caplog.text
    path.write_text(json.dumps({"version": 1, "feeds": {FEED: {"etag": 5, "seen": ["a"], "failures": "x"}}}))
    assert WatchState.load(path).feed(FEED) == FeedState(seen=["a"])


def test_where_the_state_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))
    assert default_state_path(str(tmp_path / "s.db")) == tmp_path / "s.db.watch.json"
    server = default_state_path("postgresql://parallax:secret@db.example/news")
    assert server is not None and server.parent == tmp_path / "cache" and server.name.startswith("watch-")
    assert default_state_path("sqlite:///:memory:") is None
