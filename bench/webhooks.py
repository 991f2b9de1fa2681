"""Webhook delivery: throughput to a local receiver and append-to-delivery latency.

Figures:
- deliveries_per_s: a backlog of signed deliveries drained by the real fan-out and
  dispatcher (claim, sign, POST, record outcome), against the receiver's raw capacity:
  a plain httpx loop POSTing the same signed bodies with the same concurrency.
- latency_p50_ms / latency_p99_ms: events appended at a steady rate (default 200/s),
  from commit to arrival at the receiver, against the 1,000 ms target for p99.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import time
import uuid
from collections.abc import AsyncIterator

import asyncpg
import httpx
from _common import bench_database, report

from domain.events import Evidence, Location, TalksHeld
from infra.codec import to_new_event
from infra.db import create_pool
from infra.event_store import EventStore
from infra.settings import Settings, load_settings
from infra.webhooks import subscriptions
from infra.webhooks.worker import run_webhooks
from tests.infra.webhooks_receiver import Receiver

TARGET_P99_MS = 1000.0
EVENT = TalksHeld(
    location=Location(name="Kyiv", country="UA", lat=50.45, lon=30.52),
    evidence=Evidence(text="Vertreter beider Seiten trafen sich in Kiew.", start=0, end=44),
    confidence=0.8,
)


def _settings() -> Settings:
    return load_settings({}, webhook_allow_private=True, poll_interval_s=1.0)


async def _append(store: EventStore) -> str:
    new = to_new_event(EVENT)
    await store.append(f"article-{uuid.uuid4()}", [new])
    return f"msg_{new.event_id}"


async def _reset(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn:
        await conn.execute("DELETE FROM wh_subscriptions")


@contextlib.asynccontextmanager
async def _workers(pool: asyncpg.Pool, url: str, settings: Settings) -> AsyncIterator[None]:
    task = asyncio.create_task(run_webhooks(pool, url, settings))
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def throughput(pool: asyncpg.Pool, url: str, count: int) -> tuple[float, float]:
    """(ours, raw) deliveries per second for a backlog of `count` events."""
    store, settings, receiver = EventStore(pool), _settings(), Receiver()
    await receiver.start()
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    for _ in range(count):
        await _append(store)
    started = time.perf_counter()
    async with _workers(pool, url, settings):
        await receiver.wait_for(count, within_s=300)
    ours = count / (time.perf_counter() - started)
    sample = receiver.accepted()[:1]
    raw = await _raw_capacity(receiver, sample[0].body, sample[0].headers, count, settings.webhook_batch)
    await receiver.stop()
    await _reset(pool)
    return ours, raw


async def _raw_capacity(receiver: Receiver, body: bytes, headers: dict[str, str], count: int, width: int) -> float:
    keep = {k: v for k, v in headers.items() if k.startswith("webhook-") or k == "content-type"}
    async with httpx.AsyncClient(timeout=10, trust_env=False) as client:
        started = time.perf_counter()
        for offset in range(0, count, width):
            batch = min(width, count - offset)
            await asyncio.gather(*(client.post(receiver.url, content=body, headers=keep) for _ in range(batch)))
        return count / (time.perf_counter() - started)


async def latency(pool: asyncpg.Pool, url: str, rate: float, seconds: float) -> list[float]:
    """Milliseconds from append commit to arrival, per event, at a steady append rate."""
    store, receiver = EventStore(pool), Receiver()
    await receiver.start()
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    committed: dict[str, float] = {}
    async with _workers(pool, url, _settings()):
        await asyncio.sleep(0.5)  # listeners up
        started, total = time.monotonic(), int(rate * seconds)
        for i in range(total):
            await asyncio.sleep(max(0.0, started + i / rate - time.monotonic()))
            msg_id = await _append(store)
            committed[msg_id] = time.monotonic()
        await receiver.wait_for(total, within_s=60)
    arrived = {r.headers["webhook-id"]: r.at for r in receiver.accepted()}
    await receiver.stop()
    await _reset(pool)
    return [(arrived[m] - t) * 1000 for m, t in committed.items()]


async def run(url: str, args: argparse.Namespace) -> None:
    pool = await create_pool(url, max_size=20)
    try:
        ours, raw = await throughput(pool, url, args.backlog)
        report("webhooks", "deliveries_per_s", ours, "deliveries/s", "raw httpx POST loop", raw)
        samples = sorted(await latency(pool, url, args.rate, args.seconds))
        p50 = statistics.median(samples)
        p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
        for name, value in (("latency_p50_ms", p50), ("latency_p99_ms", p99)):
            report("webhooks", name, value, "ms", "target p99", TARGET_P99_MS, higher_is_better=False)
    finally:
        await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backlog", type=int, default=2000, help="deliveries for the throughput figure")
    parser.add_argument("--rate", type=float, default=200.0, help="events per second for the latency figure")
    parser.add_argument("--seconds", type=float, default=15.0, help="duration of the latency run")
    args = parser.parse_args()
    with bench_database() as url:
        asyncio.run(run(url, args))


if __name__ == "__main__":
    main()
