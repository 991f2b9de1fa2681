"""Follow the log for live streams (Server-Sent Events): ONE follower per process reads each
new batch once and fans it out to every open stream, which filters it by its own types.

So N idle streams cost the database what one does: the shared follower wakes on the process's
listener (polling as the fallback) and reads; the streams only wait on in-memory queues. A
stream that starts behind the shared follower (a `Last-Event-ID` or `after` in the past) first
catches up with reads of its own, then joins the fan-out; one that falls too far behind (a slow
client) is dropped from it and catches up again from its own position, so nothing is lost and
no queue grows without bound.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Collection
from dataclasses import dataclass, field

import asyncpg
import msgspec

from domain.webhooks import LOG_TYPES
from infra import metrics
from infra.event_store import NOTIFY_CHANNEL, Batch, EventStore, Position, RecordedEvent, read_batch
from infra.listen import Listener
from infra.webhooks.payload import wire_bytes

log = logging.getLogger("conflictdb.stream")
BATCH = 200
MAX_QUEUED_BATCHES = 100  # a stream further behind than this catches up on its own


class StreamItem(msgspec.Struct, frozen=True, kw_only=True):
    """An event (`data` is its wire JSON) or, with data None, a keep-alive."""

    position: str | None = None
    event_type: str | None = None
    data: str | None = None


@dataclass(frozen=True)
class _Shared:
    """One batch as the shared follower read it: the items, and the cursor after it."""

    items: tuple[tuple[Position, StreamItem], ...]
    end: Position


@dataclass(eq=False)
class _Stream:
    types: frozenset[str]
    after: Position  # the last position this stream has passed
    queue: asyncio.Queue[_Shared | None] = field(default_factory=asyncio.Queue)  # None: dropped, catch up


class LiveLog:
    """The process's one follower of the log for live streams."""

    def __init__(self, store: EventStore, listener: Listener, *, poll_s: float) -> None:
        self.store = store
        self.listener = listener
        self.poll_s = poll_s
        self.open_streams = 0
        self._joined: set[_Stream] = set()
        self._cursor: Position | None = None  # the shared follower's position; None while it is stopped
        self._task: asyncio.Task[None] | None = None
        self._starting = asyncio.Lock()

    async def follow(self, after: Position, types: Collection[str], *, keepalive_s: float) -> AsyncIterator[StreamItem]:
        """Yield events of `types` after `after`, forever (the consumer stops by closing)."""
        self.open_streams += 1
        metrics.OPEN_STREAMS.inc()
        stream = _Stream(types=frozenset(types), after=after)
        try:
            await self._start()
            while True:
                async for item in self._catch_up(stream):
                    yield item
                async for item in self._live(stream, keepalive_s):
                    yield item
        finally:
            self._joined.discard(stream)
            self.open_streams -= 1
            metrics.OPEN_STREAMS.dec()
            if self.open_streams == 0:
                self._stop()

    def _stop(self) -> None:
        task, self._task, self._cursor = self._task, None, None
        if task is not None:
            task.cancel()

    async def close(self) -> None:
        """Stop the shared follower (it restarts with the next stream)."""
        task = self._task
        self._stop()
        if task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _start(self) -> None:
        async with self._starting:
            if self._task is None or self._task.done():
                self._cursor = await self.store.head()
                self._task = asyncio.create_task(self._run())

    async def _catch_up(self, stream: _Stream) -> AsyncIterator[StreamItem]:
        """Read on our own until at or past the shared follower, then join its fan-out."""
        while self._cursor is None or stream.after < self._cursor:
            batch = await self._read(stream.after, stream.types)
            for event in batch.events:
                stream.after = event.position
                yield _item(event)
            stream.after = batch.end or stream.after
            if self._cursor is None:  # the shared follower stopped: it restarts from the head
                await self._start()
        self._joined.add(stream)  # no await since the check: no batch can slip between

    async def _live(self, stream: _Stream, keepalive_s: float) -> AsyncIterator[StreamItem]:
        quiet_since = time.monotonic()
        while True:
            try:
                shared = await asyncio.wait_for(stream.queue.get(), max(0.0, keepalive_s - _since(quiet_since)))
            except TimeoutError:
                yield StreamItem()
                quiet_since = time.monotonic()
                continue
            if shared is None:
                return  # dropped for falling behind: catch up from its own position
            for position, item in shared.items:
                if position > stream.after and item.event_type in stream.types:
                    stream.after = position
                    yield item
                    quiet_since = time.monotonic()
            stream.after = max(stream.after, shared.end)

    async def _run(self) -> None:
        async with self.listener.subscribe(NOTIFY_CHANNEL) as wake:
            while (cursor := self._cursor) is not None:
                try:
                    batch = await self._read(cursor, LOG_TYPES)
                except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                    log.warning("live stream follower cannot read the log, retrying: %s", exc)
                    await asyncio.sleep(self.poll_s)
                    continue
                if batch.end is not None:
                    self._fan_out(batch, batch.end)
                    self._cursor = batch.end
                if len(batch.events) < BATCH:
                    await self.listener.wait(wake, self.poll_s)

    def _fan_out(self, batch: Batch, end: Position) -> None:
        wanted = set().union(*(s.types for s in self._joined)) if self._joined else set()
        shared = _Shared(items=tuple((e.position, _item(e)) for e in batch.events if e.event_type in wanted), end=end)
        for stream in list(self._joined):
            if stream.queue.qsize() >= MAX_QUEUED_BATCHES:
                self._drop(stream)
            else:
                stream.queue.put_nowait(shared)

    def _drop(self, stream: _Stream) -> None:
        self._joined.discard(stream)
        while not stream.queue.empty():
            stream.queue.get_nowait()
        stream.queue.put_nowait(None)

    async def _read(self, after: Position, types: Collection[str]) -> Batch:
        metrics.STREAM_LOG_READS.inc()
        async with self.store.pool.acquire() as conn:
            return await read_batch(conn, after, BATCH, types=types)


def _item(event: RecordedEvent) -> StreamItem:
    return StreamItem(position=event.position.encode(), event_type=event.event_type, data=wire_bytes(event).decode())


def _since(start: float) -> float:
    return time.monotonic() - start
