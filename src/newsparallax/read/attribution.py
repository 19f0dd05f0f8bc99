"""Whom each sentence's claim is attributed to, with the chain of reporters it came through.

:func:`find_attributions` walks the dependency parse of every sentence (the attributing constructions
are found by :mod:`newsparallax.read.attribution_frames`):

* speech verbs ("said", "reported", "tweeted", ...) recognised by surface form, each with its subject
  (inverted "said Mayorca", relative "who said", shared "gave ... but quoted" subjects included);
* "according to X", "X quoted/cited Y as saying", "It was reported by X";
* nesting: a speech verb inside another's content is the nearer speaker, so "Sputnik reported that
  journalist Mayorca said on Twitter that ..." gives source "Mayorca", via ["Sputnik"];
* channels ("on his Twitter feed" → "Twitter", "in a statement", "to local media"), anonymity
  ("on condition of anonymity", "an unnamed source"), hedges ("reportedly", "is said to");
* "he"/"she"/"it"/"the agency" resolved to the last named source of a matching kind.

:func:`find_attributions_plain` is a regex fallback for text without a parser (English, Spanish,
French): "according to X", "X said", "según X", "dijo X", "selon X", "X a déclaré".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsparallax.read import attribution_rules as rules
from newsparallax.read.attribution_frames import _chain, _child, _child_word, _Frame, _frames
from newsparallax.read.attribution_rules import find_attributions_plain
from newsparallax.read.layers import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["find_attributions", "find_attributions_plain"]

log = logging.getLogger(__name__)

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "WORK_OF_ART", "FAC", "PRODUCT", "LOC"})
#: Children left out of a source phrase ("officials [who spoke ...]", "Delgado[, a spokeswoman]").
_PHRASE_SKIP = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "conj"})
_MEDIA_MODIFIERS = rules.MEDIA_NOUNS | {"news"}
_TOLD_MEDIA = rules.MEDIA_NOUNS | rules.MEDIA_NAMES
_SOCIAL = frozenset(rules.SOCIAL_CHANNELS.values()) | {"social media"}
#: Kinds of common-noun speakers by head noun, first match wins.
_PHRASE_KINDS = (
    (rules.MEDIA_NOUNS, "media"),
    (rules.OFFICIAL_NOUNS, "official"),
    (rules.DOCUMENT_NOUNS, "document"),
    (rules.PERSON_NOUNS | {"he", "she"}, "person"),
    (rules.ORG_NOUNS, "organisation"),
)
_MAX_PHRASE = 16


@dataclass
class _Source:
    text: str
    kind: str  # the kind of the speaker itself, before a social channel turns it into social_media
    start: int = -1
    end: int = -1
    named: bool = False


@dataclass
class _Memory:
    """Named sources seen so far, by kind, for pronouns and "the agency" in later sentences."""

    seq: int = 0
    last: dict[str, tuple[int, str]] = field(default_factory=dict)
    person: str = ""  # the last PERSON entity of the earlier sentences
    surnames: frozenset[str] = frozenset()  # last words of the doc's PERSON entities

    def remember(self, source: _Source) -> None:
        if source.named and source.kind != "unknown":
            self.seq += 1
            self.last[source.kind] = (self.seq, source.text)

    def recall(self, kinds: tuple[str, ...]) -> tuple[str, str] | None:
        hits = [(self.last[kind], kind) for kind in kinds if kind in self.last]
        if not hits:
            return (self.person, "person") if "person" in kinds and self.person else None
        (_, text), kind = max(hits)
        return text, kind


# --- parsed text -------------------------------------------------------------------------------------


def find_attributions(doc: Doc) -> list[Attribution]:
    """At most one :class:`Attribution` per sentence of a parsed ``doc``, in sentence order."""
    names = {i: ent for ent in doc.ents if ent.label_ in _NAME_LABELS for i in range(ent.start, ent.end)}
    people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    memory, seen_people = _Memory(surnames=frozenset(ent[-1].lower_ for ent in people)), 0
    found: list[Attribution] = []
    for index, sent in enumerate(doc.sents):
        while seen_people < len(people) and people[seen_people].end <= sent.start:
            memory.person, seen_people = people[seen_people].text, seen_people + 1
        record = _attribute(sent, index, names, memory)
        if record is not None:
            found.append(record)
    log.debug("%d attributions", len(found))
    return found


def _attribute(sent: Span, index: int, names: dict[int, Span], memory: _Memory) -> Attribution | None:
    lowers = [token.lower_ for token in sent]
    hedges = _hedges(lowers)
    frames = _frames(sent)
    if not frames:
        return Attribution(index, "", "unknown", "", hedges=hedges) if hedges else None
    chain = _chain(frames)
    speakers = [speaker for frame in chain for speaker in frame.speakers]
    sources = [_describe(speaker, names, memory) for speaker in speakers]
    source, inner = sources[-1], chain[-1]
    channel = _channel(inner, speakers[-1])
    anonymous = source.kind == "anonymous" or _has_anonymity(lowers)
    for seen in sources:
        memory.remember(seen)
    via = [seen.text for seen in reversed(sources[:-1]) if seen.text and seen.text != source.text]
    return Attribution(
        sentence=index, source=source.text, kind=_final_kind(source, channel, anonymous), verb=inner.verb,
        start=source.start, end=source.end, channel=channel, via=via, anonymous=anonymous, hedges=hedges,
    )  # fmt: skip


def _final_kind(source: _Source, channel: str | None, anonymous: bool) -> str:
    if channel in _SOCIAL:
        return "social_media"
    if anonymous and not source.named and source.kind != "media":
        return "anonymous"
    return source.kind


# --- sources -----------------------------------------------------------------------------------------


def _describe(speaker: Token | None, names: dict[int, Span], memory: _Memory) -> _Source:
    if speaker is None:
        return _Source("", "unknown")
    doc = speaker.doc
    name = _name(speaker, names)
    if name is not None:
        span = doc[name[0] : name[1]]
        words = [token.lower_ for token in span]
        kind = _name_kind(words, doc[name[1] - 1], names, memory.surnames)
        return _Source(span.text, kind, span.start_char, span.end_char, named=True)
    start, end = _phrase(speaker)
    span = doc[start:end]
    words = [token.lower_ for token in span]
    resolved = _resolve(speaker, words, memory)
    if resolved is not None:
        return _Source(resolved[0], resolved[1], span.start_char, span.end_char, named=True)
    return _Source(span.text, _phrase_kind(words, speaker), span.start_char, span.end_char)


def _name(head: Token, names: dict[int, Span]) -> tuple[int, int] | None:
    """Token range of the name a speaker carries: its entity, its proper-noun run, or its apposition."""
    if head.i in names:
        ent = names[head.i]
        return ent.start, ent.end
    if head.pos_ == "PROPN":
        start, doc = head.i, head.doc
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == head.i:
            start -= 1
        return start, head.i + 1
    for child in head.children:
        if child.dep_ == "appos" and (child.i in names or child.pos_ == "PROPN"):
            return _name(child, names)
    return None


def _phrase(head: Token) -> tuple[int, int]:
    """Token range of a common-noun speaker, without relative clauses, appositions and channels."""
    start, end = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ not in _PHRASE_SKIP:
            start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in _PHRASE_SKIP or _prep_channel(child) is not None:
            break
        end = child.right_edge.i + 1
    return start, min(end, start + _MAX_PHRASE)


def _resolve(head: Token, words: list[str], memory: _Memory) -> tuple[str, str] | None:
    """ "he", "it", "the agency": the last named source of a matching kind."""
    if len(words) == 1 and words[0] in rules.PRONOUN_KINDS:
        return memory.recall(rules.PRONOUN_KINDS[words[0]])
    kinds = rules.REFERENCE_KINDS.get(head.lower_)
    if kinds is None or words[0] not in rules.DEFINITE:
        return None
    if any(token.pos_ == "PROPN" for token in head.subtree):
        return None
    return memory.recall(kinds)


def _name_kind(words: list[str], head: Token, names: dict[int, Span], surnames: frozenset[str]) -> str:
    """Kind of a named speaker; ``head`` is the last token of the name."""
    label = names[head.i].label_ if head.i in names else ""
    modifiers = {child.lower_ for child in head.lefts}
    short = " ".join(word for word in words if word != "the")
    if short in rules.MEDIA_NAMES or words[-1] in rules.MEDIA_SUFFIXES or modifiers & _MEDIA_MODIFIERS:
        return "media"
    if words[-1] in rules.OFFICIAL_NOUNS:
        return "official"
    if label == "PERSON" or words[-1] in surnames:
        return "person"
    if label == "GPE":
        return "official"
    if label or set(words) & rules.ORG_NAME_WORDS:
        return "organisation"
    return "person"


def _phrase_kind(words: list[str], head: Token) -> str:
    lower = head.lower_
    if lower in rules.ANONYMOUS_NOUNS or set(words) & rules.ANONYMOUS_MODIFIERS:
        return "anonymous"
    if lower == "media" and "social" in words:
        return "social_media"
    if "news" in words:
        return "media"
    return next((kind for nouns, kind in _PHRASE_KINDS if lower in nouns), "unknown")


# --- channels, anonymity, hedges ----------------------------------------------------------------------


def _channel(frame: _Frame, speaker: Token | None) -> str | None:
    """Where the speaker said it: "on Twitter", "in a statement", "to local media", "on its website"."""
    preps = [] if frame.verb == "according to" else list(frame.anchor.children)
    if speaker is not None:
        preps += list(speaker.rights)
    for prep in preps:
        channel = _prep_channel(prep)
        if channel is not None:
            return channel
    implied = rules.IMPLIED_CHANNEL.get(frame.verb)
    if implied is not None:
        return implied
    told = _child(frame.anchor, "dobj") if frame.verb in {"told", "tells"} else None
    if told is not None and told.lower_ in _TOLD_MEDIA:
        return told.doc[told.left_edge.i : told.i + 1].text
    return None


def _prep_channel(prep: Token) -> str | None:
    if prep.dep_ != "prep" or prep.lower_ not in rules.CHANNEL_PREPOSITIONS:
        return None
    target = _child(prep, "pobj")
    if target is not None and target.lower_ in rules.CHANNEL_CONTAINERS:
        of = next((child for child in target.children if child.lower_ == "of"), None)
        target = _child(of, "pobj") if of is not None else target
    if target is None:
        return None
    for token in (target, *target.lefts):
        if token.lower_ in rules.SOCIAL_CHANNELS:
            return rules.SOCIAL_CHANNELS[token.lower_]
    if target.lower_ == "media" and _child_word(target, "social"):
        return "social media"
    if target.lower_ in rules.CHANNEL_NOUNS:
        return target.doc[target.left_edge.i : target.i + 1].text
    return None


def _has_anonymity(lowers: list[str]) -> bool:
    for i, word in enumerate(lowers):
        for marker in rules.ANONYMITY_MARKERS:
            if word == marker[0] and tuple(lowers[i : i + len(marker)]) == marker:
                return True
    return False


def _hedges(lowers: list[str]) -> list[str]:
    found: list[str] = []
    for i, word in enumerate(lowers):
        following = lowers[i + 1] if i + 1 < len(lowers) else ""
        hedge = word if word in rules.HEDGE_WORDS else rules.HEDGE_PAIRS.get((word, following))
        if word == "said" and following == "to" and i > 0 and lowers[i - 1] in rules.BE_FORMS:
            hedge = "is said to"
        if hedge is not None and hedge not in found:
            found.append(hedge)
    return found
