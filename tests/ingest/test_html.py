"""HTML pages: normal, hostile, empty and legacy-encoded pages, all invented for these tests."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsparallax.ingest.base import IngestSettings, Source, derived_id
from newsparallax.ingest.html import extract_html, html_to_text, read_html
from newsparallax.model import Article, Rejection

SETTINGS = IngestSettings()

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Bridge reopens - The Riverside Courier</title>
<link rel="canonical" href="https://courier.example/news/bridge-reopens">
<meta name="author" content="Mara Quill; Tobias Fenn">
<meta property="og:site_name" content="The Riverside Courier">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Bridge reopens after repairs</h1>
<p>The old stone bridge over the river reopened on Tuesday after eight months of repairs,
the town council said.</p>
<p>Engineers replaced two arches and <b>strengthened</b> the foundations.<br>Traffic will be
limited to light vehicles until the summer.</p>
<ul><li>Cost: 2 million</li><li>Duration: eight months</li></ul>
</article>
<footer>Copyright The Riverside Courier</footer>
</body></html>
"""


def read(
    data: bytes | str, location: str = "pages/bridge.html", **kwargs: object
) -> list[Article | Rejection]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    source = Source.from_bytes(location, raw, **kwargs)  # type: ignore[arg-type]
    return list(read_html(source, SETTINGS))


def only_article(results: list[Article | Rejection]) -> Article:
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def only_rejection(results: list[Article | Rejection]) -> Rejection:
    assert len(results) == 1, results
    assert isinstance(results[0], Rejection), results[0]
    return results[0]


def test_normal_page_gives_text_and_metadata() -> None:
    article = only_article(read(PAGE))
    assert article.title == "Bridge reopens after repairs"
    assert article.text.startswith("The old stone bridge over the river reopened on Tuesday")
    assert "\n\nEngineers replaced two arches and strengthened the foundations.\nTraffic" in article.text
    assert "Cost: 2 million" in article.text
    assert "Bridge reopens after repairs" not in article.text  # the headline is not repeated
    assert article.url == "https://courier.example/news/bridge-reopens"
    assert article.id == derived_id("https://courier.example/news/bridge-reopens")
    assert article.source == "The Riverside Courier"
    assert article.authors == ["Mara Quill", "Tobias Fenn"]
    assert article.published == "2024-03-05T09:00:00Z"
    assert article.origin.location == "pages/bridge.html"
    assert article.origin.format == "html"
    assert not article.id_given


def test_source_url_wins_for_id_and_url() -> None:
    article = only_article(read(PAGE, url="https://courier.example/n/123?utm=x"))
    assert article.id == derived_id("https://courier.example/n/123?utm=x")
    assert article.url == "https://courier.example/n/123?utm=x"


def test_page_without_url_takes_the_file_stem_as_id() -> None:
    html = "<html><body><p>A short note about the weather on the coast today.</p></body></html>"
    article = only_article(read(html, location="dir/weather-note.html"))
    assert article.id == "weather-note"
    assert article.text == "A short note about the weather on the coast today."
    assert article.url is None


def test_read_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    article = only_article(list(read_html(Source.from_path(path), SETTINGS)))
    assert "stone bridge" in article.text


SCRIPTED = """<html><head><title>Scripted</title>
<script>document.write("pwn-head")</script>
<style>p { color: red } /* style-leak */</style></head>
<body onload="alert('pwn-onload')">
<script>alert("pwn")</script>
<p>Residents gathered <script>alert("pwn-inline")</script>in the square on Sunday.</p>
<p>The mayor spoke briefly. <img src="x.png" onerror="alert('pwn-img')"></p>
<noscript>noscript-leak</noscript>
<svg><script>svgPwn()</script></svg>
<iframe srcdoc="&lt;script&gt;framePwn()&lt;/script&gt;"></iframe>
<p><a href="javascript:alert('pwn-link')">Read more</a> about the event.</p>
<!-- comment-leak -->
</body></html>"""


def test_script_laden_page_gives_text_without_script_source() -> None:
    results = read(SCRIPTED)
    assert len(results) == 1
    result = results[0]
    if isinstance(result, Article):
        assert "Residents gathered in the square on Sunday." in result.text
        for leak in ("pwn", "alert", "style-leak", "noscript-leak", "svgPwn", "framePwn", "comment-leak"):
            assert leak not in result.text
            assert leak not in (result.title or "")


def test_plain_fallback_drops_scripts_too() -> None:
    text = html_to_text(SCRIPTED)
    assert "Residents gathered in the square on Sunday." in text
    for leak in ("pwn", "alert", "style-leak", "noscript-leak", "svgPwn", "comment-leak"):
        assert leak not in text


@pytest.mark.timeout(30)
def test_hundred_thousand_nested_divs_is_rejected_or_read_quickly() -> None:
    depth = 100_000
    html = "<html><body>" + "<div>" * depth + "<p>deep text</p>" + "</div>" * depth + "</body></html>"
    started = time.monotonic()
    results = read(html)
    assert time.monotonic() - started < 5
    assert len(results) == 1
    if isinstance(results[0], Article):
        assert "deep text" in results[0].text


@pytest.mark.parametrize("html", ["", "   \n\t  ", "<html><body>   </body></html>", "<!-- only -->"])
def test_empty_page_is_rejected(html: str) -> None:
    rejection = only_rejection(read(html))
    assert rejection.reason == "no article text found in the page"
    assert rejection.location == "pages/bridge.html"


def test_binary_file_is_rejected() -> None:
    rejection = only_rejection(read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
    assert "binary" in rejection.reason


def test_meta_charset_windows_1252() -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body>'
        "<p>Le caf\u00e9 \u201ccr\u00e8me\u201d co\u00fbte 3 \u20ac \u2014 na\u00efve.</p></body></html>"
    )
    article = only_article(read(html.encode("cp1252")))
    assert article.text == "Le caf\u00e9 \u201ccr\u00e8me\u201d co\u00fbte 3 \u20ac \u2014 na\u00efve."


def test_latin1_label_is_read_as_cp1252() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
        "<body><p>\u00c0 bient\u00f4t \u2013 dit le ma\u00eetre.</p></body></html>"
    )
    article = only_article(read(html.encode("cp1252")))
    assert article.text == "\u00c0 bient\u00f4t \u2013 dit le ma\u00eetre."


def test_content_type_charset_is_honoured() -> None:
    html = "<html><body><p>\u0141\u00f3d\u017a and Gda\u0144sk held talks.</p></body></html>"
    article = only_article(read(html.encode("iso-8859-2"), content_type="text/html; charset=ISO-8859-2"))
    assert article.text == "\u0141\u00f3d\u017a and Gda\u0144sk held talks."


def test_page_over_the_size_limit_is_rejected() -> None:
    source = Source.from_bytes("big.html", b"<p>" + b"x" * 5000 + b"</p>")
    results = list(read_html(source, IngestSettings(max_document_bytes=1000)))
    assert len(results) == 1 and isinstance(results[0], Rejection)
    assert "too large" in results[0].reason


def test_extract_html_returns_none_without_text() -> None:
    assert extract_html("<html><head><title>Only a title</title></head><body></body></html>", None) is None


def test_extract_html_with_xml_declaration() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Declared as XML, a page.</p></body></html>'
    page = extract_html(html, "https://www.site.example/a")
    assert page is not None
    assert page["text"] == "Declared as XML, a page."
    assert page["source"] == "site.example"


def test_html_to_text_keeps_paragraphs() -> None:
    assert html_to_text("<p>One &amp; two</p><p>Three<br/>four</p>tail") == "One & two\n\nThree\nfour\n\ntail"
    assert html_to_text("plain   words\n\n\nnext") == "plain words\n\nnext"
