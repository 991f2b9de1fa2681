"""The projection runner: keeps every read model caught up with the event log.

Per projection, one loop step is ONE transaction: lock the checkpoint row
(`FOR UPDATE SKIP LOCKED`, so only one runner owns it at a time), read a bounded
batch after it, apply the pure projection, write the row changes, move the
checkpoint, commit. Rows and checkpoint commit together, so a runner killed at
any point neither loses nor doubles a row. Events a projection ignores still
advance its checkpoint.

The runner wakes on NOTIFY (a dedicated connection: pooled ones are reset with
`UNLISTEN *`) and polls as a fallback. A rebuild (see read_models.checkpoints)
is one more target: the same loop fills shadow tables from position 0 and, once
caught up, swaps them in within one transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

import asyncpg

from infra import metrics
from infra.event_store import NOTIFY_CHANNEL, Position, read_all
from infra.read_models import READ_MODELS, ReadModel, checkpoints
from infra.read_models.envelopes import resolve

log = logging.getLogger("conflictdb.projections")


@dataclass(frozen=True)
class _Target:
    model: ReadModel
    subscriber: str
    tables: dict[str, str]
    rebuild: bool


class ProjectionRunner:
    def __init__(
        self,
        pool: asyncpg.Pool,
        *,
        database_url: str | None = None,
        models: Sequence[ReadModel] | None = None,
        batch_size: int = 500,
        poll_interval_s: float = 1.0,
    ) -> None:
        self.pool = pool
        self.database_url = database_url
        self.models = list(READ_MODELS.values()) if models is None else list(models)
        self.batch_size = batch_size
        self.poll_interval_s = poll_interval_s
        self._targets = {m.name: _targets_of(m) for m in self.models}
        self._retry_at: dict[str, float] = {}

    async def run_until_caught_up(self) -> int:
        """Project until no target has work left; errors propagate. Returns the events processed."""
        await self._ensure_checkpoints()
        total = 0
        while processed := await self._pass(raise_errors=True):
            total += processed
        return total

    async def run_forever(self) -> None:
        """Project until cancelled; failures are logged and recorded on the checkpoint, then retried."""
        await self._ensure_checkpoints()
        wake = asyncio.Event()
        listener = await self._listen(wake)
        try:
            while True:
                wake.clear()  # before the pass: a NOTIFY arriving during it triggers another pass
                if await self._pass(raise_errors=False) == 0:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(wake.wait(), self.poll_interval_s)
        finally:
            if listener is not None:
                await asyncio.shield(listener.close())

    async def _listen(self, wake: asyncio.Event) -> asyncpg.Connection | None:
        if self.database_url is None:
            return None
        try:
            conn = await asyncpg.connect(self.database_url)
            await conn.add_listener(NOTIFY_CHANNEL, lambda *_: wake.set())
        except (OSError, asyncpg.PostgresError) as exc:
            log.warning("LISTEN unavailable (%s); polling every %ss", exc, self.poll_interval_s)
            return None
        return conn

    async def _ensure_checkpoints(self) -> None:
        async with self.pool.acquire() as conn:
            await checkpoints.ensure(conn, [checkpoints.live_name(m) for m in self.models])

    async def _pass(self, *, raise_errors: bool) -> int:
        """One batch for every target; models run concurrently (each on its own connection)."""
        results = await asyncio.gather(
            *(self._model_pass(m, raise_errors=raise_errors) for m in self.models), return_exceptions=True
        )
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:  # only when raise_errors: otherwise failures are recorded and retried later
            raise failures[0]
        return sum(r for r in results if isinstance(r, int))

    async def _model_pass(self, model: ReadModel, *, raise_errors: bool) -> int:
        processed = 0
        for target in self._targets[model.name]:
            if self._retry_at.get(target.subscriber, 0.0) > time.monotonic():
                continue
            try:
                processed += await self._run_target(target)
            except Exception as exc:
                await self._failed(target, exc)
                if raise_errors:
                    raise
                self._retry_at[target.subscriber] = time.monotonic() + self.poll_interval_s
        return processed

    async def _run_target(self, target: _Target) -> int:
        claimed, count = await self._step(target)
        if target.rebuild and claimed and count < self.batch_size:
            count += await self._swap(target.model)
        return count

    async def _step(self, target: _Target) -> tuple[bool, int]:
        """One batch in one transaction; (checkpoint claimed, events processed)."""
        async with self.pool.acquire() as conn, conn.transaction():
            after = await checkpoints.claim(conn, target.subscriber)
            if after is None:
                return False, 0
            count, last = await self._apply_batch(conn, target.model, target.tables, after)
            if last is not None:
                await checkpoints.advance(conn, target.subscriber, last)
        if count and not target.rebuild:
            metrics.PROJECTED_EVENTS.labels(target.model.name).inc(count)
        return True, count

    async def _apply_batch(
        self, conn: asyncpg.Connection, model: ReadModel, tables: dict[str, str], after: Position
    ) -> tuple[int, Position | None]:
        events = await read_all(conn, after, self.batch_size)
        if not events:
            return 0, None
        changes = [change for envelope in await resolve(conn, events) for change in model.project(envelope)]
        if changes:
            await model.write(conn, changes, tables)
        return len(events), events[-1].position

    async def _swap(self, model: ReadModel) -> int:
        """Finish the rebuild inside one transaction holding both checkpoints, then swap the tables."""
        processed = 0
        async with self.pool.acquire() as conn, conn.transaction():
            live, rebuild = checkpoints.live_name(model), checkpoints.rebuild_name(model)
            position = await checkpoints.lock_for_swap(conn, live, rebuild)
            if position is None:
                return 0  # another runner swapped it already
            while True:
                count, last = await self._apply_batch(conn, model, model.shadow_tables(), position)
                if last is None:
                    break
                processed, position = processed + count, last
            await checkpoints.swap_in(conn, model, position)
        log.info("projection %s rebuilt and swapped in at %s", model.name, position.encode())
        return processed

    async def _failed(self, target: _Target, exc: Exception) -> None:
        log.exception("projection %s failed", target.subscriber)
        with contextlib.suppress(Exception):
            async with self.pool.acquire() as conn:
                await checkpoints.record_error(conn, target.subscriber, f"{type(exc).__name__}: {exc}")


def _targets_of(model: ReadModel) -> list[_Target]:
    return [
        _Target(model, checkpoints.live_name(model), model.live_tables(), rebuild=False),
        _Target(model, checkpoints.rebuild_name(model), model.shadow_tables(), rebuild=True),
    ]
