"""What every reader shares: the :class:`Source` it reads, the limits it obeys, and its signature.

A reader is a function ``(source, settings) -> Iterator[Article | Rejection]``.  It yields one
:class:`~newsparallax.model.Article` per good item and one
:class:`~newsparallax.model.Rejection` per bad one, and never raises for bad input: a broken
item must not stop the items after it.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from newsparallax.errors import TooLargeError
from newsparallax.model import Article, Rejection

ReadResult = Article | Rejection

MB = 1024 * 1024


@dataclass(frozen=True)
class IngestSettings:
    """Limits and permissions for reading input.  Defaults suit a laptop; every one is a CLI flag."""

    max_document_bytes: int = 10 * MB
    max_download_bytes: int = 20 * MB
    timeout_s: float = 20.0
    max_redirects: int = 5
    allow_private_addresses: bool = False
    fetch_feed_links: bool = True
    user_agent: str = "Parallax/0.1 (+https://github.com/newsparallax)"
    #: Test hook: a transport used instead of the network (e.g. ``httpx.MockTransport``).
    transport: object | None = field(default=None, compare=False, repr=False)


@dataclass
class Source:
    """Something to read: a file, a downloaded document or standard input.

    ``opener`` returns a fresh binary stream each call, so a reader may sniff and then re-read.
    """

    location: str
    opener: Callable[[], BinaryIO]
    size: int | None = None
    content_type: str | None = None
    url: str | None = None

    @classmethod
    def from_path(cls, path: Path) -> Source:
        return cls(str(path), lambda: path.open("rb"), path.stat().st_size)

    @classmethod
    def from_bytes(
        cls, location: str, data: bytes, content_type: str | None = None, url: str | None = None
    ) -> Source:
        return cls(location, lambda: io.BytesIO(data), len(data), content_type, url)

    @property
    def stem(self) -> str:
        name = self.location.rstrip("/").rsplit("/", 1)[-1]
        for suffix in (".warc.gz", ".jsonl.gz", ".gz"):
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return name.rsplit(".", 1)[0] if "." in name else name

    def read_all(self, limit: int) -> bytes:
        """Read the whole source, refusing (with a clear message) anything over ``limit`` bytes."""
        if self.size is not None and self.size > limit:
            raise TooLargeError(_too_large(self.size, limit), self.location)
        with self.opener() as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise TooLargeError(_too_large(None, limit), self.location)
        return data

    def head(self, n: int = 4096) -> bytes:
        with self.opener() as stream:
            return stream.read(n)


def _too_large(size: int | None, limit: int) -> str:
    have = f"{size / MB:.1f} MB" if size is not None else f"more than {limit / MB:.1f} MB"
    return (
        f"document too large ({have}; the limit is {limit / MB:.1f} MB). "
        "Split it, or raise the limit with --max-document-mb."
    )


class Reader(Protocol):
    def __call__(self, source: Source, settings: IngestSettings) -> Iterator[ReadResult]: ...


def derived_id(*parts: str) -> str:
    """A stable id for an item that came without one (a feed entry, a WARC record, a fetched URL)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"px-{digest[:16]}"


def reject(source: Source, reason: str, line: int | None = None) -> Rejection:
    return Rejection(source.location, line, reason)
