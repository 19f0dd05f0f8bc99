"""The pieces behind the pages, without a store: highlighting escapes everything, the drawings'
layouts, the response cache, content negotiation."""

from __future__ import annotations

from typing import Any

from newsparallax.serve.cache import ResponseCache
from newsparallax.serve.charts import provenance_graph, timeline, world_map
from newsparallax.serve.highlight import highlight
from newsparallax.serve.render import accepts_json, article_url, http_url, num

TEXT = 'Tom <b>Ray</b> said "<script>x()</script>" in Paris on Monday: 35 tonnes.'


def _span(text: str, part: str, **extra: Any) -> dict[str, Any]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part, **extra}


def test_highlight_escapes_text_and_attributes() -> None:
    layers = {
        "sentences": [[0, len(TEXT)]],
        "entities": [_span(TEXT, "Tom <b>Ray</b>", label="PERSON", name='Tom "Ray"', key="person:tom ray")],
        "places": [
            _span(TEXT, "Paris", place_id="geonames:2988507", name="Paris", kind="city", lat=48.85, lon=2.35)
        ],
        "dates": [_span(TEXT, "Monday", value="2026-10-05", granularity="day", relative=True)],
        "quantities": [_span(TEXT, "35 tonnes", value=35.0, unit="t", category="weight")],
        "attributions": [
            {"sentence": 0, "source": "<img onerror=x>", "verb": "said", "kind": "person", "via": []}
        ],
    }
    html = str(highlight(TEXT, layers))
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "Tom &lt;b&gt;Ray&lt;/b&gt;" in html
    assert 'title="Tom &#34;Ray&#34; (person)"' in html and 'href="/entities/person:tom%20ray"' in html
    assert 'href="/places/geonames:2988507"' in html and 'class="mark date"' in html
    assert 'class="mark quantity" title="35 t · weight"' in html
    assert 'class="sentence attributed" title="Attributed to &lt;img onerror=x&gt; (said)"' in html


def test_highlight_without_layers_and_with_overlaps() -> None:
    assert str(highlight("<i>x</i>", None)) == "&lt;i&gt;x&lt;/i&gt;"
    text = "Santiago de Chile"
    layers = {
        "sentences": [[0, len(text)]],
        "entities": [_span(text, "Santiago de Chile", label="GPE", key="place:santiago")],
        "places": [
            _span(text, "Santiago de Chile", place_id="geonames:3871336", name="Santiago", kind="city"),
            _span(text, "Chile", place_id="country:CL", name="Chile", kind="country"),
        ],
    }
    html = str(highlight(text, layers))
    assert html.count("<a ") == 1 and "geonames:3871336" in html  # the place wins over the entity


def test_timeline_lanes_ticks_and_undated() -> None:
    reports = [
        {"article": "a", "outlet": "One", "published": "2026-10-03T10:00:00Z", "title": "t"},
        {"article": "b", "outlet": "Two", "published": "2026-10-05", "title": "t"},
        {"article": "c", "outlet": None, "published": None, "title": "t"},
        {"article": "d", "outlet": "One", "published": "2026-10-04T10:00:00+02:00", "title": "t"},
    ]
    layout = timeline(reports)
    assert [lane["outlet"] for lane in layout["lanes"]] == ["One", "Two"]
    xs = [p["x"] for p in layout["points"]]
    assert xs == sorted(xs) and len(xs) == 3 and [p["article"] for p in layout["points"]] == ["a", "d", "b"]
    assert [t["label"] for t in layout["ticks"]] == ["04 Oct", "05 Oct"]
    assert [r["article"] for r in layout["undated"]] == ["c"]
    assert timeline([])["points"] == []


def test_world_map_frames_the_places() -> None:
    assert world_map([{"name": "Nowhere", "lat": None, "lon": None}]) is None
    places = [
        {
            "place_id": "geonames:3646738",
            "name": "Caracas",
            "kind": "city",
            "lat": 10.49,
            "lon": -66.88,
            "count": 2,
        },
        {
            "place_id": "country:VE",
            "name": "Venezuela",
            "kind": "country",
            "lat": 10.49,
            "lon": -66.9,
            "n": 1,
        },
    ]
    drawn = world_map(places)
    assert drawn is not None
    left, top, width, height = (float(v) for v in drawn["viewbox"].split())
    caracas = drawn["points"][0]
    assert (caracas["x"], caracas["y"]) == (113.12, 79.51)
    assert left < caracas["x"] < left + width and top < caracas["y"] < top + height
    assert abs(width / height - 2) < 1e-6 and left >= 0 and left + width <= 360
    assert [p["label"] for p in drawn["points"]] == ["Caracas · Venezuela", ""]


def test_provenance_graph_edges() -> None:
    provenance = {
        "citations": [{"source": "Sputnik", "via": [], "cited_by": [{"article": "a", "outlet": "Herald"}]}],
        "origins": [{"article": "w", "outlet": "Wire Times", "copies": ["c"]}],
    }
    graph = provenance_graph(
        provenance, [{"id": "c", "outlet": "Copy Post"}, {"id": "a", "outlet": "Herald"}]
    )
    titles = sorted(e["title"] for e in graph["edges"])
    assert titles == ["Copy Post ran Wire Times's text", "Herald cites Sputnik"]
    assert {n["label"] for n in graph["left"]} == {"Sputnik", "Wire Times (original)"}


def test_response_cache_follows_the_store_revision() -> None:
    revision = [1]
    cache = ResponseCache(lambda: revision[0], size=2, ttl_s=0)
    cache.current()
    cache.put(("a",), object())  # type: ignore[arg-type]
    cache.put(("b",), object())  # type: ignore[arg-type]
    cache.put(("c",), object())  # type: ignore[arg-type]
    assert cache.get(("a",)) is None and cache.get(("c",)) is not None  # least recently used went first
    revision[0] = 2
    cache.current()
    assert cache.get(("c",)) is None


def test_negotiation_and_helpers() -> None:
    assert accepts_json("application/json") and not accepts_json("text/html,application/json;q=0.9")
    assert not accepts_json("*/*") and not accepts_json("")
    assert article_url("guid:a/b?c#d") == "/articles/guid:a/b%3Fc%23d"
    assert http_url("javascript:alert(1)") == "" and http_url(" https://x.org/a ") == "https://x.org/a"
    assert (num(3), num(2.5), num(1234.0), num(None), num("tone")) == ("3", "2.50", "1,234", "", "tone")
