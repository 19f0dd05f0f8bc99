"""Paginated lists: ``?page=N&per_page=K`` in, one envelope out.

Every list the API returns has the same shape::

    {"items": [...], "total": 1234, "page": 2, "per_page": 50, "pages": 25,
     "next": "/stories.json?page=3&per_page=50", "prev": "/stories.json?page=1&per_page=50"}

``next`` and ``prev`` keep the request's other parameters (filters, search), and the ``.json``
suffix when the request had it, so a client follows them without building URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query
from starlette.requests import Request

from newsparallax.serve.render import wants_json

MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50


@dataclass(frozen=True)
class Paging:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def paging(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")] = 1,
    per_page: Annotated[
        int, Query(ge=1, le=MAX_PER_PAGE, description=f"Items per page (at most {MAX_PER_PAGE}).")
    ] = DEFAULT_PER_PAGE,
) -> Paging:
    """FastAPI dependency: the page asked for."""
    return Paging(page, per_page)


def envelope(request: Request, items: list[Any], total: int, paging: Paging) -> dict[str, Any]:
    pages = max(1, -(-total // paging.per_page))
    return {
        "items": items,
        "total": total,
        "page": paging.page,
        "per_page": paging.per_page,
        "pages": pages,
        "next": page_link(request, paging.page + 1, paging.per_page) if paging.page < pages else None,
        "prev": page_link(request, paging.page - 1, paging.per_page) if paging.page > 1 else None,
    }


def page_link(request: Request, page: int, per_page: int) -> str:
    """This request's URL at another page (other parameters kept; ``.json`` kept for JSON)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("page", "per_page", "token")]
    params += [("page", str(page))] + ([("per_page", str(per_page))] if per_page != DEFAULT_PER_PAGE else [])
    path = request.scope["path"]
    if wants_json(request) and not path.endswith(".json"):
        path = (path.rstrip("/") or "") + ".json"
    return f"{path}?{urlencode(params)}"
