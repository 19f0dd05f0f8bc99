"""The local engine on several processes leaves exactly the store one process does: the same
articles, readings (layers and embeddings, byte for byte), story assignments and facts."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from newsparallax.cli.app import main
from newsparallax.config import load_config
from newsparallax.engine import IngestJob, IngestReport
from newsparallax.engine_parallel import ProcessReadPool, ReadPool
from newsparallax.errors import ConfigError
from newsparallax.model import Article
from newsparallax.read.reader import ArticleReader, ReadOutput
from newsparallax.store.db import Database, open_database
from newsparallax.store.schema import articles, readings, story_articles
from newsparallax.stories.service import StoryService
from tests.conftest import EXAMPLES, postgres_url


class CountingReader(ArticleReader):
    """The driver's reader, counting the articles the driver had to read itself."""

    read_here = 0

    def read(self, articles: Sequence[Article]) -> list[ReadOutput]:
        CountingReader.read_here += len(articles)
        return super().read(articles)


def ingest(
    path: Path | str, inputs: Sequence[str], pool: ReadPool | None, batch_size: int = 5, read: bool = True
) -> Database:
    """Ingest ``inputs`` into a new store at ``path`` (small batches, so a run has several)."""
    database = open_database(str(path))
    reader = CountingReader() if read else None
    stories = StoryService(database) if read else None
    job = IngestJob(database, batch_size=batch_size, reader=reader, stories=stories, pool=pool)
    try:
        report = job.run(list(inputs))
    finally:
        job.close()
    assert report.status == "done" and report.reading_failed == 0
    return database


def snapshot(database: Database) -> dict[str, Any]:
    """What must not depend on the engine: articles, readings, stories, and every story's facts."""
    from newsparallax.facts.report import story_report

    with database.engine.connect() as conn:
        stored = {r.id: (r.content_hash, r.published, r.title) for r in conn.execute(select(articles))}
        read = {
            r.article_id: (json.dumps(r.layers, sort_keys=True), r.anchor, r.model, r.embedding)
            for r in conn.execute(select(readings))
        }
        members: dict[str, list[str]] = {}
        pairs = conn.execute(select(story_articles.c.story_id, story_articles.c.article_id))
        for story_id, article_id in pairs:
            members.setdefault(story_id, []).append(article_id)
    facts = {story_id: (story_report(database, story_id) or {}).get("facts") for story_id in members}
    stories = {story_id: sorted(ids) for story_id, ids in members.items()}
    return {"articles": stored, "readings": read, "stories": stories, "facts": facts}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    database = ingest(tmp_path_factory.mktemp("one") / "store.db", [str(EXAMPLES)], pool=None)
    yield snapshot(database)
    database.dispose()


def test_two_processes_leave_the_same_store(one_process: dict[str, Any], tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    pool = ProcessReadPool(2, _stages(), ArticleReader(), str(store), min_items=0)
    CountingReader.read_here = 0
    database = ingest(store, [str(EXAMPLES)], pool=pool)
    parallel = snapshot(database)
    assert one_process["stories"] and one_process["readings"]
    # the workers read; the driver reads only articles whose stored form differs from what was read
    assert CountingReader.read_here < len(one_process["readings"]) / 4
    assert parallel["articles"] == one_process["articles"]
    assert parallel["readings"] == one_process["readings"]
    assert parallel["stories"] == one_process["stories"]
    assert parallel["facts"] == one_process["facts"]


@pytest.mark.postgres
def test_two_processes_on_postgresql() -> None:
    """Several processes with PostgreSQL, the store for multi-worker runs: the same as one process."""
    snapshots = []
    for workers in (1, 2):
        url = postgres_url()  # an empty database each time
        pool = ProcessReadPool(workers, _stages(), ArticleReader(), url, min_items=0) if workers > 1 else None
        database = ingest(url, [str(EXAMPLES)], pool=pool)
        snapshots.append(snapshot(database))
        database.dispose()
    assert snapshots[0]["stories"] and snapshots[1] == snapshots[0]


def test_catching_up_in_processes_reads_the_same_and_skips_stored_content(tmp_path: Path) -> None:
    results = []
    for workers in (1, 2):
        store = tmp_path / f"{workers}.db"
        database = ingest(store, [str(EXAMPLES)], pool=None, read=False)
        pool = ProcessReadPool(workers, _stages(), ArticleReader(), str(store), min_items=0)
        stories = StoryService(database)
        job = IngestJob(
            database,
            batch_size=5,
            reader=ArticleReader(),
            stories=stories,
            pool=pool if workers > 1 else None,
        )
        try:
            report = IngestReport()
            job.read_missing(report)
            if workers > 1:  # the same input again: every content hash is stored, the workers read nothing
                prepared = list(pool.prepare(_items([str(EXAMPLES)])))
                articles = [p for p in prepared if isinstance(p.item, Article)]
                assert articles and all(p.output is None for p in articles)
        finally:
            pool.close()
        assert report.readings and report.reading_failed == 0
        results.append(snapshot(database))
    assert results[0]["readings"] and results[1] == results[0]


def test_cli_takes_workers_and_engine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "cli.db")
    wire = str(EXAMPLES / "wire.jsonl")  # a small input: read in the main process, no workers start
    assert _cli("--db", store, "ingest", "--workers", "2", "--format", "json", wire) == 0
    assert json.loads(capsys.readouterr().out)["readings"] > 0
    assert _cli("--db", store, "reprocess", "--all", "--workers", "1", "--format", "json") == 0
    assert _cli("--db", store, "ingest", "--engine", "spark", wire) == 2


def test_config_file_sets_engine_and_workers(tmp_path: Path) -> None:
    config = tmp_path / "parallax.toml"
    config.write_text('[ingest]\nengine = "ray"\nray_address = "auto"\n[read]\nworkers = 3\n')
    loaded = load_config(str(config))
    assert (loaded.engine, loaded.ray_address, loaded.workers) == ("ray", "auto", 3)
    config.write_text("[read]\nworkers = 0\n")
    with pytest.raises(ConfigError, match="workers"):
        load_config(str(config))


def _cli(*args: str) -> int:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    return int(exit_info.value.code or 0)


def test_small_inputs_are_read_in_the_driver(tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    pool = ProcessReadPool(2, _stages(), ArticleReader(), str(store))  # default threshold
    database = ingest(store, [str(EXAMPLES / "wire.jsonl")], pool=pool)
    assert pool._executor is None  # never started
    assert snapshot(database)["readings"]


def _stages() -> tuple[str, ...]:
    from newsparallax.clean import DEFAULT_CLEAN_STAGES

    return tuple(DEFAULT_CLEAN_STAGES)


def _items(inputs: list[str]) -> Iterator[Any]:
    from newsparallax.ingest.base import IngestSettings
    from newsparallax.ingest.sources import iter_inputs

    return iter_inputs(inputs, IngestSettings())


def test_a_reading_process_keeps_large_blocks_on_the_heap() -> None:
    import ctypes.util
    import platform
    import subprocess
    import sys

    code = "from newsparallax.engine_parallel import roomy_malloc; print(roomy_malloc())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    linux = platform.system() == "Linux"
    glibc = linux and platform.libc_ver()[0] == "glibc" and ctypes.util.find_library("c")
    assert out.strip() == ("True" if glibc else "False")
