"""Articles: the list (newest first, or best match for a search) and one article with its reading
layers — on the page, its text with entities, places, dates, quantities and attributions marked."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import Response

from newsparallax.serve.context import context
from newsparallax.serve.errors import ERROR_RESPONSES, NotFound
from newsparallax.serve.highlight import highlight
from newsparallax.serve.pagination import Paging, envelope, paging
from newsparallax.store.articles import get_article, get_reading, list_articles
from newsparallax.store.browse import story_of_article

router = APIRouter(tags=["articles"], responses=ERROR_RESPONSES)


@router.get("/articles", summary="Articles, newest first or best match first")
def articles_page(
    request: Request,
    page: Annotated[Paging, Depends(paging)],
    q: Annotated[str | None, Query(description="Full-text search.")] = None,
) -> Response:
    ctx = context(request)
    found = list_articles(ctx.database, search=q or None, limit=page.per_page, offset=page.offset)
    body = envelope(request, found.rows, found.total, page)
    return ctx.renderer.respond(request, "articles.html", body, context={"q": q or ""})


@router.get("/articles/{article_id:path}", summary="One article with its reading layers")
def article_page(request: Request, article_id: str) -> Response:
    """By any id it was given at ingest (aliases of duplicates too).  ``reading`` is null when the
    article has not been read yet; ``story`` is null when it has no story yet."""
    ctx = context(request)
    article = get_article(ctx.database, article_id)
    if article is None:
        raise NotFound(f"No article {article_id!r}. List them at /articles.")
    reading = get_reading(ctx.database, article["id"])
    body = {
        **article,
        "requested_id": article_id,
        "reading": reading,
        "story": story_of_article(ctx.database, article["id"]),
    }
    layers = reading["layers"] if reading else None
    page_context = {"marked": highlight(article["text"], layers), "layers": layer_tables(layers)}
    return ctx.renderer.respond(request, "article.html", body, context=page_context)


def layer_tables(layers: dict[str, Any] | None) -> dict[str, list[dict[str, Any]]]:
    """The layers grouped for the tables under the text: one row per entity and per place."""
    if not layers:
        return {}
    entities: dict[str, dict[str, Any]] = {}
    for mention in layers.get("entities") or []:
        entry = entities.setdefault(
            mention.get("key") or mention["text"], {**mention, "forms": [], "count": 0}
        )
        entry["count"] += 1
        entry["forms"] += [mention["text"]] if mention["text"] not in entry["forms"] else []
    places: dict[str, dict[str, Any]] = {}
    names: dict[str, list[str]] = defaultdict(list)
    for place in layers.get("places") or []:
        places.setdefault(place["place_id"], place)
        names[place["place_id"]] += [place["text"]] if place["text"] not in names[place["place_id"]] else []
    return {
        "entities": sorted(entities.values(), key=lambda e: (-e["count"], str(e.get("name")))),
        "places": [{**p, "forms": names[i]} for i, p in places.items()],
        "dates": list(layers.get("dates") or []),
        "quantities": list(layers.get("quantities") or []),
        "attributions": list(layers.get("attributions") or []),
    }
