"""The local engine end to end: idempotent, transactional, survives kill -9, keeps good items."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from newsparallax.engine import IngestJob
from newsparallax.store.articles import get_article, store_stats
from newsparallax.store.db import Database, open_database


def _corpus(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w") as handle:
        for i in range(start, start + n):
            text = (
                f"Report number {i} from the fictional port of Bahía Serena. "
                f"Inspectors counted {i * 3} containers and {i % 7} cranes at work on pier {i % 11}. "
            ) * 3
            handle.write(json.dumps({"id": f"r{i}", "text": text, "published": "2026-10-01"}) + "\n")
    return path


def test_ingest_twice_adds_nothing(database: Database, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 30)
    first = IngestJob(database, batch_size=7).run([str(corpus)])
    assert (first.read, first.stored, first.rejected, first.status) == (30, 30, 0, "done")
    second = IngestJob(database, batch_size=7).run([str(corpus)])
    assert (second.stored, second.duplicates) == (0, 30)
    assert store_stats(database)["articles"] == 30
    assert store_stats(database)["ingest_runs"] == 2


def test_bad_lines_do_not_stop_good_ones(database: Database, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 5)
    with corpus.open("a") as handle:
        handle.write("{broken\n")
        handle.write(json.dumps({"id": "no-text"}) + "\n")
    with corpus.open("ab") as handle:
        handle.write(b'{"id": "bad-bytes", "text": "\xff\xfe"}\n')
    _corpus(tmp_path / "more.jsonl", 3, start=100)
    report = IngestJob(database).run([str(corpus), str(tmp_path / "more.jsonl")])
    assert report.stored == 8 and report.rejected == 3
    assert sorted(r.line for r in report.rejections if r.line) == [6, 7, 8]


def test_existing_store_survives_a_bad_run(database: Database, tmp_path: Path) -> None:
    IngestJob(database).run([str(_corpus(tmp_path / "c.jsonl", 4))])
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json at all\n")
    report = IngestJob(database).run([str(bad)])
    assert report.rejected == 1 and store_stats(database)["articles"] == 4
    assert get_article(database, "r0") is not None


_SLOW_INGEST = """
import sys, time
from newsparallax.engine import IngestJob
from newsparallax.store.db import open_database
import newsparallax.store.writer as writer
original = writer.ArticleWriter.write
def slow(self, batch):
    out = original(self, batch)
    print("batch", flush=True)
    time.sleep(0.05)
    return out
writer.ArticleWriter.write = slow
IngestJob(open_database(sys.argv[1]), batch_size=20).run([sys.argv[2]])
"""


def test_kill_minus_nine_leaves_a_consistent_store(tmp_path: Path) -> None:
    store, corpus = str(tmp_path / "k.db"), _corpus(tmp_path / "c.jsonl", 400)
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_INGEST, store, str(corpus)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    for _ in range(3):
        assert proc.stdout.readline().strip() == "batch"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    database = open_database(store)
    partial = store_stats(database)
    assert 60 <= partial["articles"] < 400 and partial["articles"] % 20 == 0
    assert partial["ids"] == partial["articles"]
    report = IngestJob(database).run([str(corpus)])
    assert report.stored == 400 - partial["articles"] and report.rejected == 0
    final = store_stats(database)
    assert final["articles"] == final["ids"] == 400
