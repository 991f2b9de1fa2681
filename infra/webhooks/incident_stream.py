"""Incident changes as live streams (GET /incidents/stream): each stream pages rm_incident_changes
after its own cursor and waits for the incidents projection's NOTIFY (polling as the fallback).

The projection writes the changes in key order, one transaction at a time, so a stream that reads
after its last key misses none (infra.read_models.incidents). A stream's message id is the change's
key, `<tx>-<position>-<seq>`; `after` (or Last-Event-ID) also takes a log position `<tx>-<position>`
(every change that position or an earlier one caused is past) and `0` (from the start).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Collection

import asyncpg

from domain.errors import ValidationError
from infra import metrics
from infra.listen import Listener
from infra.queries.common import BIGINT_MAX
from infra.read_models.incidents import CHANGES_CHANNEL
from infra.webhooks.incidents import changes_after, last_change
from infra.webhooks.stream import StreamItem

BATCH = 200
Key = tuple[int, int, int]
_LAST_SEQ = 2**31 - 1


def parse_key(name: str, raw: str) -> Key:
    """A stream cursor: `0`, a log position `<tx>-<position>`, or a change's id `<tx>-<position>-<seq>`."""
    if raw.strip() == "0":
        return (0, 0, 0)
    parts = raw.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) not in (2, 3) or not all(0 <= n <= BIGINT_MAX for n in numbers):
        raise ValidationError(f"{name}: {raw[:60]!r} is not '<tx>-<position>' or a change id '<tx>-<position>-<seq>'")
    return (numbers[0], numbers[1], numbers[2] if len(numbers) == 3 else _LAST_SEQ)


class IncidentFeed:
    """The process's incident-change streams: how many are open, and each one's reads."""

    def __init__(self, pool: asyncpg.Pool, listener: Listener, *, poll_s: float) -> None:
        self.pool = pool
        self.listener = listener
        self.poll_s = poll_s
        self.open_streams = 0

    async def head(self) -> Key:
        async with self.pool.acquire() as conn:
            return await last_change(conn)

    async def follow(self, after: Key, types: Collection[str], *, keepalive_s: float) -> AsyncIterator[StreamItem]:
        """Changes of `types` after the key `after`, forever; a keep-alive (data None) when quiet."""
        self.open_streams += 1
        metrics.OPEN_STREAMS.inc()
        try:
            async with self.listener.subscribe(CHANGES_CHANNEL) as wake:
                quiet_since = time.monotonic()
                while True:
                    wake.clear()
                    async with self.pool.acquire() as conn:
                        batch = await changes_after(conn, after, types, BATCH)
                    for change in batch:
                        after = (change.tx_id, change.global_position, change.seq)
                        yield StreamItem(position=change.cursor, event_type=change.change_type, data=change.body)
                        quiet_since = time.monotonic()
                    if len(batch) == BATCH:
                        continue
                    if time.monotonic() - quiet_since >= keepalive_s:
                        yield StreamItem()
                        quiet_since = time.monotonic()
                    await self.listener.wait(wake, min(self.poll_s, keepalive_s))
        finally:
            self.open_streams -= 1
            metrics.OPEN_STREAMS.dec()
