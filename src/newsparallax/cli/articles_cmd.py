"""``parallax articles``, ``parallax article ID`` and ``parallax stats``: look at what is stored."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.panel import Panel
from rich.table import Table

from newsparallax.cli.app import EXIT_NOT_FOUND, EXIT_OK, State, err, out
from newsparallax.cli.article_view import render_reading
from newsparallax.store.articles import get_article, get_reading, list_articles, store_stats
from newsparallax.store.db import open_database


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class ViewFormat(StrEnum):
    text = "text"
    json = "json"


def articles(
    ctx: typer.Context,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Full-text search (all words must match).")
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
    limit: Annotated[int, typer.Option(min=1, help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
) -> int:
    """List stored articles, newest first (best match first with --search)."""
    state: State = ctx.obj
    page = list_articles(open_database(state.config().db), search=search, limit=limit, offset=offset)
    if fmt is ListFormat.jsonl:
        for row in page.rows:
            print(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt is ListFormat.json:
        print(json.dumps({"total": page.total, "articles": page.rows}, ensure_ascii=False, default=str))
    else:
        _table(page.rows, page.total, offset, bool(search))
    return EXIT_OK


def _table(rows: list[dict[str, Any]], total: int, offset: int, searched: bool) -> None:
    table = Table(
        title=f"{total:,} article(s)" + (f", showing {offset + 1}–{offset + len(rows)}" if rows else "")
    )
    table.add_column("id", no_wrap=True, max_width=24, overflow="ellipsis")
    table.add_column("published", no_wrap=True)
    table.add_column("source", max_width=16, overflow="ellipsis", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("title", ratio=1, min_width=24, overflow="fold")
    if searched:
        table.add_column("match", overflow="fold")
    for row in rows:
        cells = [
            row["id"],
            (row["published"] or "")[:10],
            row["source"] or "",
            row["language"] or "",
            row["title"] or ("(headline only)" if row["headline_only"] else ""),
        ]
        if searched:
            cells.append(row.get("snippet") or "")
        table.add_row(*[str(c) for c in cells])
    out.print(table)


def article(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(metavar="ID", help="An article id, as given at ingest.")],
    fmt: Annotated[ViewFormat, typer.Option("--format")] = ViewFormat.text,
) -> int:
    """Show one article: metadata, where it came from, duplicates, and its text."""
    state: State = ctx.obj
    database = open_database(state.config().db)
    record = get_article(database, article_id)
    if record is None:
        err.print(f"No article with id {article_id!r}. List ids with: parallax articles --search WORDS")
        return EXIT_NOT_FOUND
    reading = get_reading(database, record["id"])
    if fmt is ViewFormat.json:
        print(json.dumps({**record, "reading": reading}, ensure_ascii=False, default=str, indent=2))
        return EXIT_OK
    _show(record)
    if reading is not None:
        render_reading(out, reading, record["text"] if record["text"].strip() else record["title"] or "")
    else:
        out.print("[dim]Not read yet: run `parallax reprocess`.[/]")
    return EXIT_OK


def _show(record: dict[str, Any]) -> None:
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column(overflow="fold")
    for name in ("id", "title", "source", "published", "url", "language", "dateline"):
        if record.get(name):
            meta.add_row(name, str(record[name]))
    for name in ("authors", "wires", "aliases"):
        if record.get(name):
            meta.add_row(name, ", ".join(record[name]))
    for dup in record["near_duplicates"]:
        meta.add_row("near-duplicate", f"{dup['id']} (similarity {dup['similarity']:.2f})")
    origin = record["origin_location"] + (f":{record['origin_line']}" if record["origin_line"] else "")
    meta.add_row("imported from", f"{origin} ({record['origin_format']})")
    for note in record["notes"]:
        meta.add_row("note", note)
    out.print(Panel(meta, title=record.get("title") or record["id"], title_align="left"))
    out.print(record["text"] or "(no body: headline only)", highlight=False, markup=False)


def stats(
    ctx: typer.Context,
    fmt: Annotated[ViewFormat, typer.Option("--format")] = ViewFormat.text,
) -> int:
    """Counts of what the store holds."""
    state: State = ctx.obj
    figures = store_stats(open_database(state.config().db))
    if fmt is ViewFormat.json:
        print(json.dumps(figures, default=str))
        return EXIT_OK
    table = Table(show_header=False, box=None, title="Store")
    table.add_column(style="bold")
    table.add_column()
    for key, value in figures.items():
        shown = ", ".join(f"{k} {v:,}" for k, v in value.items()) if isinstance(value, dict) else value
        table.add_row(key.replace("_", " "), f"{shown:,}" if isinstance(shown, int) else str(shown or "–"))
    out.print(table)
    return EXIT_OK


def register(app: typer.Typer) -> None:
    app.command("articles")(articles)
    app.command("article")(article)
    app.command("stats")(stats)
