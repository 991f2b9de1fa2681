"""Incident changes to subscribers: the fan-out follower into the outbox, and the reads the live
stream and replays make of `rm_incident_changes` (infra.read_models.incidents says why the changes
are read-model rows, not log events).

The follower `incident-fanout` is a log follower (infra.follower) that reads the log only as far as
the incidents projection has applied it: for each batch of log events, the changes those events
caused are read back by their positions, matched against every active subscription (its types, its
filter on the incident, its creation position) and inserted into the outbox with their body, in the
transaction that moves its checkpoint (exactly once, as the log fan-out). The webhook-id is the
change's id, so a retry or a replay of one change carries the same id.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import asyncpg
import msgspec

from domain.incidents import projection
from domain.incidents.changes import IncidentChange
from domain.webhooks import matches_change, wants_type
from infra import checkpoints
from infra.event_store import Batch, Position, RecordedEvent, read_batch
from infra.follower import Follower, step
from infra.read_models.checkpoints import LIVE_PREFIX
from infra.read_models.incidents import CHANGES_CHANNEL
from infra.webhooks.fanout import Planned, Target, active_targets, insert_deliveries, wake_dispatchers

INCIDENT_FANOUT = "incident-fanout"
PROJECTION = LIVE_PREFIX + projection.NAME


class StoredChange(msgspec.Struct, frozen=True, kw_only=True):
    """A row of rm_incident_changes: its key, and its body as stored (the wire JSON)."""

    tx_id: int
    global_position: int
    seq: int
    change_type: str
    body: str

    @property
    def position(self) -> Position:
        return Position(self.tx_id, self.global_position)

    @property
    def cursor(self) -> str:
        """The change's own id in a stream: its log position and rank (`<tx>-<position>-<seq>`)."""
        return f"{self.tx_id}-{self.global_position}-{self.seq}"


_COLUMNS = "tx_id, global_position, seq, change_type, body::text AS body"

_AT_POSITIONS = f"""
SELECT {_COLUMNS} FROM rm_incident_changes
WHERE (tx_id, global_position) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))
ORDER BY tx_id, global_position, seq"""

_AFTER = f"""
SELECT {_COLUMNS} FROM rm_incident_changes
WHERE (tx_id, global_position, seq) > ($1, $2, $3) AND change_type = ANY($4::text[])
ORDER BY tx_id, global_position, seq LIMIT $5"""

_LAST = """
SELECT tx_id, global_position, seq FROM rm_incident_changes
ORDER BY tx_id DESC, global_position DESC, seq DESC LIMIT 1"""

_decode = msgspec.json.Decoder(IncidentChange)


def incident_fanout_follower() -> Follower:
    return Follower(
        name=INCIDENT_FANOUT,
        topics=projection.TOPICS,
        handle=_enqueue,
        after_commit=wake_dispatchers,
        read=read_projected,
        wake_on=(CHANGES_CHANNEL,),
    )


async def projected_to(conn: asyncpg.Connection) -> Position | None:
    """How far the incidents projection has applied the log (None before it ever ran)."""
    row = await conn.fetchrow(
        "SELECT tx_id::text::bigint AS tx_id, global_position FROM checkpoints WHERE subscriber = $1", PROJECTION
    )
    return None if row is None else Position(row["tx_id"], row["global_position"])


async def read_projected(conn: asyncpg.Connection, after: Position, limit: int, types: Collection[str] | None) -> Batch:
    """The log's batch after `after`, cut at the incidents projection's checkpoint: the changes of
    every event in it are written (the projection commits its rows with its checkpoint)."""
    upto = await projected_to(conn)
    if upto is None or upto <= after:
        return Batch([], None)
    batch = await read_batch(conn, after, limit, types=types)
    if batch.end is None or batch.end <= upto:
        return batch
    return Batch([e for e in batch.events if e.position <= upto], upto)


async def changes_at(conn: asyncpg.Connection, positions: Sequence[Position]) -> list[StoredChange]:
    rows = await conn.fetch(_AT_POSITIONS, [p.tx_id for p in positions], [p.global_position for p in positions])
    return [StoredChange(**dict(r)) for r in rows]


def plan_changes(
    changes: Sequence[StoredChange], targets: Sequence[Target], *, respect_since: bool = True
) -> list[Planned]:
    """The deliveries of a batch of changes: each to every subscription that wants its type and whose filter
    the incident passes (and, live, that existed before the event that caused the change)."""
    planned: list[Planned] = []
    for stored in changes:
        wanting = [
            t
            for t in targets
            if wants_type(t.spec, stored.change_type) and (not respect_since or stored.position > t.since)
        ]
        if not wanting:
            continue
        change = _decode.decode(stored.body)
        planned.extend(
            Planned(
                t.subscription_id,
                change.id,
                change.type,
                stored.tx_id,
                stored.global_position,
                stored.body,
                lane=f"incident-{change.incident_id}",
            )
            for t in wanting
            if matches_change(t.spec, change)
        )
    return planned


async def _enqueue(conn: asyncpg.Connection, events: Sequence[RecordedEvent]) -> int:
    changes = await changes_at(conn, [e.position for e in events])
    if not changes:
        return 0
    planned = plan_changes(changes, await active_targets(conn))
    await insert_deliveries(conn, planned)
    return len(planned)


async def incident_fanout_once(pool: asyncpg.Pool, batch: int = 500) -> int:
    """Move one batch of incident changes into the outbox; the number of log events read."""
    async with pool.acquire() as conn:
        await checkpoints.ensure(conn, [INCIDENT_FANOUT])
    return (await step(pool, incident_fanout_follower(), batch)).handled


async def changes_after(
    conn: asyncpg.Connection, after: tuple[int, int, int], types: Collection[str], limit: int
) -> list[StoredChange]:
    """The stored changes of `types` after the key `after` (tx_id, global_position, seq), in order."""
    rows = await conn.fetch(_AFTER, after[0], after[1], after[2], list(types), limit)
    return [StoredChange(**dict(r)) for r in rows]


async def last_change(conn: asyncpg.Connection) -> tuple[int, int, int]:
    row = await conn.fetchrow(_LAST)
    return (0, 0, 0) if row is None else (row["tx_id"], row["global_position"], row["seq"])
