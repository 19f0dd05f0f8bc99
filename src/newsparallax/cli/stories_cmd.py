"""``parallax stories`` (list, ``rebuild``) and ``parallax story ID``: the events in the store."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.table import Table

from newsparallax.cli.app import EXIT_NOT_FOUND, EXIT_OK, State, err, out
from newsparallax.cli.articles_cmd import ListFormat, ViewFormat
from newsparallax.store.db import open_database
from newsparallax.store.story_queries import get_story, list_stories

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
    rows, total = list_stories(open_database(state.config().db), since=since, search=search,
                               limit=None if everything or limit == 0 else limit, offset=offset)  # fmt: skip
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
    fields = ("id", "title", "event_date", "first_seen", "last_seen", "outlets", "languages", "places",
              "entities", "origins", "wire_copies")  # fmt: skip
    return {"id": row["id"], "title": row["title"], "articles": row["article_ids"],
            **{k: row[k] for k in fields[2:]}}  # fmt: skip


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
) -> int:
    """Show one story: when and where, who, and every report with its outlet."""
    state: State = ctx.obj
    record = get_story(open_database(state.config().db), story_id)
    if record is None:
        err.print(f"No story with id {story_id!r}. List them with: parallax stories")
        return EXIT_NOT_FOUND
    if fmt is ViewFormat.json:
        print(
            json.dumps(
                {**_public(record), "reports": record["reports"]}, ensure_ascii=False, default=str, indent=2
            )
        )
        return EXIT_OK
    _show(record)
    return EXIT_OK


def _show(record: dict[str, Any]) -> None:
    out.print(f"[bold]{record['title'] or record['id']}[/]  ({record['id']})", highlight=False)
    facts = [
        ("event date", record["event_date"] or "unknown"),
        ("reported", f"{record['first_seen'] or '?'} → {record['last_seen'] or '?'}"),
        ("places", ", ".join(p["name"] for p in record["places"]) or "–"),
        ("who", ", ".join(e["name"] for e in record["entities"]) or "–"),
        ("sources", f"{record['origins']} independent origin(s), {record['wire_copies']} wire cop(ies)"),
    ]
    for name, value in facts:
        out.print(f"  [bold]{name:11s}[/] {value}", highlight=False)
    table = Table(title="Reports", title_justify="left")
    for column in ("published", "outlet", "lang", "article", "title"):
        table.add_column(column, overflow="fold")
    for report in record["reports"]:
        table.add_row((report["published"] or "")[:16], report["source"] or "", report["language"] or "",
                      report["id"], report["title"] or "")  # fmt: skip
    out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(stories_app, name="stories")
    app.command("story")(story)
