"""Load on ``parallax serve``: requests/s and p50/p95 latency for the story list and story pages.

Usage: python bench/serve_load.py [--articles 10000] [--clients 50] [--seconds 30] [--db PATH]
                                  [--build-only] [--workers 1] [--no-cache]

The store (default ``bench/out/serve-10k.db``) is built once and reused: the GVC dev reports
repeated with new ids, a marker sentence and dates shifted three years per repetition (as
``bench/stories_cost.py`` does), ingested with reading and stories like ``parallax ingest``.
Then ``parallax serve`` starts on loopback and, per endpoint, ``--clients`` concurrent httpx
clients request pages back to back for ``--seconds`` seconds.  "list" walks the first pages of
the story list, with and without a search; "story" walks the 200 most recent story pages; each
is measured as HTML (what a browser gets) and the story pages once more as JSON.  Every story page
is requested once before the clock starts, so the facts report is built and cached in the store.

Target: p95 under 200 ms for the story list and a story page on a 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from _common import rows
from stories_cost import repeated

OUT = Path(__file__).resolve().parent / "out"
HOST = "127.0.0.1"


def build(db: str, total: int, chunk: int = 1000) -> None:
    """Ingest repeated GVC dev articles into ``db`` until it stores ``total`` (some GVC reports are
    the same text twice, so a few more are given than stored); a store that has them is reused."""
    from newsparallax.engine import IngestJob
    from newsparallax.read.reader import ArticleReader
    from newsparallax.store.articles import store_stats
    from newsparallax.store.db import open_database
    from newsparallax.stories.service import StoryService

    database = open_database(db)
    stats = store_stats(database)
    job: IngestJob | None = None
    source = rows("gvc/dev.jsonl")
    while stats["articles"] < total:
        given = stats["ids"] + int((total - stats["articles"]) * 1.1) + 20
        new = sorted(repeated(source, given)[stats["ids"] :], key=lambda r: (r["published"] or "", r["id"]))
        job = job or IngestJob(database, reader=ArticleReader(), stories=StoryService(database))
        for start in range(0, len(new), chunk):
            _ingest_chunk(job, new[start : start + chunk])
        stats = store_stats(database)
        print(f"store {db}: {stats['articles']:,} articles", flush=True)
    print(f"store {db}: {stats['articles']:,} articles ({stats['ids']:,} ids given)", flush=True)


def _ingest_chunk(job: Any, records: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chunk.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        began = time.perf_counter()
        report = job.run([str(path)])
    print(
        f"  {len(records):,} given: {report.stored} stored in {time.perf_counter() - began:.0f} s", flush=True
    )


def start_server(db: str, port: int, workers: int, cache: bool) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "newsparallax", "--db", db, "serve", "--host", HOST, "--port", str(port),
               "--workers", str(workers), "--log-level", "warning"]  # fmt: skip
    command.append("--cache" if cache else "--no-cache")
    process = subprocess.Popen(command)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("the server did not start within 60 s")


async def _client(base: str, paths: list[str], offset: int, stop: float, headers: dict[str, str],
                  latencies: list[float], errors: list[int]) -> None:  # fmt: skip
    """One client: its own keep-alive connection, one request after another until ``stop``."""
    async with httpx.AsyncClient(base_url=base, timeout=30, headers=headers) as client:
        index = offset
        while time.perf_counter() < stop:
            began = time.perf_counter()
            response = await client.get(paths[index % len(paths)])
            latencies.append(time.perf_counter() - began)
            if response.status_code != 200:
                errors.append(response.status_code)
            index += 1


async def measure(base: str, paths: list[str], clients: int, seconds: float, as_json: bool) -> dict[str, Any]:
    headers = {"accept": "application/json" if as_json else "text/html"}
    latencies: list[float] = []
    errors: list[int] = []
    stop = time.perf_counter() + seconds
    began = time.perf_counter()
    await asyncio.gather(
        *(_client(base, paths, i * 7, stop, headers, latencies, errors) for i in range(clients))
    )
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": len(errors),
        "rps": len(ordered) / elapsed,
        "p50_ms": 1000 * statistics.median(ordered),
        "p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))],
        "max_ms": 1000 * ordered[-1],
    }


def endpoints(base: str) -> dict[str, list[str]]:
    """The paths measured, each requested once first (as JSON and as HTML), so that the facts
    reports they show are built and cached in the store and the server starts warm."""
    listing = httpx.get(f"{base}/stories.json", params={"per_page": 200}, timeout=60).json()
    ids = [story["id"] for story in listing["items"]]
    pages = [f"/stories?page={n}" for n in range(1, 6)]
    searches = [f"/stories?q={word}" for word in ("shooting", "police", "killed", "man", "woman")]
    paths = {"list": pages + searches, "story": [f"/stories/{i}" for i in ids]}
    print(f"{listing['total']:,} stories in the store; warming {len(ids)} story pages and 10 list pages",
          flush=True)  # fmt: skip
    began = time.perf_counter()
    for path in paths["story"] + paths["list"]:
        for accept in ("application/json", "text/html"):
            httpx.get(f"{base}{path}", headers={"accept": accept}, timeout=300)
    print(f"warm in {time.perf_counter() - began:.0f} s", flush=True)
    return paths


def _run(coroutine: Any) -> Any:
    """asyncio.run, on uvloop when it is installed (it spends less of the machine on the clients)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children (Linux /proc; 0 elsewhere)."""
    total = 0.0
    for path in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = path.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if path.parent.name == str(pid) or fields[1] == str(pid):  # the server or one of its workers
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--db", default=str(OUT / "serve-10k.db"))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--no-cache", action="store_true", help="serve without the response cache")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    build(args.db, args.articles)
    if args.build_only:
        return
    server = start_server(args.db, args.port, args.workers, cache=not args.no_cache)
    try:
        base = f"http://{HOST}:{args.port}"
        paths = endpoints(base)
        runs = [
            ("list", paths["list"], False),
            ("story", paths["story"], False),
            ("story", paths["story"], True),
        ]
        print(
            f"{args.clients} clients, {args.seconds:.0f} s each, {args.workers} worker(s), "
            f"cache {'off' if args.no_cache else 'on'}"
        )
        for name, wanted, as_json in runs:
            server_cpu, client_cpu = _cpu_seconds(server.pid), time.process_time()
            result = _run(measure(base, wanted, args.clients, args.seconds, as_json))
            result["server_cpu"] = _cpu_seconds(server.pid) - server_cpu
            result["client_cpu"] = time.process_time() - client_cpu
            label = f"{name} ({'json' if as_json else 'html'})"
            print(
                f"  {label:13s} {result['rps']:7.1f} req/s  p50 {result['p50_ms']:6.1f} ms  "
                f"p95 {result['p95_ms']:6.1f} ms  max {result['max_ms']:6.1f} ms  "
                f"{result['requests']:,} requests, {result['errors']} errors; CPU s: server "
                f"{result['server_cpu']:.0f}, load generator {result['client_cpu']:.0f}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    print("(target: p95 < 200 ms for the story list and a story page)")


if __name__ == "__main__":
    main()
