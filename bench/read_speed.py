"""Reading-stage throughput against bare spaCy, same texts, same run.

Usage: python bench/read_speed.py [--n 1000]

Measures, on the first N cleaned GVC dev articles:
  * bare ``nlp.pipe`` with the full default pipeline (every component of en_core_web_sm),
  * the reading stage (``ArticleReader.read``: spaCy with only the components it needs, entities,
    places, dates, quantities, attributions, and the article embedding),
and prints articles/s for both and their ratio (target: reading / bare ≥ 0.8).
"""

from __future__ import annotations

import argparse
import time

from _common import cleaned, rows
from newsparallax.read.nlp import DEFAULT_MODELS
from newsparallax.read.reader import ArticleReader


def bare_spacy(texts: list[str]) -> float:
    import spacy

    nlp = spacy.load(DEFAULT_MODELS["en"])
    nlp.max_length = 10_000_000
    list(nlp.pipe(texts[:20]))  # warm up
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def reading(articles: list, batch: int = 200) -> float:  # type: ignore[type-arg]
    reader = ArticleReader()
    reader.read(articles[:20])  # warm up: models load
    started = time.perf_counter()
    for start in range(0, len(articles), batch):
        reader.read(articles[start : start + batch])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    articles = [a for a in cleaned(rows("gvc/dev.jsonl")[: args.n]) if a.text.strip()]
    for a in articles:
        a.language = a.language or "en"
    english = [a for a in articles if a.language == "en"]
    texts = [a.text for a in english]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(english)} English GVC dev articles, {words:,} words")
    bare = bare_spacy(texts)
    read = reading(english)
    print(f"bare nlp.pipe (full pipeline): {bare:7.1f} s  {len(texts) / bare:6.1f} articles/s")
    print(f"reading stage:                 {read:7.1f} s  {len(texts) / read:6.1f} articles/s")
    print(f"ratio reading / bare: {bare / read:.2f}  (target ≥ 0.8)")


if __name__ == "__main__":
    main()
