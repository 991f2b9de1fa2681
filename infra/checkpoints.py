"""The checkpoint store of every log follower: one row per follower, its position in the log.

A follower claims its row with FOR UPDATE SKIP LOCKED inside the transaction that applies
a batch, and advances it in that same transaction, so its writes and its position commit
together. A failure is recorded on the row (`last_error`) for operators.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import asyncpg
import msgspec

from infra.event_store import Position


class CheckpointStatus(msgspec.Struct, frozen=True, kw_only=True):
    subscriber: str
    position: Position
    lag: int
    last_error: str | None
    updated_at: dt.datetime


async def ensure(conn: asyncpg.Connection, subscribers: Sequence[str]) -> None:
    await conn.execute(
        "INSERT INTO checkpoints (subscriber) SELECT unnest($1::text[]) ON CONFLICT (subscriber) DO NOTHING",
        list(subscribers),
    )


async def claim(conn: asyncpg.Connection, subscriber: str) -> Position | None:
    """Lock the checkpoint for this transaction; None when missing or another runner holds it."""
    row = await conn.fetchrow(
        """SELECT tx_id::text::bigint AS tx_id, global_position FROM checkpoints
           WHERE subscriber = $1 FOR UPDATE SKIP LOCKED""",
        subscriber,
    )
    return None if row is None else Position(row["tx_id"], row["global_position"])


async def advance(conn: asyncpg.Connection, subscriber: str, position: Position) -> None:
    await conn.execute(
        """UPDATE checkpoints SET tx_id = $2::text::xid8, global_position = $3, updated_at = now(),
                  last_error = NULL
           WHERE subscriber = $1""",
        subscriber,
        str(position.tx_id),
        position.global_position,
    )


async def record_error(conn: asyncpg.Connection, subscriber: str, error: str) -> None:
    await conn.execute(
        "UPDATE checkpoints SET last_error = $2, updated_at = now() WHERE subscriber = $1", subscriber, error
    )


async def statuses(conn: asyncpg.Connection, subscribers: Sequence[str]) -> dict[str, CheckpointStatus]:
    """Position and lag (committed events beyond the checkpoint) of each existing checkpoint."""
    rows = await conn.fetch(
        """SELECT c.subscriber, c.tx_id::text::bigint AS tx_id, c.global_position, c.last_error, c.updated_at,
                  (SELECT count(*) FROM events e
                   WHERE (e.tx_id, e.global_position) > (c.tx_id, c.global_position)
                     AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())) AS lag
           FROM checkpoints c WHERE c.subscriber = ANY($1::text[])""",
        list(subscribers),
    )
    return {
        r["subscriber"]: CheckpointStatus(
            subscriber=r["subscriber"],
            position=Position(r["tx_id"], r["global_position"]),
            lag=int(r["lag"]),
            last_error=r["last_error"],
            updated_at=r["updated_at"],
        )
        for r in rows
    }
