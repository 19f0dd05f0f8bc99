"""The JSON API with httpx (Starlette's TestClient) against the app over the examples: lists and
their envelope, filters, one story, articles with their layers, entities, places, negotiation."""

from __future__ import annotations

from typing import Any

from newsparallax.serve.render import article_url
from newsparallax.store.db import Database
from newsparallax.store.stories import record_event

JSON = {"accept": "application/json"}


def _stories(client: Any, **params: Any) -> dict[str, Any]:
    response = client.get("/stories.json", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _story_with(client: Any, article_id: str) -> dict[str, Any]:
    stories = _stories(client, per_page=200)["items"]
    found = [
        s
        for s in stories
        if article_id in {a["id"] for a in client.get(f"/stories/{s['id']}.json").json()["articles"]}
    ]
    assert len(found) == 1
    return dict(found[0])


def test_story_list_envelope_and_counts(client: Any) -> None:
    body = _stories(client)
    assert set(body) == {"items", "total", "page", "per_page", "pages", "next", "prev"}
    assert body["total"] == 4 and body["page"] == 1 and body["next"] is None
    last_seen = [s["last_seen"] for s in body["items"]]
    assert last_seen == sorted(last_seen, reverse=True)
    ferry = _story_with(client, "a-harbourtimes-ferry")
    assert ferry["articles"] == 5 and ferry["sources"] == 4 and ferry["conflicts"] >= 1


def test_pagination_links_follow(client: Any) -> None:
    first = _stories(client, per_page=3)
    assert first["pages"] == 2 and first["prev"] is None and first["next"].startswith("/stories.json?")
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and len(second["items"]) == 1 and second["prev"]
    seen = {s["id"] for s in first["items"]} | {s["id"] for s in second["items"]}
    assert len(seen) == 4


def test_filters(client: Any) -> None:
    assert {s["title"] for s in _stories(client, q="Wollaston")["items"]} == {
        _story_with(client, "c-mwpr-shooting")["title"]
    }
    spanish = _stories(client, language="es")["items"]
    assert len(spanish) == 2 and all("es" in s["languages"] for s in spanish)
    assert [s["articles"] for s in _stories(client, outlet="Lakefront Ledger")["items"]] == [5]
    milwaukee = _stories(client, place="geonames:5263045")["items"]
    assert len(milwaukee) == 1 and milwaukee[0]["id"] == _story_with(client, "c-mwpr-shooting")["id"]
    assert _stories(client, entity="person:renee okafor")["total"] == 1
    assert _stories(client, since="2026-10-07")["total"] == 1  # only the accord is reported after the 6th
    assert _stories(client, until="2026-10-03")["total"] == 1  # only the ferry was reported by the 3rd


def test_story_report_and_parts(client: Any) -> None:
    story_id = _story_with(client, "a-harbourtimes-ferry")["id"]
    report = client.get(f"/stories/{story_id}.json").json()
    for key in ("facts", "counts", "provenance", "framing", "timeline", "places", "articles"):
        assert key in report
    assert len(report["timeline"]) == 5
    facts = client.get(f"/stories/{story_id}/facts.json").json()
    assert (
        facts["id"] == story_id and facts["facts"] == report["facts"] and facts["counts"] == report["counts"]
    )
    assert client.get(f"/stories/{story_id}/framing", headers=JSON).json()["framing"] == report["framing"]
    page = client.get(f"/stories/{story_id}/timeline", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].endswith(f"/stories/{story_id}#timeline")


def test_merged_story_id_redirects(client: Any, served_db: Database) -> None:
    story_id = _story_with(client, "c-mwpr-shooting")["id"]
    with served_db.engine.begin() as conn:
        record_event(conn, "merge", story_id, "st-absorbed-old", 1)
    response = client.get("/stories/st-absorbed-old.json", follow_redirects=False)
    assert response.status_code == 301 and response.headers["location"] == f"/stories/{story_id}.json"
    assert client.get("/stories/st-absorbed-old.json").json()["id"] == story_id


def test_article_with_layers_and_story(client: Any) -> None:
    spanish = client.get("/articles/a-elreloncavi-ferry.json").json()
    assert spanish["language"] == "es" and spanish["story"]["id"] and spanish["reading"]["layers"]["places"]
    article = client.get("/articles/a-harbourtimes-ferry.json").json()
    assert article["story"]["id"] == spanish["story"]["id"] and article["reading"]["has_embedding"]
    layers = article["reading"]["layers"]
    assert layers["places"] and layers["entities"] and layers["quantities"] and layers["dates"]
    odd_id = client.get(article_url("guid:costapost/2026/fire?id=2"), headers=JSON)
    assert odd_id.status_code == 200 and odd_id.json()["source"] == "Costa Post"
    assert client.get(article_url("guid:costapost/2026/fire?id=2", ".json")).json()["title"]
    listed = client.get("/articles.json", params={"q": "Wollaston", "per_page": 2}).json()
    assert listed["total"] >= 3 and len(listed["items"]) == 2 and listed["next"]


def test_entities_and_places(client: Any) -> None:
    entities = client.get("/entities.json", params={"kind": "person", "per_page": 200}).json()
    okafor = next(e for e in entities["items"] if e["key"] == "person:renee okafor")
    assert okafor["articles"] == 5
    page = client.get("/entities/person:renee okafor.json").json()
    assert page["name"] == "Renée Okafor" and page["stories"]["total"] == 1
    places = client.get("/places.json", params={"q": "puerto montt"}).json()["items"]
    assert places and places[0]["place_id"] == "geonames:3874960"
    place = client.get("/places/geonames:3874960.json").json()
    assert place["kind"] == "city" and place["stories"]["total"] >= 1


def test_same_path_serves_html_and_json(client: Any) -> None:
    html = client.get("/stories", headers={"accept": "text/html,application/xhtml+xml,*/*"})
    assert html.headers["content-type"].startswith("text/html") and '<ol class="stories">' in html.text
    assert "script-src 'self'" in html.headers["content-security-policy"]
    as_json = client.get("/stories", headers=JSON)
    assert as_json.headers["content-type"].startswith("application/json") and as_json.json()["total"] == 4
    assert client.get("/", headers=JSON).json()["docs"] == "/docs"
    assert client.get("/", follow_redirects=False).headers["location"] == "/stories"


def test_docs_and_openapi_are_offline(client: Any) -> None:
    docs = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    schema = client.get("/openapi.json").json()
    assert {"/stories", "/stories/{story_id}", "/articles/{article_id}", "/ingest"} <= set(schema["paths"])
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    world = client.get("/static/world.svg")
    assert world.status_code == 200 and len(world.content) < 300_000 and b'id="land"' in world.content
