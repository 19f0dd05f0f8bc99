"""Alignment: claims about the same thing across a story's reports become one fact with a status.

Claims group by subject and attribute.  Where one report gives several values of an attribute
(two amounts of money, two troop numbers), the claims are matched across reports by the words of
their sentences, so "US$8 million" for Chile's share does not collide with the "$14m" fund.

Status counts **independent origins**, not reports: wire copies of one story are one source.

* ``single_source`` — one origin states it;
* ``agreed`` — two or more origins, every value the same once normalised;
* ``compatible`` — two or more origins, values differ but none contradicts another (a hedge, a
  subset, a place inside another);
* ``conflict`` — two origins give values that contradict each other.

Each fact's ``value`` is the best-supported value: the one most origins give (ties: the more
precise, then the earlier); the event's day is taken among the days in the few days before the first
report where there are any (an older day is usually another incident recalled).  Casualty counts
follow the news cycle: an explicit update ("the death toll has risen to six") wins; else for the
dead the highest figure any report gives, for the wounded a higher figure from later reports; the
fact says so in ``note``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsparallax.facts.claims import Claim
from newsparallax.facts.concepts import CASUALTIES
from newsparallax.facts.values import compare

MATCH_THRESHOLD = 0.25
SINGLE_VALUED_THRESHOLD = 0.1
FIRST_DAYS = 2  # a casualty figure of the reports this many days after the first one is the event's
RECENT = 3  # days before the first report within which a day may be the event's
_RANK = {"conflict": 0, "compatible": 1, "agreed": 1, "single_source": 2}


@dataclass
class Fact:
    subject: str
    attribute: str
    kind: str
    claims: list[Claim] = field(default_factory=list)
    status: str = "single_source"
    value: Any = None
    note: str | None = None

    @property
    def origins(self) -> set[str]:
        return {c.mention.origin for c in self.claims}

    @property
    def articles(self) -> set[str]:
        return {c.mention.stored_id for c in self.claims}


def align(claims: Iterable[Claim]) -> list[Fact]:
    """Group a story's claims into facts, each with its status and best-supported value."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=_order):
        groups[(claim.subject, claim.attribute)].append(claim)
    facts = [fact for group in groups.values() for fact in _split(group)]
    for fact in facts:
        fact.status = status_of(fact)
        fact.value, fact.note = best_value(fact)
    return facts


def _order(claim: Claim) -> tuple[str, str, int]:
    return (claim.mention.published or "9999", claim.mention.stored_id, claim.mention.start)


def _split(group: list[Claim]) -> list[Fact]:
    """One fact per group, or several where reports give more than one value for the attribute."""
    per_article: dict[str, int] = defaultdict(int)
    for claim in group:
        per_article[claim.mention.stored_id] += 1
    if max(per_article.values()) == 1 and not any(claim.multi for claim in group):
        return [_fact(group)]
    clusters: list[list[Claim]] = []
    for claim in group:
        if _repeats(claim, clusters):
            continue
        best = _best_cluster(claim, clusters)
        if best is None:
            clusters.append([claim])
        else:
            best.append(claim)
    return [_fact(cluster) for cluster in clusters]


def _repeats(claim: Claim, clusters: list[list[Claim]]) -> bool:
    """A report stating a value it already stated ("two planes" ... "the two planes") adds nothing."""
    return any(
        c.mention.stored_id == claim.mention.stored_id and c.normalized == claim.normalized
        for cluster in clusters
        for c in cluster
    )


def _best_cluster(claim: Claim, clusters: list[list[Claim]]) -> list[Claim] | None:
    best, best_score = None, MATCH_THRESHOLD if claim.multi else SINGLE_VALUED_THRESHOLD
    for cluster in clusters:
        if any(c.mention.stored_id == claim.mention.stored_id for c in cluster):
            continue
        score = _similarity(claim, cluster)
        if score >= best_score:
            best, best_score = cluster, score
    return best


def _similarity(claim: Claim, cluster: list[Claim]) -> float:
    context = frozenset().union(*(c.context for c in cluster))
    union = claim.context | context
    overlap = len(claim.context & context) / len(union) if union else 0.0
    relation = compare(claim.kind, claim.normalized, cluster[0].normalized)
    return overlap + {"same": 0.3, "compatible": 0.15, "conflict": -0.2}[relation]


def _fact(claims: list[Claim]) -> Fact:
    first = claims[0]
    return Fact(subject=first.subject, attribute=first.attribute, kind=first.kind, claims=claims)


def status_of(fact: Fact) -> str:
    if len(fact.origins) < 2:
        return "single_source"
    if fact.kind in ("mention",):
        return "agreed"
    relations = {
        compare(fact.kind, a.normalized, b.normalized)
        for i, a in enumerate(fact.claims)
        for b in fact.claims[i + 1 :]
        if a.mention.origin != b.mention.origin
    }
    if "conflict" in relations:
        return "conflict"
    return "agreed" if relations <= {"same"} else "compatible"


def value_groups(fact: Fact) -> list[list[Claim]]:
    """The fact's claims grouped by normalised value, most independent origins first."""
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in fact.claims:
        grouped[json.dumps(claim.normalized, sort_keys=True, default=str)].append(claim)
    return sorted(grouped.values(), key=lambda g: (-len({c.mention.origin for c in g}), _order(g[0])))


def best_value(fact: Fact) -> tuple[Any, str | None]:
    groups = value_groups(fact)
    chosen, note = groups[0], None
    if fact.attribute in CASUALTIES and len(groups) > 1:
        chosen, note = _casualty_value(groups, chosen)
    elif fact.kind == "count" and len(groups) > 1:
        chosen = _precise(groups)
    elif fact.kind == "date" and len(groups) > 1:
        chosen = _event_day(groups)
    return display_value(fact.kind, chosen[0]), note


def _casualty_value(groups: list[list[Claim]], chosen: list[Claim]) -> tuple[list[Claim], str | None]:
    """An explicit update wins; otherwise a higher figure wins: the highest the reports of the first
    days give (the toll grows as victims are found and counted; a lower figure describes part of
    them).  Measured on GVC dev, this beats the latest report's figure for the wounded (0.786
    against 0.781): the wounded who die leave the count, but later reports of a story are more
    often of something else."""
    revisions = [g for g in groups if any(c.revision for c in g)]
    latest = max(_first_days(groups), key=_number)
    candidate = revisions[-1] if revisions else latest
    if _number(candidate) > _number(chosen) or revisions:
        earlier = sorted({_number(g) for g in groups if g is not candidate})
        shown = ", ".join(_shown(n) for n in earlier)
        how = "an explicit update" if revisions else "other reports"
        return candidate, f"revised upward to {_shown(_number(candidate))} by {how}; earlier figures: {shown}"
    return chosen, None


def _first_days(groups: list[list[Claim]]) -> list[list[Claim]]:
    """The figures the reports of the first days give (later reports of a story are more often of
    something else it holds: a trial, a round-up, another shooting)."""
    published = [_day(c.mention.published) for g in groups for c in g]
    first = min((d for d in published if d), default=None)
    if first is None:
        return groups
    near = [g for g in groups if any(_days_after(c, first) <= FIRST_DAYS for c in g)]
    return near or groups


def _days_after(claim: Claim, first: dt.date) -> float:
    """Days from the story's first report to the claim's report (an undated report: never near)."""
    day = _day(claim.mention.published)
    return (day - first).days if day else float("inf")


def _number(group: list[Claim]) -> float:
    return float(group[0].normalized["value"])


def _shown(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _event_day(groups: list[list[Claim]]) -> list[Claim]:
    """The day most origins give among those in the few days before the first report (ties: the
    earliest: a later one usually dates what followed, an arrest or a death in hospital); a day
    further back is usually another incident the report recalls.  With no day there (a story first
    seen at a trial), the earliest of the days as many origins give."""
    published = [_day(c.mention.published) for g in groups for c in g if c.mention.published]
    first = min((d for d in published if d), default=None)
    near = [g for g in groups if _within(_day(str(g[0].normalized["value"])), first)]
    tied = _most_origins(near or groups)
    return min(tied, key=lambda g: str(g[0].normalized["value"]))


def _within(day: dt.date | None, first: dt.date | None) -> bool:
    return day is not None and first is not None and 0 <= (first - day).days <= RECENT


def _most_origins(groups: list[list[Claim]]) -> list[list[Claim]]:
    top = max(len({c.mention.origin for c in g}) for g in groups)
    return [g for g in groups if len({c.mention.origin for c in g}) == top]


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _precise(groups: list[list[Claim]]) -> list[Claim]:
    top = len({c.mention.origin for c in groups[0]})
    tied = [g for g in groups if len({c.mention.origin for c in g}) == top]
    return next((g for g in tied if not g[0].normalized.get("hedge")), tied[0])


def display_value(kind: str, claim: Claim) -> Any:
    """The JSON value of a fact: integers for counts, ISO days, place names, title text, lists."""
    normalized = claim.normalized
    if kind == "count":
        value = normalized["value"]
        return int(value) if float(value).is_integer() else value
    if kind == "date":
        return normalized["value"]
    if kind == "place":
        return normalized["name"]
    if kind == "title":
        return normalized["text"]
    if kind == "set":
        return list(normalized)
    return claim.subject_label or claim.value if kind == "mention" else claim.value


def fact_id(fact: Fact, index: int) -> str:
    digest = hashlib.sha1(f"{fact.subject}|{fact.attribute}|{index}".encode()).hexdigest()[:10]
    return "f-" + digest


def sort_key(fact: Fact) -> tuple[int, int, int, str, str]:
    named = fact.kind == "mention"
    return (_RANK[fact.status], int(named), -len(fact.origins), fact.attribute, fact.subject)
