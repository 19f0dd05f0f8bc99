"""The story report in the terminal: conflicts first, then agreed facts, then single-source ones.

Each fact shows its values side by side with the outlets behind each value and the exact sentence
quoted; then who reported first and who cites whom, then how each outlet framed the event.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

BANDS = (
    ("conflict", "Conflicts — sources contradict each other", "red"),
    ("agreed", "Agreed — independent sources give the same or compatible values", "green"),
    ("single_source", "Single source — only one independent origin reports it", "yellow"),
)
MAX_QUOTE = 220
MAX_SINGLE = 40


def render_report(console: Console, report: dict[str, Any], *, named: bool = False) -> None:
    """Print a story report; ``named`` also lists the people, places and sources merely named."""
    _header(console, report)
    facts = [f for f in report["facts"] if named or f.get("kind") != "mention"]
    for status, title, colour in BANDS:
        members = [f for f in facts if _band(f["status"]) == status]
        if members:
            console.print(f"\n[bold {colour}]{title}[/] ({len(members)})", highlight=False)
            _band_facts(console, members, detailed=status != "single_source")
    _named(console, report, shown=named)
    _provenance(console, report["provenance"])
    _framing(console, report.get("framing") or {})


def _band(status: str) -> str:
    return "agreed" if status == "compatible" else status


def _header(console: Console, report: dict[str, Any]) -> None:
    console.rule(f"[bold]{escape(report.get('title') or report['id'])}[/]")
    counts = report["counts"]
    kind = report.get("event_type") or {}
    if kind:
        acled = f" / ACLED: {kind['acled_event_type']} ({kind['acled']})" if kind.get("acled") else ""
        console.print(f"event type: {kind['plover']}{acled}", highlight=False)
    console.print(
        f"story {report['id']} · event date {report.get('event_date') or '?'} · "
        f"{len(report['articles'])} report(s), {report['provenance']['independent_origins']} independent "
        f"origin(s) · {counts['conflict']} conflict(s), {counts['agreed'] + counts['compatible']} agreed, "
        f"{counts['single_source']} single-source",
        highlight=False,
    )


def _band_facts(console: Console, facts: list[dict[str, Any]], *, detailed: bool) -> None:
    for fact in facts[: None if detailed else MAX_SINGLE]:
        if detailed:
            _fact_table(console, fact)
        else:
            _single_line(console, fact)
    hidden = len(facts) - MAX_SINGLE
    if not detailed and hidden > 0:
        console.print(f"  … and {hidden} more (use --format json for all)")


def _fact_table(console: Console, fact: dict[str, Any]) -> None:
    note = f" — [italic]{escape(fact['note'])}[/]" if fact.get("note") else ""
    nuance = " [dim](compatible values)[/]" if fact["status"] == "compatible" else ""
    console.print(
        f"\n  [bold]{escape(fact['label'])}[/]: {escape(_shown(fact['value']))}{nuance}{note}",
        highlight=False,
    )
    table = Table(show_header=True, header_style="dim", box=None, padding=(0, 1), expand=True)
    table.add_column("value", ratio=1, overflow="fold")
    table.add_column("outlet", ratio=1, overflow="fold")
    table.add_column("quote", ratio=4, overflow="fold")
    for value in fact["values"]:
        for index, mention in enumerate(value["mentions"]):
            table.add_row(
                escape(value["value"]) if index == 0 else "",
                escape(_outlet(mention)),
                escape(_quote(mention)),
            )
    console.print(table)


def _single_line(console: Console, fact: dict[str, Any]) -> None:
    mention = fact["values"][0]["mentions"][0]
    value, outlet = escape(_shown(fact["value"])), escape(_outlet(mention))
    console.print(
        f"  • [bold]{escape(fact['label'])}[/]: {value} — {outlet}: [dim]“{escape(_quote(mention, 160))}”[/]",
        highlight=False,
    )


def _named(console: Console, report: dict[str, Any], *, shown: bool) -> None:
    if shown:
        return
    named = [f for f in report["facts"] if f.get("kind") == "mention" and f["status"] == "agreed"]
    if named:
        names = ", ".join(escape(str(f["value"])) for f in named[:30])
        console.print(f"\n[bold]Named by several sources[/]: {names}", highlight=False)


def _provenance(console: Console, provenance: dict[str, Any]) -> None:
    console.print("\n[bold]Provenance[/]")
    first = provenance.get("first_report")
    if first:
        console.print(f"  first report: {escape(_outlet(first))}, {first.get('published') or 'undated'}")
    for origin in provenance["origins"]:
        if origin["copies"]:
            copies = ", ".join(escape(c) for c in origin["copies"])
            console.print(f"  wire copies of {escape(origin['article'])}: {copies}", highlight=False)
    shared = provenance.get("shared_sources") or []
    if shared:
        console.print(f"  sources behind several independent reports: {escape(', '.join(shared))}")
    chains = [f"{e['from']} → {e['to']}" for e in provenance.get("edges") or []]
    if chains:
        console.print("  who cites whom: " + escape("; ".join(chains[:25])), highlight=False)


def _framing(console: Console, framing: dict[str, Any]) -> None:
    outlets = framing.get("outlets") or []
    if not outlets:
        return
    table = Table(title="Framing (0 = sober, 1 = opinionated)", title_justify="left", expand=True)
    for column, ratio in (("outlet", 2), ("score", 1), ("tone", 1), ("words that drive it", 4), ("omits", 3)):
        table.add_column(column, ratio=ratio, overflow="fold")
    for item in outlets:
        omits = ", ".join(o["label"] for o in item.get("omissions") or [])
        table.add_row(
            escape(str(item["outlet"])),
            f"{item['score']:.2f}",
            f"{item['tone']:+.2f}",
            escape(", ".join(item.get("drivers") or [])),
            escape(omits),
        )
    console.print()
    console.print(table)


def _outlet(ref: dict[str, Any]) -> str:
    return str(ref.get("outlet") or ref.get("article"))


def _quote(mention: dict[str, Any], limit: int = MAX_QUOTE) -> str:
    quote = " ".join(str(mention.get("quote") or "").split())
    quote = quote if len(quote) <= limit else quote[: limit - 1] + "…"
    source = mention.get("attributed_to")
    return f"{quote} [{source}]" if source else quote


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
