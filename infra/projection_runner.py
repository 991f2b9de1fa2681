"""The projections as log followers: every read model kept caught up with the event log.

Each read model is two followers (see infra.follower): its live checkpoint
`projection:<name>` writing the live tables, and, while a rebuild is requested (see
read_models.checkpoints), `rebuild:<name>` filling shadow tables from position 0.
Both read only the event types the model declares. Once the rebuild is caught up it
is swapped in within one transaction holding both checkpoints.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Sequence

import asyncpg

from infra import metrics
from infra.event_store import RecordedEvent, read_batch
from infra.follower import BatchHandler, Follower, FollowerRunner
from infra.leadership import Leadership
from infra.listen import Listener
from infra.read_models import READ_MODELS, ReadModel, checkpoints
from infra.read_models.base import Tables
from infra.read_models.envelopes import resolve

log = logging.getLogger("conflictdb.projections")
SWAP_BATCH = 500
SWAP_ATTEMPTS = 50  # a swap waits for readers of the live tables by retrying (about 45 s), then blocks


def projection_followers(models: Iterable[ReadModel]) -> list[Follower]:
    """The live and the rebuild follower of each model."""
    return [follower for model in models for follower in (_live(model), _rebuild(model))]


class ProjectionRunner(FollowerRunner):
    """A runner of the projection followers alone (`conflictdb project`, tests, benchmarks)."""

    def __init__(
        self,
        pool: asyncpg.Pool,
        *,
        database_url: str | None = None,
        listener: Listener | None = None,
        leadership: Leadership | None = None,
        models: Sequence[ReadModel] | None = None,
        batch_size: int = 500,
        poll_interval_s: float = 1.0,
    ) -> None:
        self.models = list(READ_MODELS.values()) if models is None else list(models)
        if listener is None and database_url is not None:
            listener = Listener(database_url)
        super().__init__(
            pool,
            projection_followers(self.models),
            listener=listener,
            leadership=leadership,
            batch_size=batch_size,
            poll_interval_s=poll_interval_s,
        )


def _live(model: ReadModel) -> Follower:
    async def count(conn: asyncpg.Connection, handled: int, written: int) -> None:
        metrics.PROJECTED_EVENTS.labels(model.name).inc(handled)
        if written and model.notify is not None:
            await conn.execute("SELECT pg_notify($1, '')", model.notify)

    return Follower(
        name=checkpoints.live_name(model),
        topics=model.topics,
        handle=_writer(model, model.live_tables()),
        after_commit=count,
    )


def _rebuild(model: ReadModel) -> Follower:
    async def swap(pool: asyncpg.Pool) -> int:
        return await _swap(pool, model)

    return Follower(
        name=checkpoints.rebuild_name(model),
        topics=model.topics,
        handle=_writer(model, model.shadow_tables()),
        caught_up=swap,
        standing=False,
    )


def _writer(model: ReadModel, tables: Tables) -> BatchHandler:
    async def write(conn: asyncpg.Connection, events: Sequence[RecordedEvent]) -> int:
        changes = [change for envelope in await resolve(conn, events) for change in model.project(envelope)]
        if changes:
            await model.write(conn, changes, tables)
        return len(changes)

    return write


async def _swap(pool: asyncpg.Pool, model: ReadModel) -> int:
    """Finish the rebuild and swap the tables; retried while readers hold a live table."""
    for attempt in range(SWAP_ATTEMPTS):
        processed = await _swap_once(pool, model, wait=attempt == SWAP_ATTEMPTS - 1)
        if processed is not None:
            return processed
        await asyncio.sleep(min(0.05 * 2**attempt, 1.0))
    raise RuntimeError(f"projection {model.name}: the swap's tables could not be locked")


async def _swap_once(pool: asyncpg.Pool, model: ReadModel, wait: bool = False) -> int | None:
    """Finish the rebuild inside one transaction holding both checkpoints and every live table, then swap
    the tables; None when a reader held a live table (nothing changed)."""
    write, processed = _writer(model, model.shadow_tables()), 0
    async with pool.acquire() as conn, conn.transaction():
        live, rebuild = checkpoints.live_name(model), checkpoints.rebuild_name(model)
        position = await checkpoints.lock_for_swap(conn, live, rebuild)
        if position is None:
            return 0  # another runner swapped it already
        if not await checkpoints.lock_live_tables(conn, model, wait=wait):
            return None
        while (batch := await read_batch(conn, position, SWAP_BATCH, types=model.topics)).end is not None:
            if batch.events:
                await write(conn, batch.events)
            processed, position = processed + len(batch.events), batch.end
        await checkpoints.swap_in(conn, model, position)
    if model.notify is not None:
        async with pool.acquire() as conn:
            await conn.execute("SELECT pg_notify($1, '')", model.notify)
    log.info("projection %s rebuilt and swapped in at %s", model.name, position.encode())
    return processed
