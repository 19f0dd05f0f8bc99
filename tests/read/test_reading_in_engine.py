"""The reading stage inside ingest: failures leave articles unread and a later run reads them;
``parallax reprocess`` re-reads; merged dates make a reading stale."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsparallax.cli.app import main
from newsparallax.engine import IngestJob, IngestReport
from newsparallax.model import Article
from newsparallax.read.embed import HashingEmbedder
from newsparallax.read.reader import ArticleReader, ReadOutput
from newsparallax.store.articles import get_reading
from newsparallax.store.db import Database

ROWS = [
    {
        "id": "p1",
        "published": "2026-10-05",
        "text": "Police in Port Aurora said two people were killed on Saturday.",
    },
    {
        "id": "p2",
        "published": "2026-10-06",
        "text": "The mayor of Port Aurora, Lidia Castro, visited the wounded.",
    },
]


class BrokenReader(ArticleReader):
    def read(self, articles: Sequence[Article]) -> list[ReadOutput]:
        raise RuntimeError("model crashed")


def _corpus(tmp_path: Path, rows: list[dict[str, str]] = ROWS) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


class PickyReader(ArticleReader):
    """Breaks on one article only, as a pathological input would."""

    def read(self, articles: Sequence[Article]) -> list[ReadOutput]:
        if any(a.id == "p2" for a in articles):
            raise RuntimeError("cannot parse p2")
        return super().read(articles)


def test_one_bad_article_does_not_keep_its_batch_unread(sqlite_db: Database, tmp_path: Path) -> None:
    report = IngestJob(sqlite_db, reader=PickyReader(embedder=HashingEmbedder())).run(
        [str(_corpus(tmp_path))]
    )
    assert report.readings == 1 and report.reading_failed == 1
    assert get_reading(sqlite_db, "p1") is not None and get_reading(sqlite_db, "p2") is None


def test_failed_reading_is_retried_by_the_next_run(sqlite_db: Database, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    first = IngestJob(sqlite_db, reader=BrokenReader(embedder=HashingEmbedder())).run([str(corpus)])
    assert first.stored == 2 and first.readings == 0 and first.reading_failed == 2
    assert get_reading(sqlite_db, "p1") is None
    second = IngestJob(sqlite_db, reader=ArticleReader(embedder=HashingEmbedder())).run([str(corpus)])
    assert second.stored == 0 and second.readings == 2
    reading = get_reading(sqlite_db, "p1")
    assert reading is not None and reading["anchor"] == "2026-10-05"
    killed = [q for q in reading["layers"]["quantities"] if q["category"] == "killed"]
    assert killed and killed[0]["value"] == 2


def test_a_merged_date_makes_the_reading_stale(sqlite_db: Database, tmp_path: Path) -> None:
    reader = ArticleReader(embedder=HashingEmbedder())
    undated = [{"id": "u1", "text": "The bridge in Port Aurora closed on Saturday for repairs."}]
    IngestJob(sqlite_db, reader=reader).run([str(_corpus(tmp_path, undated))])
    assert (get_reading(sqlite_db, "u1") or {})["anchor"] is None
    dated = tmp_path / "dated.jsonl"
    dated.write_text(json.dumps({**undated[0], "id": "u1-copy", "published": "2026-10-05"}) + "\n")
    IngestJob(sqlite_db, reader=reader).run([str(dated)])
    reading = get_reading(sqlite_db, "u1")
    assert reading is not None and reading["anchor"] == "2026-10-05"
    assert [d["value"] for d in reading["layers"]["dates"]] == ["2026-10-03"]


def test_reprocess_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "parallax.toml"
    config.write_text(f'db = "{tmp_path / "s.db"}"\n[read]\nembedder = "hashing"\n')
    with pytest.raises(SystemExit) as done:
        main(["--config", str(config), "ingest", str(_corpus(tmp_path)), "--no-read", "--format", "json"])
    assert done.value.code == 0 and json.loads(capsys.readouterr().out)["readings"] == 0
    with pytest.raises(SystemExit) as done:
        main(["--config", str(config), "reprocess", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["readings"] == 2
    with pytest.raises(SystemExit) as done:
        main(["--config", str(config), "reprocess", "--all", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["readings"] == 2
    with pytest.raises(SystemExit) as done:
        main(["--config", str(config), "article", "p2"])
    shown = capsys.readouterr().out
    assert "Lidia Castro" in shown and "Port Aurora" in shown and "Reading" in shown


def test_report_counts_readings() -> None:
    report = IngestReport(readings=3, reading_failed=1)
    assert report.counts()["readings"] == 3 and report.counts()["reading_failed"] == 1
