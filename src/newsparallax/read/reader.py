"""The reading stage: parse articles in batches and run every finder over each parse.

``ArticleReader.read(articles)`` groups articles by language, runs the language's spaCy pipeline
with ``nlp.pipe`` (only the components needed), then for each document finds sentences,
entities with canonical names and titles, geocoded places, anchored dates, quantities and
attributions, and embeds each article (title and lead) in one batched call.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from newsparallax.model import Article
from newsparallax.read.anchor import find_anchor
from newsparallax.read.casualties import (
    find_active_casualties,
    find_phrase_casualties,
    find_singular_casualties,
    find_toll_statements,
    without_partitives,
)
from newsparallax.read.embed import Embedder, article_text, get_embedder
from newsparallax.read.entities import find_entities
from newsparallax.read.layers import (
    Attribution,
    DateMention,
    EntityMention,
    PlaceMention,
    Quantity,
    Reading,
    Sentence,
    sentence_of,
)
from newsparallax.read.nlp import NlpModels, NlpSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

#: Bump when the layers change, so ``parallax reprocess`` (and the next ingest) re-read what is stale.
#: 2: the embedding covers 500 characters (an article's old and new vectors have a cosine of about
#: 0.91, too far apart to mix in one store), English NER date hints need a date word, more street types.
#: 3: casualty counts: "toll-free" is no death toll, "Doerr, three," is an age, "four people were hit in
#: a shooting" counts the shot.
READ_VERSION = 3
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_DATE_LABELS = ("DATE", "TIME")


@dataclass(frozen=True)
class ReadSettings:
    nlp: NlpSettings = field(default_factory=NlpSettings)
    embedder: str = "use"


@dataclass
class ReadOutput:
    reading: Reading
    embedding: np.ndarray | None
    anchor_source: str | None


class ArticleReader:
    """Reads batches of cleaned articles.  Models load on first use and are reused."""

    def __init__(self, settings: ReadSettings | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings or ReadSettings()
        self.models = NlpModels(self.settings.nlp)
        self._embedder = embedder

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.settings.embedder)
        return self._embedder

    def read(self, articles: Sequence[Article]) -> list[ReadOutput]:
        """One :class:`ReadOutput` per article, in the same order."""
        by_language: dict[str | None, list[int]] = defaultdict(list)
        for index, article in enumerate(articles):
            by_language[article.language].append(index)
        outputs: dict[int, ReadOutput] = {}
        for language, indexes in by_language.items():
            group = [articles[i] for i in indexes]
            docs = self.models.pipe((readable_text(a) for a in group), language)
            for index, article, doc in zip(indexes, group, docs, strict=True):
                outputs[index] = self._read_one(article, doc)
        self._embed(articles, [outputs[i] for i in range(len(articles))])
        return [outputs[i] for i in range(len(articles))]

    def _read_one(self, article: Article, doc: Doc) -> ReadOutput:
        anchor, anchor_source = find_anchor(article.published, article.url, article.text)
        reading = Reading(
            article_id=article.id,
            language=article.language,
            model=self.models.name_for(article.language),
            anchor=anchor.isoformat() if anchor else None,
        )
        sentences, sentence_of_token = _sentences(doc)
        reading.sentences = sentences
        self._layers(article, doc, reading, sentence_of_token, anchor)
        return ReadOutput(reading, None, anchor_source)

    def _layers(
        self, article: Article, doc: Doc, reading: Reading, token_sentences: list[int], anchor: date | None
    ) -> None:
        from newsparallax.read.attribution import find_attributions, find_attributions_plain
        from newsparallax.read.places import resolve_places
        from newsparallax.read.quantities import find_quantities
        from newsparallax.read.timex import find_dates

        text, language = doc.text, article.language
        reading.entities = find_entities(doc, token_sentences) if doc.has_annotation("ENT_IOB") else []
        hints = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _DATE_LABELS]
        reading.dates = find_dates(text, anchor, language, hints)
        quantities = find_quantities(text, language)
        if (language or "en") == "en":
            quantities = without_partitives(text, quantities)
            quantities += find_singular_casualties(text, quantities) + find_toll_statements(text)
            quantities += find_active_casualties(text, quantities)
            quantities += find_phrase_casualties(text, quantities)
        reading.quantities = sorted(quantities, key=lambda q: q.start)
        candidates = [
            (m.start, m.end, m.label) for m in reading.entities if m.label in (*_PLACE_LABELS, "PERSON")
        ]
        if not doc.has_annotation("ENT_IOB"):  # no NER for this language: let the gazetteer judge names
            candidates = capitalised_names(text)
        countries = _context_countries(reading.entities)
        reading.places = resolve_places(text, candidates, article.dateline, countries)
        reading.dateline_place = locate_dateline(article.dateline, reading.places)
        if doc.has_annotation("DEP"):
            reading.attributions = find_attributions(doc)
        else:
            reading.attributions = [a for _s, _e, a in find_attributions_plain(text)]
        _finish(reading)

    def _embed(self, articles: Sequence[Article], outputs: list[ReadOutput]) -> None:
        """One article at a time: the embedder packs a batch into micro-batches by token count, so a
        vector would depend (in its last bits) on its neighbours.  Alone, an article's embedding is
        the same whatever batch or process reads it (the parallel engines rely on that), at no cost:
        an article's lead nearly fills a micro-batch by itself."""
        for article, output in zip(articles, outputs, strict=True):
            output.embedding = self.embedder.encode([article_text(article.title, article.text)])[0]


def locate_dateline(dateline: str | None, places: list[PlaceMention]) -> PlaceMention | None:
    """The dateline geocoded, inside the country and division the article's places point to most."""
    if not dateline:
        return None
    from newsparallax.read.places import geocode

    if "," in dateline:
        return geocode(dateline)
    countries = Counter(p.country for p in places if p.country)
    country = countries.most_common(1)[0][0] if countries else None
    divisions = Counter(p.admin1 for p in places if p.admin1 and p.country == country and p.kind != "country")
    division = divisions.most_common(1)[0][0] if divisions else None
    for attempt in ((country, division), (country, None), (None, None)):
        place = geocode(dateline, *attempt)
        if place is not None:
            return place
    return None


_NAME = re.compile(
    r"(?<![\w-])[A-ZÁÉÍÓÚÑÜÇÀÈÂÊÎÔÛ][\w'’-]+(?:\s+(?:de|del|la|las|los|do|da|di|du|le|el)?\s*"
    r"[A-ZÁÉÍÓÚÑÜÇÀÈÂÊÎÔÛ][\w'’-]+){0,3}"
)


def capitalised_names(text: str) -> list[tuple[int, int, str]]:
    """Capitalised word sequences ("Puerto Montt", "Río de Janeiro") as place candidates (label GPE),
    for languages with no NER model; the gazetteer drops those that are not places."""
    return [(m.start(), m.end(), "GPE") for m in _NAME.finditer(text)]


def readable_text(article: Article) -> str:
    """What is read: the body, or the title of a headline-only article (offsets refer to this text)."""
    return article.text if article.text.strip() else (article.title or "")


def _sentences(doc: Doc) -> tuple[list[Sentence], list[int]]:
    sentences: list[Sentence] = []
    token_sentences = [0] * len(doc)
    for index, sent in enumerate(doc.sents):
        sentences.append(Sentence(index, sent.start_char, sent.end_char, sent.text))
        for i in range(sent.start, sent.end):
            token_sentences[i] = index
    return sentences, token_sentences


def _context_countries(entities: list[EntityMention]) -> list[str]:
    """Country codes the article's demonyms point to ("Venezuelan" → VE), for place disambiguation."""
    from newsparallax.read.places import country_of_demonym

    codes = [country_of_demonym(m.text) for m in entities if m.label == "NORP"]
    return list(dict.fromkeys(c for c in codes if c))


def _finish(reading: Reading) -> None:
    """Fill sentence indexes, drop person mentions that are really places, key the attribution sources."""
    sentences = reading.sentences
    records: list[DateMention | Quantity | PlaceMention] = [
        *reading.dates,
        *reading.quantities,
        *reading.places,
    ]
    for record in records:
        record.sentence = sentence_of(sentences, record.start)
    place_spans = {(p.start, p.end) for p in reading.places}
    reading.entities = [
        m for m in reading.entities if not (m.label == "PERSON" and _overlaps(m.start, m.end, place_spans))
    ]
    for attribution in reading.attributions:
        attribution.key = _source_key(attribution, reading.entities)


def _overlaps(start: int, end: int, spans: set[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _source_key(attribution: Attribution, entities: list[EntityMention]) -> str:
    """The canonical key of the entity the attribution names.

    A person or organisation inside the source phrase counts ("journalist Javier Mayorca");
    a place or nationality only when it is the whole phrase ("Moscow said"), not a modifier
    ("a Venezuelan official").
    """
    wanted = attribution.source.casefold().strip()
    for mention in entities:
        inside = (
            attribution.start >= 0 and attribution.start <= mention.start and mention.end <= attribution.end
        )
        if inside and (mention.label in ("PERSON", "ORG") or mention.text.casefold() == wanted):
            return mention.key
    for mention in entities:
        if (
            wanted
            and mention.label in ("PERSON", "ORG")
            and wanted in (mention.text.casefold(), mention.name.casefold())
        ):
            return mention.key
    return ""
