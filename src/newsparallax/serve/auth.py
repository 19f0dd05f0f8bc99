"""The access token: required for every request when the server listens beyond loopback.

A client sends it as ``Authorization: Bearer TOKEN``; a browser opens any page once with
``?token=TOKEN`` and gets it back as an HttpOnly, SameSite=Strict cookie for the next requests.
``/healthz`` stays open (it tells nothing about the store).  A request without the right token
gets 401 with the one JSON error shape (or the HTML error page for a browser).
"""

from __future__ import annotations

import ipaddress
import logging
import secrets
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

COOKIE = "parallax_token"
ENV_TOKEN = "PARALLAX_TOKEN"
OPEN_PATHS = ("/healthz",)


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1); False for 0.0.0.0 and the rest."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class TokenMiddleware:
    """Let through requests that carry ``token``; answer the others with 401."""

    def __init__(self, app: ASGIApp, token: str, unauthorized: ASGIApp) -> None:
        self.app = app
        self.token = token
        self.unauthorized = unauthorized

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        given, from_query = presented_token(scope)
        if given is None or not secrets.compare_digest(given.encode(), self.token.encode()):
            log.info("401 for %s %s", scope.get("method"), scope["path"])
            await self.unauthorized(scope, receive, send)
            return
        await self.app(scope, receive, _with_cookie(send, self.token) if from_query else send)


def presented_token(scope: Scope) -> tuple[str | None, bool]:
    """The token the request carries (header, cookie, then query) and whether it came in the query."""
    for key, value in scope.get("headers", ()):
        if key == b"authorization":
            scheme, _, credentials = bytes(value).decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and credentials.strip():
                return credentials.strip(), False
        if key == b"cookie":
            morsel = SimpleCookie(bytes(value).decode("latin-1")).get(COOKIE)
            if morsel is not None and morsel.value:
                return morsel.value, False
    query = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token")
    return (query[0], True) if query else (None, False)


def _with_cookie(send: Send, token: str) -> Send:
    cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict".encode("latin-1")

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie)]
        await send(message)

    return sending
