"""Follow the log for a live stream (Server-Sent Events): wire-format events after a
position, waking on the process's shared listener, with keep-alives while nothing happens.

A stream is a log follower without a checkpoint (each client holds its own position):
it reads with the followers' reader, filtered by its types in SQL.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Collection

import msgspec

from infra.event_store import NOTIFY_CHANNEL, EventStore, Position, read_batch
from infra.listen import Listener
from infra.webhooks.payload import wire_bytes

BATCH = 200


class StreamItem(msgspec.Struct, frozen=True, kw_only=True):
    """An event (`data` is its wire JSON) or, with data None, a keep-alive."""

    position: str | None = None
    event_type: str | None = None
    data: str | None = None


async def follow(
    store: EventStore,
    listener: Listener,
    after: Position,
    types: Collection[str],
    *,
    poll_s: float,
    keepalive_s: float,
) -> AsyncIterator[StreamItem]:
    """Yield events of `types` after `after`, forever (the consumer stops by closing)."""
    async with listener.subscribe(NOTIFY_CHANNEL) as wake:
        quiet_since = time.monotonic()
        while True:
            async with store.pool.acquire() as conn:
                batch = await read_batch(conn, after, BATCH, types=types)
            for event in batch.events:
                yield StreamItem(
                    position=event.position.encode(), event_type=event.event_type, data=wire_bytes(event).decode()
                )
                quiet_since = time.monotonic()
            after = batch.end or after
            if len(batch.events) == BATCH:
                continue
            if time.monotonic() - quiet_since >= keepalive_s:
                yield StreamItem()
                quiet_since = time.monotonic()
            await listener.wait(wake, min(poll_s, keepalive_s))
