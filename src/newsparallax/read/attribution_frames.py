"""Attributing constructions in a parsed sentence, for :mod:`newsparallax.read.attribution`.

A frame is one construction that attributes the sentence's content to speakers: a speech verb with
its subject (inverted, relative and shared subjects included) and, for "X quoted Y as saying", the
quoted; passive "X was quoted by Y", "It was reported by Y (that)"; "according to X", joined to the
verb it modifies; "citing X", whose cited become inner speakers.  The chain of a sentence's frames
runs from the outermost to the one nested deepest in the others' reported content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsparallax.read import attribution_rules as rules

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODIFIER_DEPS = frozenset({"relcl", "acl", "amod"})
_CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
#: Links from a speech verb into its content, and links allowed further down the path to a nested one.
_CONTENT_LINKS = frozenset({"ccomp", "parataxis", "xcomp"})
_PATH_LINKS = _CONTENT_LINKS | {"pcomp", "conj", "acl", "prep", "dobj", "pobj"}
_MAX_CHAIN = 4


@dataclass(eq=False)
class _Frame:
    """One attributing construction: its anchor token, verb and speakers (outermost first)."""

    anchor: Token
    verb: str
    speakers: list[Token | None]
    depth: int = 0


def _frames(sent: Span) -> list[_Frame]:
    frames: dict[int, _Frame] = {}
    according: list[Token] = []
    citing: list[Token] = []
    for token in sent:
        lower = token.lower_
        if lower == "according":
            according.append(token)
        elif lower in rules.CITING_FORMS:
            citing.append(token)
        elif lower in rules.SPEECH_VERBS and token.tag_.startswith("VB"):
            frame = _verb_frame(token)
            if frame is not None:
                frames[token.i] = frame
    for token in according:
        _add_according(token, frames)
    for frame in frames.values():
        frame.depth = _depth(frame.anchor)
    for token in citing:
        _add_citing(token, frames)
    return list(frames.values())


def _verb_frame(verb: Token) -> _Frame | None:
    lower = verb.lower_
    passive = any(child.dep_ == "auxpass" for child in verb.children)
    if passive and lower == "said" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "to":
        return None  # "is said to": a hedge, not a source
    content = any(child.dep_ in _CONTENT_DEPS for child in verb.children)
    quoting = lower in rules.QUOTING_VERBS and _says(verb)
    if (verb.dep_ in _MODIFIER_DEPS or lower in rules.CONTENT_VERBS) and not (content or quoting):
        return None
    subject = _subject(verb)
    if passive:
        return _passive_frame(verb, subject, quoting, content)
    quoted = _child(verb, "dobj") if quoting else None
    speakers: list[Token | None] = [speaker for speaker in (subject, quoted) if speaker is not None]
    return _Frame(verb, lower, speakers) if speakers else None


def _passive_frame(verb: Token, subject: Token | None, quoting: bool, content: bool) -> _Frame | None:
    """ "X was quoted by Y as saying", "It was reported by Y that", impersonal "It was reported that"."""
    lower, agent = verb.lower_, _child(verb, "agent")
    by = _child(agent, "pobj") if agent is not None else None
    if quoting and subject is not None:
        speakers: list[Token | None] = [by, subject] if by is not None else [subject]
        return _Frame(verb, lower, speakers)
    if by is not None:
        return _Frame(verb, lower, [by])
    if subject is not None and subject.lower_ == "it" and content:
        return _Frame(verb, lower, [None])
    return None


def _add_according(according: Token, frames: dict[int, _Frame]) -> None:
    """ "according to X": the outer speaker of the verb it modifies (or, closing the sentence after a
    comma, of the outermost verb), else a frame of its own."""
    doc, end = according.doc, according.right_edge.i + 1
    if according.i + 1 >= len(doc) or doc[according.i + 1].lower_ != "to":
        return
    source = _child(doc[according.i + 1], "pobj")
    if source is None:
        return
    host = frames.get(according.head.i)
    after_comma = according.i > 0 and doc[according.i - 1].text == ","
    closing = after_comma and all(token.is_punct for token in doc[end : according.sent.end])
    if host is None and frames and closing:
        host = min(frames.values(), key=lambda frame: (_depth(frame.anchor), frame.anchor.i))
    if host is not None:
        host.speakers.insert(0, source)
    else:
        frames[according.i] = _Frame(according, "according to", [source])


def _add_citing(citing: Token, frames: dict[int, _Frame]) -> None:
    """ "Reuters, citing two sources, reported ...": the cited become the inner speakers."""
    cited = _child(citing, "dobj")
    if cited is not None and frames:
        host = frames.get(citing.head.i) or min(frames.values(), key=lambda f: (f.depth, f.anchor.i))
        host.speakers.append(cited)


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, through relative pronouns and shared subjects of conjoined verbs."""
    current = verb
    for _ in range(4):
        subjects = [child for child in current.children if child.dep_ in _SUBJECTS]
        if subjects:
            subject = min(subjects, key=lambda child: abs(child.i - current.i))
            relative = subject.lower_ in rules.RELATIVE_PRONOUNS and current.dep_ == "relcl"
            return current.head if relative else subject
        if current.dep_ != "conj":
            return None
        current = current.head
    return None


def _says(verb: Token) -> bool:
    """Whether a quoting verb carries "(as) saying": "quoted a source as saying", "cited X saying"."""
    for child in verb.children:
        if child.lower_ == "saying" or (child.dep_ in {"prep", "dobj"} and _child_word(child, "saying")):
            return True
        if child.dep_ == "dobj" and any(_child_word(grand, "saying") for grand in child.children):
            return True
    return False


def _chain(frames: list[_Frame]) -> list[_Frame]:
    """The outermost frame, then each nested frame inside the previous one's content."""
    ordered = sorted(frames, key=lambda frame: (frame.depth, frame.anchor.i))
    chain = [ordered[0]]
    while len(chain) < _MAX_CHAIN:
        outer = chain[-1]
        inner = next((f for f in ordered if f not in chain and _inside(f.anchor, outer)), None)
        if inner is None:
            break
        chain.append(inner)
    return chain


def _inside(token: Token, frame: _Frame) -> bool:
    """Whether ``token`` lies in the reported content of ``frame``: below its anchor through content
    links only ("reported that X said", not "reported ..., though X said" nor its subject)."""
    if frame.verb == "according to":
        return False
    below, current = token, token.head
    for _ in range(len(token.doc)):
        if current.i == frame.anchor.i:
            quoted = below.dep_ in {"dobj", "prep"} and frame.verb in rules.QUOTING_VERBS
            return quoted or below.dep_ in _CONTENT_LINKS
        if below.dep_ not in _PATH_LINKS or current.head.i == current.i:
            return False
        below, current = current, current.head
    return False


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 64:
        token, depth = token.head, depth + 1
    return depth


def _child(token: Token, dep: str) -> Token | None:
    return next((child for child in token.children if child.dep_ == dep), None)


def _child_word(token: Token, word: str) -> bool:
    return any(child.lower_ == word for child in token.children)
