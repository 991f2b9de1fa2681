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
clock, of the first event (in log order) the primary holds after the replica's last one: 0 when
the replica holds the whole log, growing while anything written is missing on it. Both lookups
walk the log's primary key, so the probe costs the same on a log of any length. It counts events
only (a replica may still miss projection writes made since; `min_position` waits for those),
and an event whose long transaction began before the replica's last one yet committed after it
is not seen as missing: the figure can be low for as long as such a transaction took.
"""

from __future__ import annotations

import asyncio

import asyncpg
import msgspec

# The replica's last event in log order (a backward scan of the primary key) and whether it is a standby.
_REPLICA_HEAD = """
SELECT pg_is_in_recovery() AS standby,
       (SELECT tx_id::text::bigint FROM events ORDER BY tx_id DESC, global_position DESC LIMIT 1) AS tx_id,
       (SELECT global_position FROM events ORDER BY tx_id DESC, global_position DESC LIMIT 1) AS global_position"""

# On the primary: how long ago the first event after the replica's last one was recorded.
_MISSING_SINCE = """
SELECT COALESCE(extract(epoch FROM clock_timestamp() - min(recorded_at)), 0)::float8 FROM (
    SELECT recorded_at FROM events WHERE (tx_id, global_position) > ($1::text::xid8, $2::bigint)
    ORDER BY tx_id, global_position LIMIT 1
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
    head = (str(row["tx_id"] or 0), int(row["global_position"] or 0))
    async with primary.acquire() as conn:
        lag = await conn.fetchval(_MISSING_SINCE, *head)
    return ReplicaLag(reachable=True, standby=bool(row["standby"]), lag_s=max(0.0, float(lag)))
