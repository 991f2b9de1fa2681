"""One way to follow the log: checkpointed followers driven by one runner per process.

A follower names its checkpoint row, the event types it handles (`topics`, filtered in
SQL; None takes every type) and a batch handler. One step of a follower is ONE
transaction: claim its checkpoint (FOR UPDATE SKIP LOCKED, so one process at a time
owns it), read a batch after it, let the handler write on that same connection, advance
the checkpoint past the batch (and past events of other types), commit. Writes and
position commit together, so a follower killed at any point neither loses nor doubles
a write. A failing follower gets the error recorded on its checkpoint row and is retried
after a growing pause; the others go on.

The runner wakes on the log's NOTIFY through the process's shared `Listener` and polls
as the fallback (the NOTIFY is only a hint). Given a `Leadership` (infra/leadership.py), a
runner steps only the followers its process leads, so with several worker processes each
follower runs in one of them at a time and moves to another when that one dies.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass

import asyncpg

from infra import checkpoints
from infra.event_store import NOTIFY_CHANNEL, Batch, Position, RecordedEvent, read_batch
from infra.leadership import Leadership
from infra.listen import Listener

log = logging.getLogger("conflictdb.followers")

# Applies a batch inside the checkpoint's transaction; returns how many rows it wrote.
BatchHandler = Callable[[asyncpg.Connection, Sequence[RecordedEvent]], Awaitable[int]]
# After the commit of a batch that handled events, on the same connection: (events handled, rows written).
AfterCommit = Callable[[asyncpg.Connection, int, int], Awaitable[None]]
# Once a step finds the follower caught up: finish what needs the whole log (events handled).
CaughtUp = Callable[[asyncpg.Pool], Awaitable[int]]
# Reads the batch after a position (default: infra.event_store.read_batch, the log itself).
Reader = Callable[[asyncpg.Connection, Position, int, Collection[str] | None], Awaitable[Batch]]

MAX_BACKOFF_S = 60.0


@dataclass(frozen=True)
class Follower:
    name: str  # its checkpoint row
    topics: frozenset[str] | None  # the event types it handles; None: every type
    handle: BatchHandler
    after_commit: AfterCommit | None = None
    caught_up: CaughtUp | None = None
    standing: bool = True  # its checkpoint is created at start (False: only while someone asks for it)
    read: Reader | None = None  # None: the log as it is committed; else e.g. the log only as far as a projection
    wake_on: tuple[str, ...] = ()  # NOTIFY channels that wake the runner for it, beside the log's


@dataclass(frozen=True)
class Step:
    claimed: bool  # False: no checkpoint row, or another process holds it
    handled: int  # events handed to the handler
    full: bool  # the batch was full: more may follow at once


async def step(pool: asyncpg.Pool, follower: Follower, batch_size: int) -> Step:
    """One batch of one follower, in one transaction."""
    async with pool.acquire() as conn:
        async with conn.transaction():
            after = await checkpoints.claim(conn, follower.name)
            if after is None:
                return Step(claimed=False, handled=0, full=False)
            batch = await (
                read_batch(conn, after, batch_size, types=follower.topics)
                if follower.read is None
                else follower.read(conn, after, batch_size, follower.topics)
            )
            written = await follower.handle(conn, batch.events) if batch.events else 0
            if batch.end is not None:
                await checkpoints.advance(conn, follower.name, batch.end)
        if batch.events and follower.after_commit is not None:
            await follower.after_commit(conn, len(batch.events), written)
    return Step(claimed=True, handled=len(batch.events), full=len(batch.events) == batch_size)


class FollowerRunner:
    """Drives followers: each pass gives every follower one step, concurrently."""

    def __init__(
        self,
        pool: asyncpg.Pool,
        followers: Sequence[Follower],
        *,
        listener: Listener | None = None,
        leadership: Leadership | None = None,
        batch_size: int = 500,
        poll_interval_s: float = 1.0,
    ) -> None:
        self.pool = pool
        self.followers = list(followers)
        self.listener = listener
        self.leadership = leadership  # None: step every follower (one process, tests, catch-up runs)
        self.batch_size = batch_size
        self.poll_interval_s = poll_interval_s
        self._failures: dict[str, int] = {}
        self._retry_at: dict[str, float] = {}

    async def run_until_caught_up(self) -> int:
        """Step until no follower has work left; errors propagate. Returns the events handled."""
        await self._ensure_checkpoints()
        total = 0
        while handled := sum(s.handled for s in await self._pass(raise_errors=True)):
            total += handled
        return total

    async def run_forever(self) -> None:
        """Step until cancelled; failures are recorded on the checkpoint and retried later. With a
        leadership, only the followers this process leads; its session ends with the run."""
        await self._ensure_checkpoints()
        try:
            async with self._wakeups() as wake:
                while True:
                    wake.clear()  # before the pass: a NOTIFY arriving during it triggers another pass
                    if not any(s.full for s in await self._pass(raise_errors=False, led=await self._led())):
                        await self._wait(wake)
        finally:
            if self.leadership is not None:
                await self.leadership.close()  # release the locks now: another process takes over at once

    async def _led(self) -> frozenset[str] | None:
        if self.leadership is None:
            return None
        return await self.leadership.led([f.name for f in self.followers])

    @contextlib.asynccontextmanager
    async def _wakeups(self) -> AsyncIterator[asyncio.Event]:
        if self.listener is None:
            yield asyncio.Event()
            return
        channels = (NOTIFY_CHANNEL, *sorted({c for f in self.followers for c in f.wake_on}))
        async with self.listener.subscribe(*channels) as wake:
            yield wake

    async def _wait(self, wake: asyncio.Event) -> None:
        if self.listener is None:
            await asyncio.sleep(self.poll_interval_s)
        else:
            await self.listener.wait(wake, self.poll_interval_s)

    async def _ensure_checkpoints(self) -> None:
        async with self.pool.acquire() as conn:
            await checkpoints.ensure(conn, [f.name for f in self.followers if f.standing])

    async def _pass(self, *, raise_errors: bool, led: frozenset[str] | None = None) -> list[Step]:
        due = [
            f
            for f in self.followers
            if (led is None or f.name in led) and self._retry_at.get(f.name, 0.0) <= time.monotonic()
        ]
        results = await asyncio.gather(*(self._step(f, raise_errors) for f in due), return_exceptions=True)
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:  # only when raise_errors: otherwise failures are recorded and retried later
            raise failures[0]
        return [r for r in results if isinstance(r, Step)]

    async def _step(self, follower: Follower, raise_errors: bool) -> Step:
        try:
            done = await step(self.pool, follower, self.batch_size)
            if done.claimed and not done.full and follower.caught_up is not None:
                done = Step(claimed=True, handled=done.handled + await follower.caught_up(self.pool), full=False)
        except Exception as exc:
            await self._failed(follower, exc)
            if raise_errors:
                raise
            return Step(claimed=False, handled=0, full=False)
        self._failures.pop(follower.name, None)
        return done

    async def _failed(self, follower: Follower, exc: Exception) -> None:
        log.exception("follower %s failed", follower.name)
        failures = self._failures[follower.name] = self._failures.get(follower.name, 0) + 1
        pause = min(self.poll_interval_s * 2 ** (failures - 1), MAX_BACKOFF_S)
        self._retry_at[follower.name] = time.monotonic() + pause
        with contextlib.suppress(Exception):
            async with self.pool.acquire() as conn:
                await checkpoints.record_error(conn, follower.name, f"{type(exc).__name__}: {exc}")
