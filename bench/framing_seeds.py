"""Framing of the two seed reports (../shared/datasets/seeds), read as production reads them.

Usage: python bench/framing_seeds.py [--terms]

Cleans both seed articles, runs the reading stage (sentences and attributions from the English
parse; a hashing embedder, so no model download), then prints each outlet's framing score, density,
tone, subjectivity and drivers from ``facts.framing.compare_framing``.  With ``--terms`` it also
prints the loaded terms, speculation, analogies and rhetorical counts.  Exits 0 with a message when
the seeds are absent.
"""

from __future__ import annotations

import argparse
from typing import Any

from _common import cleaned, rows
from newsparallax.facts.framing import FramingInput, compare_framing
from newsparallax.read.embed import HashingEmbedder
from newsparallax.read.layers import as_dict
from newsparallax.read.reader import ArticleReader


def framing_inputs(records: list[dict[str, Any]]) -> list[FramingInput]:
    articles = list(cleaned(records))
    outputs = ArticleReader(embedder=HashingEmbedder()).read(articles)
    inputs = []
    for row, article, output in zip(records, articles, outputs, strict=True):
        reading = output.reading
        inputs.append(
            FramingInput(
                article_id=article.id, outlet=row.get("source"), text=article.text,
                sentences=[(s.start, s.end) for s in reading.sentences], language=article.language,
                attributions=[as_dict(a) for a in reading.attributions], facts=set(),
            )
        )  # fmt: skip
    return inputs


def show(outlet: dict[str, Any], terms: bool) -> None:
    print(f"{outlet['outlet']}: score {outlet['score']:.3f}, {outlet['density']:.2f} points/100 words,")
    print(f"  tone {outlet['tone']:+.2f}, subjectivity {outlet['subjectivity']:.2f}, {outlet['words']} words")
    print(f"  drivers: {', '.join(outlet['drivers'])}")
    if terms:
        loaded = [f"{t['term']}×{t['count']} ({t['own_voice']} own)" for t in outlet["loaded_terms"]]
        print(f"  loaded: {', '.join(loaded)}")
        speculation = [f"{s['term']}×{s['count']}" for s in outlet["speculation"]]
        print(f"  speculation: {', '.join(speculation)}")
        print(f"  analogies: {[a['text'] for a in outlet['analogies']]}")
        print(f"  rhetorical: {outlet['rhetorical']}")
    print(f"  {outlet['explanation']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", action="store_true", help="also print every matched term")
    args = parser.parse_args()
    result = compare_framing(framing_inputs(rows("seeds/seeds.jsonl")), {})
    for outlet in result["outlets"]:
        show(outlet, args.terms)
    print(f"most opinionated: {result['most_opinionated']}")


if __name__ == "__main__":
    main()
