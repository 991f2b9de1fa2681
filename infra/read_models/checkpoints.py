"""SQL for projection checkpoints, status, and blue/green rebuilds.

A projection's checkpoint row is `projection:<name>`; a rebuild in progress has a
second row `rebuild:<name>` and fills the `<table>_shadow` copies of its tables.
(`rebuild:` rows deliberately do not match `projection:%`, so /ready ignores them.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import asyncpg
import msgspec

from infra.event_store import Position
from infra.read_models.base import ReadModel

LIVE_PREFIX = "projection:"
REBUILD_PREFIX = "rebuild:"


class CheckpointStatus(msgspec.Struct, frozen=True, kw_only=True):
    subscriber: str
    position: Position
    lag: int
    last_error: str | None
    updated_at: dt.datetime


def live_name(model: ReadModel) -> str:
    return LIVE_PREFIX + model.name


def rebuild_name(model: ReadModel) -> str:
    return REBUILD_PREFIX + model.name


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


async def lock_for_swap(conn: asyncpg.Connection, live: str, rebuild: str) -> Position | None:
    """Wait for both rows (in name order, as every swap does); the rebuild's position, or None if gone."""
    rows = await conn.fetch(
        """SELECT subscriber, tx_id::text::bigint AS tx_id, global_position FROM checkpoints
           WHERE subscriber = ANY($1::text[]) ORDER BY subscriber FOR UPDATE""",
        [live, rebuild],
    )
    found = {r["subscriber"]: Position(r["tx_id"], r["global_position"]) for r in rows}
    return found.get(rebuild) if live in found else None


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


async def start_rebuild(conn: asyncpg.Connection, model: ReadModel) -> None:
    """Fresh, empty shadow tables and a rebuild checkpoint at the start of the log (one transaction)."""
    async with conn.transaction():
        for table, shadow in model.shadow_tables().items():
            await conn.execute(f"DROP TABLE IF EXISTS {shadow}")
            await conn.execute(f"CREATE TABLE {shadow} (LIKE {table} INCLUDING ALL)")
        await conn.execute(
            """INSERT INTO checkpoints (subscriber) VALUES ($1)
               ON CONFLICT (subscriber) DO UPDATE
               SET tx_id = '0', global_position = 0, updated_at = now(), last_error = NULL""",
            rebuild_name(model),
        )


async def swap_in(conn: asyncpg.Connection, model: ReadModel, position: Position) -> None:
    """Replace the live tables by the shadow ones and move the live checkpoint (caller's transaction)."""
    for table, shadow in model.shadow_tables().items():
        await conn.execute(f"DROP TABLE {table}")
        await conn.execute(f"ALTER TABLE {shadow} RENAME TO {table}")
    await advance(conn, live_name(model), position)
    await conn.execute("DELETE FROM checkpoints WHERE subscriber = $1", rebuild_name(model))
