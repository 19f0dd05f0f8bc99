"""Cost per article as the store grows: ingest (clean, read, stories) of GVC dev repeated.

Usage: python bench/stories_cost.py [--total 50000] [--chunk 1000] [--db PATH]

Each repetition ("round") of the 2,037 GVC dev reports gets new ids, a marker sentence at the end
("(Archive copy 7.)", so that it is new content, not a duplicate) and dates shifted by three years
per round (so that stories of different rounds are never open together, as in a long-running
store).  Articles go in day by day through :class:`IngestJob`, 1,000 at a time (one ingest run per
chunk, from a JSONL file); the bench prints seconds per 1,000 articles for every chunk, the ratio
of the last chunk to the first (target ≤ 1.3) and the peak resident memory.

What is reused, so that 50,000 articles take minutes rather than hours (spaCy reads a few dozen
articles a second on this machine):

* **the spaCy parse and the embedding** of each distinct text are computed once, before any clock
  starts, from the text without its marker sentence (so the marker is not read; every other
  offset is that of the stored text).  Every finder then runs on every copy, inside the timed
  chunk: entities, places, dates resolved against the copy's own (shifted) publication date,
  quantities, attributions.  A text not parsed ahead is parsed in the chunk (the count is printed).
* everything else is done for every one of the articles, inside the timed chunk: reading the
  input file, cleaning, the article writer (duplicates, MinHash, near-duplicate look-up), the
  reading writer (entities, places, counts), story assignment and the refresh of story summaries,
  and the run's bookkeeping.

One departure from a real archive: the marker leaves each copy a near-duplicate of the same
report in every earlier round, which a store of distinct articles would not hold (each article
would link to every earlier copy, ever more of them).  The MinHash of a copy is therefore salted
by its round (a fixed permutation of its values), as ``growth_100k.py`` re-keys its bands: copies
within a round compare exactly as before, copies of different rounds no longer match.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

import newsparallax.store.readings  # noqa: F401  (imported before any clock starts)
import newsparallax.store.writer as article_writer
from _common import cleaned, rows
from newsparallax.clean.fingerprint import minhash_signature
from newsparallax.engine import IngestJob
from newsparallax.model import Article
from newsparallax.read.embed import article_text
from newsparallax.read.reader import ArticleReader, ReadOutput, readable_text
from newsparallax.store.db import open_database
from newsparallax.stories.service import StoryService

if TYPE_CHECKING:
    from spacy.tokens import Doc

SHIFT_DAYS = 3 * 365
_MARKER = re.compile(r"\s*\(Archive copy (\d+)\.\)\s*$")


def repeated(records: list[dict[str, Any]], total: int) -> list[dict[str, Any]]:
    unique = list({r["id"]: r for r in records}.values())
    out: list[dict[str, Any]] = []
    for round_ in range(total // len(unique) + 1):
        for record in unique:
            if len(out) == total:
                return out
            out.append(_copy(record, round_))
    return out


def _copy(record: dict[str, Any], round_: int) -> dict[str, Any]:
    published = record.get("published")
    shifted = (
        (date.fromisoformat(published) + timedelta(days=SHIFT_DAYS * round_)).isoformat()
        if published
        else None
    )
    return {
        "id": f"{record['id']}-r{round_}",
        "title": record.get("title"),
        "url": record.get("url"),
        "published": shifted,
        "text": f"{record.get('text') or ''}\n\n(Archive copy {round_}.)",
    }


def _base(text: str) -> str:
    return _MARKER.sub("", text)


class ParseOnceReader(ArticleReader):
    """The reader, with each distinct text parsed and embedded once; every finder runs per article."""

    def __init__(self) -> None:
        super().__init__()
        self.docs: dict[tuple[str | None, str], Doc] = {}
        self.vectors: dict[tuple[str | None, str], np.ndarray] = {}
        self.parsed_late = 0

    def prepare(self, articles: Sequence[Article]) -> None:
        """Parse and embed the distinct texts of ``articles`` (without their marker)."""
        missing = {self._key(a): a for a in articles if self._key(a) not in self.docs}
        for language in {key[0] for key in missing}:
            keys = [key for key in missing if key[0] == language]
            for key, doc in zip(keys, self.models.pipe((k[1] for k in keys), language), strict=True):
                self.docs[key] = doc
        for key, article in missing.items():
            self.vectors[key] = self.embedder.encode([article_text(article.title, _base(article.text))])[0]

    def read(self, articles: Sequence[Article]) -> list[ReadOutput]:
        late = [a for a in articles if self._key(a) not in self.docs]
        self.parsed_late += len({self._key(a) for a in late})
        self.prepare(late)
        outputs = []
        for article in articles:
            key = self._key(article)
            output = self._read_one(article, self.docs[key])
            output.embedding = self.vectors[key]
            outputs.append(output)
        return outputs

    @staticmethod
    def _key(article: Article) -> tuple[str | None, str]:
        return article.language, _base(readable_text(article))


def salted_signature(text: str) -> np.ndarray | None:
    """The MinHash of a copy, its values permuted by a fixed function of its round."""
    signature = minhash_signature(text)
    marker = _MARKER.search(text)
    if signature is None or marker is None:
        return signature
    salt = np.random.default_rng(int(marker.group(1))).integers(0, 2**32, signature.shape, dtype=np.uint64)
    salted: np.ndarray = signature ^ salt
    return salted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=50_000)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--db", default=None, help="store path (default: a temporary SQLite file)")
    args = parser.parse_args()
    records = rows("gvc/dev.jsonl")
    articles = sorted(repeated(records, args.total), key=lambda r: (r["published"] or "", r["id"]))
    article_writer.minhash_signature = salted_signature  # type: ignore[assignment]
    reader = ParseOnceReader()
    started = time.perf_counter()
    reader.prepare(list(cleaned(repeated(records, len({r["id"] for r in records})))))
    print(f"{len(reader.docs):,} distinct texts parsed and embedded in {time.perf_counter() - started:.0f} s")
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(args.db or str(Path(tmp) / "cost.db"))
        job = IngestJob(database, reader=reader, stories=StoryService(database))
        timings = [
            _chunk(job, articles[i : i + args.chunk], Path(tmp), i)
            for i in range(0, len(articles), args.chunk)
        ]
    _summary([seconds * 1000 / n for seconds, n in timings], args.total, reader.parsed_late)


def _summary(per_thousand: list[float], total: int, parsed_late: int) -> None:
    for index, value in enumerate(per_thousand):
        print(f"  chunk {index + 1:3d}: {value:7.1f} s per 1,000 articles")
    first, last = per_thousand[0], per_thousand[-1]
    head, tail = sum(per_thousand[:5]) / 5, sum(per_thousand[-5:]) / 5
    print(f"{total:,} articles: first chunk {first:.1f} s/1k, last {last:.1f} s/1k, ratio {last / first:.2f}")
    print(f"first 5 chunks {head:.1f} s/1k on average, last 5 {tail:.1f} s/1k, ratio {tail / head:.2f}")
    print("(target: last ≤ 1.3 × first)")
    print(f"texts parsed during the timed chunks: {parsed_late}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _chunk(job: IngestJob, chunk: list[dict[str, Any]], folder: Path, index: int) -> tuple[float, int]:
    path = folder / f"chunk-{index}.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in chunk) + "\n", encoding="utf-8")
    started = time.perf_counter()
    report = job.run([str(path)])
    seconds = time.perf_counter() - started
    done = index + len(chunk)
    print(f"  {done:,} in: {report.stored} stored, {report.assigned} assigned, {seconds:.1f} s", flush=True)
    return seconds, len(chunk)


if __name__ == "__main__":
    main()
