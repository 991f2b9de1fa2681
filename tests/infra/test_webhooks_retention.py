"""Outbox retention: finished deliveries older than the retention leave with their attempts; pending and
failed ones, and recent ones, stay; 0 keeps everything (a real PostgreSQL and a real receiver)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from infra.event_store import EventStore
from infra.settings import ConfigurationError, load_settings
from infra.webhooks import subscriptions
from infra.webhooks.retention import prune_deliveries, run_retention
from infra.webhooks.worker import run_webhooks
from tests.infra.test_webhooks_delivery import append, running, settings, talks
from tests.infra.webhooks_receiver import Receiver


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    await receiver.start()
    yield receiver
    await receiver.stop()


async def _delivered(pool: asyncpg.Pool, store: EventStore, receiver: Receiver, clean_db: str, count: int) -> None:
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    async with running(run_webhooks(pool, clean_db, settings())):
        await append(store, *(talks() for _ in range(count)))
        await receiver.wait_for(count)
        for _ in range(200):  # the last outcome is recorded just after the receiver answered
            if not await pool.fetchval("SELECT count(*) FROM wh_deliveries WHERE status = 'pending'"):
                break
            await asyncio.sleep(0.05)


async def _age(pool: asyncpg.Pool, days: float, where: str = "TRUE") -> None:
    await pool.execute(
        f"UPDATE wh_deliveries SET delivered_at = now() - make_interval(days => $1), "
        f"last_attempt_at = now() - make_interval(days => $1) WHERE {where}",
        int(days),
    )


async def test_finished_deliveries_older_than_the_retention_leave_with_their_attempts(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver, clean_db: str
) -> None:
    await _delivered(pool, store, receiver, clean_db, 4)
    ids = [r["delivery_id"] for r in await pool.fetch("SELECT delivery_id FROM wh_deliveries ORDER BY 1")]
    await _age(pool, 40, f"delivery_id IN ({ids[0]}, {ids[1]})")
    await pool.execute(f"UPDATE wh_deliveries SET status = 'failed' WHERE delivery_id = {ids[1]}")
    assert await pool.fetchval("SELECT count(*) FROM wh_attempts WHERE delivery_id = $1", ids[0]) >= 1

    deleted = await prune_deliveries(pool, older_than_s=30 * 86400.0, batch=1)

    assert deleted == 1
    left = [r["delivery_id"] for r in await pool.fetch("SELECT delivery_id FROM wh_deliveries ORDER BY 1")]
    assert left == ids[1:]  # the old failed one and the recent ones stay
    assert await pool.fetchval("SELECT count(*) FROM wh_attempts WHERE delivery_id = $1", ids[0]) == 0


async def test_a_retention_of_zero_keeps_every_delivery(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver, clean_db: str
) -> None:
    await _delivered(pool, store, receiver, clean_db, 2)
    await _age(pool, 400)
    await asyncio.wait_for(run_retention(pool, load_settings({})), timeout=5)  # returns at once: nothing to do
    assert await pool.fetchval("SELECT count(*) FROM wh_deliveries") == 2


async def test_the_retention_loop_prunes_on_its_own_when_a_retention_is_set(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver, clean_db: str
) -> None:
    await _delivered(pool, store, receiver, clean_db, 3)
    await _age(pool, 10)
    task = asyncio.create_task(run_retention(pool, settings(delivery_retention_days=7), every_s=0.05))
    try:
        for _ in range(100):
            if not await pool.fetchval("SELECT count(*) FROM wh_deliveries"):
                break
            await asyncio.sleep(0.05)
    finally:
        task.cancel()
    assert await pool.fetchval("SELECT count(*) FROM wh_deliveries") == 0


def test_a_negative_retention_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="CONFLICTDB_DELIVERY_RETENTION_DAYS"):
        load_settings({"CONFLICTDB_DELIVERY_RETENTION_DAYS": "-1"})
