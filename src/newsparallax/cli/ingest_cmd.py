"""``parallax ingest``: read inputs into the store with a progress bar and a closing report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsparallax.cli.app import EXIT_OK, EXIT_PARTIAL, State, err, out
from newsparallax.config import Config
from newsparallax.engine import IngestJob, IngestReport
from newsparallax.engine import Progress as Progress_
from newsparallax.store.db import describe, open_database

if TYPE_CHECKING:
    from newsparallax.read.reader import ArticleReader
    from newsparallax.store.db import Database
    from newsparallax.stories.service import StoryService

MAX_LISTED_REJECTIONS = 50


class Engine(StrEnum):
    local = "local"
    ray = "ray"


EngineOption = Annotated[
    Engine | None,
    typer.Option(
        "--engine",
        help="Where cleaning and reading run: local processes, or a Ray cluster (docs/scaling.md).",
    ),
]
AddressOption = Annotated[
    str | None,
    typer.Option("--address", help="The Ray cluster to join (with --engine ray); default: start Ray here."),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers", min=1, help="Processes (or Ray actors) that clean and read. Default: every core."
    ),
]


def ingest(
    ctx: typer.Context,
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (recursed), http(s) URLs of pages or feeds, or - for standard input.",
            show_default=False,
        ),
    ],
    fmt: Annotated[str, typer.Option("--format", help="Report as text or json.")] = "text",
    max_document_mb: Annotated[float | None, typer.Option(help="Largest single document, in MB.")] = None,
    max_download_mb: Annotated[float | None, typer.Option(help="Largest download from a URL, in MB.")] = None,
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
        bool,
        typer.Option(
            "--no-read", help="Only store; skip the reading stage (run `parallax reprocess` later)."
        ),
    ] = False,
    engine: EngineOption = None,
    address: AddressOption = None,
    workers: WorkersOption = None,
) -> int:
    """Read articles into the store: clean them, drop duplicates, link wire copies."""
    state: State = ctx.obj
    config = state.config(
        max_document_mb=max_document_mb,
        max_download_mb=max_download_mb,
        timeout_s=timeout,
        batch_size=batch_size,
        engine=engine.value if engine else None,
        ray_address=address,
        workers=workers,
    )
    config = apply_flags(config, allow_private, no_fetch_links)
    database = open_database(config.db)
    job = _job(config, database, make_reader(config, no_read))
    try:
        with progress_bar(fmt == "text") as on_batch:
            report = job.run(inputs, progress=on_batch)
    finally:
        job.close()
    if fmt == "json":
        out.print_json(json.dumps(report_dict(report, describe(database.url))))
    else:
        print_report(report, describe(database.url))
    return EXIT_PARTIAL if report.rejections else EXIT_OK


def make_reader(config: Config, no_read: bool) -> ArticleReader | None:
    if no_read or not config.read_enabled:
        return None
    from newsparallax.read.reader import ArticleReader

    return ArticleReader(config.read)


def _job(config: Config, database: Database, reader: ArticleReader | None) -> IngestJob:
    """The ingest job for ``config``: cleaning and reading in the configured engine and workers."""
    from newsparallax.engine_parallel import make_pool

    pool = make_pool(config.engine, config.workers, reader, database.url, config.ray_address)
    return IngestJob(
        database,
        config.ingest,
        batch_size=config.batch_size,
        reader=reader,
        stories=story_service(database, reader),
        pool=pool,
    )


def story_service(database: Database, reader: ArticleReader | None) -> StoryService | None:
    """Stories are assigned wherever articles are read (they need the reading layers)."""
    if reader is None:
        return None
    from newsparallax.stories.service import StoryService

    return StoryService(database)


def reprocess(
    ctx: typer.Context,
    everything: Annotated[
        bool, typer.Option("--all", help="Re-read every article, not only unread or stale ones.")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="Report as text or json.")] = "text",
    engine: EngineOption = None,
    address: AddressOption = None,
    workers: WorkersOption = None,
) -> int:
    """Run the reading stage over the store: articles never read, read by an older version, or --all."""
    state: State = ctx.obj
    config = state.config(engine=engine.value if engine else None, ray_address=address, workers=workers)
    database = open_database(config.db)
    reader = make_reader(config, no_read=False)
    if reader is None:
        err.print("Reading is disabled in the configuration ([read] enabled = false).")
        return EXIT_OK
    job = _job(config, database, reader)
    report = IngestReport()
    try:
        with progress_bar(fmt == "text") as on_batch:
            job.read_missing(report, on_batch, everything=everything)
    finally:
        job.close()
    if fmt == "json":
        out.print_json(json.dumps({"readings": report.readings, "reading_failed": report.reading_failed}))
    else:
        out.print(
            f"read {report.readings:,} article(s)"
            + (f", {report.reading_failed:,} failed (see the log)" if report.reading_failed else "")
        )
    return EXIT_PARTIAL if report.reading_failed else EXIT_OK


def apply_flags(config: Config, allow_private: bool, no_fetch_links: bool) -> Config:
    settings = config.ingest
    if allow_private:
        settings = replace(settings, allow_private_addresses=True)
    if no_fetch_links:
        settings = replace(settings, fetch_feed_links=False)
    return replace(config, ingest=settings)


@contextmanager
def progress_bar(show: bool) -> Iterator[Progress_ | None]:
    if not show:
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]ingesting[/]"),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("", total=None)

        def on_batch(report: IngestReport) -> None:
            progress.update(
                task,
                description=f"read {report.read:,} · stored {report.stored:,} · analysed {report.readings:,} "
                f"· rejected {report.rejected:,}",
            )

        yield on_batch


def report_dict(report: IngestReport, store: str) -> dict[str, object]:
    return {
        "store": store,
        "run": report.run_id,
        "status": report.status,
        **report.counts(),
        "rejections": [
            {"location": r.location, "line": r.line, "reason": r.reason} for r in report.rejections
        ],
    }


def print_report(report: IngestReport, store: str) -> None:
    table = Table(title=f"Ingest report (run {report.run_id}) → {store}", show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("read", f"{report.read:,}")
    table.add_row("stored", f"{report.stored:,}")
    table.add_row(
        "duplicates",
        f"{report.duplicates:,}" + (f" ({report.merged:,} merged metadata)" if report.merged else ""),
    )
    table.add_row("near-duplicates", f"{report.near_duplicates:,}")
    if report.headline_only:
        table.add_row("headline only", f"{report.headline_only:,}")
    if report.readings or report.reading_failed:
        failed = f" ([red]{report.reading_failed:,} failed[/])" if report.reading_failed else ""
        table.add_row("analysed", f"{report.readings:,}{failed}")
        table.add_row("assigned to stories", f"{report.assigned:,}")
    table.add_row("rejected", f"[red]{report.rejected:,}[/]" if report.rejected else "0")
    out.print(table)
    _print_rejections(report)


def _print_rejections(report: IngestReport) -> None:
    if not report.rejections:
        return
    out.print("[bold red]Rejected:[/]")
    for rejection in report.rejections[:MAX_LISTED_REJECTIONS]:
        out.print(f"  {rejection.describe()}", highlight=False, markup=False)
    hidden = len(report.rejections) - MAX_LISTED_REJECTIONS
    if hidden > 0:
        out.print(f"  … and {hidden:,} more (use --format json for the full list)")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("reprocess")(reprocess)
