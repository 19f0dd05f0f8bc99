"""The web UI in a real browser (Debian's headless Chromium driven by Playwright) over the examples:
the list, a story with its conflicts, search, an article's highlights, entity and place pages,
and script/event-handler payloads that must show as text and never run.  Screenshots go to
``test-output/serve/``."""

from __future__ import annotations

from typing import Any

import pytest

from tests.serve.conftest import screenshot


@pytest.fixture
def watched(page: Any, live_server: str) -> Any:
    """A page that records dialogs, page errors and any request that leaves the server."""
    page.events = {"dialogs": [], "errors": [], "outside": []}
    page.on("dialog", lambda dialog: (page.events["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.events["errors"].append(str(error)))
    page.on(
        "request",
        lambda r: None if r.url.startswith((live_server, "data:")) else page.events["outside"].append(r.url),
    )
    return page


def _no_payload_ran(page: Any) -> None:
    assert page.evaluate("() => window.__xss") is None
    assert page.events["dialogs"] == [] and page.events["errors"] == [] and page.events["outside"] == []


def test_story_list_and_a_story_with_its_conflicts(watched: Any, live_server: str) -> None:
    page = watched
    page.goto(f"{live_server}/stories")
    rows = page.locator(".story-row")
    assert rows.count() == 4
    assert page.locator(".count.conflicts.has-conflicts").count() >= 2
    screenshot(page, "01-story-list")
    page.locator(".story-row", has_text="ferry").first.locator("a.story-title").click()
    page.wait_for_selector("#band-conflicts")
    conflicts = page.locator("#band-conflicts .fact")
    assert conflicts.count() >= 1
    first = conflicts.first
    assert first.locator(".value").count() >= 2 and first.locator("a.outlet").count() >= 2
    assert page.locator("#band-agreed .fact").count() >= 1 and page.locator("#band-single .fact").count() >= 1
    quote = first.locator("details.quotes").first
    assert not quote.locator("blockquote").first.is_visible()
    quote.locator("summary").click()
    assert quote.locator("blockquote").first.is_visible()
    assert first.locator("a.outlet").first.get_attribute("title").startswith("“")
    assert page.locator("#timeline svg circle.report").count() == 5
    assert page.locator("#map svg .marker").count() >= 1
    assert page.locator("#map svg image").evaluate("img => img.getBBox().width") > 0
    assert page.locator("#framing table.framing tbody tr").count() >= 3
    screenshot(page, "02-ferry-story")
    _no_payload_ran(page)


def test_search_updates_the_list(watched: Any, live_server: str) -> None:
    page = watched
    page.goto(f"{live_server}/stories")
    page.fill("input[name=q]", "Wollaston")
    page.wait_for_function("() => document.querySelectorAll('.story-row').length === 1")
    assert "q=Wollaston" in page.url  # htmx pushed the search into the address bar
    assert "festival" in page.locator(".story-row").inner_text().lower()
    screenshot(page, "03-search")
    page.goto(f"{live_server}/stories?q=Wollaston")  # the same URL works without JavaScript's help
    assert page.locator(".story-row").count() == 1
    page.goto(f"{live_server}/stories?per_page=3")
    page.locator("a[rel=next]").click()
    page.wait_for_function("() => document.querySelectorAll('.story-row').length === 1")
    assert "page=2" in page.url and "page 2 of 2" in page.locator(".pager").inner_text()
    _no_payload_ran(page)


def test_article_highlights_and_entity_and_place_pages(watched: Any, live_server: str) -> None:
    page = watched
    page.goto(f"{live_server}/articles/a-harbourtimes-ferry")
    text = page.locator("#text")
    for kind in ("place", "entity", "date", "quantity"):
        assert text.locator(f".mark.{kind}").count() >= 1, kind
    assert text.locator(".sentence.attributed").count() >= 1
    screenshot(page, "04-article")
    text.locator("a.mark.place", has_text="Puerto Montt").first.click()
    page.wait_for_selector("h1:has-text('Puerto Montt')")
    assert page.locator(".story-row").count() >= 1
    page.goto(f"{live_server}/entities?kind=person")
    page.locator("a", has_text="Renée Okafor").first.click()
    page.wait_for_selector("h1:has-text('Renée Okafor')")
    assert page.locator(".story-row").count() == 1
    _no_payload_ran(page)


def test_payloads_in_titles_outlets_and_text_render_as_text(watched: Any, live_server: str) -> None:
    page = watched
    page.goto(f"{live_server}/stories")
    row = page.locator(".story-row", has_text="Bakery fire")
    assert "<script>" in row.locator("a.story-title").inner_text()
    row.locator("a.story-title").hover()
    row.locator("a.story-title").click()
    page.wait_for_selector(".story")
    assert "<script>" in page.locator("h1").inner_text()
    screenshot(page, "05-payload-story")
    page.goto(f"{live_server}/articles/xss-bakery-1")
    assert "<script>" in page.locator("h1").inner_text()
    assert "<b onmouseover" in page.locator(".meta .outlet").inner_text()
    body = page.locator("#text").inner_text()
    assert "<script>window.__xss='text'</script>" in body and "<svg onload" in body
    assert page.locator("img[src=x], #text svg, #text script, a[href^=javascript]").count() == 0
    assert page.locator("a.source-url").count() == 0  # its url is javascript:, so no link
    page.locator("#text").hover()
    screenshot(page, "06-payload-article")
    page.goto(f"{live_server}/stories?outlet=" + "<b onmouseover=\"window.__xss='outlet'\">Harbour Crier</b>")
    assert page.locator(".story-row").count() == 1
    _no_payload_ran(page)
