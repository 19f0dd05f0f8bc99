"""Provenance: who reported first, which reports are copies of one origin, and who cites whom.

* **Origins.**  Reports linked as near-duplicates at ingest (syndicated wire copies) form one
  origin; its earliest report is the origin, the others are its copies.  Independence is counted
  in origins everywhere in the facts stage.
* **Citations.**  Every named source a report attributes a claim to ("Javier Mayorca on Twitter",
  "Sputnik reported"), with the chain it came through ("an official, according to Sputnik") and the
  wire agency the report credits, becomes an edge of a small graph: source → intermediary → wire →
  outlet.  Sources cited by two or more independent origins are listed as *shared*: the reports
  did not find the fact independently, they all go back to that source.
* **First report** of the story and of every fact value: the earliest dated mention.
"""

from __future__ import annotations

import difflib
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from newsparallax.facts.claims import ArticleInput, Claim
from newsparallax.facts.concepts import fold

_SOURCE_KINDS_SKIPPED = ("unknown",)


def assign_origins(articles: Sequence[ArticleInput], links: Iterable[tuple[str, str]]) -> None:
    """Set each article's ``origin`` to the earliest report of its near-duplicate group."""
    parent = {a.stored_id: a.stored_id for a in articles}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in links:
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    groups: dict[str, list[ArticleInput]] = defaultdict(list)
    for article in articles:
        groups[root(article.stored_id)].append(article)
    for members in groups.values():
        first = min(members, key=lambda a: (a.published or "9999", a.stored_id))
        for article in members:
            article.origin = first.stored_id


def provenance(articles: Sequence[ArticleInput]) -> dict[str, Any]:
    by_id = {a.stored_id: a for a in articles}
    dated = sorted((a for a in articles if a.published), key=lambda a: (a.published or "", a.stored_id))
    first = dated[0] if dated else None
    citations = _citations(articles)
    origins = _origins(articles, by_id)
    return {
        "first_report": _ref(first) if first else None,
        "independent_origins": len(origins),
        "origins": origins,
        "citations": citations,
        "shared_sources": [c["source"] for c in citations if c["origins"] >= 2],
        "edges": _edges(articles, citations),
    }


def _ref(article: ArticleInput) -> dict[str, Any]:
    return {"article": article.given_id, "outlet": article.outlet, "published": article.published}


def _origins(articles: Sequence[ArticleInput], by_id: dict[str, ArticleInput]) -> list[dict[str, Any]]:
    copies: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if article.origin and article.origin != article.stored_id:
            copies[article.origin].append(article.given_id)
    roots = sorted(
        {a.origin or a.stored_id for a in articles}, key=lambda i: (by_id[i].published or "9999", i)
    )
    return [
        {**_ref(by_id[root]), "wires": by_id[root].wires, "copies": sorted(copies[root])} for root in roots
    ]


def _citations(articles: Sequence[ArticleInput]) -> list[dict[str, Any]]:
    keys = _source_keys(articles)
    grouped: dict[str, dict[str, Any]] = {}
    for article in articles:
        for item in article.layers.get("attributions") or []:
            if not item.get("source") or item.get("kind") in _SOURCE_KINDS_SKIPPED:
                continue
            key = keys[_raw_key(item)]
            entry = grouped.setdefault(key, _entry(item))
            _add_citation(entry, article, item)
    for entry in grouped.values():
        entry["origins"] = len(entry.pop("_origins"))
        entry["via"] = sorted(entry["via"])
    return sorted(grouped.values(), key=lambda e: (-e["origins"], e["first"] or "9999", e["source"]))


def _entry(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "source": item["source"],
        "kind": item.get("kind"),
        "channel": item.get("channel"),
        "anonymous": bool(item.get("anonymous")),
        "via": set(),
        "cited_by": [],
        "_origins": set(),
        "first": None,
    }


def _add_citation(entry: dict[str, Any], article: ArticleInput, item: dict[str, Any]) -> None:
    entry["via"].update(item.get("via") or [])
    entry["channel"] = entry["channel"] or item.get("channel")
    entry["_origins"].add(article.origin or article.stored_id)
    if all(c["article"] != article.given_id for c in entry["cited_by"]):
        _, _, quote = article.sentence(item.get("sentence", -1))
        entry["cited_by"].append({**_ref(article), "quote": quote, "via": list(item.get("via") or [])})
    if article.published and (entry["first"] is None or article.published < entry["first"]):
        entry["first"] = article.published
    if len(str(item["source"])) > len(entry["source"]) and not item.get("anonymous"):
        entry["source"] = item["source"]


def _raw_key(item: dict[str, Any]) -> str:
    return str(item.get("key") or fold(str(item["source"])).removeprefix("the "))


def _source_keys(articles: Sequence[ArticleInput]) -> dict[str, str]:
    """Map each raw source key to one key per source: "Mayorca" and "Majorca" → "javier mayorca"."""
    raw = {_raw_key(i) for a in articles for i in a.layers.get("attributions") or [] if i.get("source")}
    full = sorted((k for k in raw if len(k.split()) > 1), key=len, reverse=True)
    return {key: _match_full(key, full) for key in raw}


def _match_full(key: str, full: list[str]) -> str:
    if len(key.split()) > 1:
        return key
    for candidate in full:
        last = candidate.split()[-1]
        if last == key or difflib.SequenceMatcher(None, last, key).ratio() >= 0.85:
            return candidate
    return key


def unify_sources(claims: list[Claim]) -> list[Claim]:
    """One subject per cited source across reports: "Majorca" and "Mayorca" join "Javier Mayorca"."""
    cited = [c for c in claims if c.attribute == "cited as a source"]
    full = sorted(
        {_bare(c.subject) for c in cited if len(_bare(c.subject).split()) > 1}, key=len, reverse=True
    )
    keys = {
        c.subject: next((c2.subject for c2 in cited if _bare(c2.subject) == target), c.subject)
        for c in cited
        for target in [_match_full(_bare(c.subject), full)]
    }
    for claim in cited:
        claim.subject = claim.normalized = keys[claim.subject]
    return claims


def _bare(key: str) -> str:
    return key.split(":", 1)[-1]


def _edges(articles: Sequence[ArticleInput], citations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who cites whom: source → via … → wire → outlet, one edge per hop (deduplicated)."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    outlets = {a.given_id: a for a in articles}
    for citation in citations:
        for ref in citation["cited_by"]:
            article = outlets[ref["article"]]
            chain = [citation["source"], *ref["via"], *article.wires, article.outlet or article.given_id]
            for a, b in itertools.pairwise(chain):
                if a != b:
                    seen[(a, b)].add(article.given_id)
    return [{"from": a, "to": b, "articles": sorted(ids)} for (a, b), ids in sorted(seen.items())]
