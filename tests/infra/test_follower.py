"""Log followers on a real PostgreSQL: the filtered reader, the checkpointed step, the runner."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Sequence

import asyncpg

from domain.events.subscriptions import SubscriptionCreated
from infra.codec import to_new_event
from infra.event_store import START, EventStore, RecordedEvent, head, read_batch
from infra.follower import Follower, FollowerRunner, step
from infra.listen import Listener
from tests.infra.projection_fixtures import submit, talks


class Recorder:
    """A follower's handler that keeps the event types it was given."""

    def __init__(self, fail: bool = False) -> None:
        self.types: list[str] = []
        self.fail = fail

    async def __call__(self, conn: asyncpg.Connection, events: Sequence[RecordedEvent]) -> int:
        if self.fail:
            raise RuntimeError("handler refuses")
        self.types.extend(e.event_type for e in events)
        return 0


async def subscription_event(store: EventStore) -> None:
    created = SubscriptionCreated(subscription_id=uuid.uuid4(), url="https://example.org/hook")
    await store.append(f"subscription-{uuid.uuid4()}", [to_new_event(created)])


async def checkpoint_of(pool: asyncpg.Pool, name: str) -> asyncpg.Record:
    row = await pool.fetchrow(
        "SELECT tx_id::text::bigint AS tx_id, global_position, last_error FROM checkpoints WHERE subscriber = $1", name
    )
    assert row is not None
    return row


async def test_a_batch_holds_only_its_types_and_ends_past_the_others(pool: asyncpg.Pool, store: EventStore) -> None:
    await submit(store, [talks()])
    await subscription_event(store)
    async with pool.acquire() as conn:
        batch = await read_batch(conn, START, 10, types={"TalksHeld"})
        end = await head(conn)
    assert [e.event_type for e in batch.events] == ["TalksHeld"]
    assert batch.end == end


async def test_a_full_batch_ends_at_its_last_event_so_nothing_is_skipped(pool: asyncpg.Pool, store: EventStore) -> None:
    await submit(store, [talks(), talks(), talks()])
    async with pool.acquire() as conn:
        first = await read_batch(conn, START, 2, types={"TalksHeld"})
        assert first.end is not None
        rest = await read_batch(conn, first.end, 2, types={"TalksHeld"})
    assert first.end == first.events[-1].position
    assert len(first.events) == 2 and len(rest.events) == 1


async def test_a_filtered_reader_waits_for_an_event_that_commits_late(pool: asyncpg.Pool, store: EventStore) -> None:
    async with pool.acquire() as late, late.transaction():
        await late.execute("SELECT pg_current_xact_id()")  # an open writer holds the horizon back
        await submit(store, [talks()])
        async with pool.acquire() as conn:
            while_open = await read_batch(conn, START, 10, types={"TalksHeld"})
    async with pool.acquire() as conn:
        after_commit = await read_batch(conn, START, 10, types={"TalksHeld"})
    assert while_open.events == [] and while_open.end is None
    assert [e.event_type for e in after_commit.events] == ["TalksHeld"]


async def test_a_step_advances_the_checkpoint_past_events_it_does_not_handle(
    pool: asyncpg.Pool, store: EventStore
) -> None:
    await subscription_event(store)
    recorder = Recorder()
    follower = Follower(name="test-follower", topics=frozenset({"TalksHeld"}), handle=recorder)
    await FollowerRunner(pool, [follower]).run_until_caught_up()
    row = await checkpoint_of(pool, "test-follower")
    async with pool.acquire() as conn:
        end = await head(conn)
    assert recorder.types == [] and (row["tx_id"], row["global_position"]) == (end.tx_id, end.global_position)


async def test_a_step_skips_a_checkpoint_another_process_holds(pool: asyncpg.Pool, store: EventStore) -> None:
    await submit(store, [talks()])
    recorder = Recorder()
    follower = Follower(name="held", topics=None, handle=recorder)
    await pool.execute("INSERT INTO checkpoints (subscriber) VALUES ('held')")
    async with pool.acquire() as other, other.transaction():
        await other.execute("SELECT 1 FROM checkpoints WHERE subscriber = 'held' FOR UPDATE")
        skipped = await step(pool, follower, 10)
    assert not skipped.claimed and recorder.types == []
    assert (await step(pool, follower, 10)).handled == 2


async def test_a_failing_follower_records_its_error_while_the_others_go_on(
    pool: asyncpg.Pool, store: EventStore, clean_db: str
) -> None:
    healthy, failing = Recorder(), Recorder(fail=True)
    followers = [
        Follower(name="healthy", topics=None, handle=healthy),
        Follower(name="failing", topics=None, handle=failing),
    ]
    listener = Listener(clean_db)
    task = asyncio.create_task(FollowerRunner(pool, followers, listener=listener, poll_interval_s=60).run_forever())
    try:
        await asyncio.sleep(0.3)  # caught up on the empty log, waiting on the shared listener
        await submit(store, [talks()])
        for _ in range(200):
            if healthy.types and (await checkpoint_of(pool, "failing"))["last_error"]:
                break
            await asyncio.sleep(0.02)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert healthy.types == ["ArticleSubmitted", "TalksHeld"]
    failed = await checkpoint_of(pool, "failing")
    assert "handler refuses" in failed["last_error"] and failed["global_position"] == 0
    assert listener._conn is None  # the last waiter left, so the LISTEN connection closed
