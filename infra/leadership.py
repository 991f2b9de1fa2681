"""Which process leads each log follower: one PostgreSQL session advisory lock per follower,
held on a connection of its own.

Several `conflictdb worker` (or `serve`) processes on several machines run the same followers.
Each follower's batches are already exclusive and exactly-once without this module: a step
claims the follower's checkpoint row FOR UPDATE SKIP LOCKED and writes its rows and the new
position in one transaction (infra/follower.py), so two processes never apply one batch and a
process killed mid-batch leaves nothing half-done. Leadership adds that one process at a time
runs a follower: the others stop polling it and racing for its row, its batches come from one
place in order, and operators can see who leads (`leaders`, shown by GET /projections).

Failover: the locks live as long as the session that took them. A leader that exits, crashes
or is killed with -9 closes its socket, PostgreSQL ends the session and releases its locks, and
another process takes them on its next try (every `retry_s`). A leader's machine that vanishes
without closing the socket is noticed by TCP keepalives (set on this connection; the server's
defaults would wait two hours). A process that loses its connection stops leading at once and
tries again later; should it still run one step it believed it led, the row lock keeps that
step exclusive.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Collection

import asyncpg

log = logging.getLogger("conflictdb.leadership")

# The advisory lock space of follower leadership: (this class, hashtext(follower name)).
# A collision of two names' hashes only means one process leads both.
LOCK_CLASS = 0x63_64_62_66  # "cdbf" in ASCII

_TAKE = """SELECT name FROM unnest($2::text[]) AS name WHERE pg_try_advisory_lock($1, hashtext(name))"""
_LEADERS = """
SELECT name, a.application_name FROM unnest($2::text[]) AS name
JOIN pg_locks l ON l.locktype = 'advisory' AND l.granted AND l.classid::bigint = $1
     AND l.objid::bigint = (hashtext(name)::bigint & 4294967295) AND l.objsubid = 2
JOIN pg_stat_activity a ON a.pid = l.pid"""

# Keepalives on the leadership session, so the server notices a vanished leader in ~25 s.
_KEEPALIVES = {"tcp_keepalives_idle": "10", "tcp_keepalives_interval": "5", "tcp_keepalives_count": "3"}
_CONNECT_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)


def leader_name() -> str:
    """How a leader shows in pg_stat_activity.application_name: host and process id."""
    return f"conflictdb-leader {socket.gethostname()}:{os.getpid()}"[:63]


class Leadership:
    """The follower locks of this process, on one dedicated session."""

    def __init__(self, database_url: str, *, retry_s: float = 1.0) -> None:
        self._url = database_url
        self.retry_s = retry_s
        self._conn: asyncpg.Connection | None = None
        self._held: set[str] = set()
        self._next_try = 0.0

    async def led(self, names: Collection[str]) -> frozenset[str]:
        """The followers among `names` this process leads now. At most every `retry_s` it tries to
        take those it does not lead and checks that its session (so its locks) still stands."""
        if time.monotonic() < self._next_try:
            return frozenset(self._held & set(names))
        self._next_try = time.monotonic() + self.retry_s
        try:
            conn = await self._connection()
            wanted = sorted(set(names) - self._held)
            if wanted:
                won = {r["name"] for r in await conn.fetch(_TAKE, LOCK_CLASS, wanted)}
                if won:
                    log.info("leading %s", ", ".join(sorted(won)))
                self._held |= won
            else:
                await conn.fetchval("SELECT 1")  # the session, and with it every lock, still stands
        except Exception as exc:  # whatever broke, this session's locks are no longer sure
            self._lost(exc)
        return frozenset(self._held & set(names))

    async def _connection(self) -> asyncpg.Connection:
        if self._conn is None or self._conn.is_closed():
            self._held.clear()  # a new session holds nothing
            self._conn = await asyncpg.connect(
                self._url, timeout=10, server_settings={"application_name": leader_name(), **_KEEPALIVES}
            )
        return self._conn

    def _lost(self, exc: BaseException) -> None:
        if self._held:
            log.warning("leadership session lost (%s): no longer leading %s", exc, ", ".join(sorted(self._held)))
        self._held.clear()
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.terminate()  # its locks go with the session, if the server still has it

    async def close(self) -> None:
        """End the session: every lock is released at once, so another process takes over now."""
        conn, self._conn = self._conn, None
        self._held.clear()
        if conn is not None and not conn.is_closed():
            try:
                await asyncio.wait_for(conn.close(), 5)
            except _CONNECT_ERRORS:
                conn.terminate()
            except asyncio.CancelledError:
                conn.terminate()
                raise


async def leaders(conn: asyncpg.Connection, names: Collection[str]) -> dict[str, str]:
    """Who leads each follower now: the leader's application_name (host:pid), for those led."""
    rows = await conn.fetch(_LEADERS, LOCK_CLASS, sorted(names))
    return {r["name"]: r["application_name"] for r in rows}
