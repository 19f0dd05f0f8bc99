"""What GVC dev articles say about their shooting, against the Gun Violence Archive's record.

Usage: python bench/gvc_reading.py [--n N] [--show 10]

For each article the reading stage extracts the killed and injured counts the article states
(``read.casualties.casualty_counts``: the first count of each category, "N shot, M fatally" as
M killed and N-M injured, single victims where no count is given; none stated = 0)
and the incident city (the dateline geocoded within the states the article names, when it is a US
mentioned).  Prints exact-match accuracy of each against incidents.json, and the accuracy of
always answering the most common value, for reference.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from _common import cleaned, corpus, rows
from newsparallax.read.casualties import casualty_counts
from newsparallax.read.entities import fold
from newsparallax.read.layers import PlaceMention, Reading
from newsparallax.read.places import geocode
from newsparallax.read.reader import ArticleReader


def stated(reading: Reading) -> dict[str, int]:
    counts = casualty_counts(reading.quantities)
    return {"killed": counts.killed or 0, "injured": counts.injured or 0}


def city(reading: Reading) -> PlaceMention | None:
    """The incident city: the dateline's place when it is a US city, else the US city mentioned most."""
    if reading.dateline_place is not None and reading.dateline_place.kind == "city":
        return reading.dateline_place
    us_cities = Counter(p.place_id for p in reading.places if p.kind == "city" and p.country == "US")
    if not us_cities:
        return None
    top = us_cities.most_common(1)[0][0]
    return next(p for p in reading.places if p.place_id == top)


def same_city(found: PlaceMention, gold: dict[str, Any]) -> bool:
    """The same gazetteer entry as the incident's city and state, or the same name ("St." = "Saint")."""
    expected = geocode(gold["city"], "US", gold["state"])
    if expected is not None and expected.place_id == found.place_id:
        return True
    names = {fold(gold["city"]), *(fold(a) for a in gold.get("city_aliases", []))}
    return fold(found.name) in names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=0, help="only the first N articles (0 = all)")
    parser.add_argument("--show", type=int, default=0, help="print N mismatches of each kind")
    args = parser.parse_args()
    records = rows("gvc/dev.jsonl")
    records = records[: args.n] if args.n else records
    incidents: dict[str, Any] = json.loads(corpus("gvc/incidents.json").read_text())
    articles = [a for a in cleaned(records)]
    reader = ArticleReader()
    hits: Counter[str] = Counter()
    misses: dict[str, list[str]] = {"killed": [], "injured": [], "city": []}
    for start in range(0, len(articles), 100):
        batch = articles[start : start + 100]
        for article, record, output in zip(
            batch, records[start : start + 100], reader.read(batch), strict=True
        ):
            gold = incidents[record["gold_story"]]
            _score(article.id, output.reading, article.dateline, gold, hits, misses)
    total = len(articles)
    print(f"{total} GVC dev articles")
    for key in ("killed", "injured", "city"):
        print(f"  {key:8s} exact match: {hits[key] / total:.3f}  ({hits[key]}/{total})")
    for key in ("killed", "injured"):
        common = Counter(incidents[r["gold_story"]][key] for r in records).most_common(1)[0]
        print(f"  {key:8s} baseline (always {common[0]}): {common[1] / total:.3f}")
    print(f"  city geocoded for {hits['city_found'] / total:.3f} of articles")
    for key, examples in misses.items():
        for line in examples[: args.show]:
            print(f"  miss {key}: {line}")


def _score(article_id: str, reading: Reading, dateline: str | None, gold: dict[str, Any],
           hits: Counter[str], misses: dict[str, list[str]]) -> None:  # fmt: skip
    counts = stated(reading)
    for key in ("killed", "injured"):
        value = counts[key]
        if value == gold[key]:
            hits[key] += 1
        else:
            misses[key].append(f"{article_id}: said {value}, gold {gold[key]}")
    found = city(reading)
    hits["city_found"] += found is not None
    if found is not None and same_city(found, gold):
        hits["city"] += 1
    else:
        name = found.name if found else None
        misses["city"].append(f"{article_id}: found {name}, gold {gold['city']}, {gold['state']}")


if __name__ == "__main__":
    main()
