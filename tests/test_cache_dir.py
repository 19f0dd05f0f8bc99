"""The cache folder and model parts kept there (newsparallax.cache_dir)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsparallax.cache_dir import cache_folder, load_or_build

PACKAGE = "numpy"  # any installed distribution: its version goes into the key


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "model.bin"
    path.write_bytes(b"weights")
    return path


class Builder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, list[int]]:
        self.calls += 1
        return {"table": [1, 2, 3]}


def test_the_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "here"))
    assert cache_folder() == tmp_path / "here"
    monkeypatch.setenv("PARALLAX_CACHE_DIR", "off")
    assert cache_folder() is None
    monkeypatch.delenv("PARALLAX_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "newsparallax"


def test_built_once_then_loaded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: Path) -> None:
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))
    build = Builder()
    first = load_or_build("part", PACKAGE, [source], build)
    second = load_or_build("part", PACKAGE, [source], build)
    assert first == second == {"table": [1, 2, 3]}
    assert build.calls == 1
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".pickle"]


def test_a_changed_source_is_rebuilt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: Path) -> None:
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))
    build = Builder()
    load_or_build("part", PACKAGE, [source], build)
    source.write_bytes(b"other, longer weights")
    load_or_build("part", PACKAGE, [source], build)
    assert build.calls == 2


def test_an_unreadable_entry_is_rebuilt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: Path
) -> None:
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))
    build = Builder()
    load_or_build("part", PACKAGE, [source], build)
    (entry,) = (tmp_path / "cache").iterdir()
    entry.write_bytes(b"\x80\x05truncated")
    assert load_or_build("part", PACKAGE, [source], build) == {"table": [1, 2, 3]}
    assert build.calls == 2
    assert load_or_build("part", PACKAGE, [source], build) == {"table": [1, 2, 3]}
    assert build.calls == 2  # the rebuilt entry replaced the broken one


def test_off_or_unwritable_just_builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: Path) -> None:
    monkeypatch.setenv("PARALLAX_CACHE_DIR", "off")
    build = Builder()
    load_or_build("part", PACKAGE, [source], build)
    load_or_build("part", PACKAGE, [source], build)
    assert build.calls == 2
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(blocked))
    assert load_or_build("part", PACKAGE, [source], build) == {"table": [1, 2, 3]}
    assert not os.path.isdir(blocked)


def test_a_missing_package_or_source_is_not_cached(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: Path
) -> None:
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))
    build = Builder()
    load_or_build("part", "no-such-distribution-xyz", [source], build)
    load_or_build("part", PACKAGE, [tmp_path / "absent.bin"], build)
    assert build.calls == 2
    assert not (tmp_path / "cache").exists()


def test_the_language_identifier_and_tokenizer_come_back_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The cached model parts behave exactly as freshly built ones."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))

    def build() -> LanguageIdentifier:
        return LanguageIdentifier.from_model_file(MODEL_FILE)

    fresh = load_or_build("py3langid", "py3langid", [MODEL_DIR / MODEL_FILE], build)
    cached = load_or_build("py3langid", "py3langid", [MODEL_DIR / MODEL_FILE], build)
    for text in (
        "Russian planes landed in Caracas on Saturday.",
        "Dos aviones rusos aterrizaron en Caracas.",
    ):
        assert cached.classify(text) == fresh.classify(text)
