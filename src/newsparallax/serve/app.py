"""The web application: JSON API and server-rendered pages over one store.

:func:`create_app` builds it for a store; :func:`app_from_env` is the factory ``parallax serve``
hands to uvicorn (it reads ``PARALLAX_DB``, ``PARALLAX_TOKEN``, ``PARALLAX_SERVE_CACHE`` and
``PARALLAX_ALLOW_PRIVATE``, so several worker processes build the same app).

Requests pass, outermost first: the format middleware (``.json`` suffix or ``Accept``), the token
check (when a token is set), the response cache, then FastAPI's routing.  Every error becomes one
JSON shape (see :mod:`newsparallax.serve.errors`) or the HTML error page.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import Receive, Scope, Send

from newsparallax import __version__
from newsparallax.config import Config, load_config
from newsparallax.errors import InputError, ParallaxError, StoreError
from newsparallax.serve import routes_articles, routes_browse, routes_ingest, routes_stories
from newsparallax.serve.auth import ENV_TOKEN, TokenMiddleware
from newsparallax.serve.cache import ENV_CACHE, CacheMiddleware, ResponseCache
from newsparallax.serve.context import Context
from newsparallax.serve.errors import (
    ApiError,
    BadRequest,
    ServiceUnavailable,
    Unauthorized,
    for_status,
    validation_error,
)
from newsparallax.serve.render import FormatMiddleware, JsonResponse, Renderer, wants_json
from newsparallax.store.browse import StoreRevision
from newsparallax.store.db import Database, open_database

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
ENV_ALLOW_PRIVATE = "PARALLAX_ALLOW_PRIVATE"
DESCRIPTION = """\
Stories, their facts lined up across sources, articles with their reading layers, entities and
places.  Every path serves HTML to a browser and JSON with a `.json` suffix or
`Accept: application/json`.  Lists are paginated (`page`, `per_page`) in one envelope; errors have
one shape: `{"error": {"status", "code", "message", "details"}}`."""


def create_app(
    database: Database, *, token: str | None = None, cache: bool = True, config: Config | None = None
) -> FastAPI:
    """The app over ``database``; with ``token``, every request but ``/healthz`` must carry it."""
    app = FastAPI(
        title="Parallax", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None
    )
    responses = ResponseCache(StoreRevision(database)) if cache else None
    app.state.context = Context(database, config or Config(), Renderer(), responses)
    _routes(app)
    _handlers(app)
    if responses is not None:
        app.add_middleware(CacheMiddleware, cache=responses)
    if token:
        app.add_middleware(TokenMiddleware, token=token, unauthorized=_unauthorized)
    app.add_middleware(FormatMiddleware)
    return app


def app_from_env() -> FastAPI:
    """The factory uvicorn calls in each worker (``parallax serve`` sets the environment)."""
    config = load_config(os.environ.get("PARALLAX_CONFIG"))
    if os.environ.get(ENV_ALLOW_PRIVATE) == "1":
        config = replace(config, ingest=replace(config.ingest, allow_private_addresses=True))
    return create_app(
        open_database(config.db),
        token=os.environ.get(ENV_TOKEN) or None,
        cache=os.environ.get(ENV_CACHE, "1") != "0",
        config=config,
    )


def _routes(app: FastAPI) -> None:
    for module in (routes_stories, routes_articles, routes_browse, routes_ingest):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> Response:
        if wants_json(request):
            return JsonResponse(
                {
                    "name": "Parallax",
                    "version": __version__,
                    "docs": "/docs",
                    "stories": "/stories.json",
                    "articles": "/articles.json",
                    "entities": "/entities.json",
                    "places": "/places.json",
                }
            )
        return RedirectResponse("/stories", status_code=302)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> Response:
        return PlainTextResponse("ok")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Parallax API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, for_status(exc.status_code, _http_message(request, exc)))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, validation_error(list(exc.errors())))

    @app.exception_handler(ParallaxError)
    async def parallax_error(request: Request, exc: ParallaxError) -> Response:
        return error_response(request, _from_parallax(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, ApiError("Internal error: the server log has the details."))


def _http_message(request: Request, exc: StarletteHTTPException) -> str:
    if exc.status_code == 404:
        return f"Nothing at {request.url.path}. Start at /stories, or see the API at /docs."
    if exc.status_code == 405:
        return f"{request.method} is not allowed on {request.url.path}."
    return str(exc.detail)


def _from_parallax(exc: ParallaxError) -> ApiError:
    if isinstance(exc, StoreError):
        return ServiceUnavailable(str(exc))
    if isinstance(exc, InputError):
        return BadRequest(str(exc))
    return ApiError(str(exc))


def error_response(request: Request, error: ApiError) -> Response:
    """The error as the one JSON shape, or as the HTML error page for a browser."""
    headers = {"www-authenticate": "Bearer"} if error.status == 401 else None
    if wants_json(request):
        return JsonResponse(error.body(), status_code=error.status, headers=headers)
    context: Context = request.app.state.context
    response = context.renderer.page(
        request, "error.html", {"error": error.body()["error"]}, status=error.status
    )
    if headers:
        response.headers.update(headers)
    return response


async def _unauthorized(scope: Scope, receive: Receive, send: Send) -> None:
    request = Request(scope, receive)
    message = (
        "This server needs its token: send 'Authorization: Bearer TOKEN', or open a page with ?token=TOKEN."
    )
    response = error_response(request, Unauthorized(message))
    await response(scope, receive, send)
