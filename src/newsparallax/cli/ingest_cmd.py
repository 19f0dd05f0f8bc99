"""``parallax ingest``: read inputs into the store with a progress bar and a closing report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsparallax.cli.app import EXIT_OK, EXIT_PARTIAL, State, err, out
from newsparallax.config import Config
from newsparallax.engine import IngestJob, IngestReport
from newsparallax.engine import Progress as Progress_
from newsparallax.store.db import describe, open_database

MAX_LISTED_REJECTIONS = 50


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
) -> int:
    """Read articles into the store: clean them, drop duplicates, link wire copies."""
    state: State = ctx.obj
    config = state.config(
        max_document_mb=max_document_mb,
        max_download_mb=max_download_mb,
        timeout_s=timeout,
        batch_size=batch_size,
    )
    config = _flags(config, allow_private, no_fetch_links)
    database = open_database(config.db)
    job = IngestJob(database, config.ingest, batch_size=config.batch_size)
    with _progress(fmt == "text") as on_batch:
        report = job.run(inputs, progress=on_batch)
    if fmt == "json":
        out.print_json(json.dumps(report_dict(report, describe(database.url))))
    else:
        print_report(report, describe(database.url))
    return EXIT_PARTIAL if report.rejections else EXIT_OK


def _flags(config: Config, allow_private: bool, no_fetch_links: bool) -> Config:
    settings = config.ingest
    if allow_private:
        settings = replace(settings, allow_private_addresses=True)
    if no_fetch_links:
        settings = replace(settings, fetch_feed_links=False)
    return replace(config, ingest=settings)


@contextmanager
def _progress(show: bool) -> Iterator[Progress_ | None]:
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
                description=f"read {report.read:,} · stored {report.stored:,} · rejected {report.rejected:,}",
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
