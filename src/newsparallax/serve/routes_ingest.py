"""``POST /ingest``: articles as JSON objects, or a URL, into the store, with the rules of
``parallax ingest`` — each object read like a line of a ``.jsonl`` file (``id`` and ``text``
required), a URL fetched with the same limits and refused when it points at a private address
(unless the server was started with ``--allow-private``).  The answer is the ingest report."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Body
from pydantic import BaseModel, Field
from starlette.requests import Request
from starlette.responses import Response

from newsparallax.ingest.base import ReadResult, Source
from newsparallax.ingest.sources import is_url, read_source
from newsparallax.serve.context import Context, context
from newsparallax.serve.errors import ERROR_RESPONSES, BadRequest, PayloadTooLarge
from newsparallax.serve.render import JsonResponse
from newsparallax.store.db import describe

log = logging.getLogger(__name__)
router = APIRouter(tags=["ingest"], responses=ERROR_RESPONSES)

MAX_ARTICLES = 5000


class IngestRequest(BaseModel):
    articles: list[dict[str, Any]] = Field(
        default_factory=list,
        description="Objects as in a .jsonl input: id and text required; title, url, source, "
        "published, lang optional.",
    )
    url: str | None = Field(default=None, description="A page or feed URL to fetch and ingest.")
    read: bool = Field(default=True, description="Read the articles and assign stories (like the CLI).")


@router.post("/ingest", summary="Ingest articles or a URL")
def ingest(request: Request, body: Annotated[IngestRequest, Body()]) -> Response:
    """Returns the report (counts and every rejection with its reason), as ``parallax ingest
    --format json`` prints it.  A rejected item does not stop the others."""
    ctx = context(request)
    _check(request, ctx, body)
    inputs = ["<request>"] * bool(body.articles) + ([body.url] if body.url else [])
    with ctx.ingest_lock:
        job = ctx.ingest_job(body.read)
        report = job.run_items(_items(ctx, body), inputs)
    ctx.changed()
    log.info("ingest through the API: %s", report.counts())
    from newsparallax.cli.ingest_cmd import report_dict

    return JsonResponse(report_dict(report, describe(ctx.database.url)))


def _check(request: Request, ctx: Context, body: IngestRequest) -> None:
    if not body.articles and not body.url:
        raise BadRequest("Nothing to ingest: send 'articles' (a list of objects with id and text) or 'url'.")
    if body.url and not is_url(body.url):
        raise BadRequest(f"Not an http(s) URL: {body.url!r}.")
    if len(body.articles) > MAX_ARTICLES:
        raise PayloadTooLarge(
            f"{len(body.articles):,} articles in one request; send at most {MAX_ARTICLES:,}."
        )
    length = int(request.headers.get("content-length") or 0)
    limit = ctx.config.ingest.max_document_bytes * 10
    if length > limit:
        raise PayloadTooLarge(
            f"The request is {length:,} bytes; the limit is {limit:,}. Send fewer articles."
        )


def _items(ctx: Context, body: IngestRequest) -> Iterator[ReadResult]:
    settings = ctx.config.ingest
    if body.articles:
        data = "\n".join(json.dumps(a, ensure_ascii=False) for a in body.articles).encode("utf-8") + b"\n"
        yield from read_source(Source.from_bytes("<request>", data), settings, kind="jsonl")
    if body.url:
        from newsparallax.ingest.web import read_url

        yield from read_url(body.url, settings)
