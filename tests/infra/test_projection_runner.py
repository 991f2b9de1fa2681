"""The projection runner on a real PostgreSQL: catch-up, checkpoints, retractions, crashes, locking."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from typing import Any

import asyncpg
import pytest

from domain.events.subscriptions import SubscriptionCreated
from infra.codec import to_new_event
from infra.event_store import EventStore, head
from infra.projection_runner import ProjectionRunner
from infra.read_models import READ_MODELS, ReadModel
from tests.infra.projection_fixtures import offensive, retract, submit, talks


async def _checkpoint(pool: asyncpg.Pool, name: str) -> tuple[int, int]:
    row = await pool.fetchrow(
        "SELECT tx_id::text::bigint AS tx, global_position FROM checkpoints WHERE subscriber = $1",
        f"projection:{name}",
    )
    assert row is not None
    return row["tx"], row["global_position"]


async def _head(pool: asyncpg.Pool) -> tuple[int, int]:
    async with pool.acquire() as conn:
        position = await head(conn)
    return position.tx_id, position.global_position


async def test_catches_up_and_projects_appended_events(pool: asyncpg.Pool, store: EventStore) -> None:
    article_id, ids = await submit(store, [talks(), offensive()])
    processed = await ProjectionRunner(pool).run_until_caught_up()
    assert processed >= 3
    rows = await pool.fetch("SELECT event_id, article_id, type, actor_codes, body FROM rm_conflict_events")
    assert {r["event_id"] for r in rows} == set(ids)
    by_id = {r["event_id"]: r for r in rows}
    offensive_row = by_id[ids[1]]
    assert offensive_row["type"] == "OffensiveLaunched"
    assert offensive_row["actor_codes"] == ["TUR", "ISIL"]
    body = offensive_row["body"]
    assert body["id"] == str(ids[1]) and body["article_id"] == str(article_id)
    assert body["type"] == "OffensiveLaunched" and body["location"]["name"] == "Al-Bab"
    assert body["position"].count("-") == 1 and "recorded_at" in body
    assert await pool.fetchval("SELECT event_count FROM rm_articles WHERE article_id = $1", article_id) == 2


async def test_ignored_events_still_advance_the_checkpoint(pool: asyncpg.Pool, store: EventStore) -> None:
    created = SubscriptionCreated(subscription_id=uuid.uuid4(), url="https://example.org/hook")
    await store.append(f"subscription-{uuid.uuid4()}", [to_new_event(created)])
    await ProjectionRunner(pool).run_until_caught_up()
    assert await _checkpoint(pool, "conflict_events") == await _head(pool)
    assert await pool.fetchval("SELECT count(*) FROM rm_conflict_events") == 0


async def test_retraction_removes_the_row_and_fixes_counts(pool: asyncpg.Pool, store: EventStore) -> None:
    article_id, ids = await submit(store, [talks(), offensive()])
    runner = ProjectionRunner(pool)
    await runner.run_until_caught_up()
    await retract(store, article_id, ids[0])
    await retract(store, article_id, ids[0])  # a second retraction of the same event changes nothing
    await runner.run_until_caught_up()
    assert await pool.fetchval("SELECT array_agg(event_id) FROM rm_conflict_events") == [ids[1]]
    assert await pool.fetchval("SELECT event_count FROM rm_articles") == 1


class _Crash(Exception):
    pass


def _failing_on(model: ReadModel, nth: int) -> ReadModel:
    calls = 0

    def project(envelope: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == nth:
            raise _Crash(f"boom on event {nth}")
        return model.project(envelope)

    return ReadModel(name=model.name, tables=model.tables, project=project, write=model.write)


async def _expected_state(pool: asyncpg.Pool) -> tuple[int, int]:
    events = await pool.fetchval("SELECT count(*) FROM rm_conflict_events")
    counts = await pool.fetchval("SELECT coalesce(sum(event_count), 0) FROM rm_articles")
    return events, counts


async def test_a_crash_mid_batch_loses_and_doubles_nothing(pool: asyncpg.Pool, store: EventStore) -> None:
    for _ in range(6):
        await submit(store, [talks(), offensive()])
    models = [READ_MODELS["conflict_events"], READ_MODELS["articles"]]
    crashing = ProjectionRunner(pool, models=[_failing_on(m, 10) for m in models], batch_size=4)
    with pytest.raises(_Crash):
        await crashing.run_until_caught_up()
    error = await pool.fetchval("SELECT last_error FROM checkpoints WHERE subscriber = 'projection:conflict_events'")
    assert "boom on event 10" in error
    await ProjectionRunner(pool, models=models, batch_size=4).run_until_caught_up()
    assert await _expected_state(pool) == (12, 12)


class _SlowWrite:
    """A writer that stalls inside the transaction, so the test can cancel the runner mid-batch."""

    def __init__(self, model: ReadModel) -> None:
        self.model, self.entered = model, asyncio.Event()

    async def __call__(self, conn: asyncpg.Connection, changes: list[Any], tables: Any) -> None:
        await self.model.write(conn, changes, tables)
        self.entered.set()
        await asyncio.sleep(30)


async def test_cancelling_mid_transaction_loses_and_doubles_nothing(pool: asyncpg.Pool, store: EventStore) -> None:
    for _ in range(3):
        await submit(store, [talks(), offensive()])
    model = READ_MODELS["articles"]
    slow = _SlowWrite(model)
    stalled = ReadModel(name=model.name, tables=model.tables, project=model.project, write=slow)
    task = asyncio.create_task(ProjectionRunner(pool, models=[stalled], batch_size=5).run_until_caught_up())
    await asyncio.wait_for(slow.entered.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await pool.fetchval("SELECT count(*) FROM rm_articles") == 0
    await ProjectionRunner(pool, models=[model], batch_size=5).run_until_caught_up()
    assert await pool.fetchval("SELECT sum(event_count) FROM rm_articles") == 6


async def test_two_runners_never_double_apply(pool: asyncpg.Pool, store: EventStore) -> None:
    for _ in range(20):
        await submit(store, [talks(), offensive()])
    runners = [ProjectionRunner(pool, batch_size=3) for _ in range(2)]
    await asyncio.gather(*(r.run_until_caught_up() for r in runners))
    await runners[0].run_until_caught_up()
    assert await _expected_state(pool) == (40, 40)


async def test_run_forever_wakes_on_notify_rather_than_polling(
    pool: asyncpg.Pool, store: EventStore, clean_db: str
) -> None:
    runner = ProjectionRunner(pool, database_url=clean_db, poll_interval_s=60)
    task = asyncio.create_task(runner.run_forever())
    try:
        await asyncio.sleep(0.3)  # let it catch up on the empty log and start waiting
        await submit(store, [talks()])
        for _ in range(100):
            if await pool.fetchval("SELECT count(*) FROM rm_conflict_events"):
                break
            await asyncio.sleep(0.02)
        assert await pool.fetchval("SELECT count(*) FROM rm_conflict_events") == 1
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
