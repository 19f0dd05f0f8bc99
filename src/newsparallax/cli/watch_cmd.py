"""``parallax watch``: poll feeds politely, ingest new entries as they come, update stories live."""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
from rich.live import Live
from rich.markup import escape
from rich.text import Text

from newsparallax.cli.app import EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL, State, err, out
from newsparallax.cli.ingest_cmd import apply_flags, make_reader, story_service
from newsparallax.config import Config
from newsparallax.engine import IngestJob
from newsparallax.ingest.poller import Poller, PollPolicy, RoundReport
from newsparallax.ingest.watch_state import WatchState, default_state_path
from newsparallax.store.db import open_database

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?", re.IGNORECASE)
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(text: str, option: str = "--every") -> float:
    """``30s``, ``10m``, ``1h``, ``1.5h``, ``500ms`` or a bare number of seconds, as seconds."""
    match = _DURATION.fullmatch(text.strip())
    seconds = float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()] if match else 0.0
    if seconds <= 0:
        raise typer.BadParameter(
            f"{text!r} is not a duration; write it like 30s, 10m or 1h", param_hint=option
        )
    return seconds


def watch(
    ctx: typer.Context,
    feeds: Annotated[
        list[str],
        typer.Argument(
            help="RSS/Atom feed URLs, web pages that announce a feed, or local feed files.",
            metavar="FEED_OR_URL",
            show_default=False,
        ),
    ],
    every: Annotated[str, typer.Option(help="Time between polls of a feed: 30s, 10m, 1h.")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once, ingest, and exit.")] = False,
    max_rounds: Annotated[int | None, typer.Option(min=1, help="Stop after this many rounds.")] = None,
    state_file: Annotated[
        str | None,
        typer.Option("--state", help="Where to remember ETags and seen entries. Default: <db>.watch.json."),
    ] = None,
    host_interval: Annotated[str, typer.Option(help="Least time between two requests to one host.")] = "1s",
    max_backoff: Annotated[str, typer.Option(help="Longest wait after repeated errors of a feed.")] = "1h",
    timeout: Annotated[float | None, typer.Option(help="Network timeout per request, in seconds.")] = None,
    allow_private: Annotated[
        bool,
        typer.Option("--allow-private", help="Allow URLs on private, loopback and link-local addresses."),
    ] = False,
    no_fetch_links: Annotated[
        bool, typer.Option("--no-fetch-links", help="Do not fetch the pages that short feed entries link to.")
    ] = False,
    batch_size: Annotated[int | None, typer.Option(help="Articles per database transaction.")] = None,
    no_read: Annotated[
        bool, typer.Option("--no-read", help="Only store; no reading, so no stories (`parallax reprocess`).")
    ] = False,
) -> int:
    """Poll feeds and ingest new entries as they appear; Ctrl-C stops cleanly."""
    policy = PollPolicy(
        every_s=parse_duration(every),
        host_interval_s=parse_duration(host_interval, "--host-interval"),
        max_backoff_s=parse_duration(max_backoff, "--max-backoff"),
    )
    state: State = ctx.obj
    config = apply_flags(
        state.config(timeout_s=timeout, batch_size=batch_size), allow_private, no_fetch_links
    )
    poller = _poller(config, feeds, policy, state_file, no_read)
    try:
        with _sigterm_as_interrupt(), _status_line(poller):
            if once:
                _print_round(poller, poller.poll_round())
            else:
                poller.run(max_rounds, on_round=lambda report: _print_round(poller, report))
    except KeyboardInterrupt:
        err.print(
            "[yellow]Interrupted.[/] The round in flight was abandoned; everything committed before is "
            "kept, and the next start fetches the rest."
        )
        print_summary(poller)
        return EXIT_INTERRUPTED
    print_summary(poller)
    failing = any(poller.state.feed(url).last_error for url in poller.feeds)
    return EXIT_PARTIAL if failing or poller.stats.rejected else EXIT_OK


def _poller(
    config: Config, feeds: list[str], policy: PollPolicy, state_file: str | None, no_read: bool
) -> Poller:
    database = open_database(config.db)
    reader = make_reader(config, no_read)
    job = IngestJob(
        database,
        config.ingest,
        batch_size=config.batch_size,
        reader=reader,
        stories=story_service(database, reader),
    )
    path = Path(state_file).expanduser() if state_file else default_state_path(config.db)
    return Poller(job, feeds, WatchState.load(path), policy)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops the loop the way Ctrl-C does (the round in flight is abandoned, not half-written)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _status_line(poller: Poller) -> Iterator[None]:
    """A live line on a terminal: feeds, last poll, items stored, errors, next poll."""
    if not err.is_terminal:
        yield
        return
    with Live(console=err, transient=True, refresh_per_second=2, get_renderable=lambda: status_text(poller)):
        yield


def status_text(poller: Poller) -> Text:
    """``watching 3 feeds · last poll 12:03:05 · 154 stored · 1 failing · next in 4m12s``."""
    stats = poller.stats
    last = _clock(stats.last_poll) if stats.last_poll else "never"
    feeds = f"{stats.feeds} feed{'s' if stats.feeds != 1 else ''}"
    return Text.assemble(
        ("watching ", "bold"),
        f"{feeds} · last poll {last} · {stats.stored:,} stored · ",
        (f"{len(stats.failing)} failing", "red") if stats.failing else "no errors",
        f" · next in {_span(poller.next_due_in())}",
    )


def _print_round(poller: Poller, report: RoundReport) -> None:
    for poll in report.errors:
        retry = _span(max(0.0, poller.due[poll.url] - poller.clock.monotonic()))
        message = f"[red]✗[/] {escape(poll.describe_error())} [dim](next try in {retry})[/]"
        err.print(message, highlight=False, soft_wrap=True)
    if report.ingest is None:
        return
    ingest = report.ingest
    parts = [f"{ingest.stored:,} new article(s)"]
    if ingest.readings or ingest.reading_failed:
        parts.append(f"{ingest.assigned:,} assigned to stories")
    if ingest.duplicates:
        parts.append(f"{ingest.duplicates:,} duplicate(s)")
    if ingest.rejected:
        parts.append(f"[red]{ingest.rejected:,} rejected[/]")
    err.print(f"{_clock(time.time())}  " + " · ".join(parts), highlight=False, soft_wrap=True)
    for rejection in ingest.rejections[:10]:
        err.print(f"  {rejection.describe()}", highlight=False, markup=False, soft_wrap=True)


def print_summary(poller: Poller) -> None:
    """One line per feed (state, URL, articles stored this run, last poll), its error under it."""
    stats = poller.stats
    out.print(f"[bold]Watch:[/] {stats.rounds:,} round(s), {stats.polls:,} poll(s)")
    for url in poller.feeds:
        feed = poller.state.feed(url)
        mark = "[red]error[/]" if feed.last_error else "[green]ok[/]   "
        stored = stats.stored_by_feed.get(url, 0)
        out.print(f"  {mark} {escape(url)} · {stored:,} stored · last poll {feed.last_poll or 'never'}")
        if feed.last_error:
            wait = _span(poller.due[url] - poller.clock.monotonic())
            out.print(f"        {escape(feed.last_error)} [dim](next try in {wait})[/]", highlight=False)
    out.print(
        f"stored {stats.stored:,} article(s) this run · {stats.not_modified:,} not modified · "
        f"{stats.errors:,} error(s) · {stats.rejected:,} rejected",
        highlight=False,
    )


def _clock(moment: float) -> str:
    return datetime.fromtimestamp(moment).strftime("%H:%M:%S")


def _span(seconds: float) -> str:
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m"


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
