"""What request handlers and background workers share: settings, pool, event store, and the
process's one LISTEN connection (opened while anything waits on it)."""

from __future__ import annotations

from dataclasses import dataclass, field

import asyncpg
from litestar.di import NamedDependency

from infra.event_store import EventStore
from infra.listen import Listener
from infra.settings import Settings


@dataclass
class Services:
    settings: Settings
    pool: asyncpg.Pool
    store: EventStore
    database_url: str
    listener: Listener = field(init=False)

    def __post_init__(self) -> None:
        self.listener = Listener(self.database_url)  # connects lazily, on the first subscribe

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
