"""Projection checkpoint names and blue/green rebuilds (the rows themselves: infra.checkpoints).

A projection's checkpoint row is `projection:<name>`; a rebuild in progress has a
second row `rebuild:<name>` and fills the `<table>_shadow` copies of its tables.
(`rebuild:` rows deliberately do not match `projection:%`, so /ready ignores them.)
"""

from __future__ import annotations

import asyncpg

from infra.checkpoints import advance
from infra.event_store import Position
from infra.read_models.base import ReadModel

LIVE_PREFIX = "projection:"
REBUILD_PREFIX = "rebuild:"


def live_name(model: ReadModel) -> str:
    return LIVE_PREFIX + model.name


def rebuild_name(model: ReadModel) -> str:
    return REBUILD_PREFIX + model.name


async def lock_for_swap(conn: asyncpg.Connection, live: str, rebuild: str) -> Position | None:
    """Wait for both rows (in name order, as every swap does); the rebuild's position, or None if gone."""
    rows = await conn.fetch(
        """SELECT subscriber, tx_id::text::bigint AS tx_id, global_position FROM checkpoints
           WHERE subscriber = ANY($1::text[]) ORDER BY subscriber FOR UPDATE""",
        [live, rebuild],
    )
    found = {r["subscriber"]: Position(r["tx_id"], r["global_position"]) for r in rows}
    return found.get(rebuild) if live in found else None


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


async def lock_live_tables(conn: asyncpg.Connection, model: ReadModel, wait: bool = False) -> bool:
    """Take every live table of `model` for the swap without waiting (caller's transaction): False when a
    reader holds one. Waiting while holding the others could deadlock with a reader that holds one and
    then asks for another (seen in a rebuild under load); the caller retries the swap instead."""
    try:
        async with conn.transaction():  # a savepoint: a refused lock leaves the caller's transaction usable
            nowait = "" if wait else " NOWAIT"  # `wait`: the last resort, as before (PostgreSQL breaks a deadlock)
            await conn.execute(f"LOCK TABLE {', '.join(model.shadow_tables())} IN ACCESS EXCLUSIVE MODE{nowait}")
    except asyncpg.exceptions.LockNotAvailableError:
        return False
    return True


async def swap_in(conn: asyncpg.Connection, model: ReadModel, position: Position) -> None:
    """Replace the live tables by the shadow ones and move the live checkpoint (caller's transaction)."""
    for table, shadow in model.shadow_tables().items():
        await conn.execute(f"DROP TABLE {table}")
        await conn.execute(f"ALTER TABLE {shadow} RENAME TO {table}")
    await advance(conn, live_name(model), position)
    await conn.execute("DELETE FROM checkpoints WHERE subscriber = $1", rebuild_name(model))
