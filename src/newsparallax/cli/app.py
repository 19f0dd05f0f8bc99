"""The ``parallax`` command: global options, error handling, and the sub-commands' registration.

Exit codes (also in the README):

====  ==========================================================
0     success
1     error (the store cannot be opened, bad configuration, ...)
2     usage error (unknown option, missing argument)
3     the run finished but some items were rejected (see the report)
4     not found (an article id that is not in the store)
130   interrupted (Ctrl-C); everything committed before stays
====  ==========================================================
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from rich.console import Console

from newsparallax.config import Config, load_config
from newsparallax.errors import ParallaxError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL, EXIT_NOT_FOUND, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130

app = typer.Typer(
    name="parallax",
    help="Parallax: what news sources agree on, where they conflict, and who said it first.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)


@dataclass
class State:
    config_path: str | None = None
    db: str | None = None

    def config(self, **overrides: Any) -> Config:
        return load_config(self.config_path, {"db": self.db, **overrides})


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Store: a SQLite path or a database URL (postgresql://...). "
            "Default: $PARALLAX_DB or ./parallax.db.",
        ),
    ] = None,
    config: Annotated[str | None, typer.Option("--config", help="TOML config file.")] = None,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="More logging (-vv for debug).")
    ] = 0,
) -> None:
    logging.basicConfig(
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    ctx.obj = State(config_path=config, db=db)


_registered = False


def register_commands() -> None:
    """Add the sub-commands to the app, once per process (``main`` may be called many times)."""
    global _registered
    if _registered:
        return
    _registered = True
    from newsparallax.cli import analyze_cmd, articles_cmd, ingest_cmd, serve_cmd, stories_cmd, watch_cmd

    ingest_cmd.register(app)
    articles_cmd.register(app)
    stories_cmd.register(app)
    serve_cmd.register(app)
    analyze_cmd.register(app)
    watch_cmd.register(app)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: runs the app and turns Parallax errors into messages and exit codes."""
    register_commands()
    try:
        result = app(args=argv, standalone_mode=False)
    except ParallaxError as exc:
        err.print(f"[bold red]Error:[/] {exc}", highlight=False)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        err.print("[yellow]Interrupted.[/] Everything committed before the interruption is kept.")
        sys.exit(EXIT_INTERRUPTED)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # click's usage errors and aborts
        _handle_click(exc)
    sys.exit(result if isinstance(result, int) else EXIT_OK)


def _handle_click(exc: Exception) -> None:
    """Usage errors (they carry ``show`` and ``exit_code``) print themselves; anything else is a bug."""
    if isinstance(exc, typer.Abort):
        sys.exit(EXIT_INTERRUPTED)
    show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
    if callable(show) and isinstance(code, int):
        show()
        sys.exit(code)
    raise exc
