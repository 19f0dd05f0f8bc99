"""The Ray engine: the clean and read stages as Ray Data batch tasks; the store stays in the driver.

``parallax ingest --engine ray [--address ADDR]`` sends the input items through a Ray Data
pipeline of two stages: cleaning (stateless tasks) and reading (an actor pool: each actor loads
spaCy and the embedder once, then skips content the store already holds and reads the rest).
The results come back to the driver in input order (``preserve_order``), and the driver writes
them through the same writers and story assignment as the local engine, in the same batches, so
both engines leave the same store.  Items go through in windows of :data:`WINDOW_ITEMS`, one Ray
Data execution each, so memory stays bounded on endless inputs.

With no address, Ray starts on this machine with one CPU per worker; ``--address auto`` or
``ray://host:10001`` joins a cluster, where every node needs Parallax installed and the store must
be reachable from the workers (PostgreSQL; see docs/scaling.md).  Ray is an optional extra:
``pip install 'newsparallax[ray]'``.
"""

from __future__ import annotations

import importlib
import logging
import pickle
import signal
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from newsparallax.engine_parallel import Prepared, Worker, chunked, clean_item, roomy_malloc
from newsparallax.errors import MissingExtraError
from newsparallax.ingest.base import ReadResult
from newsparallax.model import Article
from newsparallax.pipeline import Pipeline

if TYPE_CHECKING:
    from newsparallax.read.reader import ArticleReader, ReadOutput

log = logging.getLogger(__name__)

#: Items per Ray Data execution (a window): the actors load their models once per window.
WINDOW_ITEMS = 5000
#: Items per batch handed to a cleaning task or a reading actor.
BATCH_ITEMS = 16
#: Inputs with fewer items are read in the driver: starting Ray would cost more than it saves.
MIN_ITEMS = 100
Batch = dict[str, np.ndarray]


def require_ray() -> Any:
    """The ``ray`` module with Ray Data, or a clear error saying how to install it."""
    try:
        ray = importlib.import_module("ray")
        importlib.import_module("ray.data")
    except ImportError:
        raise MissingExtraError("Ray (for --engine ray)", "ray") from None
    return ray


class ReadActor:
    """The clean and read stages as a Ray Data actor: one per worker, loading the models once.

    Rows are pickled input items (cleaned, then read), or, with ``whole_batches``, pickled batches
    of stored articles to read (catching up unread ones)."""

    def __init__(
        self, stages: Sequence[str], reader: ArticleReader | None, store_url: str | None, whole_batches: bool
    ) -> None:
        roomy_malloc()
        self.pipeline = Pipeline(stages)
        self.worker = Worker(reader, store_url)
        self.whole_batches = whole_batches

    def __call__(self, batch: Batch) -> Batch:
        values = [pickle.loads(blob) for blob in batch["item"]]
        if self.whole_batches:
            return _column([self.worker.read(articles) for articles in values])
        return _column(self.worker.read_cleaned([clean_item(self.pipeline, item) for item in values]))


def _column(values: list[Any]) -> Batch:
    column = np.empty(len(values), dtype=object)
    column[:] = [pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL) for value in values]
    return {"item": column}


class RayReadPool:
    """Clean and read on Ray (see the module's docstring); the driver keeps the store."""

    def __init__(
        self,
        workers: int | None,
        stages: Sequence[str],
        reader: ArticleReader | None,
        store_url: str | None,
        address: str | None = None,
        min_items: int = MIN_ITEMS,
    ) -> None:
        self.ray = require_ray()
        self.workers = workers
        self.stages = tuple(stages)
        self.reader = reader
        self.store_url = store_url
        self.address = address
        self.min_items = min_items
        self._started = False
        self._signals: dict[int, Any] = {}

    def prepare(self, items: Iterable[ReadResult]) -> Iterator[Prepared]:
        for window in chunked(items, WINDOW_ITEMS):
            yield from self._run(window, whole_batches=False)

    def read(
        self, batches: Iterable[list[Article]]
    ) -> Iterator[tuple[list[Article], list[ReadOutput | None]]]:
        for window in chunked((b for b in batches if b), max(1, WINDOW_ITEMS // 200)):
            outputs = self._run(window, whole_batches=True)
            yield from zip(window, outputs, strict=True)

    def close(self) -> None:
        if self._started:
            self.ray.shutdown()
            self._started = False
            for number, handler in self._signals.items():  # ray.init replaced them
                signal.signal(number, handler)

    def _run(self, values: list[Any], whole_batches: bool) -> Iterator[Any]:
        """One Ray Data execution over ``values``; the results in the same order."""
        self._start()
        rows = [{"item": pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)} for v in values]
        size = 1 if whole_batches else BATCH_ITEMS
        dataset = self.ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // size)))
        with warnings.catch_warnings():  # Ray ≥ 2.51 deprecates extra remote arguments such as max_restarts
            warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated")
            reading = dataset.map_batches(
                ReadActor,
                fn_constructor_args=(self.stages, self.reader, self.store_url, whole_batches),
                batch_size=size,
                batch_format="numpy",
                compute=self.ray.data.ActorPoolStrategy(size=self._actors()),
                num_cpus=1,
                max_restarts=0,  # a lost actor fails the run (what is stored stays); a re-run completes it
            )
        for batch in reading.iter_batches(batch_size=None, batch_format="numpy"):
            for blob in batch["item"]:
                yield pickle.loads(blob)

    def _actors(self) -> int:
        if self.workers:
            return self.workers
        return max(1, int(self.ray.cluster_resources().get("CPU", 1)))

    def _start(self) -> None:
        for name in ("ray", "ray.data"):  # Ray's notices are not the user's business
            logging.getLogger(name).setLevel(logging.ERROR)
        if not self.ray.is_initialized():
            if threading.current_thread() is threading.main_thread():
                self._signals = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM)}
            self.ray.init(
                address=self.address,
                num_cpus=None if self.address else self.workers,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.ERROR,
            )
            self._started = True
            log.info("Ray started (%s)", self.address or "on this machine")
        warnings.filterwarnings(
            "ignore", message="The minimum number of concurrent actors", category=UserWarning
        )
        context = self.ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # results in input order: the driver writes them
        context.enable_progress_bars = False
        context.enable_auto_log_stats = False
        context.print_on_execution_start = False
