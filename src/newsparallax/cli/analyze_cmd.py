"""``parallax analyze PATH...``: ingest, then print the facts report of every story the inputs touch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import or_, select

from newsparallax.cli.app import EXIT_OK, EXIT_PARTIAL, State, err, out
from newsparallax.cli.ingest_cmd import make_reader, print_report, progress_bar, story_service
from newsparallax.engine import IngestJob
from newsparallax.store.db import Database, describe, open_database
from newsparallax.store.schema import article_ids, story_articles


def analyze(
    ctx: typer.Context,
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, URLs or - (as for `parallax ingest`).", show_default=False),
    ],
    fmt: Annotated[str, typer.Option("--format", help="text, or json (one report per line).")] = "text",
    named: Annotated[bool, typer.Option("--named", help="Also list everything merely named.")] = False,
) -> int:
    """Ingest the inputs and show, story by story, what the sources agree on and where they conflict."""
    from newsparallax.cli.report_view import render_report
    from newsparallax.facts.report import story_report

    state: State = ctx.obj
    config = state.config()
    database = open_database(config.db)
    reader = make_reader(config, no_read=False)
    if reader is None:
        err.print("Reading is disabled in the configuration ([read] enabled = false); nothing to analyse.")
        return EXIT_OK
    job = IngestJob(
        database,
        config.ingest,
        batch_size=config.batch_size,
        reader=reader,
        stories=story_service(database, reader),
    )
    with progress_bar(fmt == "text") as on_batch:
        report = job.run(inputs, progress=on_batch)
    if fmt == "text":
        print_report(report, describe(database.url))
    for story_id in touched_stories(database, inputs, report.stored_ids):
        shown = story_report(database, story_id)
        if shown is None:
            continue
        if fmt == "json":
            print(json.dumps(shown, ensure_ascii=False, default=str))
        else:
            out.print()
            render_report(out, shown, named=named)
    return EXIT_PARTIAL if report.rejections else EXIT_OK


def touched_stories(database: Database, inputs: list[str], stored_ids: list[str]) -> list[str]:
    """Stories holding the articles this run stored, or, when it stored none (all duplicates),
    the stories of the articles it came from — found through the ids recorded for its inputs."""
    with database.engine.connect() as conn:
        ids = list(stored_ids)
        if not ids:
            prefixes = [article_ids.c.origin_location.startswith(str(Path(i).resolve())) for i in inputs]
            query = select(article_ids.c.article_id).where(or_(*prefixes))
            ids = list(conn.execute(query).scalars())
        found: list[str] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = select(story_articles.c.story_id).where(story_articles.c.article_id.in_(chunk))
            found.extend(conn.execute(query).scalars())
    return sorted(set(found))


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
