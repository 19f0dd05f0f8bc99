"""``parallax serve``: the web UI and JSON API over the store, under uvicorn.

On loopback (the default, 127.0.0.1) it needs nothing more; bound to any other address it needs a
token (``--token`` or ``$PARALLAX_TOKEN``), and every request must carry it.
"""

from __future__ import annotations

import os
from types import ModuleType
from typing import Annotated

import typer

from newsparallax.cli.app import EXIT_OK, EXIT_USAGE, State, err, out
from newsparallax.errors import MissingExtraError
from newsparallax.store.db import describe, open_database

FACTORY = "newsparallax.serve.app:app_from_env"


def serve(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option(help="Address to listen on (beyond loopback needs --token).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="PARALLAX_TOKEN",
            show_envvar=True,
            help="Access token every request must carry (Authorization: Bearer, or ?token= once "
            "in a browser). Required off loopback.",
        ),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
    cache: Annotated[
        bool, typer.Option("--cache/--no-cache", help="Keep rendered pages until the store changes.")
    ] = True,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Let POST /ingest fetch private and loopback URLs.")
    ] = False,
    log_level: Annotated[str, typer.Option(help="uvicorn's log level.")] = "info",
) -> int:
    """Serve the stories, facts and articles as web pages and a JSON API (docs at /docs)."""
    from newsparallax.serve.auth import is_loopback

    if not is_loopback(host) and not token:
        err.print(
            f"Listening on {host} exposes the store beyond this machine: set a token with --token "
            "or PARALLAX_TOKEN (clients send it as 'Authorization: Bearer TOKEN')."
        )
        return EXIT_USAGE
    state: State = ctx.obj
    config = state.config()
    database = open_database(config.db)  # fails early, with the usual message, when the store cannot open
    database.dispose()
    _export_settings(config.db, state.config_path, token, cache, allow_private)
    uvicorn = _uvicorn()
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    out.print(
        f"Serving {describe(database.url)} on http://{shown}:{port}/ (API docs at /docs)", highlight=False
    )
    uvicorn.run(
        FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        proxy_headers=False,
        server_header=False,
    )
    return EXIT_OK


def _export_settings(
    db: str | None, config_path: str | None, token: str | None, cache: bool, allow_private: bool
) -> None:
    """Hand the settings to the app factory through the environment (each worker reads them)."""
    from newsparallax.serve.app import ENV_ALLOW_PRIVATE
    from newsparallax.serve.auth import ENV_TOKEN
    from newsparallax.serve.cache import ENV_CACHE

    values = {
        "PARALLAX_DB": db,
        "PARALLAX_CONFIG": config_path,
        ENV_TOKEN: token,
        ENV_CACHE: "1" if cache else "0",
        ENV_ALLOW_PRIVATE: "1" if allow_private else "0",
    }
    for name, value in values.items():
        if value:
            os.environ[name] = value
        else:
            os.environ.pop(name, None)


def _uvicorn() -> ModuleType:
    try:
        import fastapi  # noqa: F401
        import uvicorn
    except ImportError:
        raise MissingExtraError("the web server (fastapi, uvicorn)", "serve") from None
    return uvicorn


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
