"""The log's visibility horizon: how long committed events have been hidden from readers, and
which backend holds them back.

Readers see only events below `pg_snapshot_xmin` (see infra/event_store.py), the oldest
transaction id still running anywhere on the server, in any database. So one session left
idle inside a writing transaction (a forgotten `BEGIN` in psql, a stuck job) hides every new
event from /log, the projections, SSE and webhooks for as long as it stays open. This module
makes that visible: the age of the oldest hidden event (the stall) and the oldest transaction
holding an xid (the blocker, from pg_stat_activity or pg_prepared_xacts).
"""

from __future__ import annotations

import datetime as dt
import logging

import asyncpg
import msgspec

log = logging.getLogger("conflictdb.horizon")

# Committed events the feed does not show yet: their transaction id is at or past the horizon.
_HIDDEN = """
SELECT count(*) AS hidden, COALESCE(extract(epoch FROM clock_timestamp() - min(recorded_at)), 0)::float8 AS stalled_s
FROM events WHERE tx_id >= pg_snapshot_xmin(pg_current_snapshot())"""

# The oldest transaction that holds an xid, so holds the horizon back (sessions, then 2PC).
_BLOCKER = """
SELECT pid, application_name, state, database, xact_start,
       extract(epoch FROM clock_timestamp() - xact_start)::float8 AS age_s
FROM (
    SELECT pid, application_name, state, datname AS database, xact_start, age(backend_xid) AS xid_age
    FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
    UNION ALL
    SELECT NULL, 'prepared transaction ' || gid, 'prepared', database, prepared, age(transaction)
    FROM pg_prepared_xacts
) holders
ORDER BY xid_age DESC LIMIT 1"""


class Blocker(msgspec.Struct, frozen=True, kw_only=True):
    """The backend whose open transaction holds the horizon back."""

    pid: int | None  # None for a prepared (two-phase) transaction
    application_name: str | None
    state: str | None  # e.g. "idle in transaction"
    database: str | None
    xact_start: dt.datetime | None
    age_s: float | None  # how long its transaction has been open

    def describe(self) -> str:
        since = f" for {self.age_s:.0f} s" if self.age_s is not None else ""
        who = f"backend pid {self.pid}" if self.pid is not None else "a prepared transaction"
        return (
            f"{who} ({self.application_name or 'no application_name'}, {self.state}, database {self.database}){since}"
        )


class Horizon(msgspec.Struct, frozen=True, kw_only=True):
    hidden_events: int  # committed events readers cannot see yet
    stalled_s: float  # age of the oldest of them: how long the feed has been held back (0: none)
    blocker: Blocker | None  # the oldest transaction holding an xid, if any


async def measure(conn: asyncpg.Connection) -> Horizon:
    hidden = await conn.fetchrow(_HIDDEN)
    row = await conn.fetchrow(_BLOCKER)
    blocker = None if row is None else Blocker(**dict(row))
    return Horizon(hidden_events=int(hidden["hidden"]), stalled_s=float(hidden["stalled_s"]), blocker=blocker)


class HorizonWatch:
    """Measures the horizon for /ready, /projections and the metrics, and logs each stall once
    (when it passes the threshold, naming the blocker), not once per probe."""

    def __init__(self, pool: asyncpg.Pool, stall_threshold_s: float) -> None:
        self.pool = pool
        self.stall_threshold_s = stall_threshold_s
        self._in_stall = False
        self._blocker_key: tuple[int | None, dt.datetime | None] | None = None

    async def check(self) -> tuple[Horizon, bool]:
        """The horizon now, and whether the feed is stalled past the threshold."""
        async with self.pool.acquire() as conn:
            horizon = await measure(conn)
        stalled = horizon.hidden_events > 0 and horizon.stalled_s >= self.stall_threshold_s
        self._log_once(horizon, stalled)
        return horizon, stalled

    def _log_once(self, horizon: Horizon, stalled: bool) -> None:
        if not stalled:
            self._in_stall = False
            return
        blocker = horizon.blocker
        key = None if blocker is None else (blocker.pid, blocker.xact_start)
        if self._in_stall and self._blocker_key == key:
            return
        self._in_stall, self._blocker_key = True, key
        held_by = blocker.describe() if blocker is not None else "an unknown transaction"
        log.warning(
            "log feed stalled: %d committed events hidden for %.0f s, held back by %s",
            horizon.hidden_events,
            horizon.stalled_s,
            held_by,
        )
