"""Outbox retention: delivered webhooks older than `CONFLICTDB_DELIVERY_RETENTION_DAYS` are deleted.

The outbox (`wh_deliveries`, with each delivery's attempts in `wh_attempts`) is working state of the
dispatchers, not the log: the events themselves stay in `events` forever, and a subscriber that needs
them again asks for a replay, which fans out from the log anew. Without retention the outbox grows by
one row per event and subscriber for ever; with it, only deliveries that are finished (succeeded or
cancelled) and older than the retention leave, in small batches so no long lock is held. Pending and
failed deliveries are kept whatever their age: they still need an operator (retry or cancel). The
fan-out never revisits events that old (it follows the log past its checkpoint within seconds), so a
deleted delivery is never created again. Several worker processes may prune at once: the batch is
claimed with SKIP LOCKED.
"""

from __future__ import annotations

import asyncio
import logging

import asyncpg

from infra.settings import Settings

log = logging.getLogger(__name__)

BATCH = 5000
EVERY_S = 3600.0

_PRUNE = """
DELETE FROM wh_deliveries WHERE delivery_id IN (
    SELECT delivery_id FROM wh_deliveries
    WHERE status IN ('succeeded', 'cancelled')
      AND coalesce(delivered_at, last_attempt_at, created_at) < now() - make_interval(secs => $1::float8)
    ORDER BY delivery_id
    LIMIT $2
    FOR UPDATE SKIP LOCKED)"""


async def prune_deliveries(pool: asyncpg.Pool, older_than_s: float, batch: int = BATCH) -> int:
    """Delete finished deliveries (and their attempts) last touched more than `older_than_s` ago; how many."""
    total = 0
    while True:
        async with pool.acquire() as conn, conn.transaction():
            status = await conn.execute(_PRUNE, older_than_s, batch)
        deleted = int(status.split()[-1])
        total += deleted
        if deleted < batch:
            return total


async def run_retention(pool: asyncpg.Pool, settings: Settings, every_s: float = EVERY_S) -> None:
    """Prune once an hour until cancelled (nothing when the retention is 0: keep every delivery)."""
    if settings.delivery_retention_days <= 0:
        return
    older_than_s = settings.delivery_retention_days * 86400.0
    while True:
        try:
            deleted = await prune_deliveries(pool, older_than_s)
            if deleted:
                log.info("outbox retention: deleted %d finished deliveries older than %g days", deleted,
                         settings.delivery_retention_days)  # fmt: skip
        except (asyncpg.PostgresError, OSError) as exc:  # the database away for a while: try next round
            log.warning("outbox retention failed: %s", exc)
        await asyncio.sleep(every_s)
