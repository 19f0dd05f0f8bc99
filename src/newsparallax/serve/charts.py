"""Layouts for the story page's drawings: the timeline of reports, the map of places and the
provenance graph.  Each function returns plain numbers and labels; the templates draw the SVG
(so every label goes through Jinja2's escaping)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

from dateutil import parser as dateparser

TIMELINE_WIDTH = 760
LANE = 26
LABEL_WIDTH = 170
MAP_ASPECT = 2.0


def parse_time(value: Any) -> datetime | None:
    """An ISO date or timestamp as an aware UTC datetime (a bare date is taken at noon UTC)."""
    if not value:
        return None
    try:
        parsed = dateparser.isoparse(str(value))
    except (ValueError, OverflowError):
        return None
    if len(str(value)) <= 10:
        parsed = parsed.replace(hour=12)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def timeline(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One lane per outlet, one dot per report at its publication time, with day ticks."""
    dated = [(parse_time(r.get("published")), r) for r in reports]
    points = sorted(((t, r) for t, r in dated if t is not None), key=lambda p: p[0])
    lanes = list(dict.fromkeys(_lane(r) for _, r in points))
    plot = TIMELINE_WIDTH - LABEL_WIDTH - 30
    layout: dict[str, Any] = {
        "width": TIMELINE_WIDTH,
        "height": LANE * len(lanes) + 40,
        "label_width": LABEL_WIDTH,
        "lanes": [{"outlet": o, "y": 20 + LANE * i} for i, o in enumerate(lanes)],
        "points": [],
        "ticks": [],
        "undated": [r for t, r in dated if t is None],
    }
    if not points:
        return layout
    first, last = points[0][0], points[-1][0]
    span = max((last - first).total_seconds(), 1.0)

    def x(moment: datetime) -> float:
        return round(LABEL_WIDTH + 10 + plot * ((moment - first).total_seconds() / span), 1)

    for moment, report in points:
        lane = lanes.index(_lane(report))
        layout["points"].append(
            {
                **report,
                "x": x(moment) if last > first else LABEL_WIDTH + 10 + plot / 2,
                "y": 20 + LANE * lane,
                "at": moment.strftime("%Y-%m-%d %H:%M UTC"),
            }
        )
    layout["ticks"] = _ticks(first, last, x, layout["height"]) if last > first else []
    return layout


def _lane(report: dict[str, Any]) -> str:
    return str(report.get("outlet") or report.get("article") or "unknown outlet")


def _ticks(first: datetime, last: datetime, x: Any, height: int) -> list[dict[str, Any]]:
    days = (last.date() - first.date()).days
    step = max(1, days // 8 + (1 if days % 8 else 0)) if days > 8 else 1
    ticks = []
    day = datetime(first.year, first.month, first.day, tzinfo=UTC) + timedelta(days=1)
    while day <= last:
        ticks.append({"x": x(day), "label": day.strftime("%d %b"), "y": height - 8})
        day += timedelta(days=step)
    return ticks


def world_map(places: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The story's places on the equirectangular world outline (x = lon + 180, y = 90 - lat),
    framed around them; None when no place has coordinates."""
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if not located:
        return None
    xs = [float(p["lon"]) + 180 for p in located]
    ys = [90 - float(p["lat"]) for p in located]
    left, top, width, height = _frame(min(xs), max(xs), min(ys), max(ys))
    radius = width / 110
    most = max(_count(p) for p in located)
    points = [
        {
            **p,
            "count": _count(p),
            "x": round(x, 3),
            "y": round(y, 3),
            "r": round(radius * (1 + (_count(p) / most)), 3),
        }
        for p, x, y in zip(located, xs, ys, strict=True)
    ]
    _label(points, radius * 4)
    return {
        "viewbox": f"{left:.2f} {top:.2f} {width:.2f} {height:.2f}",
        "points": points,
        "font": round(width / 50, 3),
        "stroke": round(width / 600, 4),
    }


def _label(points: list[dict[str, Any]], near: float) -> None:
    """One label per cluster of markers closer than ``near``: "Santiago · Chile" rather than two
    labels printed over each other."""
    anchors: list[dict[str, Any]] = []
    for point in points:
        anchor = next(
            (a for a in anchors if abs(a["x"] - point["x"]) + abs(a["y"] - point["y"]) < near), None
        )
        if anchor is None:
            point["label"] = str(point.get("name") or "")
            anchors.append(point)
        else:
            point["label"] = ""
            anchor["label"] += f" · {point.get('name')}"


def _count(place: dict[str, Any]) -> int:
    return int(place.get("count") or place.get("n") or 1)


def _frame(x0: float, x1: float, y0: float, y1: float) -> tuple[float, float, float, float]:
    width = max((x1 - x0) * 1.6, 24.0)
    height = max((y1 - y0) * 1.6, 12.0)
    width, height = max(width, height * MAP_ASPECT), max(height, width / MAP_ASPECT)
    width, height = min(width, 360.0), min(height, 180.0)
    left = min(max((x0 + x1) / 2 - width / 2, 0.0), 360.0 - width)
    top = min(max((y0 + y1) / 2 - height / 2, 0.0), 180.0 - height)
    return left, top, width, height


def provenance_graph(provenance: dict[str, Any], articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Who cites whom: cited sources on the left, the outlets that cite them on the right, and
    the wire copies (an origin's text run by other outlets) as edges from the origin's outlet."""
    outlet_of = {a["id"]: a.get("outlet") or a["id"] for a in articles}
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for citation in provenance.get("citations") or []:
        for citer in citation.get("cited_by") or []:
            how = " ← ".join([citation["source"], *(citation.get("via") or [])])
            edges[(str(citation["source"]), str(citer.get("outlet") or citer.get("article")))].append(how)
    for origin in provenance.get("origins") or []:
        source = str(origin.get("outlet") or origin.get("article"))
        for copy in origin.get("copies") or []:
            target = outlet_of.get(copy, copy)
            if target != source:
                edges[(f"{source} (original)", target)].append("wire copy")
    return _two_columns(edges)


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _two_columns(edges: dict[tuple[str, str], list[str]]) -> dict[str, Any]:
    left = sorted({a for a, _ in edges})
    right = sorted({b for _, b in edges})
    rows = max(len(left), len(right), 1)
    height, width, step = 30 + 28 * rows, 760, 28
    y_left = {name: 24 + step * i + (rows - len(left)) * step / 2 for i, name in enumerate(left)}
    y_right = {name: 24 + step * i + (rows - len(right)) * step / 2 for i, name in enumerate(right)}
    lines = [
        {
            "x1": 250,
            "y1": y_left[a],
            "x2": 510,
            "y2": y_right[b],
            "from": a,
            "to": b,
            "title": f"{b} cites {a}"
            if "wire copy" not in how
            else f"{b} ran {a.removesuffix(' (original)')}'s text",
            "wire": "wire copy" in how,
        }
        for (a, b), how in sorted(edges.items())
    ]
    return {
        "width": width,
        "height": height,
        "edges": lines,
        "left": [{"label": _short(n), "name": n, "y": y} for n, y in y_left.items()],
        "right": [{"label": _short(n), "name": n, "y": y} for n, y in y_right.items()],
    }
