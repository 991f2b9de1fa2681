"""Projection status for operators, and the rebuild request (what GET/POST /projections call)."""

from __future__ import annotations

import asyncio
import datetime as dt
import time

import asyncpg
import msgspec

from domain.errors import NotFoundError
from infra import checkpoints as checkpoint_store
from infra.event_store import NOTIFY_CHANNEL, Position
from infra.leadership import leaders
from infra.read_models import READ_MODELS, ReadModel, checkpoints


class RebuildStatus(msgspec.Struct, frozen=True, kw_only=True):
    position: str
    lag: int
    last_error: str | None
    updated_at: dt.datetime


class ProjectionStatus(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    position: str  # opaque log position of the checkpoint ("0-0" before the first event)
    lag: int  # committed events beyond the checkpoint
    last_error: str | None
    updated_at: dt.datetime | None  # None until a runner has started
    rebuild: RebuildStatus | None = None  # set while a rebuild is in progress
    # The process leading it (`conflictdb-leader <host>:<pid>`, infra/leadership.py); None while none does.
    leader: str | None = None


_REBUILD_ATTEMPTS = 5


async def list_statuses(pool: asyncpg.Pool) -> list[ProjectionStatus]:
    async with pool.acquire() as conn:
        return await _statuses(conn, list(READ_MODELS))


async def request_rebuild(pool: asyncpg.Pool, name: str) -> ProjectionStatus:
    """Start rebuilding `name` into shadow tables; a runner swaps them in once caught up."""
    model = READ_MODELS.get(name)
    if model is None:
        known = ", ".join(READ_MODELS)
        raise NotFoundError(f"no projection named {name!r} (known: {known})")
    async with pool.acquire() as conn:
        await _start_rebuild(conn, model)
        await conn.execute("SELECT pg_notify($1, $2)", NOTIFY_CHANNEL, f"rebuild:{name}")
        (status,) = await _statuses(conn, [name])
    return status


async def _start_rebuild(conn: asyncpg.Connection, model: ReadModel) -> None:
    # Creating the shadow tables locks the live ones while a follower may hold its checkpoint and
    # write them: PostgreSQL breaks such a deadlock by aborting one side; ours simply tries again.
    for attempt in range(_REBUILD_ATTEMPTS):
        try:
            await checkpoints.start_rebuild(conn, model)
            return
        except asyncpg.DeadlockDetectedError:
            if attempt == _REBUILD_ATTEMPTS - 1:
                raise
            await asyncio.sleep(0.05 * (attempt + 1))


async def _statuses(conn: asyncpg.Connection, names: list[str]) -> list[ProjectionStatus]:
    subscribers = [checkpoints.LIVE_PREFIX + n for n in names] + [checkpoints.REBUILD_PREFIX + n for n in names]
    found = await checkpoint_store.statuses(conn, subscribers)
    lag_from_start = await conn.fetchval(
        "SELECT count(*) FROM events WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())"
    )
    led = await leaders(conn, [checkpoints.LIVE_PREFIX + n for n in names])
    return [
        msgspec.structs.replace(
            _status(name, found, int(lag_from_start)), leader=led.get(checkpoints.LIVE_PREFIX + name)
        )
        for name in names
    ]


def _status(name: str, found: dict[str, checkpoint_store.CheckpointStatus], lag_from_start: int) -> ProjectionStatus:
    live = found.get(checkpoints.LIVE_PREFIX + name)
    shadow = found.get(checkpoints.REBUILD_PREFIX + name)
    rebuild = None
    if shadow is not None:
        rebuild = RebuildStatus(
            position=shadow.position.encode(),
            lag=shadow.lag,
            last_error=shadow.last_error,
            updated_at=shadow.updated_at,
        )
    if live is None:
        return ProjectionStatus(
            name=name, position="0-0", lag=lag_from_start, last_error=None, updated_at=None, rebuild=rebuild
        )
    return ProjectionStatus(
        name=name,
        position=live.position.encode(),
        lag=live.lag,
        last_error=live.last_error,
        updated_at=live.updated_at,
        rebuild=rebuild,
    )


_BEHIND = """
SELECT $3::int - count(*) FILTER (WHERE (tx_id, global_position) >= ($1::text::xid8, $2::bigint))
FROM checkpoints WHERE subscriber = ANY($4::text[])"""
_READ_POLL_S = 0.02


async def read_models_reached(pool: asyncpg.Pool, position: Position) -> bool:
    """Whether every live read model's checkpoint has passed `position` (a missing one has not)."""
    subscribers = [checkpoints.LIVE_PREFIX + name for name in READ_MODELS]
    async with pool.acquire() as conn:
        behind = await conn.fetchval(
            _BEHIND, str(position.tx_id), position.global_position, len(subscribers), subscribers
        )
    return int(behind) == 0


async def wait_for_read_models(pool: asyncpg.Pool, position: Position, timeout_s: float) -> bool:
    """Wait, at most `timeout_s`, until every read model has passed `position`; whether they did.
    Polls: checkpoints advance without a notification, and the wait is short and bounded."""
    deadline = time.monotonic() + timeout_s
    while not await read_models_reached(pool, position):
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(_READ_POLL_S)
    return True


class ProjectionAdmin:
    """The application's `Projections` port over the functions above."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def request_rebuild(self, name: str) -> ProjectionStatus:
        return await request_rebuild(self.pool, name)
