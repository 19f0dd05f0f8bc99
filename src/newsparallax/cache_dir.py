"""The per-user cache folder, and model parts kept there ready to load.

Everything Parallax caches lives in one folder: ``$PARALLAX_CACHE_DIR`` when set, else
``$XDG_CACHE_HOME/newsparallax`` (``~/.cache/newsparallax``); ``PARALLAX_CACHE_DIR=off`` turns
caching off.  Nothing there is needed: a missing, stale or unreadable entry is rebuilt from the
installed packages, so deleting the folder is always safe.

:func:`load_or_build` keeps a model part that is slow to build from its package's files (the
sentence encoder's tokenizer, the language identifier) as a pickle named after the package
version and the source files' sizes and times, so every worker process after the first loads it
in a fraction of the time.  The folder is the user's own, trusted as their site-packages are; an
entry written by another version is never read.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar, cast

log = logging.getLogger(__name__)

ENV_CACHE_DIR = "PARALLAX_CACHE_DIR"
#: Bump when what :func:`load_or_build` stores changes shape.
PICKLE_VERSION = 1
T = TypeVar("T")


def cache_folder() -> Path | None:
    """Where Parallax caches things, or ``None`` when caching is off."""
    base = os.environ.get(ENV_CACHE_DIR) or ""
    if base.lower() == "off":
        return None
    if base:
        return Path(base).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsparallax"


def load_or_build(name: str, package: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when an entry for these sources is there (else built and
    stored).  ``package`` is the distribution the sources come from: its version is in the key."""
    path = _entry(name, package, sources)
    if path is None:
        return build()
    found = _read(path)
    if found is not None:
        return cast(T, found)
    value = build()
    _write(path, value)
    return value


def _entry(name: str, package: str, sources: Sequence[Path]) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    try:
        version = metadata.version(package)
        stamps = [f"{s.stat().st_size}-{int(s.stat().st_mtime)}" for s in sources]
    except (metadata.PackageNotFoundError, OSError):
        return None
    return folder / f"{name}-{version}-{'-'.join(stamps)}-p{PICKLE_VERSION}.pickle"


def _read(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as error:  # a truncated or foreign file: rebuild it
        log.warning("ignoring unreadable cache entry %s: %s", path, error)
        return None


def _write(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
        log.warning("could not write cache entry %s: %s", path, error)
