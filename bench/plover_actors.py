"""PLOVER dev: how often the gold source and target actors appear among the sentence's entities.

Usage: python bench/plover_actors.py

Each coded sentence is read as a one-sentence article (dated with its record's date).  An actor
counts as found when some entity mention of the sentence — its text or its canonical name, folded —
contains the actor's text or is contained in it.
"""

from __future__ import annotations

import ast
from typing import Any

from _common import rows
from newsparallax.model import Article
from newsparallax.read.entities import fold
from newsparallax.read.layers import Reading
from newsparallax.read.reader import ArticleReader


def actors(value: Any) -> list[str]:
    if isinstance(value, str):
        value = ast.literal_eval(value) if value.strip().startswith("[") else []
    return [a["actorText"] for a in value or [] if isinstance(a, dict) and a.get("actorText")]


def found(actor: str, reading: Reading) -> bool:
    wanted = fold(actor)
    forms = {fold(m.text) for m in reading.entities} | {fold(m.name) for m in reading.entities}
    return any(wanted and form and (wanted in form or form in wanted) for form in forms)


def main() -> None:
    records = rows("plover/dev.jsonl")
    articles = [Article(id=r["id"], text=r["text"], published=r.get("date"), language="en") for r in records]
    outputs = ArticleReader().read(articles)
    totals = {"source": [0, 0], "target": [0, 0]}
    for record, output in zip(records, outputs, strict=True):
        for role in ("source", "target"):
            for actor in actors(record.get(role)):
                totals[role][1] += 1
                totals[role][0] += found(actor, output.reading)
    print(f"{len(records)} PLOVER dev sentences")
    for role, (hit, total) in totals.items():
        print(f"  {role} actors found as entities: {hit / max(total, 1):.3f} ({hit}/{total})")
    hit = totals["source"][0] + totals["target"][0]
    total = totals["source"][1] + totals["target"][1]
    print(f"  all actors: {hit / max(total, 1):.3f} ({hit}/{total})")


if __name__ == "__main__":
    main()
