"""The local engine: read → clean → store, in batches, with a report of everything that happened.

This is the main job behind ``parallax ingest``.  Readers stream articles and rejections; the
clean pipeline runs on each article; every ``batch_size`` articles go to the store in one
transaction.  A crash or kill loses at most the batch in flight, and re-running completes it.

With a :class:`~newsparallax.engine_parallel.ReadPool` (worker processes, or Ray), cleaning and
reading run in the pool while this driver keeps every store write and story assignment, in the
same order and the same batches as without one, so both leave the same store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING

from newsparallax.clean import DEFAULT_CLEAN_STAGES
from newsparallax.engine_parallel import Prepared, ReadPool, clean_item, read_key
from newsparallax.ingest.base import IngestSettings, ReadResult
from newsparallax.ingest.sources import iter_inputs
from newsparallax.model import Article, Rejection
from newsparallax.pipeline import Pipeline
from newsparallax.store.articles import articles_by_id, articles_to_read
from newsparallax.store.db import Database
from newsparallax.store.runs import finish_run, record_rejections, start_run
from newsparallax.store.writer import ArticleWriter, BatchOutcome

if TYPE_CHECKING:
    from newsparallax.read.reader import ArticleReader, ReadOutput
    from newsparallax.stories.service import StoryService

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What one ingest run did.  ``read`` counts every item seen, good or bad."""

    run_id: int | None = None
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    merged: int = 0
    near_duplicates: int = 0
    headline_only: int = 0
    readings: int = 0
    reading_failed: int = 0
    assigned: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)
    status: str = "running"

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "merged": self.merged,
            "near_duplicates": self.near_duplicates,
            "headline_only": self.headline_only,
            "readings": self.readings,
            "reading_failed": self.reading_failed,
            "assigned_to_stories": self.assigned,
            "rejected": self.rejected,
        }

    def absorb(self, outcome: BatchOutcome) -> None:
        self.stored += len(outcome.stored)
        self.stored_ids.extend(outcome.stored)
        self.duplicates += len(outcome.duplicates)
        self.merged += outcome.merged
        self.near_duplicates += len({a for a, _b, _s in outcome.near_duplicates})
        self.rejections.extend(outcome.rejected)


Progress = Callable[[IngestReport], None]


class IngestJob:
    """Ingest inputs into a store.  Build once, :meth:`run` on any number of inputs."""

    def __init__(
        self,
        database: Database,
        settings: IngestSettings | None = None,
        stages: Sequence[str] = DEFAULT_CLEAN_STAGES,
        batch_size: int = 200,
        reader: ArticleReader | None = None,
        stories: StoryService | None = None,
        pool: ReadPool | None = None,
    ) -> None:
        self.database = database
        self.settings = settings or IngestSettings()
        self.pipeline = Pipeline(stages)
        self.writer = ArticleWriter(database)
        self.batch_size = batch_size
        self.reader = reader
        self._failed: set[str] = set()  # articles the reader failed on in this run: the next run retries them
        self.stories = stories
        self.pool = pool if reader is not None else None

    def close(self) -> None:
        """Stop the pool's workers, if any (a job without a pool holds nothing)."""
        if self.pool is not None:
            self.pool.close()

    def run(self, inputs: Sequence[str], progress: Progress | None = None) -> IngestReport:
        return self.run_items(iter_inputs(inputs, self.settings), inputs, progress)

    def run_items(
        self, items: Iterable[ReadResult], inputs: Sequence[str] = (), progress: Progress | None = None
    ) -> IngestReport:
        report = IngestReport(run_id=start_run(self.database, inputs))
        self._failed = set()
        try:
            for batch in self._batches(self._prepared(items), report):
                self._write(batch, report)
                if progress:
                    progress(report)
            self.read_missing(report, progress)
            if self.stories is not None:
                report.assigned += len(self.stories.assign_all_unassigned())
            report.status = "done"
        except BaseException:
            report.status = "interrupted"
            raise
        finally:
            self._finish(report)
        return report

    def _prepared(self, items: Iterable[ReadResult]) -> Iterator[Prepared]:
        """Cleaned items (and readings made ahead): from the pool, or cleaned here for a small input."""
        if self.pool is None:
            return (Prepared(clean_item(self.pipeline, item)) for item in items)
        iterator = iter(items)
        head = list(islice(iterator, self.pool.min_items))
        if len(head) < self.pool.min_items:
            return (Prepared(clean_item(self.pipeline, item)) for item in head)
        return self.pool.prepare(chain(head, iterator))

    def _batches(self, prepared: Iterable[Prepared], report: IngestReport) -> Iterator[list[Prepared]]:
        batch: list[Prepared] = []
        for item in prepared:
            report.read += 1
            if isinstance(item.item, Rejection):
                report.rejections.append(item.item)
            else:
                batch.append(item)
            if len(batch) >= self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def _write(self, batch: list[Prepared], report: IngestReport) -> None:
        articles = [p.item for p in batch if isinstance(p.item, Article)]
        # keyed before the write: the writer may rename an article or merge a copy's metadata into it
        ready = {read_key(p.item): p.output for p in batch if isinstance(p.item, Article) and p.output}
        outcome = self.writer.write(articles)
        report.headline_only += sum(1 for a in outcome.new_articles if a.headline_only)
        report.absorb(outcome)
        if self.reader is not None and outcome.stored:
            stored = articles_by_id(self.database, outcome.stored)
            self._read(stored, report, [ready.get(read_key(a)) for a in stored] if ready else None)

    def read_missing(
        self, report: IngestReport, progress: Progress | None = None, everything: bool = False
    ) -> None:
        """Read stored articles that have no current reading (left by an interrupted run, or all)."""
        if self.reader is None:
            return
        from newsparallax.read.reader import READ_VERSION

        batches = (
            [a for a in batch if a.id not in self._failed]
            for batch in articles_to_read(
                self.database, everything=everything, version=READ_VERSION, batch_size=self.batch_size
            )
        )
        pairs = self.pool.read(batches) if self.pool is not None else ((b, None) for b in batches)
        for batch, ready in pairs:
            self._read(batch, report, ready)
            if progress:
                progress(report)

    def _read(
        self, articles: list[Article], report: IngestReport, ready: Sequence[ReadOutput | None] | None = None
    ) -> None:
        """Run the reading stage on stored articles, then assign them to stories.

        When a batch fails, its articles are read one by one, so only the article that breaks the
        reader stays unread (logged, counted, retried by the next run) and the rest go through.
        ``ready`` holds readings made ahead by a pool (None where an article must be read here).
        """
        if not articles or self.reader is None:
            return
        try:
            outputs = self._outputs(articles, ready)
        except Exception:
            self._one_by_one(articles, report, ready)
            return
        try:
            self._store_readings(outputs, report)
        except Exception:  # the failed write may have changed the readings (surnames): read them again
            self._one_by_one(articles, report, None)

    def _one_by_one(
        self, articles: list[Article], report: IngestReport, ready: Sequence[ReadOutput | None] | None
    ) -> None:
        if len(articles) == 1:
            log.exception("reading failed for article %s; it stays unread until the next run", articles[0].id)
            self._failed.add(articles[0].id)
            report.reading_failed += 1
            return
        log.warning("reading failed for a batch of %d articles; reading them one by one", len(articles))
        for index, article in enumerate(articles):
            self._read([article], report, [ready[index]] if ready is not None else None)

    def _store_readings(self, outputs: list[ReadOutput], report: IngestReport) -> None:
        from newsparallax.store.readings import ReadingWriter

        assert self.reader is not None
        ReadingWriter(self.database, self.reader.embedder.name).write(outputs)
        report.readings += len(outputs)
        if self.stories is not None:
            report.assigned += len(self.stories.assign([o.reading.article_id for o in outputs]))

    def _outputs(
        self, articles: list[Article], ready: Sequence[ReadOutput | None] | None
    ) -> list[ReadOutput]:
        """The readings of ``articles``: those made ahead, and the others read here (as one batch; a
        reading does not depend on what else is in its batch)."""
        assert self.reader is not None
        if ready is None:
            return self.reader.read(articles)
        missing = [a for a, output in zip(articles, ready, strict=True) if output is None]
        fresh = iter(self.reader.read(missing) if missing else [])
        return [output if output is not None else next(fresh) for output in ready]

    def _finish(self, report: IngestReport) -> None:
        if report.run_id is None:
            return
        try:
            record_rejections(self.database, report.run_id, report.rejections)
            finish_run(self.database, report.run_id, report.counts(), report.status)
        except Exception:  # the report is still printed; the run row just stays "running"
            log.exception("could not record the end of ingest run %s", report.run_id)
