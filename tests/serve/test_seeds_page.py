"""The issue's acceptance on the seeds (../shared/datasets/seeds, skipped without them): the story
page shows Tonkoshkurov's title as a conflict with both quotes and both outlets, the agreed
35 tonnes, the single-source facts, the timeline and the map with Caracas marked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from newsparallax.engine import IngestJob
from newsparallax.read.reader import ArticleReader
from newsparallax.store.db import Database, open_database
from newsparallax.stories.service import StoryService
from tests.conftest import shared_path
from tests.serve.conftest import TestClient, screenshot

pytestmark = pytest.mark.shared
CARACAS = "geonames:3646738"


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    seeds = shared_path("seeds")
    database = open_database(str(tmp_path_factory.mktemp("seeds") / "seeds.db"))
    IngestJob(database, reader=ArticleReader(), stories=StoryService(database)).run([str(seeds)])
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def seeds_app(seeds_db: Database) -> Any:
    from newsparallax.serve.app import create_app

    return create_app(seeds_db)


@pytest.fixture(scope="module")
def story_id(seeds_app: Any) -> str:
    with TestClient(seeds_app) as client:
        stories = client.get("/stories.json").json()["items"]
    assert len(stories) == 1 and stories[0]["articles"] == 2
    return str(stories[0]["id"])


def _fact(report: dict[str, Any], status: str, words: str) -> dict[str, Any]:
    found = [f for f in report["facts"] if f["status"] == status and words in f["label"]]
    assert found, f"no {status} fact with {words!r}"
    return found[0]


def test_seed_story_report_through_the_api(seeds_app: Any, story_id: str) -> None:
    with TestClient(seeds_app) as client:
        report = client.get(f"/stories/{story_id}.json").json()
        title = _fact(report, "conflict", "Tonkoshkurov")
        assert len(title["values"]) == 2
        assert {m["outlet"] for v in title["values"] for m in v["mentions"]} == {
            "firstpost.com",
            "nzherald.co.nz",
        }
        assert all(m["quote"] for v in title["values"] for m in v["mentions"])
        tonnes = [
            f
            for f in report["facts"]
            if f["status"] == "agreed" and "35 tonnes" in str(f["values"][0]["value"])
        ]
        assert len(tonnes) == 1 and len(tonnes[0]["values"][0]["mentions"]) == 2
        assert report["counts"]["single_source"] >= 1
        assert len(report["timeline"]) == 2


def test_seed_story_page_in_a_browser(seeds_app: Any, story_id: str, browser: Any) -> None:
    import threading
    import time

    import uvicorn

    from tests.serve.conftest import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(seeds_app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"http://127.0.0.1:{port}/stories/{story_id}")
        conflict = page.locator("#band-conflicts .fact", has_text="Tonkoshkurov")
        assert conflict.count() == 1
        outlets = conflict.locator("a.outlet").all_inner_texts()
        assert set(outlets) == {"firstpost.com", "nzherald.co.nz"}
        for details in conflict.locator("details.quotes").all():
            details.locator("summary").click()
        quotes = conflict.locator("blockquote").all_inner_texts()
        assert (
            len(quotes) == 2
            and any("Mobilization" in q for q in quotes)
            and any("Ground" in q for q in quotes)
        )
        assert page.locator("#band-agreed .fact .value .v", has_text="35 tonnes").count() == 1
        assert page.locator("#band-single .fact").count() >= 1
        assert (
            page.locator("#timeline svg circle.report").count() + page.locator("#timeline .undated a").count()
            == 2
        )
        assert page.locator(f"#map svg .marker[data-place='{CARACAS}']").count() == 1
        assert "Caracas" in page.locator("#map svg").inner_html()
        screenshot(page, "07-seed-story")
    finally:
        page.close()
        server.should_exit = True
        thread.join(timeout=10)
