"""Projection status for operators, and the rebuild request (what GET/POST /projections call)."""

from __future__ import annotations

import datetime as dt

import asyncpg
import msgspec

from domain.errors import NotFoundError
from infra import checkpoints as checkpoint_store
from infra.event_store import NOTIFY_CHANNEL
from infra.read_models import READ_MODELS, checkpoints


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
        await checkpoints.start_rebuild(conn, model)
        await conn.execute("SELECT pg_notify($1, $2)", NOTIFY_CHANNEL, f"rebuild:{name}")
        (status,) = await _statuses(conn, [name])
    return status


async def _statuses(conn: asyncpg.Connection, names: list[str]) -> list[ProjectionStatus]:
    subscribers = [checkpoints.LIVE_PREFIX + n for n in names] + [checkpoints.REBUILD_PREFIX + n for n in names]
    found = await checkpoint_store.statuses(conn, subscribers)
    lag_from_start = await conn.fetchval(
        "SELECT count(*) FROM events WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())"
    )
    return [_status(name, found, int(lag_from_start)) for name in names]


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


class ProjectionAdmin:
    """The application's `Projections` port over the functions above."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def request_rebuild(self, name: str) -> ProjectionStatus:
        return await request_rebuild(self.pool, name)
