"""Parallax's one exception tree.  Every message says what went wrong *and what to do*.

::

    ParallaxError
    ├── ConfigError            a setting is missing or malformed
    ├── PipelineError          stages are in an order that cannot work
    ├── InputError             one item of input cannot be used (file, line, reason)
    │   ├── DecodeError        bytes are binary or in an encoding we cannot identify
    │   ├── TooLargeError      an item is over the size limit
    │   └── FetchError         a URL could not be fetched
    │       └── BlockedAddressError   the URL points at a private/loopback/link-local address
    ├── StoreError             the database cannot be opened, migrated or written
    └── MissingExtraError      an optional dependency is not installed (says which extra)

Per-item errors (:class:`InputError`) are turned into rejections in the ingest report; they
never stop the rest of a run.
"""

from __future__ import annotations


class ParallaxError(Exception):
    """Base class of every error Parallax raises on purpose."""


class ConfigError(ParallaxError):
    """A configuration value is missing or malformed."""


class PipelineError(ParallaxError):
    """The pipeline's stages are in an order that cannot work (a stage needs what no earlier stage adds)."""


class InputError(ParallaxError):
    """One input item cannot be used.  Carries where it was so the report can name it."""

    def __init__(self, reason: str, location: str | None = None, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.location = location
        self.line = line


class DecodeError(InputError):
    """The bytes are binary or in an encoding that cannot be identified."""


class TooLargeError(InputError):
    """The item is larger than the configured limit."""


class FetchError(InputError):
    """A URL could not be fetched (network error, HTTP error, timeout, too many redirects)."""


class BlockedAddressError(FetchError):
    """The URL resolves to a private, loopback or link-local address and such addresses are not allowed."""


class StoreError(ParallaxError):
    """The store cannot be opened, migrated or written."""


class MissingExtraError(ParallaxError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(f"{module} is not installed. Install it with: pip install 'newsparallax[{extra}]'")
        self.module = module
        self.extra = extra
