"""What every request handler shares: the store, the page renderer, the response cache, and the
ingest machinery (built on the first ingest: loading the reading models takes seconds)."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.requests import Request

from newsparallax.config import Config
from newsparallax.serve.cache import ResponseCache
from newsparallax.serve.render import Renderer
from newsparallax.store.browse import outlets_and_languages
from newsparallax.store.db import Database

if TYPE_CHECKING:
    from newsparallax.engine import IngestJob

log = logging.getLogger(__name__)


@dataclass
class Context:
    database: Database
    config: Config
    renderer: Renderer
    cache: ResponseCache | None = None
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    _jobs: dict[bool, IngestJob] = field(default_factory=dict)
    _menus: tuple[float, dict[str, list[str]]] | None = None

    def menus(self, max_age_s: float = 60.0) -> dict[str, list[str]]:
        """The outlets and languages for the list's filter menus, recomputed at most once a minute."""
        now = time.monotonic()
        if self._menus is None or now - self._menus[0] > max_age_s:
            self._menus = (now, outlets_and_languages(self.database))
        return self._menus[1]

    def ingest_job(self, read: bool) -> IngestJob:
        """The ingest job (with reading and stories when ``read``), built once; call under ``ingest_lock``."""
        job = self._jobs.get(read)
        if job is None:
            job = self._jobs[read] = self._build_job(read)
        return job

    def _build_job(self, read: bool) -> IngestJob:
        from newsparallax.engine import IngestJob

        reader, stories = None, None
        if read and self.config.read_enabled:
            from newsparallax.read.reader import ArticleReader
            from newsparallax.stories.service import StoryService

            log.info("loading the reading models for ingest")
            reader, stories = ArticleReader(self.config.read), StoryService(self.database)
        return IngestJob(
            self.database,
            self.config.ingest,
            batch_size=self.config.batch_size,
            reader=reader,
            stories=stories,
        )

    def changed(self) -> None:
        """The store was written by this process: forget every cached response."""
        self._menus = None
        if self.cache is not None:
            self.cache.clear()


def context(request: Request) -> Context:
    found: Any = request.app.state.context
    assert isinstance(found, Context)
    return found
