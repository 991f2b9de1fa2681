"""The fan-out follower: global log → outbox rows, exactly once.

A log follower like the projections (infra.follower): its checkpoint is `webhook-fanout`,
its topics the deliverable event types, and its writer inserts one delivery per (event,
matching subscription) in the transaction that moves the checkpoint. A crash rolls both
back, so no event is skipped and none enters the outbox twice (ON CONFLICT DO NOTHING
is the backstop). Subscriptions only receive events logged after their creation.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import asyncpg
import msgspec

from domain.events.subscriptions import SubscriptionFilter
from domain.webhooks import LOG_TYPES, Spec, matches, wants_type
from infra import checkpoints
from infra.codec import decode
from infra.event_store import Position, RecordedEvent
from infra.follower import Follower, FollowerRunner, step
from infra.leadership import Leadership
from infra.listen import Listener

FANOUT = "webhook-fanout"
DELIVERIES_CHANNEL = "conflictdb_webhooks"


class Target(msgspec.Struct, frozen=True, kw_only=True):
    subscription_id: uuid.UUID
    spec: Spec
    since: Position  # the SubscriptionCreated event's position


class Planned(msgspec.Struct, frozen=True):
    subscription_id: uuid.UUID
    event_id: uuid.UUID  # a log event's id, or an incident change's (domain.incidents.changes.change_id)
    event_type: str
    tx_id: int
    global_position: int
    payload: str | None = None  # the body to send when it is no log event (an incident change)
    lane: str | None = None  # the stream whose order the receiver sees kept (infra.webhooks.dispatcher)


_INSERT = """
INSERT INTO wh_deliveries (subscription_id, event_id, event_type, tx_id, global_position, generation, payload, lane)
SELECT s, e, t, x, p, $6, b, l
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::bigint[], $7::text[], $8::text[])
    AS u(s, e, t, x, p, b, l)
ON CONFLICT DO NOTHING"""


def target_of(row: asyncpg.Record) -> Target:
    flt = row["filter"]
    spec = Spec(
        event_types=tuple(row["event_types"]) if row["event_types"] is not None else None,
        filter=msgspec.convert(flt, SubscriptionFilter) if flt is not None else None,
    )
    return Target(
        subscription_id=row["subscription_id"],
        spec=spec,
        since=Position(row["created_tx_id"], row["created_position"]),
    )


async def active_targets(conn: asyncpg.Connection) -> list[Target]:
    """Subscriptions that take new deliveries (paused ones do: they queue until resumed)."""
    rows = await conn.fetch(
        """SELECT subscription_id, event_types, filter, created_tx_id, created_position
           FROM wh_subscriptions WHERE disabled_at IS NULL"""
    )
    return [target_of(r) for r in rows]


def plan(events: Sequence[RecordedEvent], targets: Sequence[Target], *, respect_since: bool = True) -> list[Planned]:
    """The deliveries a batch of events produces; events nobody wants are not even decoded."""
    planned: list[Planned] = []
    for recorded in events:
        if recorded.event_type not in LOG_TYPES:
            continue
        wanting = [
            t
            for t in targets
            if wants_type(t.spec, recorded.event_type) and (not respect_since or recorded.position > t.since)
        ]
        if not wanting:
            continue
        event = decode(recorded)
        planned.extend(
            Planned(
                t.subscription_id,
                recorded.event_id,
                recorded.event_type,
                recorded.tx_id,
                recorded.global_position,
                lane=recorded.stream_id,
            )
            for t in wanting
            if matches(t.spec, event)
        )
    return planned


async def insert_deliveries(conn: asyncpg.Connection, planned: Sequence[Planned], generation: int = 0) -> None:
    if planned:
        await conn.execute(
            _INSERT,
            [p.subscription_id for p in planned],
            [p.event_id for p in planned],
            [p.event_type for p in planned],
            [p.tx_id for p in planned],
            [p.global_position for p in planned],
            generation,
            [p.payload for p in planned],
            [p.lane for p in planned],
        )


def fanout_follower() -> Follower:
    return Follower(name=FANOUT, topics=LOG_TYPES, handle=_enqueue, after_commit=wake_dispatchers)


async def _enqueue(conn: asyncpg.Connection, events: Sequence[RecordedEvent]) -> int:
    planned = plan(events, await active_targets(conn))
    await insert_deliveries(conn, planned)
    return len(planned)


async def wake_dispatchers(conn: asyncpg.Connection, _handled: int, enqueued: int) -> None:
    if enqueued:
        await conn.execute("SELECT pg_notify($1, '')", DELIVERIES_CHANNEL)


async def ensure_checkpoint(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn:
        await checkpoints.ensure(conn, [FANOUT])


async def fanout_once(pool: asyncpg.Pool, batch: int = 500) -> int:
    """Move one batch of the log into the outbox; the number of deliverable events read
    (0 when caught up or when another process holds the checkpoint)."""
    return (await step(pool, fanout_follower(), batch)).handled


async def run_fanout(
    pool: asyncpg.Pool, listener: Listener, *, batch: int, poll_s: float, leadership: Leadership | None = None
) -> None:
    """Follow the log and the incident changes forever, alone (`conflictdb dispatch`; `serve` runs both
    beside the projections); with a leadership, only while this process leads them."""
    from infra.webhooks.incidents import incident_fanout_follower  # it builds on this module

    followers = [fanout_follower(), incident_fanout_follower()]
    runner = FollowerRunner(
        pool, followers, listener=listener, leadership=leadership, batch_size=batch, poll_interval_s=poll_s
    )
    await runner.run_forever()
