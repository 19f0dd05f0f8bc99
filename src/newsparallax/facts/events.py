"""Events per report — who did what to whom, where, when, how many — and the story's event type.

Each report's lead (its headline and first sentence) is typed on the PLOVER-modelled taxonomy
(:mod:`newsparallax.facts.event_types`); the trigger word splits the lead's named actors into the
ones before it (who acted) and after it (to whom).  Where and when come from the report's location
and date claims, how many from its casualty claims.  The story's type is the one its reports give
most often (weighted by the model's confidence); each report's type is also a fact, so a story
that one outlet calls a protest and another an assault shows both, as compatible readings.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsparallax.facts.claims import EVENT, ArticleInput, Claim, claim_at
from newsparallax.facts.taxonomy import event_type_of

if TYPE_CHECKING:
    from newsparallax.facts.event_types import EventTyper

log = logging.getLogger(__name__)

_ACTOR_LABELS = ("PERSON", "ORG", "NORP", "GPE")
_typer: EventTyper | None = None


def default_typer() -> EventTyper:
    """The stored event-type model, loaded once per process on first use."""
    global _typer
    if _typer is None:
        from newsparallax.facts.event_types import EventTyper

        _typer = EventTyper()
    return _typer


def lead_of(article: ArticleInput) -> tuple[str, int]:
    """The text typed for a report (headline and first sentence) and the first sentence's index."""
    _, _, first = article.sentence(0)
    title = (article.title or "").strip()
    if not title or title == first or article.text == article.title:
        return first, 0
    return f"{title}. {first}", 0


def article_events(articles: Sequence[ArticleInput], typer: EventTyper) -> dict[str, dict[str, Any]]:
    """Each report's event: type, trigger, actors before and after the trigger, its lead sentence."""
    leads = [lead_of(a) for a in articles]
    by_language: dict[str | None, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        by_language[article.language].append(index)
    types: dict[int, Any] = {}
    for language, indexes in by_language.items():
        vectors = [articles[i].embedding for i in indexes]
        found = typer.classify_many([leads[i][0] for i in indexes], language or "en", vectors)
        types.update(zip(indexes, found, strict=True))
    return {a.stored_id: _event(a, types[i]) for i, a in enumerate(articles)}


def _event(article: ArticleInput, typed: Any) -> dict[str, Any]:
    start, end, sentence = article.sentence(0)
    actors = [
        e
        for e in article.layers.get("entities") or []
        if e.get("sentence") == 0 and e.get("label") in _ACTOR_LABELS
    ]
    pivot = _trigger_at(article.text, start, end, typed.trigger)
    before = [_name(e) for e in actors if pivot is None or e["start"] < pivot]
    after = [_name(e) for e in actors if pivot is not None and e["start"] >= pivot]
    return {
        "article": article.given_id,
        "type": typed.plover,
        "acled": typed.acled,
        "acled_event_type": event_type_of(typed.acled) if typed.acled else None,
        "score": round(float(typed.score), 3),
        "acled_score": None if typed.acled_score is None else round(float(typed.acled_score), 3),
        "trigger": typed.trigger,
        "who": list(dict.fromkeys(before)),
        "whom": list(dict.fromkeys(after)),
        "sentence": sentence,
    }


def _trigger_at(text: str, start: int, end: int, trigger: str | None) -> int | None:
    if not trigger:
        return None
    found = text.lower().find(trigger.split()[0].lower(), start, end)
    return found if found >= 0 else None


def _name(entity: dict[str, Any]) -> str:
    return str(entity.get("name") or entity["text"])


def story_event_type(events: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The type most reports give, weighted by confidence (reports where nothing was recognised
    do not vote)."""
    weights: dict[str, float] = defaultdict(float)
    acled: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for event in events.values():
        if event["type"] == "OTHER" and not event["acled"]:
            continue  # nothing recognised: no vote
        weights[event["type"]] += event["score"]
        if event["acled"]:
            acled[event["type"]][event["acled"]] += event.get("acled_score") or 1.0
    if not weights:
        return None
    best = max(weights, key=lambda t: (weights[t], t))
    sub = max(acled[best], key=lambda s: (acled[best][s], s)) if acled[best] else None
    support = sum(1 for e in events.values() if e["type"] == best)
    return {"plover": best, "acled": sub, "acled_event_type": event_type_of(sub) if sub else None,
            "reports": support}  # fmt: skip


def event_type_claims(articles: Sequence[ArticleInput], events: dict[str, dict[str, Any]]) -> list[Claim]:
    """Each report's event type as a claim (types of one story never conflict: they are readings)."""
    claims = []
    for article in articles:
        event = events.get(article.stored_id)
        if event is None or event["type"] == "OTHER":
            continue
        claims.append(claim_at(article, 0, subject=EVENT, attribute="event type", kind="label",
                               value=event["type"], normalized=event["type"]))  # fmt: skip
    return claims
