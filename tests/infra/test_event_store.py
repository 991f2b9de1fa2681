"""The event store on a real PostgreSQL: append, read, concurrency, idempotency, ordering."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from domain.errors import ConcurrencyError
from infra.event_store import (
    ANY,
    NO_STREAM,
    START,
    DuplicateEventError,
    EventStore,
    NewEvent,
    Position,
    StoreInvariantError,
    read_all,
)


def new_event(n: int = 0, event_id: uuid.UUID | None = None) -> NewEvent:
    return NewEvent(event_id=event_id or uuid.uuid4(), event_type="Test", data=b'{"n": %d}' % n, metadata={"n": n})


async def test_appended_events_read_back_from_stream_and_log(store: EventStore) -> None:
    result = await store.append("article-1", [new_event(1), new_event(2)], NO_STREAM)
    assert result.version == 2 and len(result.positions) == 2
    stream = await store.read_stream("article-1")
    assert [e.stream_version for e in stream] == [1, 2]
    assert [e.data for e in stream] == [b'{"n": 1}', b'{"n": 2}']
    assert stream[0].metadata == {"n": 1}
    log = await store.read_all(START, 10)
    assert [e.event_id for e in log] == [e.event_id for e in stream]


async def test_stale_expected_version_raises_and_appends_nothing(store: EventStore) -> None:
    await store.append("article-1", [new_event()], NO_STREAM)
    with pytest.raises(ConcurrencyError):
        await store.append("article-1", [new_event()], 0)
    with pytest.raises(ConcurrencyError):
        await store.append("article-1", [new_event()], NO_STREAM)
    with pytest.raises(ConcurrencyError):
        await store.append("article-1", [new_event()], 5)
    assert await store.stream_version("article-1") == 1
    await store.append("article-1", [new_event()], 1)
    assert await store.stream_version("article-1") == 2


async def test_expected_version_any_appends_at_the_end(store: EventStore) -> None:
    await store.append("article-1", [new_event()], ANY)
    await store.append("article-1", [new_event(), new_event()], ANY)
    assert [e.stream_version for e in await store.read_stream("article-1")] == [1, 2, 3]


async def test_same_event_id_twice_is_a_no_op(store: EventStore) -> None:
    events = [new_event(1), new_event(2)]
    first = await store.append("article-1", events, NO_STREAM)
    again = await store.append("article-1", events, NO_STREAM)
    assert again.duplicate and again.positions == first.positions
    assert len(await store.read_all(START, 10)) == 2
    with pytest.raises(DuplicateEventError):
        await store.append("article-1", [events[0], new_event(3)], ANY)


async def test_concurrent_cas_on_one_stream_has_exactly_one_winner(store: EventStore) -> None:
    await store.append("article-1", [new_event()], NO_STREAM)
    outcomes = await asyncio.gather(
        *(store.append("article-1", [new_event(i)], 1) for i in range(8)), return_exceptions=True
    )
    assert sum(1 for o in outcomes if not isinstance(o, BaseException)) == 1
    assert all(isinstance(o, ConcurrencyError) for o in outcomes if isinstance(o, BaseException))


async def test_reader_never_skips_an_event_that_commits_late(store: EventStore, clean_db: str) -> None:
    slow = await asyncpg.connect(clean_db)
    try:
        tx = slow.transaction()
        await tx.start()
        await store.append_in(slow, "article-a", [new_event(1)], NO_STREAM)  # lower position, still open
        await store.append("article-b", [new_event(2)], NO_STREAM)  # commits first
        seen = await store.read_all(START, 10)
        assert seen == []  # B is held back while A's transaction is open
        await tx.commit()
    finally:
        await slow.close()
    seen = await store.read_all(START, 10)
    assert [e.stream_id for e in seen] == ["article-a", "article-b"]


async def test_a_naive_position_cursor_would_have_skipped(store: EventStore, clean_db: str) -> None:
    """The control for the test above: the same scenario read by global_position alone loses A."""
    slow = await asyncpg.connect(clean_db)
    try:
        tx = slow.transaction()
        await tx.start()
        await store.append_in(slow, "article-a", [new_event(1)], NO_STREAM)
        await store.append("article-b", [new_event(2)], NO_STREAM)
        async with store.pool.acquire() as conn:
            naive = await conn.fetch("SELECT global_position FROM events ORDER BY global_position")
        await tx.commit()
        async with store.pool.acquire() as conn:
            after = await conn.fetch(
                "SELECT stream_id FROM events WHERE global_position > $1", naive[-1]["global_position"]
            )
    finally:
        await slow.close()
    assert [r["global_position"] for r in naive] == [2] and after == []


async def test_a_write_before_the_cas_is_refused(store: EventStore, pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn:
        with pytest.raises(StoreInvariantError):
            async with conn.transaction():
                await conn.execute("INSERT INTO checkpoints (subscriber) VALUES ('x')")
                await store.append_in(conn, "article-1", [new_event()], NO_STREAM)


async def test_concurrent_writers_with_a_concurrent_reader_lose_nothing(store: EventStore) -> None:
    writers, per_writer = 8, 25
    seen: list[int] = []
    done = asyncio.Event()

    async def write(w: int) -> None:
        for i in range(per_writer):
            await store.append(f"article-{w}", [new_event(i)], i)

    async def follow() -> None:
        cursor = START
        while True:
            finished = done.is_set()
            batch = await store.read_all(cursor, 50)
            seen.extend(e.global_position for e in batch)
            if batch:
                cursor = batch[-1].position
            elif finished:
                return
            await asyncio.sleep(0)

    reader = asyncio.create_task(follow())
    await asyncio.gather(*(write(w) for w in range(writers)))
    done.set()
    await reader
    assert sorted(seen) == list(range(1, writers * per_writer + 1))
    assert len(seen) == len(set(seen))


async def test_stream_versions_are_ordered_in_the_feed(store: EventStore) -> None:
    async def write(task: int) -> None:
        for _ in range(20):
            await store.append("article-shared", [new_event(task)], ANY)

    await asyncio.gather(*(write(t) for t in range(4)))
    async with store.pool.acquire() as conn:
        feed = await read_all(conn, START, 1000)
    versions = [e.stream_version for e in feed]
    assert versions == sorted(versions) == list(range(1, 81))


@pytest.mark.parametrize(
    "statement",
    ["UPDATE events SET event_type = 'x'", "DELETE FROM events", "TRUNCATE events"],
)
async def test_the_database_refuses_to_change_stored_events(
    store: EventStore, pool: asyncpg.Pool, statement: str
) -> None:
    await store.append("article-1", [new_event()], NO_STREAM)
    async with pool.acquire() as conn:
        with pytest.raises(asyncpg.FeatureNotSupportedError, match="append-only"):
            await conn.execute(statement)
    assert len(await store.read_all(START, 10)) == 1


def test_positions_round_trip_and_reject_garbage() -> None:
    from domain.errors import ValidationError

    assert Position.decode(Position(12, 34).encode()) == Position(12, 34)
    for bad in ["", "x", "1", "a-b", "-1-2"]:
        with pytest.raises(ValidationError):
            Position.decode(bad)
