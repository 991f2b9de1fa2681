"""Reading the outbox, retrying one delivery by hand, replaying history into it."""

from __future__ import annotations

import datetime as dt
import uuid

import asyncpg
import msgspec

from domain.errors import ConcurrencyError, NotFoundError
from domain.webhooks import INCIDENT_TYPES, webhook_id
from infra.event_store import Position, head, read_all
from infra.queries.common import Where
from infra.queries.log import parse_position
from infra.queries.totals import Total, count_matches
from infra.webhooks.fanout import DELIVERIES_CHANNEL, Target, insert_deliveries, plan, target_of
from infra.webhooks.incidents import changes_after, plan_changes

REPLAY_BATCH = 500


class Delivery(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    webhook_id: str
    event_id: uuid.UUID
    event_type: str
    position: str
    generation: int  # 0 from the live fan-out, higher for replays
    status: str  # pending | succeeded | failed | cancelled
    attempts: int
    last_attempt_at: dt.datetime | None
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: dt.datetime | None
    delivered_at: dt.datetime | None
    created_at: dt.datetime


class AttemptView(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    attempted_at: dt.datetime
    trigger: str
    status_code: int | None
    duration_ms: int
    response_excerpt: str | None
    error: str | None


# Named as Delivery's fields; a next attempt is shown only while one is pending.
_COLUMNS = """delivery_id AS id, event_id, event_type, tx_id, global_position, generation, status,
    attempt_count AS attempts, last_attempt_at, last_status_code, last_error,
    CASE WHEN status = 'pending' THEN next_attempt_at END AS next_attempt_at, delivered_at, created_at"""


def _delivery(row: asyncpg.Record) -> Delivery:
    derived = {
        "webhook_id": webhook_id(str(row["event_id"])),
        "position": Position(row["tx_id"], row["global_position"]).encode(),
    }
    return msgspec.convert({**dict(row), **derived}, Delivery)


async def _require_subscription(conn: asyncpg.Connection, subscription_id: uuid.UUID) -> None:
    if not await conn.fetchval("SELECT 1 FROM wh_subscriptions WHERE subscription_id = $1", subscription_id):
        raise NotFoundError(f"no subscription {subscription_id}")


async def list_page(
    pool: asyncpg.Pool, subscription_id: uuid.UUID, *, status: str | None, before: int | None, limit: int
) -> list[Delivery]:
    """Newest first; `before` is the last id of the previous page."""
    async with pool.acquire() as conn:
        await _require_subscription(conn, subscription_id)
        rows = await conn.fetch(
            f"""SELECT {_COLUMNS} FROM wh_deliveries
                WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)
                  AND ($3::bigint IS NULL OR delivery_id < $3)
                ORDER BY delivery_id DESC LIMIT $4""",
            subscription_id,
            status,
            before,
            limit,
        )
    return [_delivery(r) for r in rows]


async def get(pool: asyncpg.Pool, subscription_id: uuid.UUID, delivery_id: int) -> Delivery:
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            f"SELECT {_COLUMNS} FROM wh_deliveries WHERE delivery_id = $1 AND subscription_id = $2",
            delivery_id,
            subscription_id,
        )
    if row is None:
        raise NotFoundError(f"no delivery {delivery_id} for subscription {subscription_id}")
    return _delivery(row)


async def attempts(pool: asyncpg.Pool, subscription_id: uuid.UUID, delivery_id: int) -> list[AttemptView]:
    await get(pool, subscription_id, delivery_id)
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            """SELECT attempt_id AS id, attempted_at, trigger, status_code, duration_ms, response_excerpt, error
               FROM wh_attempts WHERE delivery_id = $1 ORDER BY attempt_id""",
            delivery_id,
        )
    return [msgspec.convert(dict(r), AttemptView) for r in rows]


async def retry(pool: asyncpg.Pool, subscription_id: uuid.UUID, delivery_id: int) -> Delivery:
    """Send it again now, with a fresh retry schedule. Refused while an attempt is in flight."""
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            f"""UPDATE wh_deliveries SET status = 'pending', next_attempt_at = now(), schedule_step = 0,
                    manual = true
                WHERE delivery_id = $1 AND subscription_id = $2 AND (status <> 'pending' OR lease_id IS NULL)
                RETURNING {_COLUMNS}""",
            delivery_id,
            subscription_id,
        )
        if row is not None:
            await conn.execute("SELECT pg_notify($1, '')", DELIVERIES_CHANNEL)
    if row is None:
        await get(pool, subscription_id, delivery_id)  # 404 if it does not exist
        raise ConcurrencyError(f"delivery {delivery_id} is being attempted right now; try again shortly")
    return _delivery(row)


async def replay(pool: asyncpg.Pool, subscription_id: uuid.UUID, from_position: Position | None) -> int:
    """Enqueue every matching event from `from_position` (inclusive) up to the current
    head as a new generation, then every matching incident change those events caused:
    fresh delivery rows, same webhook-ids. Returns the count."""
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            """UPDATE wh_subscriptions SET replay_generation = replay_generation + 1
               WHERE subscription_id = $1
               RETURNING replay_generation, subscription_id, event_types, filter, created_tx_id, created_position""",
            subscription_id,
        )
        if row is None:
            raise NotFoundError(f"no subscription {subscription_id}")
        end = await head(conn)
    target, generation = target_of(row), row["replay_generation"]
    after = _just_before(from_position)
    total = 0
    while after < end:
        async with pool.acquire() as conn, conn.transaction():
            events = [e for e in await read_all(conn, after, REPLAY_BATCH) if e.position <= end]
            if not events:
                break
            planned = plan(events, [target], respect_since=False)
            await insert_deliveries(conn, planned, generation)
        total += len(planned)
        after = events[-1].position
    total += await _replay_changes(pool, target, generation, _just_before(from_position), end)
    if total:
        async with pool.acquire() as conn:
            await conn.execute("SELECT pg_notify($1, '')", DELIVERIES_CHANNEL)
    return total


async def _replay_changes(pool: asyncpg.Pool, target: Target, generation: int, after: Position, end: Position) -> int:
    """The incident changes caused by the events after `after` up to `end`, into the outbox."""
    key, total = (after.tx_id, after.global_position, _LAST_SEQ), 0
    while True:
        async with pool.acquire() as conn, conn.transaction():
            found = await changes_after(conn, key, INCIDENT_TYPES, REPLAY_BATCH)
            batch = [c for c in found if c.position <= end]
            if not batch:
                return total
            planned = plan_changes(batch, [target], respect_since=False)
            await insert_deliveries(conn, planned, generation)
        total += len(planned)
        key = (batch[-1].tx_id, batch[-1].global_position, batch[-1].seq)


_LAST_SEQ = 2**31 - 1


def _just_before(position: Position | None) -> Position:
    """The cursor whose successor is `position` itself (positions are integer pairs)."""
    if position is None:
        return Position(0, 0)
    return Position(position.tx_id, position.global_position - 1)


async def count(pool: asyncpg.Pool, subscription_id: uuid.UUID, *, status: str | None) -> Total:
    """How many deliveries `list_page` pages through (with the same status filter)."""
    where = Where()
    where.add(f"subscription_id = {where.arg(subscription_id)}")
    if status is not None:
        where.add(f"status = {where.arg(status)}")
    return await count_matches(pool, "wh_deliveries", where)


class DeliveryOutbox:
    """The application's `Deliveries` port over the functions above."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def retry(self, subscription_id: uuid.UUID, delivery_id: int) -> Delivery:
        return await retry(self.pool, subscription_id, delivery_id)

    async def replay(self, subscription_id: uuid.UUID, from_position: str | None) -> int:
        start = parse_position("from_position", from_position) if from_position else None
        return await replay(self.pool, subscription_id, start)
