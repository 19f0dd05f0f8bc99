"""Every error has one JSON shape; the token guards everything but /healthz; POST /ingest follows
the CLI's rules; ``parallax serve`` refuses to listen beyond loopback without a token."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsparallax.cli.app import EXIT_USAGE, main
from newsparallax.serve.app import create_app
from newsparallax.serve.auth import is_loopback
from newsparallax.store.db import Database, open_database
from tests.serve.conftest import TestClient

JSON = {"accept": "application/json"}
TOKEN = "s3cret-token"


@pytest.fixture
def empty_client(tmp_path: Path) -> Iterator[TestClient]:
    database = open_database(str(tmp_path / "empty.db"))
    with TestClient(create_app(database)) as client:
        yield client
    database.dispose()


@pytest.fixture
def guarded(served_db: Database) -> Iterator[TestClient]:
    with TestClient(create_app(served_db, token=TOKEN)) as client:
        yield client


def assert_error_shape(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status and isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"] and isinstance(error["details"], list)
    return dict(error)


def test_every_error_has_one_shape(client: TestClient, guarded: TestClient) -> None:
    cases = [
        (client.get("/stories/st-nope.json"), 404, "not_found"),
        (client.get("/articles/no-such-article.json"), 404, "not_found"),
        (client.get("/entities/person:nobody.json"), 404, "not_found"),
        (client.get("/places/geonames:0.json"), 404, "not_found"),
        (client.get("/no/such/page.json"), 404, "not_found"),
        (client.get("/stories/x/nonsense.json"), 422, "invalid_request"),
        (client.delete("/stories.json"), 405, "method_not_allowed"),
        (client.get("/stories.json", params={"since": "yesterday"}), 422, "invalid_request"),
        (client.get("/stories", params={"per_page": 0}, headers=JSON), 422, "invalid_request"),
        (client.post("/ingest", json={}, headers=JSON), 400, "bad_request"),
        (client.post("/ingest", json={"articles": "nope"}, headers=JSON), 422, "invalid_request"),
        (
            client.post(
                "/ingest", content=b"{not json", headers={**JSON, "content-type": "application/json"}
            ),
            422,
            "invalid_request",
        ),
        (client.post("/ingest", json={"url": "ftp://example.org/x"}, headers=JSON), 400, "bad_request"),
        (
            client.post("/ingest", json={"articles": [{"id": str(i)} for i in range(5001)]}, headers=JSON),
            413,
            "payload_too_large",
        ),
        (guarded.get("/stories.json"), 401, "unauthorized"),
    ]
    for response, status, code in cases:
        assert assert_error_shape(response, status)["code"] == code
    invalid = client.get("/stories.json", params={"since": "yesterday"}).json()["error"]
    assert invalid["details"][0]["field"] == "since" and "since" in invalid["message"]


def test_errors_are_pages_for_a_browser(client: TestClient) -> None:
    response = client.get("/stories/st-nope", headers={"accept": "text/html"})
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert 'data-code="not_found"' in response.text and "st-nope" in response.text


def test_token_guards_every_path_but_health(guarded: TestClient) -> None:
    refused = guarded.get("/stories.json")
    assert refused.headers["www-authenticate"] == "Bearer"
    assert guarded.get("/static/style.css").status_code == 401
    assert guarded.get("/stories.json", headers={"authorization": "Bearer wrong"}).status_code == 401
    assert guarded.get("/healthz").status_code == 200
    assert guarded.get("/stories.json", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
    opened = guarded.get("/stories", params={"token": TOKEN})
    assert opened.status_code == 200 and "HttpOnly" in opened.headers["set-cookie"]
    assert guarded.get("/articles.json").status_code == 200  # the cookie from the page above


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")


def test_serve_beyond_loopback_needs_a_token(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PARALLAX_TOKEN", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "s.db"), "serve", "--host", "0.0.0.0"])
    assert exit_info.value.code == EXIT_USAGE
    assert "--token" in capsys.readouterr().err


def test_ingest_articles_with_the_cli_rules(empty_client: TestClient) -> None:
    assert empty_client.get("/articles.json").json()["total"] == 0
    articles = [
        {
            "id": "api-1",
            "title": "Dock strike ends",
            "source": "Port Gazette",
            "published": "2026-11-02",
            "text": "Dock workers in the port of Bahia Serena ended a six-day strike on Monday.",
        },
        {"id": "api-2", "title": "no text here"},
    ]
    response = empty_client.post("/ingest", json={"articles": articles, "read": False})
    report = response.json()
    assert response.status_code == 200 and report["stored"] == 1 and report["rejected"] == 1
    assert "text" in report["rejections"][0]["reason"] and report["rejections"][0]["line"] == 2
    listed = empty_client.get("/articles.json").json()  # the cache was cleared by the ingest
    assert [a["id"] for a in listed["items"]] == ["api-1"]
    again = empty_client.post("/ingest", json={"articles": articles[:1], "read": False}).json()
    assert again["stored"] == 0 and again["duplicates"] == 1


def test_ingest_refuses_private_urls(empty_client: TestClient) -> None:
    report = empty_client.post("/ingest", json={"url": "http://127.0.0.1:9/feed.xml", "read": False}).json()
    assert report["stored"] == 0 and report["rejected"] == 1
    assert "private" in report["rejections"][0]["reason"] or "loopback" in report["rejections"][0]["reason"]
