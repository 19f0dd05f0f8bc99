"""One URL, two representations: HTML for a browser, JSON with ``.json`` or ``Accept: application/json``.

:class:`FormatMiddleware` strips a trailing ``.json`` from the path before routing and records the
format in the request state, so ``/stories/abc`` and ``/stories/abc.json`` reach the same handler.
:class:`Renderer` turns a handler's data into the response: the data itself as JSON, or a Jinja2
template (autoescaped: every value from the store is untrusted) with the data in its context.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
_UNSUFFIXED = ("/openapi.json", "/static/")

#: Scripts only from this server, no plugins, no framing; styles from this server (htmx adds none:
#: its indicator styles are turned off in the page's htmx-config).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HTML_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


class FormatMiddleware:
    """Strip ``.json`` from the path and note ``json`` or ``html`` in ``scope["state"]["format"]``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope.setdefault("state", {})["format"] = _format(scope)
        await self.app(scope, receive, send)


def _format(scope: Scope) -> str:
    path: str = scope["path"]
    if path.endswith(".json") and not path.startswith(_UNSUFFIXED) and path != "/openapi.json":
        scope["path"] = path[: -len(".json")] or "/"
        return "json"
    return "json" if accepts_json(_header(scope, b"accept")) else "html"


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


def accepts_json(accept: str) -> bool:
    """True when the client asks for JSON and not for HTML (browsers always list text/html)."""
    kinds = {part.split(";")[0].strip().lower() for part in accept.split(",")}
    return "application/json" in kinds and "text/html" not in kinds


def wants_json(request: Request) -> bool:
    return bool(request.scope.get("state", {}).get("format") == "json")


def to_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, default=_default, separators=(",", ":")).encode("utf-8")


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | tuple):
        return list(value)
    return str(value)


class JsonResponse(Response):
    """JSON, compact, UTF-8; ``nosniff`` so that no browser ever reads it as HTML."""

    media_type = "application/json"

    def init_headers(self, headers: Mapping[str, str] | None = None) -> None:
        super().init_headers(headers)
        self.raw_headers.append((b"x-content-type-options", b"nosniff"))

    def render(self, content: Any) -> bytes:
        return to_json(content)


class Renderer:
    """Jinja2 templates with the helpers every page uses (URLs, numbers, dates)."""

    def __init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(("html", "svg"), default_for_string=True, default=True),
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        self.env.globals.update(
            url=url, story_url=story_url, article_url=article_url, entity_url=entity_url, place_url=place_url
        )
        self.env.filters.update(num=num, day=day, when=when, plural=plural, http_url=http_url)

    def respond(
        self,
        request: Request,
        template: str,
        data: Any,
        *,
        status: int = 200,
        context: dict[str, Any] | None = None,
    ) -> Response:
        """``data`` as JSON for JSON clients, else the page ``template`` with ``data`` and ``context``."""
        if wants_json(request):
            return JsonResponse(data, status_code=status)
        return self.page(request, template, {"data": data, **(context or {})}, status=status)

    def page(
        self, request: Request, template: str, context: dict[str, Any], *, status: int = 200
    ) -> Response:
        html = self.env.get_template(template).render(request=request, **context)
        return HTMLResponse(html, status_code=status, headers=HTML_HEADERS)


def url(path: str, **params: Any) -> str:
    """``path`` with the non-empty ``params`` as a query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "", [])}
    return f"{path}?{urlencode(kept, doseq=True)}" if kept else path


def _segment(value: str) -> str:
    return quote(value, safe=":@-_~!$&'()*+,;=")


def story_url(story_id: str, suffix: str = "") -> str:
    return f"/stories/{_segment(story_id)}{suffix}"


def article_url(article_id: str, suffix: str = "") -> str:
    return f"/articles/{quote(article_id, safe=':@-_~!$&()*+,;=/')}{suffix}"


def entity_url(key: str, suffix: str = "") -> str:
    return f"/entities/{quote(key, safe=':@-_~/')}{suffix}"


def place_url(place_id: str, suffix: str = "") -> str:
    return f"/places/{quote(place_id, safe=':@-_~/')}{suffix}"


def http_url(value: Any) -> str:
    """The value when it is an http(s) URL, else "" (no ``javascript:`` URL from an article in an href)."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


def num(value: Any, digits: int = 2) -> str:
    """Numbers for people: ints with separators, floats to ``digits`` places; anything else as is."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1 else f"{value:.{digits}f}"
    return str(value)


def day(value: Any) -> str:
    """The date part of an ISO timestamp ("2026-10-03T22:15:00Z" → "2026-10-03")."""
    return str(value)[:10] if value else ""


def when(value: Any) -> str:
    """An ISO timestamp shortened to minutes, for reading ("2026-10-03 22:15")."""
    if not value:
        return ""
    text = str(value).replace("T", " ")
    return text[:16] if len(text) > 10 else text


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"
