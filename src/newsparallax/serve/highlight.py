"""An article's text as HTML with its reading layers marked: entities, places, dates, quantities
and the sources of attributed claims, each sentence that carries an attribution underlined.

The text is untrusted: every piece of it, and every attribute value, goes through
:func:`markupsafe.escape`; only the tags written here are markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from newsparallax.serve.render import entity_url, place_url

#: When two marks cover the same span, the lower number wins (a GPE entity is shown as its place).
_PRIORITY = {"place": 0, "quantity": 1, "date": 2, "entity": 3, "source": 4}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # place, quantity, date, entity, source
    css: str
    title: str
    href: str | None = None


def highlight(text: str, layers: dict[str, Any] | None) -> Markup:
    """``text`` as escaped HTML, sentence by sentence, with the layers' spans marked."""
    if not layers:
        return escape(text)
    marks = choose(collect(layers, len(text)))
    sentences = [(int(s), int(e)) for s, e in layers.get("sentences") or []] or [(0, len(text))]
    attributed = _attributed_sentences(layers.get("attributions") or [])
    parts: list[str] = []
    position = 0
    for index, (start, end) in enumerate(sentences):
        if start < position or end > len(text):
            continue
        parts.append(escape(text[position:start]))
        note = attributed.get(index)
        css = "sentence attributed" if note else "sentence"
        title = f' title="{escape(note)}"' if note else ""
        parts.append(f'<span class="{css}"{title}>{_inline(text, start, end, marks)}</span>')
        position = end
    parts.append(escape(text[position:]))
    return Markup("".join(parts))


def collect(layers: dict[str, Any], length: int) -> list[Mark]:
    marks: list[Mark] = []
    for entity in layers.get("entities") or []:
        marks.append(_entity(entity))
    for place in layers.get("places") or []:
        marks.append(
            Mark(
                place["start"],
                place["end"],
                "place",
                "mark place",
                _place_title(place),
                place_url(place["place_id"]) if place.get("place_id") else None,
            )
        )
    for found in layers.get("dates") or []:
        marks.append(Mark(found["start"], found["end"], "date", "mark date", _date_title(found)))
    for quantity in layers.get("quantities") or []:
        marks.append(
            Mark(quantity["start"], quantity["end"], "quantity", "mark quantity", _quantity_title(quantity))
        )
    for attribution in layers.get("attributions") or []:
        if attribution.get("start", -1) >= 0 and attribution.get("end", -1) > attribution["start"]:
            marks.append(
                Mark(
                    attribution["start"],
                    attribution["end"],
                    "source",
                    "mark source",
                    f"source of the claim ({attribution.get('kind', 'unknown')}, "
                    f"{attribution.get('verb', '')})",
                )
            )
    return [m for m in marks if 0 <= m.start < m.end <= length]


def _entity(entity: dict[str, Any]) -> Mark:
    label = str(entity.get("label") or "").lower()
    titles = "; ".join(entity.get("titles") or [])
    title = f"{entity.get('name') or entity['text']} ({label})" + (f" — {titles}" if titles else "")
    href = entity_url(entity["key"]) if entity.get("key") else None
    return Mark(entity["start"], entity["end"], "entity", f"mark entity entity-{label}", title, href)


def _place_title(place: dict[str, Any]) -> str:
    where = f" · {place['lat']:.3f}, {place['lon']:.3f}" if place.get("lat") is not None else ""
    return f"{place.get('name')} · {place.get('kind')} · {place.get('place_id')}{where}"


def _date_title(found: dict[str, Any]) -> str:
    value = found.get("value") or "unresolved"
    if found.get("end_value") and found["end_value"] != found.get("value"):
        value += f" … {found['end_value']}"
    extra = [
        found.get("granularity") or "",
        "relative" if found.get("relative") else "",
        "" if found.get("anchored", True) else "unanchored",
    ]
    return f"{value} ({', '.join(e for e in extra if e)})"


def _quantity_title(quantity: dict[str, Any]) -> str:
    value = (
        f"{quantity['value']:g}"
        if isinstance(quantity.get("value"), int | float)
        else str(quantity.get("value"))
    )
    words = [quantity.get("hedge") or "", value, quantity.get("unit") or "", quantity.get("counted") or ""]
    category = f" · {quantity['category']}" if quantity.get("category") else ""
    return " ".join(w for w in words if w) + category


def choose(marks: list[Mark]) -> list[Mark]:
    """Non-overlapping marks: earlier first, then longer, then by kind priority."""
    ordered = sorted(marks, key=lambda m: (m.start, -(m.end - m.start), _PRIORITY[m.kind]))
    chosen: list[Mark] = []
    for mark in ordered:
        if chosen and mark.start < chosen[-1].end:
            previous = chosen[-1]
            same = (mark.start, mark.end) == (previous.start, previous.end)
            if same and _PRIORITY[mark.kind] < _PRIORITY[previous.kind]:
                chosen[-1] = mark
            continue
        chosen.append(mark)
    return chosen


def _inline(text: str, start: int, end: int, marks: list[Mark]) -> str:
    parts: list[str] = []
    position = start
    for mark in marks:
        if mark.end <= start or mark.start >= end or mark.start < position:
            continue
        parts.append(escape(text[position : mark.start]))
        parts.append(_tag(mark, text[mark.start : min(mark.end, end)]))
        position = min(mark.end, end)
    parts.append(escape(text[position:end]))
    return "".join(parts)


def _tag(mark: Mark, content: str) -> str:
    title = escape(mark.title)
    if mark.href:
        return f'<a class="{mark.css}" href="{escape(mark.href)}" title="{title}">{escape(content)}</a>'
    return f'<mark class="{mark.css}" title="{title}">{escape(content)}</mark>'


def _attributed_sentences(attributions: list[dict[str, Any]]) -> dict[int, str]:
    notes: dict[int, str] = {}
    for a in attributions:
        chain = " ← ".join([str(a.get("source") or "unnamed source"), *[str(v) for v in a.get("via") or []]])
        extra = [
            f"on {a['channel']}" if a.get("channel") else "",
            "anonymous" if a.get("anonymous") else "",
            ", ".join(a.get("hedges") or []),
        ]
        note = f"Attributed to {chain} ({a.get('verb', '')}" + "".join(f"; {e}" for e in extra if e) + ")"
        index = int(a.get("sentence", -1))
        notes[index] = f"{notes[index]}\n{note}" if index in notes else note
    return notes
