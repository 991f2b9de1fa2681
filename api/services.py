"""What request handlers and background workers share: settings, pool, event store."""

from __future__ import annotations

from dataclasses import dataclass

import asyncpg
from litestar.di import NamedDependency

from infra.event_store import EventStore
from infra.settings import Settings


@dataclass
class Services:
    settings: Settings
    pool: asyncpg.Pool
    store: EventStore
    database_url: str

    async def projection_lag(self) -> int | None:
        """Events not yet projected by the slowest projection (None until projections exist)."""
        async with self.pool.acquire() as conn:
            # Events beyond the slowest projection checkpoint (named 'projection:<name>').
            lag = await conn.fetchval(
                """SELECT MAX((SELECT count(*) FROM events e
                               WHERE (e.tx_id, e.global_position) > (c.tx_id, c.global_position)))
                   FROM checkpoints c WHERE c.subscriber LIKE 'projection:%'"""
            )
        return None if lag is None else int(lag)


# Handlers declare `services: ServicesDep`; the app provides it from its state.
ServicesDep = NamedDependency[Services]
