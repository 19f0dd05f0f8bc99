"""Framing: how each outlet tells a story, scored from words a reader can check.

For every article the terms of its language's lexicon (:mod:`newsparallax.facts.framing_lexicon`)
are found on word boundaries, case-insensitively, longest phrase first: emotive and evaluative
words, intensifiers, speculation, historical analogies, first/second person and contractions.
Per sentence, questions, exclamations and one- or two-word fragments ("Seven.") are rhetorical
devices.  Every cue earns points, pooled per outlet::

    points  = base × voice
    base    = intensity (1-3) of an emotive or evaluative term; 0.5 per intensifier; 1 per
              speculation marker; per sentence drawing an analogy 3 (named event and a marker
              such as "evokes memories of"), 1.5 (named event alone, unless the event comes up in
              three or more sentences: then it is the subject) or 1 (marker alone);
              2 per question or exclamation; 1 per fragment; 1 per first- or second-person word;
              0.5 per contraction (those two not inside quotes)
    voice   = 1 in the writer's own voice, 0.5 in a sentence attributed to a source, 0.25 inside
              quotation marks (a reporter quoting an angry mayor is not opinionated)
    density = 100 × Σ points / max(words, 60)            points per 100 words
    score   = density / (density + 3)                    0..1, one half at 3 points per 100 words
    tone    = Σ voice × polarity × intensity / (Σ voice × intensity + 2)    over polar terms, -1..1
    subjectivity = mean over sentences of the strongest voice weight of any cue in the sentence

``drivers`` are the cues with the most points.  ``omissions`` are story facts that more than half,
and at least two, of the *other* outlets report; an outlet whose articles are all syndicated copies
of other inputs does not count there.  ``voices`` are the attributed sources, counted per outlet.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsparallax.facts.framing_lexicon import LEXICONS, Hit, find_terms, normal
from newsparallax.read.attribution_rules import SPEECH_VERBS

__all__ = ["FramingInput", "compare_framing"]

log = logging.getLogger(__name__)

OWN, ATTRIBUTED, QUOTED = 1.0, 0.5, 0.25
MIN_WORDS = 60
HALF_DENSITY = 3.0
TONE_DAMPING = 2.0
#: Below this an outlet reads as sober; from OPINIONATED on as opinionated; in between, somewhat.
SOBER, OPINIONATED = 0.25, 0.45
#: ``most_opinionated`` names the top outlet only when it leads the next one by this much.
MARGIN = 0.05
MAX_DRIVERS = 8
#: A named event in this many sentences is what the article is about; alone it is no analogy there.
TOPIC_SENTENCES = 3
_BASE = {"intensifier": 0.5, "speculation": 1.0, "first_person": 1.0, "second_person": 1.0, "informal": 0.5}
_DEVICES = {"?": ("rhetorical question", "questions", 2.0), "!": ("exclamation", "exclamations", 2.0)}
_RHETORICAL = ("questions", "exclamations", "fragments", "first_person", "second_person", "informal")
_ANALOGY = frozenset({"event", "analogy_marker"})
_SPEECH_ONLY = frozenset({"first_person", "second_person", "informal"})
_LOADED = frozenset({"emotive", "evaluative", "intensifier"})
METHOD = (
    "Lexicon cues per 100 words (emotive/evaluative terms by intensity 1-3, intensifiers 0.5, speculation 1,"
    " analogies 1-3, questions/exclamations 2, fragments and first/second person 1, contractions 0.5),"
    " weighted 1 in the writer's voice, 0.5 in attributed sentences, 0.25 inside quotes;"
    " score = density / (density + 3)."
)

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_QUOTE = re.compile(
    r'"[^"\n]{1,2000}"|“[^”\n]{1,2000}”|«[^»\n]{1,2000}»|‘[^’\n]{1,300}’(?!\w)|(?<!\w)\'[^\'\n]{1,300}\'(?!\w)'
)
_BREAK = re.compile(r"[.!?]+[\"'”’»)]*(?=\s)|\n")
#: Words whose period ends no sentence in the fallback splitter: initials, titles, months, a.m./U.S.
_ABBREVIATION = re.compile(
    r"(?<!\w)(?:[A-Z]|\w\.\w|Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Capt|Lt|Sgt|Col|Jr|Sr|No|Jan|Feb|Aug|Sept?|Oct"
    r"|Nov|Dec|Mt|Ft|Ave|Blvd|Rd|vs|etc|Sra?|Dña?)\.$"
)
_TAG_VERBS = SPEECH_VERBS | {"asked", "asks", "replied", "recalled", "wondered", "added"}
_CLOSERS = "\"'”’»)"
_GUESS = {
    "en": frozenset(["the", "and", "of", "to", "in", "is", "that", "for", "was", "with"]),
    "es": frozenset(["el", "los", "las", "del", "por", "una", "con", "según", "este", "entre"]),
    "fr": frozenset(["le", "les", "des", "est", "et", "une", "dans", "pour", "du", "qui"]),
}


@dataclass
class FramingInput:
    article_id: str  # the id shown to users
    outlet: str | None
    text: str
    sentences: list[tuple[int, int]]  # sentence offsets into text
    language: str | None
    attributions: list[dict[str, Any]]  # stored Attribution dicts
    facts: set[str]  # ids of the story facts this article reports
    wire_of: str | None = None  # article id this one is a syndicated copy of, if any


@dataclass(frozen=True)
class _Cue:
    label: str  # the lexicon term, or a device ("rhetorical question")
    kind: str  # a lexicon kind, "analogy", or a rhetorical counter name
    points: float
    voice: float
    sentence: int
    polarity: int = 0
    intensity: int = 0


@dataclass
class _Article:
    text: str
    sentences: list[tuple[int, int]]
    quotes: list[tuple[int, int]]
    attributed: set[int]
    starts: list[int] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [start for start, _ in self.sentences]
        self.quote_starts = [start for start, _ in self.quotes]

    def sentence_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def voice(self, offset: int, sentence: int) -> float:
        index = bisect.bisect_right(self.quote_starts, offset) - 1
        if index >= 0 and offset < self.quotes[index][1]:
            return QUOTED
        return ATTRIBUTED if sentence in self.attributed else OWN


@dataclass
class _Tally:
    """Pooled cues of one outlet's articles."""

    words: int = 0
    sentences: int = 0
    subjective: float = 0.0
    signed: float = 0.0
    magnitude: float = 0.0
    points: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    counts: Counter[tuple[str, str, int]] = field(default_factory=Counter)  # (term, kind, polarity)
    own: Counter[str] = field(default_factory=Counter)
    rhetorical: Counter[str] = field(default_factory=Counter)
    analogies: list[dict[str, Any]] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)

    @property
    def density(self) -> float:
        return 100.0 * sum(self.points.values()) / max(self.words, MIN_WORDS)


# --- one article -------------------------------------------------------------------------------------


def _language(item: FramingInput) -> str:
    code = (item.language or "").lower().replace("_", "-").split("-")[0]
    if code in LEXICONS:
        return code
    if code:
        log.debug("no framing lexicon for %r; using English", code)
        return "en"
    words = Counter(word.lower() for word in _WORD.findall(item.text[:3000]))
    return max(sorted(_GUESS), key=lambda lang: sum(words[word] for word in _GUESS[lang]))


def _prepare(item: FramingInput) -> _Article:
    sentences = sorted(item.sentences) or _split(item.text)
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(item.text)]
    attributed = {int(a["sentence"]) for a in item.attributions if a.get("source") and "sentence" in a}
    return _Article(item.text, sentences, quotes, attributed)


def _split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    ends = [
        m.end()
        for m in _BREAK.finditer(text)
        if not _ABBREVIATION.search(text[max(0, m.start() - 5) : m.end()])
    ]
    for end in [*ends, len(text)]:
        chunk = text[start:end]
        if chunk.strip():
            left = start + len(chunk) - len(chunk.lstrip())
            spans.append((left, start + len(chunk.rstrip())))
        start = end
    return spans


def _term_cues(article: _Article, hits: list[Hit]) -> list[_Cue]:
    cues: list[_Cue] = []
    for hit in hits:
        term = hit.term
        if term.kind in _ANALOGY or term.kind == "neutral":
            continue
        sentence = article.sentence_at(hit.start)
        voice = article.voice(hit.start, sentence)
        if voice == QUOTED and term.kind in _SPEECH_ONLY:
            continue  # "we" and "don't" inside a quote are the speaker's grammar, not the writer's framing
        base = float(term.intensity) if term.kind in ("emotive", "evaluative") else _BASE[term.kind]
        label = term.text.lstrip("=")
        cues.append(_Cue(label, term.kind, base * voice, voice, sentence, term.polarity, term.intensity))
    return cues


def _analogies(article: _Article, hits: list[Hit]) -> tuple[list[_Cue], list[dict[str, Any]]]:
    by_sentence: dict[int, list[Hit]] = defaultdict(list)
    for hit in hits:
        if hit.term.kind in _ANALOGY:
            by_sentence[article.sentence_at(hit.start)].append(hit)
    topics = _topics(by_sentence)
    cues: list[_Cue] = []
    records: list[dict[str, Any]] = []
    for sentence, group in sorted(by_sentence.items()):
        events = [hit for hit in group if hit.term.kind == "event"]
        if len(events) == len(group) and all(hit.term.text in topics for hit in events):
            continue  # the article is about Watergate, not comparing anything with it
        base = 3.0 if events and len(events) < len(group) else 1.5 if events else 1.0
        anchor = (events or group)[0]
        voice = article.voice(anchor.start, sentence)
        cues.append(_Cue(normal(anchor.surface), "analogy", base * voice, voice, sentence))
        span = normal(article.text[group[0].start : group[-1].end])
        text = span if len(span) <= 160 else " … ".join(normal(hit.surface) for hit in group)
        records.append({"text": text, "sentence": sentence})
    return cues, records


def _topics(by_sentence: Mapping[int, list[Hit]]) -> set[str]:
    """Named events mentioned in TOPIC_SENTENCES or more sentences: the subject of the article."""
    seen = Counter(text for group in by_sentence.values() for text in {h.term.text for h in group})
    return {text for text, n in seen.items() if n >= TOPIC_SENTENCES}


def _rhetoric(article: _Article) -> list[_Cue]:
    cues: list[_Cue] = []
    for index, (start, end) in enumerate(article.sentences):
        body = article.text[start:end].rstrip().rstrip(_CLOSERS).rstrip()
        if not body:
            continue
        voice = article.voice(start + len(body) - 1, index)
        if body[-1] in _DEVICES:
            label, kind, base = _DEVICES[body[-1]]
            cues.append(_Cue(label, kind, base * voice, voice, index))
        elif voice == OWN and _is_fragment(body) and _inline(article, index):
            cues.append(_Cue("fragment", "fragments", 1.0, voice, index))
    return cues


def _inline(article: _Article, index: int) -> bool:
    """Whether a sentence has neighbours on both sides within its paragraph ("... beds. Seven. At a ...")."""
    if index == 0 or index + 1 >= len(article.sentences):
        return False
    (_, before), (start, end), (after, _) = article.sentences[index - 1 : index + 2]
    return "\n" not in article.text[before:start] and "\n" not in article.text[end:after]


def _is_fragment(body: str) -> bool:
    """A one- or two-word sentence ("Seven.", "Shameful."), not "Miller asked." nor all caps."""
    words = _WORD.findall(body)
    if not body.endswith(".") or not 0 < len(words) <= 2 or body.isupper() or not words[0][0].isupper():
        return False
    return len(words[-1]) >= 4 and not any(word.lower() in _TAG_VERBS for word in words)


def _add_article(tally: _Tally, item: FramingInput) -> None:
    language = _language(item)
    article = _prepare(item)
    hits = find_terms(item.text, language)
    analogy_cues, analogies = _analogies(article, hits)
    cues = _term_cues(article, hits) + analogy_cues + _rhetoric(article)
    tally.languages.add(language)
    tally.words += len(_WORD.findall(item.text))
    tally.sentences += len(article.sentences)
    tally.analogies += [{"article": item.article_id, **record} for record in analogies]
    strongest: dict[int, float] = {}
    for cue in cues:
        _count(tally, cue)
        strongest[cue.sentence] = max(strongest.get(cue.sentence, 0.0), cue.voice)
    tally.subjective += sum(value for sentence, value in strongest.items() if sentence >= 0)


def _count(tally: _Tally, cue: _Cue) -> None:
    tally.points[cue.label] += cue.points
    if cue.kind in _RHETORICAL and cue.voice > QUOTED:
        tally.rhetorical[cue.kind] += 1
    if cue.kind in _LOADED or cue.kind == "speculation":
        tally.counts[(cue.label, cue.kind, cue.polarity)] += 1
        tally.own[cue.label] += cue.voice == OWN
    if cue.polarity:
        tally.signed += cue.voice * cue.polarity * cue.intensity
        tally.magnitude += cue.voice * cue.intensity


# --- outlets -----------------------------------------------------------------------------------------


def compare_framing(inputs: Sequence[FramingInput], fact_labels: Mapping[str, str]) -> dict[str, Any]:
    """Per outlet: an opinionated score with the words behind it, tone, omissions and voices."""
    groups: dict[str, list[FramingInput]] = defaultdict(list)
    for item in inputs:
        groups[item.outlet or item.article_id].append(item)
    ids = {item.article_id for item in inputs}
    independent = sorted(name for name, items in groups.items() if not all(i.wire_of in ids for i in items))
    reported = {name: set().union(*(item.facts for item in items)) for name, items in groups.items()}
    outlets = []
    for name in sorted(groups):
        others = [reported[other] for other in independent if other != name]
        omissions = _omissions(reported[name], others, fact_labels)
        outlets.append(_outlet(name, groups[name], omissions))
    outlets.sort(key=lambda outlet: (-outlet["score"], outlet["outlet"]))
    log.debug("framing compared for %d outlets", len(outlets))
    return {"outlets": outlets, "most_opinionated": _most_opinionated(outlets), "method": METHOD}


def _omissions(own: set[str], others: list[set[str]], fact_labels: Mapping[str, str]) -> list[dict[str, Any]]:
    tally = Counter(fact for facts in others for fact in facts if fact not in own)
    found = [(fact, n) for fact, n in tally.items() if n >= 2 and n > len(others) / 2]
    found.sort(key=lambda pair: (-pair[1], pair[0]))
    return [{"fact": fact, "label": fact_labels.get(fact, fact), "reported_by": n} for fact, n in found]


def _outlet(name: str, items: list[FramingInput], omissions: list[dict[str, Any]]) -> dict[str, Any]:
    tally = _Tally()
    for item in sorted(items, key=lambda item: item.article_id):
        _add_article(tally, item)
    density = tally.density
    score = round(density / (density + HALF_DENSITY), 3)
    drivers = [label for label, points in sorted(tally.points.items(), key=lambda p: (-p[1], p[0])) if points]
    copies = sorted({item.wire_of for item in items if item.wire_of})
    return {
        "outlet": name, "articles": sorted(item.article_id for item in items), "score": score,
        "tone": round(tally.signed / (tally.magnitude + TONE_DAMPING), 3),
        "subjectivity": round(tally.subjective / tally.sentences, 3) if tally.sentences else 0.0,
        "density": round(density, 2), "words": tally.words, "languages": sorted(tally.languages),
        "loaded_terms": _loaded(tally), "speculation": _speculation(tally), "analogies": tally.analogies,
        "rhetorical": {kind: tally.rhetorical[kind] for kind in _RHETORICAL}, "omissions": omissions,
        "voices": _voices(items), "drivers": drivers[:MAX_DRIVERS], "wire_of": copies,
        "explanation": _explain(name, score, density, drivers, omissions, copies),
    }  # fmt: skip


def _loaded(tally: _Tally) -> list[dict[str, Any]]:
    rows = [{"term": term, "count": n, "kind": kind, "polarity": polarity, "own_voice": tally.own[term]}
            for (term, kind, polarity), n in tally.counts.items() if kind in _LOADED]  # fmt: skip
    return sorted(rows, key=lambda row: (-row["count"], row["term"]))


def _speculation(tally: _Tally) -> list[dict[str, Any]]:
    rows = [
        {"term": term, "count": n} for (term, kind, _), n in tally.counts.items() if kind == "speculation"
    ]
    return sorted(rows, key=lambda row: (-row["count"], row["term"]))


def _voices(items: list[FramingInput]) -> list[dict[str, Any]]:
    counts: Counter[str] = Counter()
    names: dict[str, tuple[str, str]] = {}
    for item in items:
        for record in item.attributions:
            source = str(record.get("source") or "").strip()
            if source:
                key = str(record.get("key") or "") or source.casefold()
                names.setdefault(key, (source, str(record.get("kind") or "unknown")))
                counts[key] += 1
    rows = [{"source": names[key][0], "kind": names[key][1], "count": n} for key, n in counts.items()]
    return sorted(rows, key=lambda row: (-row["count"], row["source"].casefold(), row["source"]))


def _explain(
    name: str, score: float, density: float, drivers: list[str], omissions: list[dict[str, Any]],
    copies: list[str],
) -> str:  # fmt: skip
    verdict = "opinionated" if score >= OPINIONATED else "sober" if score < SOBER else "somewhat opinionated"
    text = f"{name} reads as {verdict} (score {score:.2f}, {density:.1f} weighted cues per 100 words)"
    if drivers:
        text += ", driven by " + ", ".join(f"'{label}'" for label in drivers[:4])
    if omissions:
        text += f"; it leaves out {len(omissions)} fact{'s' if len(omissions) > 1 else ''} most others report"
    if copies:
        text += f"; syndicated copy of {', '.join(copies)}"
    return text + "."


def _most_opinionated(outlets: list[dict[str, Any]]) -> str | None:
    if not outlets or outlets[0]["score"] < SOBER:
        return None
    if len(outlets) > 1 and outlets[0]["score"] - outlets[1]["score"] < MARGIN:
        return None
    return str(outlets[0]["outlet"])
