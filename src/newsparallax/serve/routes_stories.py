"""Stories: the list (search, filters, counts of sources and conflicts) and one story's report —
facts in three bands, timeline, map, provenance and framing."""

from __future__ import annotations

import logging
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from newsparallax.serve import charts
from newsparallax.serve.context import Context, context
from newsparallax.serve.errors import ERROR_RESPONSES, InvalidRequest, NotFound
from newsparallax.serve.pagination import Paging, envelope, paging
from newsparallax.serve.render import story_url, wants_json
from newsparallax.store.browse import StoryFilters, find_stories, places_of_articles
from newsparallax.store.db import Database

log = logging.getLogger(__name__)
router = APIRouter(tags=["stories"], responses=ERROR_RESPONSES)

Part = Literal["facts", "provenance", "framing", "timeline", "articles"]
BANDS = (
    ("conflicts", "Conflicts", ("conflict",)),
    ("agreed", "Agreed", ("agreed", "compatible")),
    ("single", "Single source", ("single_source",)),
)


def story_filters(
    q: Annotated[
        str | None, Query(description="Words in the title or in any of the story's articles.")
    ] = None,
    since: Annotated[str | None, Query(description="Reported on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[
        str | None, Query(description="First reported on or before this day (YYYY-MM-DD).")
    ] = None,
    place: Annotated[str | None, Query(description="A place id, e.g. geonames:3646738.")] = None,
    entity: Annotated[str | None, Query(description="An entity key (see /entities).")] = None,
    outlet: Annotated[str | None, Query(description="An outlet, as in the articles' source.")] = None,
    language: Annotated[str | None, Query(description="A language code, e.g. en.")] = None,
) -> StoryFilters:
    return StoryFilters(
        q=q or None,
        since=_day("since", since),
        until=_day("until", until),
        place=place or None,
        entity=entity or None,
        outlet=outlet or None,
        language=language or None,
    )


def _day(name: str, value: str | None) -> str | None:
    """A YYYY-MM-DD parameter; empty means none (an HTML form sends empty fields)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        detail = {"field": name, "location": "query", "message": "Input should be a date as YYYY-MM-DD"}
        raise InvalidRequest(f"Invalid request: check {name} (a date as YYYY-MM-DD).", [detail]) from None


@router.get("/stories", summary="Stories, most recently reported first")
def stories_page(
    request: Request,
    filters: Annotated[StoryFilters, Depends(story_filters)],
    page: Annotated[Paging, Depends(paging)],
) -> Response:
    """Paginated; each story with its counts of articles, outlets (sources) and conflicting facts."""
    ctx = context(request)
    rows, total = find_stories(ctx.database, filters, limit=page.per_page, offset=page.offset)
    body = envelope(request, story_items(ctx.database, rows), total, page)
    menus = {} if wants_json(request) else ctx.menus()
    return ctx.renderer.respond(request, "stories.html", body, context={"filters": filters, "menus": menus})


def story_items(database: Database, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Story rows as list items, with ``sources`` (independent origins: wire copies of one text count
    once) and ``conflicts`` (facts the sources disagree on)."""
    conflicts = _conflict_counts(database, [r["id"] for r in rows])
    return [
        {
            "id": r["id"],
            "title": r["title"],
            "event_date": r["event_date"],
            "first_seen": r["first_seen"],
            "last_seen": r["last_seen"],
            "articles": r["articles"],
            "sources": r["origins"],
            "origins": r["origins"],
            "wire_copies": r["wire_copies"],
            "conflicts": conflicts.get(r["id"]),
            "outlets": r["outlets"],
            "languages": r["languages"],
            "places": [{"place_id": p["place_id"], "name": p["name"]} for p in r["places"] or []],
            "entities": [{"key": e["key"], "name": e["name"]} for e in r["entities"] or []],
        }
        for r in rows
    ]


def _conflict_counts(database: Database, ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    from newsparallax.facts.report import conflict_counts

    return conflict_counts(database, ids)


@router.get("/stories/{story_id}", summary="One story: facts, provenance, framing, timeline")
def story_page(request: Request, story_id: str) -> Response:
    """The story's whole report.  An old id of a merged story redirects to the current one."""
    ctx = context(request)
    report = _report(ctx, story_id)
    if report["id"] != story_id:
        return _redirect(request, story_url(report["id"]))
    places = places_of_articles(ctx.database, [a["stored_id"] for a in report.get("articles") or []])
    return ctx.renderer.respond(request, "story.html", report, context=story_context(report, places))


@router.get("/stories/{story_id}/{part}", summary="One part of a story's report")
def story_part(request: Request, story_id: str, part: Part) -> Response:
    """``facts`` (with counts), ``provenance``, ``framing``, ``timeline`` or ``articles``; a browser
    is sent to that section of the story page."""
    ctx = context(request)
    report = _report(ctx, story_id)
    if not wants_json(request):
        return RedirectResponse(f"{story_url(report['id'])}#{part}", status_code=303)
    if report["id"] != story_id:
        return _redirect(request, story_url(report["id"], f"/{part}"))
    body: dict[str, Any] = {"id": report["id"], part: report.get(part)}
    if part == "facts":
        body["counts"] = report.get("counts")
    return ctx.renderer.respond(request, "story.html", body)


def _report(ctx: Context, story_id: str) -> dict[str, Any]:
    from newsparallax.facts.report import story_report

    report = story_report(ctx.database, story_id)
    if report is None:
        raise NotFound(f"No story {story_id!r}. List them at /stories.")
    return report


def _redirect(request: Request, target: str) -> Response:
    suffix = ".json" if wants_json(request) else ""
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(target + suffix + query, status_code=301)


def story_context(report: dict[str, Any], places: list[dict[str, Any]]) -> dict[str, Any]:
    """What the story page draws: the report's facts in bands, its timeline and provenance, and
    ``places`` (all the places its articles mention) on the map."""
    return {
        "places": places or report.get("places") or [],
        "bands": bands(report.get("facts") or []),
        "timeline": charts.timeline(report.get("timeline") or []),
        "map": charts.world_map(places or report.get("places") or []),
        "graph": charts.provenance_graph(report.get("provenance") or {}, report.get("articles") or []),
        "outlet_of": {a["id"]: a.get("outlet") for a in report.get("articles") or []},
    }


def bands(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Facts in three bands: conflicts; agreed (compatible ones too, marked); single source — then,
    folded, what is merely named (people, places, sources, dated events) and by how many sources."""
    claims = [f for f in facts if f.get("kind") != "mention"]
    out = []
    for key, title, statuses in BANDS:
        chosen = [f for f in claims if f.get("status") in statuses]  # in the report's order
        out.append({"key": key, "title": title, "facts": [_fact_view(f) for f in chosen]})
    named = [_fact_view(f) for f in facts if f.get("kind") == "mention"]
    out.append({"key": "named", "title": "Also named (people, places, sources, other days)", "facts": named})
    return out


def _fact_view(fact: dict[str, Any]) -> dict[str, Any]:
    values = []
    for value in fact.get("values") or []:
        mentions = value.get("mentions") or []
        outlets = list(dict.fromkeys(str(m.get("outlet") or m.get("article")) for m in mentions))
        values.append({**value, "outlets": outlets, "mentions": mentions})
    return {**fact, "values": values}
