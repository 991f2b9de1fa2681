"""Append throughput of the event store beside a raw asyncpg floor on the same server.

Figures: batched appends (100 events per append) against one multi-row INSERT and
against COPY of the same rows into a plain table (no indexes, no checks); concurrent
single-event appends with 1, 4 and 16 writers against as many connections doing plain
single-row INSERTs. Then the projection figure: a rebuild of the conflict_events read
model over REBUILD_EVENTS appended events (article streams: one ArticleSubmitted and
conflict events), against paging through the same log with read_all (the read floor).
"""

from __future__ import annotations

import asyncio
import time
import uuid

import asyncpg
from _common import bench_database, report

from domain.events import ArticleSubmitted, Evidence, Location, TalksHeld
from infra.codec import to_new_event
from infra.db import create_pool
from infra.event_store import NO_STREAM, START, EventStore, NewEvent
from infra.projection_runner import ProjectionRunner
from infra.read_models import READ_MODELS
from infra.read_models.status import request_rebuild

BATCH = 100
BATCHES = 200
SINGLE_PER_WRITER_TOTAL = 4000
PAYLOAD = b'{"type":"TalksHeld","evidence":{"text":"Lawrow und Kerry telefonierten am Mittwoch.","start":0,"end":43},"confidence":0.8}'  # noqa: E501

REBUILD_EVENTS = 100_000
EVENTS_PER_ARTICLE = 50
READ_BATCH = 500

PLAIN_TABLE = """
CREATE TABLE IF NOT EXISTS bench_plain (
    event_id uuid, stream_id text, stream_version bigint, event_type text, data jsonb, metadata jsonb
)"""


def events(n: int) -> list[NewEvent]:
    return [
        NewEvent(event_id=uuid.uuid4(), event_type="TalksHeld", data=PAYLOAD, metadata={"bench": True})
        for _ in range(n)
    ]


def plain_rows(n: int, stream: str) -> list[tuple[object, ...]]:
    return [(uuid.uuid4(), stream, i + 1, "TalksHeld", PAYLOAD.decode(), '{"bench": true}') for i in range(n)]


async def batched_store(store: EventStore) -> float:
    batches = [events(BATCH) for _ in range(BATCHES)]
    start = time.perf_counter()
    for i, batch in enumerate(batches):
        await store.append(f"bench-{uuid.uuid4().hex}-{i}", batch, NO_STREAM)
    return BATCH * BATCHES / (time.perf_counter() - start)


async def batched_copy(pool: asyncpg.Pool) -> float:
    batches = [plain_rows(BATCH, f"bench-{i}") for i in range(BATCHES)]
    columns = ["event_id", "stream_id", "stream_version", "event_type", "data", "metadata"]
    start = time.perf_counter()
    async with pool.acquire() as conn:
        for rows in batches:
            async with conn.transaction():
                await conn.copy_records_to_table("bench_plain", records=rows, columns=columns)
    return BATCH * BATCHES / (time.perf_counter() - start)


async def batched_insert(pool: asyncpg.Pool) -> float:
    batches = [plain_rows(BATCH, f"bench-{i}") for i in range(BATCHES)]
    sql = """INSERT INTO bench_plain SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[],
             $5::jsonb[], $6::jsonb[])"""
    start = time.perf_counter()
    async with pool.acquire() as conn:
        for rows in batches:
            await conn.execute(sql, *(list(column) for column in zip(*rows, strict=True)))
    return BATCH * BATCHES / (time.perf_counter() - start)


async def concurrent_store(store: EventStore, writers: int) -> float:
    per_writer = SINGLE_PER_WRITER_TOTAL // writers

    async def write() -> None:
        for _ in range(per_writer):
            await store.append(f"bench-{uuid.uuid4().hex}", events(1), NO_STREAM)

    start = time.perf_counter()
    await asyncio.gather(*(write() for _ in range(writers)))
    return per_writer * writers / (time.perf_counter() - start)


async def concurrent_insert(pool: asyncpg.Pool, writers: int) -> float:
    per_writer = SINGLE_PER_WRITER_TOTAL // writers
    sql = "INSERT INTO bench_plain VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)"

    async def write() -> None:
        async with pool.acquire() as conn:
            for _ in range(per_writer):
                await conn.execute(sql, *plain_rows(1, f"bench-{uuid.uuid4().hex}")[0])

    start = time.perf_counter()
    await asyncio.gather(*(write() for _ in range(writers)))
    return per_writer * writers / (time.perf_counter() - start)


def article_stream() -> tuple[str, list[NewEvent]]:
    article_id = uuid.uuid4()
    submitted = ArticleSubmitted(article_id=article_id, title="Bench", text="Text.", content_hash=article_id.hex)
    talks = TalksHeld(
        location=Location(name="Astana", country="KZ", lat=51.17, lon=71.45),
        evidence=Evidence(text="Die Gespräche in Astana begannen.", start=0, end=33),
        confidence=0.8,
    )
    new = [to_new_event(submitted)] + [to_new_event(talks) for _ in range(EVENTS_PER_ARTICLE - 1)]
    return f"article-{article_id}", new


async def fill_articles(store: EventStore) -> None:
    for _ in range(REBUILD_EVENTS // EVENTS_PER_ARTICLE):
        stream, new = article_stream()
        await store.append(stream, new, NO_STREAM)


async def log_length(pool: asyncpg.Pool) -> int:
    return int(await pool.fetchval("SELECT count(*) FROM events"))


async def read_floor(store: EventStore) -> float:
    """Events per second paging through the whole log with read_all (no decoding, no writes)."""
    count, after, start = 0, START, time.perf_counter()
    while batch := await store.read_all(after, READ_BATCH):
        count, after = count + len(batch), batch[-1].position
    return count / (time.perf_counter() - start)


async def rebuild_conflict_events(pool: asyncpg.Pool) -> float:
    """Log events per second through a rebuild of conflict_events (shadow fill and swap)."""
    runner = ProjectionRunner(pool, models=[READ_MODELS["conflict_events"]], batch_size=READ_BATCH)
    await runner.run_until_caught_up()  # the live checkpoint first, so only the rebuild is timed
    await request_rebuild(pool, "conflict_events")
    start = time.perf_counter()
    await runner.run_until_caught_up()
    return await log_length(pool) / (time.perf_counter() - start)


async def projection_figure(pool: asyncpg.Pool, store: EventStore) -> None:
    await fill_articles(store)
    rebuild, floor = await rebuild_conflict_events(pool), await read_floor(store)
    report("append", "conflict_events_rebuild_events_per_s", rebuild, "events/s", "read_all paging", floor)


async def main(url: str) -> None:
    pool = await create_pool(url, max_size=17)
    raw = await asyncpg.create_pool(url, min_size=1, max_size=17)  # the floor: bare asyncpg, no codecs
    try:
        async with pool.acquire() as conn:
            await conn.execute(PLAIN_TABLE)
        store = EventStore(pool)
        await batched_store(store)  # warm-up: plans, caches, connections
        batched = await batched_store(store)
        report("append", "batched_events_per_s", batched, "events/s", "raw multi-row INSERT", await batched_insert(raw))
        report("append", "batched_events_per_s_vs_copy", batched, "events/s", "raw COPY", await batched_copy(raw))
        for writers in (1, 4, 16):
            ours = await concurrent_store(store, writers)
            floor = await concurrent_insert(raw, writers)
            report(
                "append",
                f"single_event_appends_per_s_{writers}_writers",
                ours,
                "events/s",
                "raw single-row INSERT",
                floor,
            )
        await projection_figure(pool, store)
    finally:
        await pool.close()
        await raw.close()


if __name__ == "__main__":
    with bench_database() as database_url:
        asyncio.run(main(database_url))
