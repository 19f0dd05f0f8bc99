"""A small in-process cache of whole GET responses, keyed by the store's revision.

Pages are pure functions of the store, so a response can be served again until the store changes.
The store's revision (:class:`~newsparallax.store.browse.StoreRevision`) is checked at most once
per ``ttl_s`` seconds, so a page may lag an ingest in another process by that long; an ingest
through this server clears the cache at once.  Only 200 responses to GET requests without
``Cache-Control: no-cache`` are kept, at most ``size`` of them (least recently used goes first).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

ENV_CACHE = "PARALLAX_SERVE_CACHE"
SKIPPED = ("/healthz", "/ingest", "/static/", "/docs")


@dataclass
class Entry:
    start: Message
    body: bytes


@dataclass
class ResponseCache:
    """The store of responses; :meth:`current` says whether the store moved on since they were kept."""

    revision: Callable[[], Any]
    size: int = 1024
    ttl_s: float = 1.0
    entries: OrderedDict[tuple[Any, ...], Entry] = field(default_factory=OrderedDict)
    _seen: Any = None
    _checked: float = 0.0

    def current(self) -> Any:
        now = time.monotonic()
        if now - self._checked >= self.ttl_s:
            revision = self.revision()
            if revision != self._seen:
                self.entries.clear()
                self._seen = revision
            self._checked = now
        return self._seen

    def get(self, key: tuple[Any, ...]) -> Entry | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: tuple[Any, ...], entry: Entry) -> None:
        self.entries[key] = entry
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)

    def clear(self) -> None:
        self.entries.clear()
        self._checked = 0.0


class CacheMiddleware:
    """Serve GET responses from a :class:`ResponseCache`; keep the 200s that pass through."""

    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _cacheable(scope):
            await self.app(scope, receive, send)
            return
        key = (
            scope["path"],
            scope.get("query_string", b""),
            scope.get("state", {}).get("format"),
            _header(scope, b"hx-request"),
        )
        self.cache.current()
        entry = self.cache.get(key)
        if entry is not None:
            await send(entry.start)
            await send({"type": "http.response.body", "body": entry.body})
            return
        await self.app(scope, receive, self._keeping(key, send))

    def _keeping(self, key: tuple[Any, ...], send: Send) -> Send:
        parts: list[bytes] = []
        start: list[Message] = []

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.append(message)
            elif message["type"] == "http.response.body" and start and start[0]["status"] == 200:
                parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self.cache.put(key, Entry(start[0], b"".join(parts)))
            await send(message)

        return sending


def _cacheable(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(SKIPPED):
        return False
    return "no-cache" not in _header(scope, b"cache-control")


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return ""
