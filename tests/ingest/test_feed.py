"""RSS/Atom feeds, including entries whose linked pages cannot be fetched.  All feeds are invented."""

from __future__ import annotations

import httpx

from newsparallax.ingest.base import IngestSettings, Source, derived_id
from newsparallax.ingest.feed import MIN_BODY_CHARS, looks_like_feed, read_feed
from newsparallax.model import Article, Rejection

LONG_BODY = " ".join(["The harbour authority approved the new ferry timetable on Monday."] * 8)

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Harbour Times</title><link>https://harbour.example/</link>
<item>
  <title>Ferry &amp; port deal</title>
  <link>https://harbour.example/ferry</link>
  <guid isPermaLink="false">ht-1</guid>
  <pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate>
  <dc:creator>Ann Lee</dc:creator>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>{LONG_BODY}</p>
    <p>Second <script>alert("pwn")</script>paragraph.</p>]]></content:encoded>
</item>
<item>
  <title>Storm warning</title>
  <link>https://down.example/storm</link>
  <guid>ht-2</guid>
  <description>&lt;p&gt;A storm is expected on the coast tonight.&lt;/p&gt;</description>
</item>
<item>
  <title>Headline only</title>
  <link>https://down.example/headline</link>
  <guid>ht-3</guid>
</item>
</channel></rss>
""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Valley Wire</title><id>tag:valley.example,2024:feed</id>
<entry>
  <title type="html">A &lt;b&gt;bold&lt;/b&gt; plan</title>
  <id>tag:valley.example,2024:1</id>
  <link href="https://valley.example/plan"/>
  <updated>2024-03-06</updated>
  <author><name>Bo Chan</name></author><author><name>Di Ng</name></author>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
    <p>Atom body one.</p><p>Atom body two.</p>
  </div></content>
</entry>
</feed>
"""

NO_FETCH = IngestSettings(fetch_feed_links=False)


def read(data: bytes, settings: IngestSettings = NO_FETCH) -> list[Article | Rejection]:
    return list(read_feed(Source.from_bytes("feeds/harbour.xml", data), settings))


def failing_transport(calls: list[str]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        raise httpx.ConnectError("connection refused", request=request)

    return httpx.MockTransport(handler)


def page_transport(calls: list[str]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        body = "".join(
            f"<p>Paragraph {i} of the full story, fetched from the page itself.</p>" for i in range(12)
        )
        html = f"<html><head><title>Full page</title></head><body><article>{body}</article></body></html>"
        return httpx.Response(200, html=html)

    return httpx.MockTransport(handler)


def test_rss_entry_fields() -> None:
    first = read(RSS)[0]
    assert isinstance(first, Article)
    assert first.title == "Ferry & port deal"
    assert first.url == "https://harbour.example/ferry"
    assert first.source == "Harbour Times"
    assert first.published == "2024-03-05T09:00:00Z"
    assert first.authors == ["Ann Lee"]
    assert first.id == derived_id("feeds/harbour.xml", "ht-1")
    assert first.origin.line == 1 and first.origin.format == "feed"
    assert first.text.startswith("The harbour authority approved")
    assert first.text.endswith("\n\nSecond paragraph.")
    assert "alert" not in first.text and "pwn" not in first.text


def test_summary_is_the_fallback_text_and_headline_only_without_fetching() -> None:
    _, storm, headline = read(RSS)
    assert isinstance(storm, Article) and storm.text == "A storm is expected on the coast tonight."
    assert isinstance(headline, Article) and headline.headline_only
    assert headline.notes


def test_atom_entry_fields() -> None:
    (entry,) = read(ATOM)
    assert isinstance(entry, Article)
    assert entry.title == "A bold plan"
    assert entry.text == "Atom body one.\n\nAtom body two."
    assert entry.published == "2024-03-06"
    assert entry.authors == ["Bo Chan", "Di Ng"]
    assert entry.source == "Valley Wire"
    assert entry.url == "https://valley.example/plan"


def test_unreachable_links_keep_summaries_and_reject_empty_entries() -> None:
    calls: list[str] = []
    settings = IngestSettings(transport=failing_transport(calls))
    good, storm, headline = read(RSS, settings)
    assert isinstance(good, Article) and len(good.text) >= MIN_BODY_CHARS and not good.notes
    assert isinstance(storm, Article) and storm.text == "A storm is expected on the coast tonight."
    assert len(storm.notes) == 1 and "could not be fetched" in storm.notes[0]
    assert "connection refused" in storm.notes[0]
    assert isinstance(headline, Rejection)
    assert headline.line == 3
    assert "https://down.example/headline" in headline.reason and "connection refused" in headline.reason
    assert calls == ["https://down.example/storm", "https://down.example/headline"]


def test_short_entries_take_the_linked_page_text() -> None:
    calls: list[str] = []
    _, storm, headline = read(RSS, IngestSettings(transport=page_transport(calls)))
    for article in (storm, headline):
        assert isinstance(article, Article)
        assert article.text.startswith("Paragraph 0 of the full story")
        assert not article.notes
    assert len(calls) == 2


def test_feed_links_to_private_addresses_are_not_fetched() -> None:
    feed = b"""<rss version="2.0"><channel><title>T</title>
    <item><title>Inside</title><link>http://10.0.0.5/admin</link><description>Tiny.</description></item>
    </channel></rss>"""
    (entry,) = read(feed, IngestSettings(transport=page_transport([])))
    assert isinstance(entry, Article) and entry.text == "Tiny."
    assert "--allow-private" in entry.notes[0]


def test_malformed_feed_is_one_rejection() -> None:
    (rejection,) = read(b"<rss><channel><title>Broken</title><item><title>A</titl")
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("not a valid RSS/Atom feed: ")


def test_html_page_is_not_a_feed() -> None:
    (rejection,) = read(b"<html><body><p>Just a page.</p></body></html>")
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "not a valid RSS/Atom feed: no <rss>, <feed> or <rdf:RDF> element found"


def test_feed_without_entries_gives_nothing() -> None:
    assert read(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>') == []


def test_looks_like_feed() -> None:
    assert looks_like_feed(RSS[:200])
    assert looks_like_feed(ATOM[:200])
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">')
    assert not looks_like_feed(b"<!doctype html><html><body><feed>")
    assert not looks_like_feed(b'{"id": 1}')
