"""One dedicated LISTEN connection per process, shared by every waiter on it: the log
followers, the webhook dispatchers and every open live stream.

A pooled connection is reset with UNLISTEN * when released, so LISTEN needs its own.
Notifications are only hints: waiters also wake on a timeout and re-read, so a lost
connection degrades to polling until it is re-opened on the next subscribe or wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

import asyncpg

log = logging.getLogger("conflictdb.listen")


class Listener:
    def __init__(self, database_url: str) -> None:
        self._url = database_url
        self._conn: asyncpg.Connection | None = None
        self._waiters: defaultdict[str, set[asyncio.Event]] = defaultdict(set)
        self._listening: set[str] = set()
        self._lock = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def subscribe(self, *channels: str) -> AsyncIterator[asyncio.Event]:
        """An event set whenever any of `channels` is notified (clear it before waiting)."""
        wake = asyncio.Event()
        for channel in channels:
            self._waiters[channel].add(wake)
        try:
            await self.ensure()
            yield wake
        finally:
            for channel in channels:
                self._waiters[channel].discard(wake)
            if not any(self._waiters.values()):
                await self.close()

    async def ensure(self) -> None:
        """(Re)open the connection and LISTEN on every channel with waiters; errors only log."""
        async with self._lock:
            try:
                await self._ensure_locked()
            except (TimeoutError, OSError, asyncpg.PostgresError) as exc:
                log.warning("LISTEN connection unavailable, polling instead: %s", exc)

    async def _ensure_locked(self) -> None:
        if self._conn is None or self._conn.is_closed():
            self._listening.clear()
            self._conn = await asyncpg.connect(self._url, timeout=10)
            self._conn.add_termination_listener(self._lost)
        for channel in [c for c, w in self._waiters.items() if w and c not in self._listening]:
            await self._conn.add_listener(channel, self._notified)
            self._listening.add(channel)

    async def wait(self, wake: asyncio.Event, seconds: float) -> None:
        """Wait for a notification or the timeout, whichever comes first."""
        if self._conn is None or self._conn.is_closed():
            await self.ensure()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), seconds)
        wake.clear()

    def _notified(self, _conn: Any, _pid: int, channel: str, _payload: str) -> None:
        for wake in self._waiters.get(channel, ()):
            wake.set()

    def _lost(self, _conn: Any) -> None:
        for waiters in self._waiters.values():
            for wake in waiters:
                wake.set()

    async def close(self) -> None:
        async with self._lock:
            conn, self._conn = self._conn, None
            self._listening.clear()
            if conn is not None and not conn.is_closed():
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(conn.close(), 5)
