"""Polling feeds politely and ingesting what is new: the loop behind ``parallax watch``.

One loop, one process.  Every feed has a next-due time; a *round* polls the feeds that are due,
one request at a time, then sends all their new entries through one :class:`IngestJob` run
(cleaning, storing, reading and story assignment), and only after that run has committed records
what was taken (validators, seen entry ids) and saves the state.  An interruption therefore loses
at most the round in flight, which the next start fetches again and the store de-duplicates.

Politeness:

* conditional GET with the last ``ETag`` / ``Last-Modified``; ``304`` costs nothing;
* at most one request per ``host_interval_s`` to a host (feeds and the linked pages alike);
* after a failure the feed waits ``every × 2ⁿ`` (n consecutive failures, ±jitter, capped), back to
  ``every`` after a success; ``Retry-After`` on any error is honoured, for the whole host;
* entries already seen (or already in the store) are skipped before any linked page is fetched.

Time comes from an injectable :class:`Clock`, so tests run a day of polling in milliseconds.
"""

from __future__ import annotations

import hashlib
import logging
import math
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Protocol

import httpx
from sqlalchemy import select

from newsparallax.engine import IngestJob, IngestReport
from newsparallax.errors import InputError
from newsparallax.ingest.base import ReadResult
from newsparallax.ingest.conditional import (
    FeedResponse,
    HttpStatusError,
    Validators,
    discover_feed,
    fetch_feed,
)
from newsparallax.ingest.feed import MIN_BODY_CHARS, complete_from_page, looks_like_feed, read_feed
from newsparallax.ingest.sources import is_url
from newsparallax.ingest.watch_state import FeedState, WatchState
from newsparallax.model import Article, Rejection
from newsparallax.store.db import Database
from newsparallax.store.schema import article_ids

log = logging.getLogger(__name__)

_ID_CHUNK = 500


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def time(self) -> float: ...
    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass(frozen=True)
class PollPolicy:
    """How often and how gently to poll.  Every duration is in seconds."""

    every_s: float = 600.0
    host_interval_s: float = 1.0
    max_backoff_s: float = 3600.0
    jitter: float = 0.2
    #: A ``Retry-After`` longer than this is shortened to it (a server asking for a week is wrong).
    max_retry_after_s: float = 86_400.0

    def backoff(self, failures: int, rand: float) -> float:
        """The wait after ``failures`` consecutive failures: ``every × 2ⁿ`` ±jitter, capped."""
        cap = max(self.max_backoff_s, self.every_s)
        delay = self.every_s * 2.0 ** min(failures, 32)
        return min(cap, delay * (1.0 + self.jitter * (2.0 * rand - 1.0)))


def host_of(location: str) -> str | None:
    """The host a URL points at (None for a local file)."""
    if not is_url(location):
        return None
    try:
        return httpx.URL(location).host.lower() or None
    except httpx.InvalidURL:
        return None


class HostGate:
    """Spaces requests to one host at least ``interval_s`` apart, and holds a host back when asked."""

    def __init__(self, interval_s: float, clock: Clock) -> None:
        self.interval_s = interval_s
        self.clock = clock
        self._free: dict[str, float] = {}

    def ready_at(self, location: str) -> float:
        host = host_of(location)
        return self._free.get(host, -math.inf) if host else -math.inf

    def wait(self, location: str, at_most: float | None = None) -> None:
        """Sleep until the host may be asked again (at most ``at_most`` seconds), then book the slot."""
        host = host_of(location)
        if host is None:
            return
        delay = self.ready_at(location) - self.clock.monotonic()
        if at_most is not None:
            delay = min(delay, at_most)
        if delay > 0:
            self.clock.sleep(delay)
        self._book(host, self.clock.monotonic() + self.interval_s)

    def defer(self, location: str, seconds: float) -> None:
        host = host_of(location)
        if host:
            self._book(host, self.clock.monotonic() + seconds)

    def _book(self, host: str, free_at: float) -> None:
        self._free[host] = max(self._free.get(host, -math.inf), free_at)
        if len(self._free) > 1000:  # forget hosts whose slot has passed (linked pages are on many hosts)
            now = self.clock.monotonic()
            self._free = {h: t for h, t in self._free.items() if t > now}


@dataclass
class FeedPoll:
    """What one poll of one feed found.  ``status``: new, unchanged, not modified, error or waiting."""

    url: str
    status: str
    at: float
    response: FeedResponse | None = None
    entry_ids: list[str] | None = None
    fresh: list[ReadResult] = field(default_factory=list)
    error: str | None = None
    retry_after: float | None = None
    stored: int = 0
    digest: str | None = None

    def describe_error(self) -> str:
        error = self.error or ""
        return error if self.url in error else f"{self.url}: {error}"


@dataclass
class RoundReport:
    polls: list[FeedPoll]
    ingest: IngestReport | None = None

    @property
    def errors(self) -> list[FeedPoll]:
        return [p for p in self.polls if p.status == "error"]


@dataclass
class WatchStats:
    """Running totals for the status line and the closing summary."""

    feeds: int
    rounds: int = 0
    polls: int = 0
    not_modified: int = 0
    stored: int = 0
    rejected: int = 0
    errors: int = 0
    last_poll: float | None = None
    failing: dict[str, str] = field(default_factory=dict)
    stored_by_feed: dict[str, int] = field(default_factory=dict)


class Poller:
    """Polls ``feeds`` (URLs or local feed files) into the store of ``job``, remembering ``state``."""

    def __init__(
        self,
        job: IngestJob,
        feeds: Sequence[str],
        state: WatchState,
        policy: PollPolicy | None = None,
        clock: Clock | None = None,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.job = job
        self.feeds = list(dict.fromkeys(feeds))
        self.state = state
        self.policy = policy or PollPolicy()
        self.clock = clock or SystemClock()
        self.rand = rand
        self.gate = HostGate(self.policy.host_interval_s, self.clock)
        self.stats = WatchStats(feeds=len(self.feeds))
        self._no_links = replace(job.settings, fetch_feed_links=False)
        self.due = {url: self._initial_due(self.state.feed(url)) for url in self.feeds}

    def _initial_due(self, feed: FeedState) -> float:
        """Now, or later when a previous run was told to wait (backoff, ``Retry-After``)."""
        now = self.clock.monotonic()
        if feed.not_before is None:
            return now
        return now + min(max(0.0, feed.not_before - self.clock.time()), self.policy.max_retry_after_s)

    def run(
        self, max_rounds: int | None = None, on_round: Callable[[RoundReport], None] | None = None
    ) -> None:
        """Poll until interrupted (or ``max_rounds`` rounds), sleeping until the next feed is due."""
        rounds = 0
        while max_rounds is None or rounds < max_rounds:
            self.wait_until_due()
            report = self.poll_round()
            rounds += 1
            if on_round is not None:
                on_round(report)

    def next_due_in(self) -> float:
        return max(0.0, min(self.due.values(), default=0.0) - self.clock.monotonic())

    def wait_until_due(self) -> None:
        delay = self.next_due_in()
        if delay > 0:
            self.clock.sleep(delay)

    def poll_round(self) -> RoundReport:
        """Poll every feed that is due now, ingest their new entries in one run, then save the state."""
        now = self.clock.monotonic()
        due = sorted((url for url in self.feeds if self.due[url] <= now), key=self.due.__getitem__)
        polls = [self._poll(url) for url in due]
        report = RoundReport(polls, self._ingest(polls))
        for poll in polls:
            self._settle(poll)
        self.state.save()
        self._count(report)
        return report

    # -- one feed -----------------------------------------------------------------------------------

    def _poll(self, url: str) -> FeedPoll:
        feed = self.state.feed(url)
        target = feed.feed_url or url
        ready = self.gate.ready_at(target)
        if ready - self.clock.monotonic() > self.policy.host_interval_s:  # the host asked for a pause
            return FeedPoll(url, "waiting", ready)
        self.gate.wait(target)
        at = self.clock.monotonic()
        try:
            return self._select(url, self._fetch(url, target, feed), at)
        except InputError as exc:
            return self._error(url, target, exc, at)
        except Exception as exc:  # a bug or a pathological document must not stop the other feeds
            log.exception("polling %s failed", url)
            return FeedPoll(url, "error", at, error=f"unexpected error: {type(exc).__name__}: {exc}")

    def _error(self, url: str, target: str, exc: InputError, at: float) -> FeedPoll:
        retry_after = exc.retry_after if isinstance(exc, HttpStatusError) else None
        if retry_after is not None:
            self.gate.defer(target, min(retry_after, self.policy.max_retry_after_s))
        if isinstance(exc, HttpStatusError) and exc.status in (404, 410):
            self.state.feed(url).feed_url = None  # a discovered feed that is gone: look again next time
        log.info("%s: %s", url, exc.reason)
        return FeedPoll(url, "error", at, error=exc.reason, retry_after=retry_after)

    def _fetch(self, url: str, target: str, feed: FeedState) -> FeedResponse:
        """The feed document, or, for a web page that announces a feed, that feed's document.

        A page is searched for a feed link only while the URL has never given a feed: a feed that
        once worked and now serves a page (an error page, a challenge) is an error, not a new feed.
        """
        response = fetch_feed(target, self.job.settings, Validators(feed.etag, feed.last_modified))
        source = response.source
        if source is None or looks_like_feed(source.head()):
            return response
        if feed.feed_url or feed.last_success or not is_url(response.url):
            raise InputError(f"{target} did not return an RSS/Atom feed", url)
        link = discover_feed(source.head(200_000), response.url)
        if link is None:
            raise InputError(f"{url} is not an RSS/Atom feed, nor a web page that links to one", url)
        log.info("%s: watching the feed it announces, %s", url, link)
        self.gate.wait(link)
        found = fetch_feed(link, self.job.settings)
        feed.feed_url = link
        return found

    def _select(self, url: str, response: FeedResponse, at: float) -> FeedPoll:
        """Parse the document (no page fetched yet) and keep the entries neither seen nor stored."""
        if response.source is None:
            return FeedPoll(url, "not modified", at, response)
        digest = hashlib.sha256(response.source.read_all(self.job.settings.max_document_bytes)).hexdigest()
        if digest == self.state.feed(url).digest:  # a server without validators sent the same bytes
            return FeedPoll(url, "not modified", at, response, digest=digest)
        results = list(read_feed(response.source, self._no_links))
        broken = next((r for r in results if isinstance(r, Rejection) and r.line is None), None)
        if broken is not None:
            raise InputError(broken.reason, url)
        entries = [r for r in results if isinstance(r, Article)]
        ids = [a.id for a in entries]
        seen = set(self.state.feed(url).seen)
        known = seen | stored_ids(self.job.database, [i for i in ids if i not in seen])
        fresh: list[ReadResult] = [a for a in entries if a.id not in known]
        fresh += [r for r in results if isinstance(r, Rejection)]
        return FeedPoll(url, "new" if fresh else "unchanged", at, response, ids, fresh, digest=digest)

    # -- ingesting a round --------------------------------------------------------------------------

    def _ingest(self, polls: list[FeedPoll]) -> IngestReport | None:
        with_items = [p for p in polls if p.fresh]
        if not with_items:
            return None
        report = self.job.run_items(self._items(with_items), [p.url for p in with_items])
        stored = set(report.stored_ids)
        for poll in with_items:
            poll.stored = sum(1 for r in poll.fresh if isinstance(r, Article) and r.id in stored)
        return report

    def _items(self, polls: list[FeedPoll]) -> Iterator[ReadResult]:
        for poll in polls:
            for item in poll.fresh:
                yield self._complete(item)

    def _complete(self, item: ReadResult) -> ReadResult:
        """A short entry gets its linked page, as ``parallax ingest`` does, within the host's pace."""
        if not isinstance(item, Article) or not self._needs_page(item) or item.url is None:
            return item
        self.gate.wait(item.url, at_most=self.policy.host_interval_s)
        item.notes.clear()  # "stored as a headline only" no longer holds if the page has the text
        return complete_from_page(item, item.url, self.job.settings)

    def _needs_page(self, article: Article) -> bool:
        return self.job.settings.fetch_feed_links and len(article.text) < MIN_BODY_CHARS

    # -- after the round has committed --------------------------------------------------------------

    def _settle(self, poll: FeedPoll) -> None:
        feed = self.state.feed(poll.url)
        if poll.status == "waiting":
            self.due[poll.url] = poll.at
            return
        feed.last_poll = self._iso_now()
        if poll.status == "error":
            self._failed(poll, feed)
        else:
            self._succeeded(poll, feed)

    def _failed(self, poll: FeedPoll, feed: FeedState) -> None:
        feed.failures += 1
        feed.last_error = poll.error
        delay = self.policy.backoff(feed.failures, self.rand())
        if poll.retry_after is not None:
            delay = max(delay, min(poll.retry_after, self.policy.max_retry_after_s))
        self.due[poll.url] = poll.at + delay
        feed.not_before = self.clock.time() + (self.due[poll.url] - self.clock.monotonic())

    def _succeeded(self, poll: FeedPoll, feed: FeedState) -> None:
        feed.failures, feed.last_error, feed.not_before = 0, None, None
        feed.last_success = feed.last_poll
        if poll.response is not None:
            feed.etag = poll.response.validators.etag
            feed.last_modified = poll.response.validators.last_modified
        if poll.entry_ids is not None:
            feed.seen = list(dict.fromkeys(poll.entry_ids))
        feed.digest = poll.digest or feed.digest
        feed.stored += poll.stored
        self.due[poll.url] = poll.at + self.policy.every_s

    def _count(self, report: RoundReport) -> None:
        stats = self.stats
        stats.rounds += 1
        for poll in report.polls:
            if poll.status == "waiting":
                continue
            stats.polls += 1
            stats.last_poll = self.clock.time()
            stats.not_modified += int(poll.status == "not modified")
            stats.stored += poll.stored
            stats.stored_by_feed[poll.url] = stats.stored_by_feed.get(poll.url, 0) + poll.stored
            if poll.status == "error":
                stats.errors += 1
                stats.failing[poll.url] = poll.describe_error()
            else:
                stats.failing.pop(poll.url, None)
        if report.ingest is not None:
            stats.rejected += report.ingest.rejected

    def _iso_now(self) -> str:
        return datetime.fromtimestamp(self.clock.time(), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def stored_ids(database: Database, ids: Sequence[str]) -> set[str]:
    """The ids among ``ids`` that the store already knows (as an article's id or an alias)."""
    found: set[str] = set()
    unique = list(dict.fromkeys(ids))
    with database.engine.connect() as conn:
        for start in range(0, len(unique), _ID_CHUNK):
            chunk = unique[start : start + _ID_CHUNK]
            query = select(article_ids.c.given_id).where(article_ids.c.given_id.in_(chunk))
            found.update(conn.execute(query).scalars())
    return found
