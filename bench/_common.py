"""Helpers shared by the bench scripts: where the corpora are, and loading them cleaned."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsparallax.clean import DEFAULT_CLEAN_STAGES
from newsparallax.model import Article, Origin
from newsparallax.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


def corpus(relative: str) -> Path:
    """A shared corpus file, or exit 0 with a message saying it is absent."""
    path = SHARED / relative
    if not path.exists():
        print(f"skipped: {path} not found (the benches read ../shared/datasets)")
        sys.exit(0)
    return path


def rows(relative: str) -> list[dict[str, Any]]:
    with corpus(relative).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def cleaned(records: list[dict[str, Any]]) -> Iterator[Article]:
    """The records as cleaned articles, exactly as ingest would clean them."""
    pipeline = Pipeline(DEFAULT_CLEAN_STAGES)
    for number, row in enumerate(records, start=1):
        article = Article(
            id=str(row["id"]), text=row.get("text") or "", title=row.get("title"), url=row.get("url"),
            published=row.get("published"), origin=Origin("bench", number, "jsonl"),
        )  # fmt: skip
        yield pipeline(article)
