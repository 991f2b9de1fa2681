"""Ingest throughput: articles/s through POST /articles end to end, beside a floor from the same run.

The server is `conflictdb serve --no-workers` in a subprocess on 127.0.0.1 (projections off,
so the figure is the write path alone); an httpx client posts the seed texts, each made
unique per request so every post is a new article, from CONCURRENCY tasks.

Floor (same texts, same process count, same concurrency): the extractor alone plus one
bare asyncpg multi-row INSERT of the same event rows into a plain table: what ingestion
costs with no HTTP, validation, de-duplication or event-store rules. Also reported: the
same ingestion called in process (application.ingest.ingest, no HTTP), and POST /articles/batch.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import msgspec
from _common import bench_database, report, seed_articles

from application.ingest import ingest
from domain.articles import parse_article
from domain.extraction import extract
from infra.api_keys import create_api_key
from infra.clock import SystemClock
from infra.codec import to_new_event
from infra.db import create_pool
from infra.event_store import EventStore
from infra.ingestion import ArticleStreams

REPO = Path(__file__).resolve().parent.parent
HTTP_ARTICLES = 500
DIRECT_ARTICLES = 250
FLOOR_ARTICLES = 200
BATCH_SIZE, BATCHES = 100, 3
CONCURRENCY = 8
PLAIN_TABLE = """CREATE TABLE IF NOT EXISTS bench_ingest_plain (
    event_id uuid, stream_id text, stream_version bigint, event_type text, data jsonb, metadata jsonb)"""


def unique(seeds: list[dict[str, Any]], n: int, tag: str) -> list[dict[str, Any]]:
    """n articles cycling through the seeds; a trailing marker makes each text (and hash) new."""
    return [{**seeds[i % len(seeds)], "text": seeds[i % len(seeds)]["text"] + f"\n[{tag} {i}]"} for i in range(n)]


async def run_concurrently(items: list[Any], work: Any) -> float:
    """Articles/s for `work(item)` over items from CONCURRENCY tasks."""
    queue = list(reversed(items))

    async def worker() -> None:
        while queue:
            await work(queue.pop())

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return len(items) / (time.perf_counter() - start)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "api.cli", "serve", "--no-workers", f"--database-url={url}", f"--port={port}"]
    env = {**os.environ, "CONFLICTDB_LOG_LEVEL": "warning"}
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def wait_ready(client: httpx.AsyncClient, server: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit("bench/ingest.py: the server exited during start-up")
        try:
            if (await client.get("/health")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit("bench/ingest.py: the server did not start within 30 s")


async def http_figures(url: str, secret: str, seeds: list[dict[str, Any]]) -> tuple[float, float]:
    port = free_port()
    server = start_server(url, port)
    headers = {"Authorization": f"Bearer {secret}"}
    limits = httpx.Limits(max_connections=CONCURRENCY)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", headers=headers, limits=limits) as client:
            await wait_ready(client, server)

            async def post(article: dict[str, Any]) -> None:
                response = await client.post("/articles", json=article, timeout=60)
                if response.status_code != 201:
                    raise SystemExit(f"bench/ingest.py: POST /articles answered {response.status_code}")

            await run_concurrently(unique(seeds, 20, "warm"), post)
            single = await run_concurrently(unique(seeds, HTTP_ARTICLES, "http"), post)
            batched = await batch_figure(client, seeds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return single, batched


async def batch_figure(client: httpx.AsyncClient, seeds: list[dict[str, Any]]) -> float:
    start = time.perf_counter()
    for b in range(BATCHES):
        body = unique(seeds, BATCH_SIZE, f"batch{b}")
        response = await client.post("/articles/batch", json=body, timeout=120)
        if response.status_code != 200:
            raise SystemExit(f"bench/ingest.py: POST /articles/batch answered {response.status_code}")
    return BATCH_SIZE * BATCHES / (time.perf_counter() - start)


async def direct_figure(pool: asyncpg.Pool, seeds: list[dict[str, Any]]) -> float:
    articles, clock = ArticleStreams(EventStore(pool)), SystemClock()

    async def one(raw: dict[str, Any]) -> None:
        await ingest(articles, clock, parse_article(raw), origin="bench")

    return await run_concurrently(unique(seeds, DIRECT_ARTICLES, "direct"), one)


async def floor_figure(pool: asyncpg.Pool, seeds: list[dict[str, Any]], tag: str) -> float:
    """Extraction plus one bare INSERT of the same rows per article: no HTTP, no store rules."""
    await pool.execute(PLAIN_TABLE)
    sql = """INSERT INTO bench_ingest_plain SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[],
             $4::text[], $5::jsonb[], $6::jsonb[])"""

    async def one(raw: dict[str, Any]) -> None:
        events = extract(raw["text"], published_at=raw["published_at"], language="de")
        stream = f"article-{uuid.uuid4()}"
        new = [to_new_event(e, metadata={"bench": True}) for e in events]
        rows = [(e.event_id, stream, i, e.event_type, e.data.decode(), '{"bench": true}') for i, e in enumerate(new, 1)]
        rows.insert(0, (uuid.uuid4(), stream, 0, "ArticleSubmitted", msgspec.json.encode(raw).decode(), "{}"))
        await pool.execute(sql, *(list(column) for column in zip(*rows, strict=True)))

    return await run_concurrently(unique(seeds, FLOOR_ARTICLES, tag), one)


async def measure(url: str) -> tuple[float, float, float, float]:
    seeds = seed_articles()
    pool = await create_pool(url, max_size=CONCURRENCY + 2)
    try:
        _, secret = await create_api_key(pool, "bench", "ingest")
        for raw in seeds:  # warm the extractor's caches before anything is timed
            extract(raw["text"], published_at=raw["published_at"])
        before = await floor_figure(pool, seeds, "floor-a")
        single, batched = await http_figures(url, secret, seeds)
        direct = await direct_figure(pool, seeds)
        after = await floor_figure(pool, seeds, "floor-b")
    finally:
        await pool.close()
    # The floor is measured before and after the rest and averaged, so drift in machine load hits both.
    return (before + after) / 2, direct, single, batched


def main() -> None:
    with bench_database() as url:
        floor, direct, single, batched = asyncio.run(measure(url))
    baseline = "extraction + bare asyncpg INSERT of the same rows (in process)"
    report("ingest", "articles_per_s", single, "articles/s", baseline, floor)
    report("ingest", "articles_per_s_batch", batched, "articles/s", baseline, floor)
    report("ingest", "articles_per_s_in_process", direct, "articles/s", baseline, floor)


if __name__ == "__main__":
    main()
