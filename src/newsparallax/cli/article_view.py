"""The terminal view of one article's reading layers: who, where, when, how many, says who."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table

_MAX_ROWS = 40


def render_reading(console: Console, reading: dict[str, Any], text: str) -> None:
    layers = reading["layers"]
    anchor = reading.get("anchor") or "none (relative dates unresolved)"
    header = (
        f"model {reading['model']} · language {reading.get('language') or '?'} · "
        f"dates anchored to {anchor}"
        + (f" ({reading['anchor_source']})" if reading.get("anchor_source") else "")
    )
    console.print(Panel(Group(
        _entities(layers["entities"]), _places(layers["places"]), _dates(layers["dates"]),
        _quantities(layers["quantities"]), _attributions(layers["attributions"], layers["sentences"], text),
    ), title="Reading", subtitle=header, title_align="left"))  # fmt: skip


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", expand=False, show_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _entities(mentions: list[dict[str, Any]]) -> Table:
    grouped: dict[str, dict[str, Any]] = {}
    for m in mentions:
        entry = grouped.setdefault(
            m["key"], {"name": m["name"], "label": m["label"], "forms": [], "titles": []}
        )
        entry["forms"] += [m["text"]] if m["text"] not in entry["forms"] else []
        entry["titles"] += [t for t in m["titles"] if t not in entry["titles"]]
    table = _table(f"Entities ({len(grouped)})", "name", "type", "mentions as", "titles")
    for entry in sorted(grouped.values(), key=lambda e: (e["label"], e["name"]))[:_MAX_ROWS]:
        table.add_row(entry["name"], entry["label"], ", ".join(entry["forms"]), "; ".join(entry["titles"]))
    return table


def _places(places: list[dict[str, Any]]) -> Table:
    by_id: dict[str, dict[str, Any]] = {}
    names: dict[str, list[str]] = defaultdict(list)
    for p in places:
        by_id.setdefault(p["place_id"], p)
        if p["text"] not in names[p["place_id"]]:
            names[p["place_id"]].append(p["text"])
    table = _table(f"Places ({len(by_id)})", "place", "kind", "id", "coordinates", "written as")
    for place_id, p in list(by_id.items())[:_MAX_ROWS]:
        where = f"{p['lat']:.4f}, {p['lon']:.4f}" if p.get("lat") is not None else "–"
        table.add_row(p["name"], p["kind"], place_id, where, ", ".join(names[place_id]))
    return table


def _dates(dates: list[dict[str, Any]]) -> Table:
    table = _table(f"Dates ({len(dates)})", "text", "resolved", "kind")
    for d in dates[:_MAX_ROWS]:
        value = d["value"] or "unresolved"
        if d.get("end_value") and d["end_value"] != d["value"]:
            value += f" … {d['end_value']}"
        kind = (
            d["granularity"]
            + (" · relative" if d["relative"] else "")
            + ("" if d["anchored"] else " · unanchored")
        )
        table.add_row(d["text"], value, kind)
    return table


def _quantities(quantities: list[dict[str, Any]]) -> Table:
    table = _table(f"Quantities ({len(quantities)})", "text", "value", "hedge", "unit", "counts", "category")
    for q in quantities[:_MAX_ROWS]:
        value = f"{q['value']:g}" + (
            f" [{_bound(q['low'])}–{_bound(q['high'])}]" if q["low"] or q["high"] else ""
        )
        table.add_row(
            q["text"], value, q["hedge"] or "", q["unit"] or "", q["counted"] or "", q["category"] or ""
        )
    return table


def _bound(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _attributions(attributions: list[dict[str, Any]], sentences: list[list[int]], text: str) -> Table:
    table = _table(f"Attributions ({len(attributions)})", "sentence", "source", "via", "how")
    for a in attributions[:_MAX_ROWS]:
        start, end = sentences[a["sentence"]] if 0 <= a["sentence"] < len(sentences) else (0, 0)
        quote = text[start:end]
        quote = quote if len(quote) <= 140 else quote[:137] + "…"
        how = " ".join(
            x
            for x in (
                a["verb"],
                f"on {a['channel']}" if a.get("channel") else "",
                "(anonymous)" if a["anonymous"] else "",
                ", ".join(a["hedges"]),
            )
            if x
        )
        table.add_row(quote, a["source"] or "–", " ← ".join(a["via"]), how)
    return table
