"""Claims about people: their titles, the suspect's and victims' ages, who led, who is named or cited.

Roles come from the words around a mention: an age next to "suspect", "arrested", "custody" is
the suspect's; next to "victim", "killed", "dead" it is a victim's.  A named person is the suspect
of the story when any report names them in a sentence about the arrest or the charges, so "Derek
Wollaston, 34" and "a 33-year-old man was arrested" line up as two ages of one suspect.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from newsparallax.facts.claims import EVENT, ArticleInput, Claim, claim_at
from newsparallax.facts.concepts import SUSPECT_CUES, VICTIM_CUES, fold
from newsparallax.facts.titles import normalize

SUSPECT, VICTIMS = "suspect", "victims"
_AGE_NOUN = re.compile(
    r"\b(?P<age>\d{1,3})-year-old\s+(?:[\w-]+\s+){0,2}?(?P<noun>man|woman|boy|girl|suspect|gunman|shooter|"
    r"victim|father|mother|teen|teenager|driver|son|daughter|person|resident)\b",
    re.IGNORECASE,
)
_NAME_AGE = re.compile(r",\s+(?P<age>\d{1,3}),")
_LED = re.compile(r"\b(?:led|headed|commanded|accompanied)\s+by\s+(?:[^,.;:()]{0,70}\s)?$", re.IGNORECASE)
_CUE = re.compile(r"[\w-]+", re.UNICODE)
_TITLE_JUNK = re.compile(r"\b(?:who|which|that|and|y|que)\b|[\"“”]", re.IGNORECASE)
MAX_TITLE_WORDS = 12


def people(article: ArticleInput) -> list[dict[str, Any]]:
    """The report's person mentions, without the ones that are really places ("Puerto Montt")."""
    places = {fold(p.get("text") or "") for p in article.layers.get("places") or []}
    return [
        e
        for e in article.layers.get("entities") or []
        if e.get("label") == "PERSON" and e.get("key") and fold(e.get("name") or e["text"]) not in places
    ]


# --- titles -------------------------------------------------------------------------------------


def title_claims(article: ArticleInput) -> list[Claim]:
    """One claim per titled person: every title the report gives them, normalised together."""
    titles: dict[str, list[str]] = defaultdict(list)
    first: dict[str, dict[str, Any]] = {}
    for mention in people(article):
        kept = [t for t in mention.get("titles") or [] if _clean_title(t)]
        if kept:
            titles[mention["key"]].extend(t for t in kept if t not in titles[mention["key"]])
            first.setdefault(mention["key"], mention)
    return [_title_claim(article, key, titles[key], first[key]) for key in titles]


def _clean_title(title: str) -> bool:
    """Titles that swallowed a clause or another person are left out, not compared."""
    return len(title.split()) <= MAX_TITLE_WORDS and not _TITLE_JUNK.search(title)


def _title_claim(article: ArticleInput, key: str, titles: list[str], mention: dict[str, Any]) -> Claim:
    return claim_at(
        article,
        mention.get("sentence", 0),
        subject=key,
        subject_label=mention.get("name") or mention.get("text") or key,
        attribute="title",
        kind="title",
        value="; ".join(titles),
        normalized=normalize(titles),
    )


# --- roles and ages -----------------------------------------------------------------------------


def suspects(articles: list[ArticleInput]) -> set[str]:
    """Keys of the people any report names in a sentence about an arrest or charges."""
    found: set[str] = set()
    for article in articles:
        for mention in people(article):
            _, _, quote = article.sentence(mention.get("sentence", -1))
            if _role(quote, mention["start"] - article.sentence(mention.get("sentence", -1))[0]) == SUSPECT:
                found.add(mention["key"])
    return found


def _role(sentence: str, at: int) -> str | None:
    """The role the cue word nearest to ``at`` gives (None when the sentence has no cue)."""
    best: tuple[int, str] | None = None
    for match in _CUE.finditer(sentence):
        word = fold(match.group())
        role = SUSPECT if word in SUSPECT_CUES else VICTIMS if word in VICTIM_CUES else None
        if role:
            distance = abs(match.start() - at)
            if best is None or distance < best[0]:
                best = (distance, role)
    return best[1] if best else None


def age_claims(article: ArticleInput, suspect_keys: set[str]) -> list[Claim]:
    """The suspect's age, and the set of the victims' ages, as this report gives them."""
    suspect_ages: list[tuple[int, int]] = []
    victim_ages: dict[int, int] = {}
    persons = people(article)
    for index, (start, end) in enumerate(article.layers.get("sentences") or []):
        for age, role in _ages(article, (index, start, end), persons, suspect_keys):
            if role == SUSPECT:
                suspect_ages.append((age, index))
            elif role == VICTIMS:
                victim_ages.setdefault(age, index)
    claims = []
    if suspect_ages:
        age, index = suspect_ages[0]
        claims.append(_age_claim(article, index, SUSPECT, "age", "count", str(age), _exact(age)))
    if victim_ages:
        ordered = sorted(victim_ages)
        index = min(victim_ages.values())
        shown = ", ".join(str(a) for a in ordered)
        claims.append(_age_claim(article, index, VICTIMS, "ages", "set", shown, [str(a) for a in ordered]))
    return claims


def _ages(
    article: ArticleInput,
    span: tuple[int, int, int],
    persons: list[dict[str, Any]],
    suspect_keys: set[str],
) -> list[tuple[int, str | None]]:
    """Ages in sentence ``span`` (index, start, end): "a 17-year-old victim", "Ana Ruiz, 23,"."""
    index, start, end = span
    sentence = article.text[start:end]
    found = [
        (int(m.group("age")), _noun_role(m.group("noun")) or _role(sentence, m.start()))
        for m in _AGE_NOUN.finditer(sentence)
    ]
    for mention in persons:
        if mention.get("sentence") != index:
            continue
        after = _NAME_AGE.match(article.text, mention["end"])
        if after:
            role = SUSPECT if mention["key"] in suspect_keys else _role(sentence, mention["start"] - start)
            found.append((int(after.group("age")), role))
    return [(age, role) for age, role in found if 0 < age < 120]


def _noun_role(noun: str) -> str | None:
    noun = noun.lower()
    return SUSPECT if noun in ("suspect", "gunman", "shooter") else VICTIMS if noun == "victim" else None


def _exact(value: int) -> dict[str, Any]:
    return {"value": value, "low": None, "high": None, "hedge": None, "unit": None}


def _age_claim(
    article: ArticleInput, index: int, subject: str, attribute: str, kind: str, value: str, normalized: Any
) -> Claim:
    label = "the suspect" if subject == SUSPECT else "the victims"
    return claim_at(
        article,
        index,
        subject=subject,
        subject_label=label,
        attribute=attribute,
        kind=kind,
        value=value,
        normalized=normalized,
    )


# --- people named, leaders, sources -------------------------------------------------------------


def named_claims(article: ArticleInput) -> list[Claim]:
    """Each person the report names (once), and who it says led or accompanied the event's actors."""
    claims: list[Claim] = []
    seen: set[str] = set()
    for mention in people(article):
        key = mention["key"]
        before = article.text[max(0, mention["start"] - 90) : mention["start"]]
        if _LED.search(before):
            claims.append(_person_claim(article, mention, EVENT, "led by"))
        if key not in seen:
            seen.add(key)
            claims.append(_person_claim(article, mention, key, "named"))
    return claims


def _person_claim(article: ArticleInput, mention: dict[str, Any], subject: str, attribute: str) -> Claim:
    name = mention.get("name") or mention["text"]
    kind = "name" if attribute == "led by" else "mention"
    return claim_at(
        article,
        mention.get("sentence", 0),
        subject=subject,
        subject_label=name,
        attribute=attribute,
        kind=kind,
        value=name,
        normalized=mention["key"],
    )


def source_claims(article: ArticleInput) -> list[Claim]:
    """The sources the report cites by name, and the outlets anonymous claims came through."""
    claims: list[Claim] = []
    seen: set[str] = set()
    persons = {fold((p.get("name") or p["text"]).split()[-1]): p for p in people(article)}
    for item in article.layers.get("attributions") or []:
        for name, key in _cited(item, persons):
            if key not in seen:
                seen.add(key)
                claims.append(
                    claim_at(
                        article,
                        item["sentence"],
                        subject=key,
                        subject_label=name,
                        attribute="cited as a source",
                        kind="mention",
                        value=name,
                        normalized=key,
                    )
                )
    return claims


def _cited(item: dict[str, Any], persons: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """(name, key) of the sources an attribution names: its source unless anonymous, and its chain."""
    named = (
        [] if item.get("anonymous") or item.get("kind") in ("anonymous", "unknown") else [item.get("source")]
    )
    found = []
    for name in [*named, *(item.get("via") or [])]:
        if not name:
            continue
        person = persons.get(fold(str(name)).split()[-1]) if len(str(name).split()) == 1 else None
        key = (person or {}).get("key") or item.get("key") if name == item.get("source") else None
        found.append((str(name), key or "source:" + fold(str(name)).removeprefix("the ")))
    return found


_WITNESS = re.compile(
    r"\b(?P<who>(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[A-Z][\w.]*\s+){0,2}(?:journalist|reporter|correspondent|photographer|"
    r"witness|cameraman)s?)\s+(?:[\w,]+\s+){0,4}?(?:saw|witnessed|observed|spotted|watched|filmed)\b",
)


def witness_claims(article: ArticleInput) -> list[Claim]:
    """First-hand observations: "a wire photographer on Monday saw the ferry on its side"."""
    claims = []
    for match in _WITNESS.finditer(article.text):
        who = match.group("who")
        claims.append(
            claim_at(
                article,
                article.sentence_at(match.start()),
                subject="witness:" + fold(who),
                subject_label=who,
                attribute="saw it first-hand",
                kind="mention",
                value=who,
                normalized=fold(who),
            )
        )
    return claims
