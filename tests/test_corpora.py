"""The issue's acceptance cases on real and bundled corpora: seeds, GVC dev, and our examples."""

from __future__ import annotations

import json

import pytest

from newsparallax.engine import IngestJob
from newsparallax.store.articles import get_article, store_stats
from newsparallax.store.db import Database
from tests.conftest import EXAMPLES, shared_path

pytestmark = pytest.mark.shared


def test_seeds_are_two_articles_cleaned(database: Database) -> None:
    report = IngestJob(database).run([str(shared_path("seeds"))])
    assert (report.read, report.stored, report.duplicates, report.rejected) == (4, 2, 2, 0)
    herald = get_article(database, "000_8a0812c7eaa11c11")
    firstpost = get_article(database, "002_892e34107821c592")
    assert herald is not None and firstpost is not None
    assert herald["source"] == "nzherald.co.nz" and herald["title"]  # merged from the JSONL copy
    assert herald["wires"] == ["AP"] and not herald["text"].rstrip().endswith("With AP")
    caption = "defaced with devil horns"
    assert herald["text"].count(caption) == 1
    assert firstpost["published"] == "2019-03-25" and firstpost["dateline"] == "Caracas"
    assert not firstpost["text"].lstrip().lower().startswith(("date", "caracas"))
    assert firstpost["text"].startswith("Two Russian military planes")


def test_gvc_dev_every_given_id_is_stored_once(database: Database) -> None:
    corpus = shared_path("gvc/dev.jsonl")
    rows = [json.loads(line) for line in corpus.open()]
    first = IngestJob(database).run([str(corpus)])
    assert first.read == len(rows) == 2044 and first.rejected == 0
    stats = store_stats(database)
    assert stats["ids"] == len({r["id"] for r in rows})
    assert stats["articles"] == first.stored
    again = IngestJob(database).run([str(corpus)])
    assert again.stored == 0 and again.duplicates == 2044
    for row in rows[::50]:
        record = get_article(database, row["id"])
        assert record is not None and (record["id"] == row["id"] or row["id"] in record["aliases"])


def test_examples_corpus(sqlite_db: Database) -> None:
    report = IngestJob(sqlite_db).run([str(EXAMPLES)])
    assert report.rejected == 0 and report.stored == report.read == 14
    stats = store_stats(sqlite_db)
    assert stats["languages"] == {"en": 12, "es": 2}
    wire = get_article(sqlite_db, "a-harbourtimes-ferry")
    assert wire is not None and [d["id"] for d in wire["near_duplicates"]] == ["a-meridianpost-ferry"]
