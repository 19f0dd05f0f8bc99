"""Cleaning and reading on every core: the pure stages in worker processes, the store in the driver.

Cleaning and reading an article are pure functions of the article: the same layers and the same
embedding whatever batch or process reads it.  So workers may clean and read in any grouping, while
everything that depends on the store stays in the driver, in input order: the article writer
(duplicates, merged metadata), the reading writer (surnames the store knows) and story assignment.
A run through a pool leaves exactly the store a single process would.

Workers take raw items in chunks, clean them, skip the articles whose content the store already
holds (by content hash: a duplicate is never read), and read the rest.  The driver takes the
results in order, writes each batch, and uses a ready reading only when its input is exactly the
stored article; anything else (metadata merged from a copy, a renamed id) is read again in the driver.

:class:`ProcessReadPool` runs the workers as local processes (``--workers N``);
:mod:`newsparallax.engine_ray` runs the same worker on a Ray cluster (``--engine ray``).
"""

from __future__ import annotations

import importlib.util
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from sqlalchemy import select

from newsparallax.errors import ParallaxError, StoreError
from newsparallax.ingest.base import ReadResult
from newsparallax.model import Article, Rejection
from newsparallax.pipeline import Pipeline

if TYPE_CHECKING:
    from newsparallax.read.reader import ArticleReader, ReadOutput
    from newsparallax.store.db import Database

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")
#: Items a worker cleans and reads per task: enough to keep spaCy's batches full, small enough to balance.
CHUNK_SIZE = 16
#: Inputs with fewer items are read in the driver: starting workers would cost more than it saves.
MIN_ITEMS = 100
#: Items cleaned and read ahead of the driver, so the workers go on while it writes a batch.
AHEAD = 256
ReadKey = tuple[str | None, ...]
#: glibc's ``mallopt`` parameters (malloc.h) and the values a worker sets: blocks under 32 MB come
#: from the heap and up to 128 MB of freed heap is kept for the next batch.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_BYTES, _TRIM_BYTES = 32 * 2**20, 128 * 2**20
_BLAS_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass
class Prepared:
    """One input item after the workers: the cleaned article (or why it was rejected) and its reading."""

    item: Article | Rejection
    output: ReadOutput | None = None


class ReadPool(Protocol):
    """Where the pure stages run.  Both methods keep the order of their input."""

    min_items: int

    def prepare(self, items: Iterable[ReadResult]) -> Iterator[Prepared]: ...

    def read(
        self, batches: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], list[ReadOutput | None]]]: ...

    def close(self) -> None: ...


def read_key(article: Article) -> ReadKey:
    """Everything the reading stage looks at: two articles with the same key read the same."""
    a = article
    return (a.id, a.text, a.title, a.url, a.source, a.published, a.language, a.dateline)


def clean_item(pipeline: Pipeline, item: ReadResult) -> Article | Rejection:
    """The clean stage on one item; a failure becomes a rejection (it must not stop the run)."""
    if isinstance(item, Rejection):
        return item
    try:
        return pipeline(item)
    except Exception as exc:
        log.exception("cleaning failed for %s", item.origin.describe())
        reason = f"cleaning failed: {type(exc).__name__}: {exc}"
        return Rejection(item.origin.location, item.origin.line, reason)


class StoredContent:
    """Which content hashes the store already holds, looked up from a worker (read-only).

    A hash found is a duplicate when the driver writes it (a store only grows), so skipping its
    reading is safe; a store the worker cannot reach just means nothing is skipped."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._database: Database | None = None

    def hashes(self, wanted: Sequence[str]) -> set[str]:
        if not wanted or self.url is None:
            return set()
        from newsparallax.store.schema import articles

        try:
            database = self._open()
            query = select(articles.c.content_hash).where(articles.c.content_hash.in_(sorted(set(wanted))))
            with database.engine.connect() as conn:
                return set(conn.execute(query).scalars())
        except Exception as exc:  # the store is out of reach from here: read everything
            log.warning("cannot look up stored content (%s); reading every article", exc)
            self.url = None
            return set()

    def _open(self) -> Database:
        if self._database is None:
            from sqlalchemy.engine import make_url

            from newsparallax.store.db import open_database, resolve_url

            assert self.url is not None
            parsed = make_url(resolve_url(self.url))
            if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
                raise StoreError(f"no SQLite store at {parsed.database} on this machine")  # never create one
            self._database = open_database(self.url, migrate=False)
        return self._database


class Worker:
    """What a worker process or actor holds: a reader and the stored-content look-up."""

    def __init__(self, reader: ArticleReader | None, store_url: str | None) -> None:
        self.reader = reader
        self.stored = StoredContent(store_url)

    def read_cleaned(self, cleaned: Sequence[Article | Rejection]) -> list[Prepared]:
        """Read the cleaned articles whose content is not stored yet; pass the rest through."""
        articles = [(i, c) for i, c in enumerate(cleaned) if isinstance(c, Article)]
        known = self.stored.hashes([a.content_hash for _i, a in articles])
        todo = [(i, a) for i, a in articles if a.content_hash not in known]
        outputs = self.read([a for _i, a in todo])
        ready = {i: output for (i, _a), output in zip(todo, outputs, strict=True)}
        return [Prepared(c, ready.get(i)) for i, c in enumerate(cleaned)]

    def read(self, articles: Sequence[Article]) -> list[ReadOutput | None]:
        """Readings in order; ``None`` for an article the reader fails on (the driver retries it)."""
        if not articles or self.reader is None:
            return [None] * len(articles)
        try:
            return list(self.reader.read(articles))
        except Exception as exc:
            if len(articles) == 1:
                log.warning("reading failed for %s in a worker: %s", articles[0].id, exc)
                return [None]
            return [output for article in articles for output in self.read([article])]


def in_order(submit: Callable[[T], Future[R]], inputs: Iterable[T], window: int) -> Iterator[R]:
    """Submit ``inputs`` as the results are taken, keeping ``window`` tasks in flight; yield in order."""
    pending: deque[Future[R]] = deque()
    try:
        for value in inputs:
            pending.append(submit(value))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def roomy_malloc() -> bool:
    """Keep a reading process's large blocks on the heap (glibc only; elsewhere nothing changes).

    spaCy's layers and the sentence encoder allocate arrays of a few MB for every batch.  By default
    glibc maps such blocks afresh and unmaps them when freed, so every batch pays page faults for
    memory it just gave back: about 900 faults an article, 4% of a worker's time, mostly in the
    kernel.  With these two settings a worker faults about a tenth as often, for a few MB more
    resident memory.  Returns whether the settings took."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        mallopt = getattr(libc, "mallopt", None)
        if mallopt is None:
            return False
        return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_BYTES)) and bool(mallopt(_M_TRIM_THRESHOLD, _TRIM_BYTES))
    except OSError:
        return False


_WORKER: tuple[Pipeline, Worker] | None = None


def _start_worker(stages: Sequence[str], reader: ArticleReader | None, store_url: str | None) -> None:
    global _WORKER
    roomy_malloc()
    _WORKER = Pipeline(stages), Worker(reader, store_url)


def _prepare_in_worker(items: list[ReadResult]) -> list[Prepared]:
    assert _WORKER is not None
    pipeline, worker = _WORKER
    return worker.read_cleaned([clean_item(pipeline, item) for item in items])


def _read_in_worker(articles: list[Article]) -> list[ReadOutput | None]:
    assert _WORKER is not None
    return _WORKER[1].read(articles)


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """One BLAS thread in each worker process: the workers already fill the cores."""
    saved = {name: os.environ.get(name) for name in _BLAS_THREADS}
    os.environ.update(dict.fromkeys(_BLAS_THREADS, "1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class ProcessReadPool:
    """Clean and read in ``workers`` local processes (spawned; each loads the models once)."""

    def __init__(
        self,
        workers: int,
        stages: Sequence[str],
        reader: ArticleReader | None,
        store_url: str | None,
        min_items: int = MIN_ITEMS,
    ) -> None:
        self.workers = workers
        self.min_items = min_items
        self._args = (tuple(stages), reader, store_url)
        self._executor: ProcessPoolExecutor | None = None

    def prepare(self, items: Iterable[ReadResult]) -> Iterator[Prepared]:
        chunks = in_order(self._submit(_prepare_in_worker), chunked(items, CHUNK_SIZE), self._window())
        for chunk in self._guarded(chunks):
            yield from chunk

    def read(
        self, batches: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], list[ReadOutput | None]]]:
        pairs = (b for b in batches if b)
        kept: deque[list[Article]] = deque()

        def submit(batch: list[Article]) -> Future[list[ReadOutput | None]]:
            kept.append(batch)
            return self._submit(_read_in_worker)(batch)

        for outputs in self._guarded(in_order(submit, pairs, 2 * self.workers)):  # batches: ≥ 1 per worker
            yield kept.popleft(), outputs

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _window(self) -> int:
        return 2 * self.workers + AHEAD // CHUNK_SIZE

    def _submit(self, func: Callable[[T], R]) -> Callable[[T], Future[R]]:
        def submit(value: T) -> Future[R]:
            with _one_blas_thread():  # a process spawned by this submit starts with it
                return self._pool().submit(func, value)

        return submit

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            log.info("starting %d reading processes", self.workers)
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=self._args,
            )
        return self._executor

    def _guarded(self, results: Iterator[T]) -> Iterator[T]:
        try:
            yield from results
        except BrokenProcessPool:
            self._executor = None
            raise ParallaxError(
                "A reading process died (out of memory?). What was stored so far is kept; run again "
                "with fewer --workers (each holds the language models, about 0.7 GB)."
            ) from None


def make_pool(
    engine: str,
    workers: int | None,
    reader: ArticleReader | None,
    store_url: str,
    address: str | None = None,
    stages: Sequence[str] | None = None,
) -> ReadPool | None:
    """The pool for ``engine`` ("local" or "ray"), or None to read in this process."""
    from newsparallax.clean import DEFAULT_CLEAN_STAGES

    stages = DEFAULT_CLEAN_STAGES if stages is None else stages
    if reader is None:
        return None
    if importlib.util.find_spec("threadpoolctl") is None:
        log.warning("without threadpoolctl, embeddings may differ in their last bits between engines")
    if engine == "ray":
        if address and store_url.startswith("sqlite"):
            log.warning("Ray workers on other machines cannot see a SQLite store: use PostgreSQL (--db)")
        from newsparallax.engine_ray import RayReadPool

        return RayReadPool(workers, stages, reader, store_url, address=address)
    count = workers or default_workers()
    return ProcessReadPool(count, stages, reader, store_url) if count > 1 else None
