"""Outlet: where the reader found no outlet name, take the site from the article's URL.

Archive wrappers are seen through (``web.archive.org/web/2017.../https://www.example.com/...``
→ ``example.com``), and a leading ``www.``/``m.``/``amp.`` is dropped.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsparallax.model import Article
from newsparallax.pipeline import stage

_ARCHIVE = re.compile(r"^https?://(?:web\.)?archive\.org/web/[^/]+/(.+)$", re.IGNORECASE)
_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile)\.", re.IGNORECASE)


@stage("outlet", needs=("url", "source"), adds=("outlet",))
def outlet(article: Article) -> Article:
    if not article.source and article.url:
        article.source = site_of(article.url)
    return article


def site_of(url: str) -> str | None:
    """The site name of ``url``: its host without ``www.``, seen through web.archive.org links."""
    wrapped = _ARCHIVE.match(url.strip())
    if wrapped:
        inner = wrapped.group(1)
        url = inner if "://" in inner else "http://" + inner
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return _PREFIX.sub("", host.lower().rstrip("."))
