"""A story's report: its facts lined up across sources, with provenance, framing and a timeline.

:func:`story_report` is the entry point used by the CLI, the API and the web UI.  It reads the
story's reports and their reading layers from the store, builds the report with
:func:`build_report` (pure: no store access), and caches it until the story changes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsparallax.facts.align import Fact, align, fact_id, sort_key, value_groups
from newsparallax.facts.claims import ArticleInput, Claim, quantity_claims
from newsparallax.facts.claims_casualties import casualty_claims
from newsparallax.facts.claims_context import date_claims, model_claims, place_claims, reanchor
from newsparallax.facts.claims_people import (
    age_claims,
    named_claims,
    source_claims,
    suspects,
    title_claims,
    witness_claims,
)
from newsparallax.facts.events import article_events, default_typer, event_type_claims, story_event_type
from newsparallax.facts.framing import FramingInput, compare_framing
from newsparallax.facts.provenance import assign_origins, provenance, unify_sources
from newsparallax.facts.story_casualties import story_casualties
from newsparallax.read.embed import Embedded, from_bytes
from newsparallax.store.db import Database
from newsparallax.store.story_queries import resolve_story_id
from newsparallax.store.story_reports import (
    cached_report,
    save_report,
    stored_conflict_counts,
    stories_updated,
    story_members,
    story_row,
)

if TYPE_CHECKING:
    from newsparallax.facts.event_types import EventTyper

log = logging.getLogger(__name__)

#: Bump when the facts stage changes what it reports: cached reports are then recomputed.
FACTS_VERSION = 19
STATUSES = ("conflict", "agreed", "compatible", "single_source")


def load_models() -> None:
    """Load what the facts stage reads from disk (the event-type model, the gazetteer that titles
    use) now rather than in the first report: before forking processes that each build reports."""
    from newsparallax.read.gazetteer import get_gazetteer

    default_typer()
    get_gazetteer()


def story_report(database: Database, story_id: str, *, use_cache: bool = True) -> dict[str, Any] | None:
    """The report of a story (following merge redirects), or None when no such story exists."""
    current = resolve_story_id(database, story_id)
    row = story_row(database, current) if current else None
    if current is None or row is None:
        return None
    if use_cache:
        cached = cached_report(database, current, FACTS_VERSION, row["updated_at"])
        if cached is not None:
            return {**cached, "requested_id": story_id}
    members, links = story_members(database, current)
    report = build_report(row, [_input(m) for m in members], links, default_typer())
    save_report(database, current, FACTS_VERSION, row["updated_at"], report)
    return {**report, "requested_id": story_id}


def conflict_counts(database: Database, story_ids: list[str]) -> dict[str, int]:
    """Conflicts per story, from the cached reports, computing the missing or stale ones."""
    found = stored_conflict_counts(database, story_ids)
    updated = stories_updated(database, story_ids)
    counts = {}
    for story_id in story_ids:
        cached = found.get(story_id)
        if cached and cached[2] == FACTS_VERSION and story_id in updated and cached[1] == updated[story_id]:
            counts[story_id] = cached[0]
            continue
        report = story_report(database, story_id)
        counts[story_id] = report["counts"]["conflict"] if report else 0
    return counts


def _input(member: dict[str, Any]) -> ArticleInput:
    text = member["text"] if (member["text"] or "").strip() else (member["title"] or "")
    return ArticleInput(
        stored_id=member["id"],
        given_id=member["given_id"],
        text=text,
        title=member["title"],
        outlet=member["source"],
        published=member["published"],
        language=member["language"],
        layers=member["layers"] or {},
        anchor=member["anchor"],
        wires=list(member["wires"] or []),
        url=member["url"],
        embedding=_embedded(member),
    )


def _embedded(member: dict[str, Any]) -> Embedded | None:
    if not member.get("embedding") or not member.get("embedder"):
        return None
    return Embedded(member["embedder"], from_bytes(member["embedding"]))


def build_report(
    story: dict[str, Any],
    articles: Sequence[ArticleInput],
    links: Sequence[tuple[str, str]],
    typer: EventTyper | None = None,
) -> dict[str, Any]:
    """The report of one story from its reports' texts and reading layers (events typed by ``typer``)."""
    assign_origins(articles, links)
    story_anchor = min((a.published for a in articles if a.published), default=None)
    for article in articles:
        reanchor(article, story_anchor)
    events = article_events(articles, typer) if typer is not None else {}
    claims = extract_claims(articles) + event_type_claims(articles, events)
    facts = sorted(align(claims), key=sort_key)
    ids = {id(fact): fact_id(fact, index) for index, fact in enumerate(facts)}
    rendered = [_fact_json(fact, ids[id(fact)]) for fact in facts]
    return {
        **_header(story),
        "event_type": story_event_type(events),
        "events": [events[a.stored_id] for a in articles if a.stored_id in events],
        "articles": [_article_json(a) for a in articles],
        "facts": rendered,
        "counts": {status: sum(1 for f in rendered if f["status"] == status) for status in STATUSES},
        "provenance": provenance(articles),
        "framing": _framing(articles, facts, ids),
        "timeline": _timeline(articles),
    }


def extract_claims(articles: Sequence[ArticleInput]) -> list[Claim]:
    suspect_keys = suspects(list(articles))
    claims: list[Claim] = []
    for article in articles:
        claims += casualty_claims(article) + quantity_claims(article) + title_claims(article)
        claims += age_claims(article, suspect_keys) + named_claims(article) + source_claims(article)
        claims += (
            date_claims(article) + place_claims(article) + model_claims(article) + witness_claims(article)
        )
    return unify_sources(story_casualties(claims))


def _header(story: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "id",
        "title",
        "event_date",
        "first_seen",
        "last_seen",
        "languages",
        "outlets",
        "places",
        "entities",
    )
    return {key: story.get(key) for key in keys}


def _article_json(article: ArticleInput) -> dict[str, Any]:
    return {
        "id": article.given_id,
        "stored_id": article.stored_id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "wire_of": None if article.origin in ("", article.stored_id) else article.origin,
        "wires": article.wires,
    }


def _fact_json(fact: Fact, identifier: str) -> dict[str, Any]:
    first = min(fact.claims, key=lambda c: (c.mention.published or "9999", c.mention.stored_id))
    return {
        "id": identifier,
        "subject": fact.subject,
        "subject_label": first.subject_label or fact.subject,
        "attribute": fact.attribute,
        "label": label_of(fact, first),
        "kind": fact.kind,
        "status": fact.status,
        "value": fact.value,
        "note": fact.note,
        "sources": len(fact.origins),
        "first_reported_by": {
            "article": first.mention.article,
            "outlet": first.mention.outlet,
            "published": first.mention.published,
        },
        "values": [_value_json(group) for group in value_groups(fact)],
    }


def label_of(fact: Fact, claim: Claim) -> str:
    subject = claim.subject_label or fact.subject
    if fact.subject == "event":
        return fact.attribute
    if fact.attribute == "named":
        return f"{subject} (named)"
    if fact.attribute == "dated events":
        return f"events on {subject}"
    return f"{fact.attribute} — {subject}"


def _value_json(group: list[Claim]) -> dict[str, Any]:
    mentions, seen = [], set()
    for claim in group:
        if claim.mention.stored_id not in seen:
            seen.add(claim.mention.stored_id)
            mentions.append(claim.mention.as_dict())
    written = list(dict.fromkeys(claim.value for claim in group))
    return {
        "value": group[0].value,
        "written": written,
        "normalized": group[0].normalized,
        "sources": len({c.mention.origin for c in group}),
        "mentions": mentions,
    }


def _framing(articles: Sequence[ArticleInput], facts: list[Fact], ids: dict[int, str]) -> dict[str, Any]:
    reported: dict[str, set[str]] = {a.stored_id: set() for a in articles}
    labels = {}
    for fact in facts:
        if fact.kind == "mention":
            continue
        labels[ids[id(fact)]] = label_of(fact, fact.claims[0])
        for stored_id in fact.articles:
            reported[stored_id].add(ids[id(fact)])
    inputs = [_framing_input(a, reported[a.stored_id]) for a in articles]
    return compare_framing(inputs, labels)


def _framing_input(article: ArticleInput, facts: set[str]) -> FramingInput:
    return FramingInput(
        article_id=article.given_id,
        outlet=article.outlet,
        text=article.text,
        sentences=[tuple(s) for s in article.layers.get("sentences") or []],
        language=article.language,
        attributions=list(article.layers.get("attributions") or []),
        facts=facts,
        wire_of=None if article.origin in ("", article.stored_id) else article.origin,
    )


def _timeline(articles: Sequence[ArticleInput]) -> list[dict[str, Any]]:
    ordered = sorted(articles, key=lambda a: (a.published or "9999", a.stored_id))
    return [
        {
            "article": a.given_id,
            "outlet": a.outlet,
            "published": a.published,
            "title": a.title,
            "language": a.language,
            "wire_of": None if a.origin in ("", a.stored_id) else a.origin,
        }
        for a in ordered
    ]
