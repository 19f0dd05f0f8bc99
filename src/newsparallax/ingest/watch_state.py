"""What ``parallax watch`` remembers between runs, per feed, in a small JSON file next to the store.

For each feed: the validators of the last document taken (``ETag``, ``Last-Modified``, a digest of
the body), the ids of the entries that document held (so known entries are skipped without touching
the store or the network), the run of consecutive failures and the time before which the feed must
not be polled again (backoff, ``Retry-After``), so a restart neither re-fetches everything nor
hammers a server that asked for a pause.

The file is ``<db>.watch.json`` beside a SQLite store, else ``watch-<hash of the store URL>.json``
in the cache folder (``$PARALLAX_CACHE_DIR``, default ``~/.cache/newsparallax``).  It is written
atomically (a temporary file, then a rename), so a kill leaves the old file or the new one.  The
store stays the truth: losing this file only costs a re-fetch, and the store drops what it has.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newsparallax.cache_dir import cache_folder
from newsparallax.store.db import describe, resolve_url

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


@dataclass
class FeedState:
    """One feed's memory.  Times are wall-clock: ISO 8601 UTC text, or epoch seconds for ``not_before``."""

    etag: str | None = None
    last_modified: str | None = None
    #: The feed URL found in the page the user named (feed autodiscovery), polled instead of it.
    feed_url: str | None = None
    #: SHA-256 of the last document, to skip parsing when a server without validators sends it again.
    digest: str | None = None
    seen: list[str] = field(default_factory=list)
    failures: int = 0
    not_before: float | None = None
    last_poll: str | None = None
    last_success: str | None = None
    last_error: str | None = None
    stored: int = 0

    @classmethod
    def from_json(cls, data: object) -> FeedState:
        """Tolerant: a field of the wrong type is dropped (the state is a cache, never a reason to fail)."""
        if not isinstance(data, dict):
            return cls()
        default = cls()
        values: dict[str, Any] = {}
        for spec in fields(cls):
            value = data.get(spec.name)
            if _same_kind(value, getattr(default, spec.name), spec.name):
                values[spec.name] = value
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _same_kind(value: object, default: object, name: str) -> bool:
    if value is None:
        return False
    if name == "seen":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if name == "not_before":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str)


class WatchState:
    """The state of every watched feed, keyed by the URL (or path) the user gave."""

    def __init__(self, path: Path | None, feeds: dict[str, FeedState] | None = None) -> None:
        self.path = path
        self.feeds = feeds or {}

    @classmethod
    def load(cls, path: Path | None) -> WatchState:
        """The saved state, or an empty one when there is no file (or it cannot be used: logged)."""
        if path is None or not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            log.warning("cannot read the watch state %s (%s); starting afresh", path, exc)
            return cls(path)
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            log.warning("the watch state %s is not in a known format; starting afresh", path)
            return cls(path)
        feeds = data.get("feeds")
        if not isinstance(feeds, dict):
            feeds = {}
        return cls(path, {str(url): FeedState.from_json(value) for url, value in feeds.items()})

    def feed(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    def save(self) -> None:
        """Write the whole state atomically (temporary file in the same folder, fsync, rename)."""
        if self.path is None:
            return
        payload = {"version": FORMAT_VERSION, "feeds": {u: f.to_json() for u, f in self.feeds.items()}}
        write_atomically(self.path, json.dumps(payload, indent=1, sort_keys=True) + "\n")


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def default_state_path(db: str | None) -> Path | None:
    """``<db>.watch.json`` for a SQLite file, a file in the cache folder for a server, None for memory."""
    url = resolve_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() == "sqlite":
        name = parsed.database or ""
        return None if name in ("", ":memory:") else Path(f"{Path(name).expanduser()}.watch.json")
    folder = cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha1(describe(url).encode("utf-8")).hexdigest()[:12]
    return folder / f"watch-{digest}.json"
