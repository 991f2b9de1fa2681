"""Reads from a streaming replica (DATABASE_READ_URL), and how far behind the primary it is.

A PostgreSQL hot standby replays the primary's WAL: the event log, the read models and their
checkpoints arrive together, in commit order, so the replica's checkpoints say exactly which
log positions its own read models hold. The read routes may therefore be served from it, and
`min_position` waits on the replica's checkpoints. Everything that writes (ingest, review,
releases, the idempotency table, subscriptions, projections, webhooks) and everything that
follows the live log with LISTEN (NOTIFY is not replicated) stays on the primary.

The lag is measured by comparing positions, not with `pg_last_xact_replay_timestamp()`: that
timestamp is the commit time of the last transaction replayed, so after an idle hour on the
primary the first write makes a healthy replica look an hour behind until it is replayed, and a
replica cut off from an idle primary looks current. Here the lag is the age, on the primary's
clock, of the oldest event the primary holds beyond the replica's last one: 0 when the replica
holds the whole log, growing while anything written is missing on the replica.
"""

from __future__ import annotations

import asyncio

import asyncpg
import msgspec

# The replica's newest event (index on global_position) and whether it is a standby at all.
_REPLICA_HEAD = "SELECT pg_is_in_recovery() AS standby, COALESCE(max(global_position), 0) AS head FROM events"

# On the primary: how long ago the first event past the replica's head was recorded.
_MISSING_SINCE = """
SELECT COALESCE(extract(epoch FROM clock_timestamp() - min(recorded_at)), 0)::float8 FROM (
    SELECT recorded_at FROM events WHERE global_position > $1 ORDER BY global_position LIMIT 1
) first_missing"""

PROBE_TIMEOUT_S = 2.0


class ReplicaLag(msgspec.Struct, frozen=True, kw_only=True):
    reachable: bool
    standby: bool | None  # False: DATABASE_READ_URL names a server that is not in recovery (a primary)
    lag_s: float | None  # None when unreachable


async def replica_lag(primary: asyncpg.Pool, replica: asyncpg.Pool) -> ReplicaLag:
    """How far the replica is behind the primary, in seconds (see the module's docstring)."""
    try:
        async with asyncio.timeout(PROBE_TIMEOUT_S):
            async with replica.acquire() as conn:
                row = await conn.fetchrow(_REPLICA_HEAD)
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError):
        return ReplicaLag(reachable=False, standby=None, lag_s=None)
    async with primary.acquire() as conn:
        lag = await conn.fetchval(_MISSING_SINCE, int(row["head"]))
    return ReplicaLag(reachable=True, standby=bool(row["standby"]), lag_s=max(0.0, float(lag)))
