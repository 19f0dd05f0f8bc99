"""``parallax stories`` (list, ``rebuild``) and ``parallax story ID``: the events in the store."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.table import Table

from newsparallax.cli.app import EXIT_NOT_FOUND, EXIT_OK, State, err, out
from newsparallax.cli.articles_cmd import ListFormat, ViewFormat
from newsparallax.store.db import open_database
from newsparallax.store.story_queries import list_stories

stories_app = typer.Typer(help="Stories: the real-world events the articles report.", no_args_is_help=False)


@stories_app.callback(invoke_without_command=True)
def stories(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option(help="Only stories reported on since this date (YYYY-MM-DD).")
    ] = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="Words in the story title.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
    limit: Annotated[
        int, typer.Option(min=0, help="At most this many (0: all; jsonl lists all by default).")
    ] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
) -> int:
    """List stories, most recently reported first."""
    if ctx.invoked_subcommand is not None:
        return EXIT_OK
    state: State = ctx.obj
    everything = fmt is ListFormat.jsonl and limit == 50
    rows, total = list_stories(
        open_database(state.config().db),
        since=since,
        search=search,
        limit=None if everything or limit == 0 else limit,
        offset=offset,
    )
    if fmt is ListFormat.jsonl:
        for row in rows:
            print(json.dumps(_public(row), ensure_ascii=False, default=str))
    elif fmt is ListFormat.json:
        print(
            json.dumps(
                {"total": total, "stories": [_public(r) for r in rows]}, ensure_ascii=False, default=str
            )
        )
    else:
        _table(rows, total)
    return EXIT_OK


def _public(row: dict[str, Any]) -> dict[str, Any]:
    fields = (
        "id",
        "title",
        "event_date",
        "first_seen",
        "last_seen",
        "outlets",
        "languages",
        "places",
        "entities",
        "origins",
        "wire_copies",
    )
    return {
        "id": row["id"],
        "title": row["title"],
        "articles": row["article_ids"],
        **{k: row[k] for k in fields[2:]},
    }


def _table(rows: list[dict[str, Any]], total: int) -> None:
    table = Table(title=f"{total:,} stor{'y' if total == 1 else 'ies'}")
    table.add_column("id", no_wrap=True)
    table.add_column("when", no_wrap=True)
    table.add_column("reports", justify="right")
    table.add_column("outlets", justify="right")
    table.add_column("title", ratio=1, overflow="fold")
    for row in rows:
        when = row["event_date"] or (row["first_seen"] or "")[:10]
        table.add_row(
            row["id"], when, str(len(row["article_ids"])), str(len(row["outlets"])), row["title"] or ""
        )
    out.print(table)


@stories_app.command("rebuild")
def rebuild(ctx: typer.Context) -> int:
    """Re-cluster the whole store in batch with the same scorer (ids are kept where stories persist)."""
    from newsparallax.stories.service import StoryService

    state: State = ctx.obj
    report = StoryService(open_database(state.config().db)).rebuild()
    out.print(
        f"{report.articles:,} articles in {report.stories_after:,} stories "
        f"(before: {report.stories_before:,}); "
        f"{report.kept_ids:,} ids kept, {report.merged:,} merged, {report.split:,} split"
    )
    return EXIT_OK


def story(
    ctx: typer.Context,
    story_id: Annotated[
        str, typer.Argument(metavar="ID", help="A story id (old ids of merged stories work too).")
    ],
    fmt: Annotated[ViewFormat, typer.Option("--format")] = ViewFormat.text,
    named: Annotated[
        bool, typer.Option("--named", help="Also list every person, place and source merely named.")
    ] = False,
) -> int:
    """Show one story's facts side by side: conflicts, agreed, single-source; provenance; framing."""
    from newsparallax.cli.report_view import render_report
    from newsparallax.facts.report import story_report

    state: State = ctx.obj
    report = story_report(open_database(state.config().db), story_id)
    if report is None:
        err.print(f"No story with id {story_id!r}. List them with: parallax stories")
        return EXIT_NOT_FOUND
    if fmt is ViewFormat.json:
        print(json.dumps(report, ensure_ascii=False, default=str, indent=2))
        return EXIT_OK
    render_report(out, report, named=named)
    return EXIT_OK


def register(app: typer.Typer) -> None:
    app.add_typer(stories_app, name="stories")
    app.command("story")(story)
