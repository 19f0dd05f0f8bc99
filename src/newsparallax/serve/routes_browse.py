"""Entities and places: lists (most reported first) and one page each listing its stories."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import Response

from newsparallax.serve.context import context
from newsparallax.serve.errors import ERROR_RESPONSES, NotFound
from newsparallax.serve.pagination import Paging, envelope, paging
from newsparallax.serve.routes_stories import story_items
from newsparallax.store.browse import (
    StoryFilters,
    find_stories,
    get_entity,
    get_place,
    list_entities,
    list_places,
)

router = APIRouter(responses=ERROR_RESPONSES)

Words = Annotated[str | None, Query(description="Words in the name.")]


@router.get("/entities", summary="Entities, most reported first", tags=["entities"])
def entities_page(
    request: Request,
    page: Annotated[Paging, Depends(paging)],
    q: Words = None,
    kind: Annotated[str | None, Query(description="person, org, ...")] = None,
) -> Response:
    ctx = context(request)
    rows, total = list_entities(
        ctx.database, q=q or None, kind=kind or None, limit=page.per_page, offset=page.offset
    )
    body = envelope(request, rows, total, page)
    return ctx.renderer.respond(request, "entities.html", body, context={"q": q or "", "kind": kind or ""})


@router.get("/entities/{key:path}", summary="One entity and its stories", tags=["entities"])
def entity_page(request: Request, key: str, page: Annotated[Paging, Depends(paging)]) -> Response:
    ctx = context(request)
    entity = get_entity(ctx.database, key)
    if entity is None:
        raise NotFound(f"No entity {key!r}. List them at /entities.")
    rows, total = find_stories(
        ctx.database, StoryFilters(entity=key), limit=page.per_page, offset=page.offset
    )
    body = {**entity, "stories": envelope(request, story_items(ctx.database, rows), total, page)}
    return ctx.renderer.respond(request, "entity.html", body)


@router.get("/places", summary="Places, most reported first", tags=["places"])
def places_page(
    request: Request,
    page: Annotated[Paging, Depends(paging)],
    q: Words = None,
    kind: Annotated[str | None, Query(description="country, admin1, city, airport")] = None,
) -> Response:
    ctx = context(request)
    rows, total = list_places(
        ctx.database, q=q or None, kind=kind or None, limit=page.per_page, offset=page.offset
    )
    body = envelope(request, rows, total, page)
    return ctx.renderer.respond(request, "places.html", body, context={"q": q or "", "kind": kind or ""})


@router.get("/places/{place_id:path}", summary="One place and its stories", tags=["places"])
def place_page(request: Request, place_id: str, page: Annotated[Paging, Depends(paging)]) -> Response:
    ctx = context(request)
    place = get_place(ctx.database, place_id)
    if place is None:
        raise NotFound(f"No place {place_id!r}. List them at /places.")
    rows, total = find_stories(
        ctx.database, StoryFilters(place=place_id), limit=page.per_page, offset=page.offset
    )
    body = {**place, "stories": envelope(request, story_items(ctx.database, rows), total, page)}
    return ctx.renderer.respond(request, "place.html", body)
