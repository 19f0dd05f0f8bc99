"""One store for the web tests: the bundled examples plus articles whose titles, outlets and text
carry script and event-handler payloads, read and grouped into stories once per session."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsparallax.engine import IngestJob
from newsparallax.read.reader import ArticleReader
from newsparallax.store.db import Database, open_database
from newsparallax.stories.service import StoryService
from tests.conftest import EXAMPLES

with warnings.catch_warnings():  # Starlette 1.x prefers httpx2; the project's client is httpx
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "serve"

#: Untrusted input with payloads that run if any page forgets to escape: each sets window.__xss.
XSS_TITLE = '<script>window.__xss="title"</script><img src=x onerror="window.__xss=\'img\'"> Bakery fire'
XSS_OUTLET = "<b onmouseover=\"window.__xss='outlet'\">Harbour Crier</b>"
XSS_TEXT = (
    "VALPARAISO - A fire destroyed the old Panaderia Miramar bakery in Valparaiso on Tuesday, "
    "firefighters said. <script>window.__xss='text'</script> Nobody was hurt. "
    "\"<svg onload=window.__xss='svg'>\" was painted on the wall, according to neighbours. "
    "The fire brigade sent 12 engines and the blaze was under control by midnight. "
    "Firefighter chief Marta Quiroga said the bakery had no smoke alarms. "
    "<a href=\"javascript:window.__xss='link'\">details</a>"
)
XSS_ROWS = [
    {
        "id": "xss-bakery-1",
        "title": XSS_TITLE,
        "source": XSS_OUTLET,
        "published": "2026-10-06T10:00:00Z",
        "url": "javascript:window.__xss='url'",
        "text": XSS_TEXT,
    },
    {
        "id": "guid:costapost/2026/fire?id=2",
        "title": "Fire guts Valparaiso bakery",
        "source": "Costa Post",
        "published": "2026-10-06T15:00:00Z",
        "text": "A fire gutted the Panaderia Miramar bakery in Valparaiso on Tuesday. Nobody was hurt, "
        "firefighter chief Marta Quiroga said. The brigade sent ten engines to the blaze.",
    },
]


def ingest_examples(database: Database, folder: Path) -> None:
    extra = folder / "xss.jsonl"
    extra.write_text("\n".join(json.dumps(r) for r in XSS_ROWS) + "\n", encoding="utf-8")
    job = IngestJob(database, reader=ArticleReader(), stories=StoryService(database))
    job.run([str(EXAMPLES), str(extra)])


@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The examples and the payload articles, read and grouped into stories."""
    folder = tmp_path_factory.mktemp("serve")
    database = open_database(str(folder / "serve.db"))
    ingest_examples(database, folder)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def app(served_db: Database) -> Any:
    from newsparallax.serve.app import create_app

    return create_app(served_db)


@pytest.fixture
def client(app: Any) -> Iterator[Any]:
    with TestClient(app) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(app: Any) -> Iterator[str]:
    """The app under a real uvicorn server on loopback, for the browser."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def require_chromium() -> None:
    """Browser tests need Debian's chromium; skipped without it, except under CI where it must be there."""
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed under CI (pip install -e '.[dev]')")
        pytest.skip("playwright is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def screenshot(page: Any, name: str) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
