"""``--engine ray`` leaves exactly the store the local engine does: the same readings, story
assignments and facts (on the examples, and on 500 GVC dev articles when ../shared is here).

A local Ray starts once for the module (two CPUs).  Without Ray installed these tests skip,
except under CI, where Ray must be installed (``pip install 'newsparallax[ray]'``)."""

from __future__ import annotations

import importlib
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsparallax.clean import DEFAULT_CLEAN_STAGES
from newsparallax.engine_parallel import ProcessReadPool
from newsparallax.errors import MissingExtraError
from newsparallax.read.reader import ArticleReader
from tests.conftest import EXAMPLES, shared_path
from tests.test_engine_parallel import ingest, snapshot

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def ray_session() -> Iterator[Any]:
    try:
        ray = importlib.import_module("ray")
        importlib.import_module("ray.data")
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("Ray is not installed under CI: pip install 'newsparallax[ray]'")
        pytest.skip("Ray is not installed (pip install 'newsparallax[ray]')")
    handlers = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM)}
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield ray
    ray.shutdown()
    for number, handler in handlers.items():  # ray.init replaced them; later tests check them
        signal.signal(number, handler)


def _ray_pool(store: Path) -> Any:
    from newsparallax.engine_ray import RayReadPool

    return RayReadPool(2, DEFAULT_CLEAN_STAGES, ArticleReader(), str(store), min_items=0)


def test_ray_leaves_the_same_store_as_the_local_engine(ray_session: Any, tmp_path: Path) -> None:
    local = snapshot(ingest(tmp_path / "local.db", [str(EXAMPLES)], pool=None))
    on_ray = snapshot(ingest(tmp_path / "ray.db", [str(EXAMPLES)], pool=_ray_pool(tmp_path / "ray.db")))
    assert local["stories"] and local["facts"]
    assert on_ray == local
    assert ray_session.is_initialized()  # a pool leaves a Ray it did not start running


def test_ray_catches_up_unread_articles_like_the_local_engine(ray_session: Any, tmp_path: Path) -> None:
    from newsparallax.engine import IngestJob, IngestReport
    from newsparallax.stories.service import StoryService

    results = []
    for name in ("local", "ray"):
        database = ingest(tmp_path / f"{name}.db", [str(EXAMPLES)], pool=None, read=False)
        pool = _ray_pool(tmp_path / f"{name}.db") if name == "ray" else None
        job = IngestJob(database, reader=ArticleReader(), stories=StoryService(database), pool=pool)
        job.read_missing(IngestReport())
        results.append(snapshot(database))
    assert results[0]["readings"] and results[1] == results[0]


@pytest.mark.shared
def test_500_gvc_articles_ray_and_local_agree(ray_session: Any, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in shared_path("gvc/dev.jsonl").open(encoding="utf-8")][:500]
    corpus = tmp_path / "gvc.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    local_pool = ProcessReadPool(2, DEFAULT_CLEAN_STAGES, ArticleReader(), str(tmp_path / "local.db"))
    local = snapshot(ingest(tmp_path / "local.db", [str(corpus)], pool=local_pool, batch_size=200))
    ray_pool = _ray_pool(tmp_path / "ray.db")
    on_ray = snapshot(ingest(tmp_path / "ray.db", [str(corpus)], pool=ray_pool, batch_size=200))
    assert len(local["readings"]) > 450 and len(local["stories"]) > 50
    assert on_ray["stories"] == local["stories"]
    assert on_ray["facts"] == local["facts"]
    assert on_ray == local


def test_missing_ray_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsparallax import engine_ray

    real = importlib.import_module

    def no_ray(name: str, package: str | None = None) -> Any:
        if name.split(".")[0] == "ray":
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(engine_ray.importlib, "import_module", no_ray)
    with pytest.raises(MissingExtraError, match=r"newsparallax\[ray\]"):
        engine_ray.require_ray()
