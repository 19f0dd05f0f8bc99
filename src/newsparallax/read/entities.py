"""Entities with one name per article and one key across the store, with the titles people carry.

* Names the NER missed are recovered: once "Tonkoshkurov" is a person somewhere in the article,
  every other "Tonkoshkurov" is too, extended left over the given names before it.
* Short forms resolve to the fullest form in the article ("Maduro" → "Nicolas Maduro").
* Keys fold accents and case ("Nicolás Maduro" and "Nicolas Maduro" share ``person:nicolas maduro``).
* Titles come from pre-modifiers ("Chief of Staff of Russian Ground Forces Vasily Tonkoshkurov",
  "General Vasily Tonkoshkurov") and appositions ("Tonkoshkurov, head of the ... Directorate").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsparallax.read.layers import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

KIND_BY_LABEL = {
    "PERSON": "person", "ORG": "org", "NORP": "group", "GPE": "place", "LOC": "place", "FAC": "place",
    "EVENT": "event", "PRODUCT": "product", "WORK_OF_ART": "work", "LAW": "law",
}  # fmt: skip
TITLE_WORDS = frozenset(
    """
    president vice minister prime premier general gen chief head leader director spokesman
    spokeswoman spokesperson journalist reporter correspondent ambassador envoy commander governor
    mayor officer secretary chairman chairwoman chair adviser advisor deputy senator congressman
    congresswoman representative rep sen lawmaker admiral vice-admiral colonel col lieutenant lt
    captain capt major sergeant sgt marshal king queen prince princess pope bishop cardinal judge
    justice prosecutor attorney lawyer sheriff detective inspector superintendent commissioner
    coroner investigator analyst professor dr doctor executive ceo founder editor anchor activist
    ally official officials aide agent constable mr mrs ms miss dame sir lord chancellor
    foreign interior defence defense staff
    """.split()  # noqa: SIM905
)
#: Names the small NER model often takes for people: agencies, outlets and platforms.
KNOWN_ORGS = frozenset(
    """
    ap afp reuters sputnik tass ria xinhua efe dpa ansa bloomberg upi bbc cnn twitter facebook
    instagram telegram youtube whatsapp tiktok reddit x
    """.split()  # noqa: SIM905
)
_JOINERS = frozenset({"of", "the", "and", "for", "'s", "’s", "-"})
_TRIM = frozenset({"of", "the", "and", "for", "a", "an", "'s", "’s", "-", ",", "'", "’"})
_FOLD_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")
_MAX_TITLE_TOKENS = 12


def fold(name: str) -> str:
    """Accent-, case- and punctuation-insensitive form of a name."""
    if name.isascii():
        plain = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _FOLD_PUNCT.sub(" ", plain.casefold())).strip()


def entity_key(kind: str, name: str) -> str:
    return f"{kind}:{fold(name)}"


def find_entities(doc: Doc, sentence_of_token: list[int]) -> list[EntityMention]:
    """Every named entity of ``doc`` with its article-level name, key and titles."""
    people = [_extend_left(doc, e, set()) for e in doc.ents if e.label_ == "PERSON"]
    people += _recovered_people(doc, people)
    taken = {i for span in people for i in range(span.start, span.end)}
    others = [t for t in (_trim(e, taken) for e in doc.ents if e.label_ != "PERSON") if t is not None]
    places = frozenset(e.text for e in doc.ents if e.label_ in ("GPE", "NORP", "LOC"))
    spans = people + others
    mentions = [m for m in (_mention(span, sentence_of_token, places) for span in spans) if m is not None]
    mentions.sort(key=lambda m: m.start)
    _resolve_short_forms(mentions)
    return mentions


def _mention(span: Span, sentence_of_token: list[int], places: frozenset[str]) -> EntityMention | None:
    kind = KIND_BY_LABEL.get(span.label_)
    if kind is None:
        return None
    label = span.label_
    if kind == "person" and fold(span.text) in KNOWN_ORGS:
        kind, label = "org", "ORG"
    core, titles = _split_leading_titles(span, places) if kind == "person" else (span, [])
    name = _clean_name(core.text, kind)
    if not name or not any(c.isalpha() for c in name):
        return None
    if kind == "person":
        titles += _titles(core)
    return EntityMention(
        start=span.start_char, end=span.end_char, text=span.text, label=label,
        sentence=sentence_of_token[span.start], name=name, key=entity_key(kind, name), titles=titles,
    )  # fmt: skip


def _clean_name(text: str, kind: str) -> str:
    name = text.strip().strip(",;:.\"'“”‘’()")
    name = re.sub(r"(?:'s|’s|')$", "", name).strip()
    if kind != "person":
        name = re.sub(r"^(?:the|The)\s+", "", name)
        name = re.sub(r"\s+(?:of|and|for|the)$", "", name)
    return _SPACES.sub(" ", name)


def _split_leading_titles(span: Span, places: frozenset[str]) -> tuple[Span, list[str]]:
    """ "President Nicolas Maduro" (one PERSON span) → ("Nicolas Maduro", ["President"]).

    Leading place names are cut too ("Venezuela Trump" from a slogan is "Trump").
    """
    cut = span.start
    while cut < span.end - 1 and (
        span.doc[cut].lower_.rstrip(".") in TITLE_WORDS or span.doc[cut].text in places
    ):
        cut += 1
    if cut == span.start:
        return span, []
    titles = [span.doc[span.start : cut].text] if _title_text(span.doc[span.start : cut]) else []
    return span.doc[cut : span.end], titles


def _recovered_people(doc: Doc, people: list[Span]) -> list[Span]:
    """Occurrences of a known person's surname that the NER missed or put inside another entity.

    Where the words before it spell a full name seen elsewhere in the article ("Ilya Varenko"),
    the whole name is taken; otherwise the surname plus any given names before it.
    """
    surnames = {span[-1].text for span in people if span[-1].text[:1].isupper()}
    full_names = sorted(
        {tuple(t.text for t in span) for span in people if len(span) > 1}, key=len, reverse=True
    )
    taken = {i for span in people for i in range(span.start, span.end)}
    found: list[Span] = []
    for token in doc:
        if token.text in surnames and token.i not in taken:
            span = _known_full_name(doc, token, full_names) or _extend_left(
                doc, doc[token.i : token.i + 1], taken
            )
            found.append(_labelled(doc, span.start, span.end, "PERSON"))
            taken.update(range(span.start, span.end))
    return found


def _labelled(doc: Doc, start: int, end: int, label: str) -> Span:
    from spacy.tokens import Span  # spaCy is imported where a document is read, not with this module

    return Span(doc, start, end, label=label)


def _known_full_name(doc: Doc, surname: Token, full_names: list[tuple[str, ...]]) -> Span | None:
    for words in full_names:
        start = surname.i - len(words) + 1
        if (
            words[-1] == surname.text
            and start >= 0
            and tuple(t.text for t in doc[start : surname.i + 1]) == words
        ):
            return doc[start : surname.i + 1]
    return None


def _extend_left(doc: Doc, span: Span, taken: set[int]) -> Span:
    """Add the given names the NER left out: "Ilya" before a labelled "Varenko"."""
    start = span.start
    while (
        start > span.sent.start
        and _is_given_name(doc[start - 1], taken)
        and doc[start - 1].ent_type_ in ("", "PERSON")
    ):
        start -= 1
    return span if start == span.start else _labelled(doc, start, span.end, span.label_)


def _trim(span: Span, taken: set[int]) -> Span | None:
    """An entity that swallowed a person's name keeps only what comes before it."""
    overlap = [i for i in range(span.start, span.end) if i in taken]
    if not overlap:
        return span
    if overlap[0] == span.start:
        return None
    return _labelled(span.doc, span.start, overlap[0], span.label_)


def _is_given_name(token: Token, taken: set[int]) -> bool:
    return (
        token.i not in taken and token.text[:1].isupper() and token.is_alpha
        and token.lower_ not in TITLE_WORDS and token.pos_ == "PROPN"
    )  # fmt: skip


def _titles(name: Span) -> list[str]:
    titles = [t for t in (_premodifier(name), *_appositions(name)) if t]
    return list(dict.fromkeys(titles))


def _premodifier(name: Span) -> str | None:
    """The title words just before a name: "Chief of Staff of Russian Ground Forces", "General"."""
    doc, start = name.doc, name.start
    index = start - 1
    sentence_start = name.sent.start
    while index >= sentence_start and start - index <= _MAX_TITLE_TOKENS and _title_token(doc[index], name):
        index -= 1
    return _title_text(doc[index + 1 : start])


def _title_token(token: Token, name: Span) -> bool:
    lower = token.lower_
    if lower in TITLE_WORDS or lower in _JOINERS:
        return True
    if token.ent_type_ in ("ORG", "NORP", "GPE") or (token.text[:1].isupper() and token.is_alpha):
        return token.pos_ in ("PROPN", "ADJ", "NOUN")
    return token.pos_ in ("NOUN", "ADJ") and token.dep_ in ("compound", "amod") and token.head.i > token.i


def _appositions(name: Span) -> Iterable[str | None]:
    """ "X, head of the border police," and "an independent journalist, X"."""
    for token in name.root.children:
        if token.dep_ == "appos" and token.i >= name.end:
            yield _title_text(token.doc[token.left_edge.i : token.right_edge.i + 1])
    head = name.root.head
    if name.root.dep_ == "appos" and head.i < name.start:
        yield _title_text(name.doc[head.left_edge.i : head.i + 1])


def _title_text(span: Span) -> str | None:
    tokens = list(span)
    while tokens and tokens[0].lower_ in _TRIM:
        tokens.pop(0)
    while tokens and (tokens[-1].lower_ in _TRIM or tokens[-1].is_punct):
        tokens.pop()
    if not tokens or not any(t.lower_.rstrip(".") in TITLE_WORDS for t in tokens):
        return None
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def _resolve_short_forms(mentions: list[EntityMention]) -> None:
    """Give every person mention the fullest name in the article that ends with its surname.

    Where several different people share the surname, the nearest one mentioned before wins.
    """
    people = [m for m in mentions if m.key.startswith("person:")]
    for mention in people:
        words = mention.name.split()
        fuller = [p for p in people if len(p.name.split()) > len(words) and _extends(p.name.split(), words)]
        if not fuller:
            continue
        before = [p for p in fuller if p.start < mention.start]
        chosen = (before or fuller)[-1] if len({p.key for p in fuller}) > 1 else fuller[0]
        mention.name, mention.key = chosen.name, chosen.key


def _extends(full: list[str], short: list[str]) -> bool:
    """True when ``short`` is the tail of ``full`` ("Maduro" of "Nicolas Maduro"), accents ignored."""
    return [fold(w) for w in full[-len(short) :]] == [fold(w) for w in short]
