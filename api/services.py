"""The composition root's wiring: which adapter stands behind each port, for the app
(api/app.py) and the commands. Routes and commands reach infra through the application
layer and through this module only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass, field
from typing import Any

import asyncpg
from litestar.di import NamedDependency

from infra.api_keys import ApiKeyRepository
from infra.clock import SystemClock
from infra.db import check_reachable, close_pool, create_pool, redact, start_embedded
from infra.event_store import EventStore, Position
from infra.horizon import HorizonWatch
from infra.idempotency import StoredReplies
from infra.ingestion import ArticleStreams
from infra.leadership import Leadership
from infra.listen import Listener
from infra.migrate import upgrade
from infra.projection_runner import ProjectionRunner
from infra.read_models.status import ProjectionAdmin, wait_for_read_models
from infra.releases import ProjectedPositions, ReleaseEvents
from infra.replica import ReplicaLag, replica_lag
from infra.settings import Settings, data_dir_of
from infra.webhooks.deliveries import DeliveryOutbox
from infra.webhooks.incident_stream import IncidentFeed
from infra.webhooks.stream import LiveLog
from infra.webhooks.subscriptions import SubscriptionRepository
from infra.webhooks.worker import run_webhooks


@dataclass
class Services:
    settings: Settings
    pool: asyncpg.Pool
    store: EventStore
    database_url: str
    # A streaming replica's pool for the read routes (DATABASE_READ_URL); None: they read the primary.
    replica: asyncpg.Pool | None = None
    clock: SystemClock = field(default_factory=SystemClock)
    listener: Listener = field(init=False)

    def __post_init__(self) -> None:
        # What the read routes query: the read models (and their checkpoints) on the replica when
        # there is one. Writes, keys, subscriptions, the log and its live streams use `pool`.
        self.read_pool = self.pool if self.replica is None else self.replica
        # What a pinned read (release=, as_of=) can name: the versions the read pool holds.
        self.read_positions = ProjectedPositions(self.read_pool)
        self.articles = ArticleStreams(self.store)
        self.replies = StoredReplies(self.pool)
        self.subscriptions = SubscriptionRepository(self.pool)
        self.deliveries = DeliveryOutbox(self.pool)
        self.projections = ProjectionAdmin(self.pool)
        self.api_keys = ApiKeyRepository(self.pool)
        self.releases = ReleaseEvents(self.store)
        self.positions = ProjectedPositions(self.pool)
        self.horizon = HorizonWatch(self.pool, self.settings.horizon_stall_s)
        self.listener = Listener(self.database_url)  # connects lazily, on the first subscribe
        self.live = LiveLog(self.store, self.listener, poll_s=self.settings.poll_interval_s)
        self.incident_feed = IncidentFeed(self.pool, self.listener, poll_s=self.settings.poll_interval_s)

    @property
    def open_streams(self) -> int:
        """Live streams of this process, of the log and of incident changes (CONFLICTDB_MAX_STREAMS caps both)."""
        return self.live.open_streams + self.incident_feed.open_streams

    async def wait_for_read_models(self, position: Position, timeout_s: float) -> bool:
        """Whether every read model the read routes query applied `position` within `timeout_s`
        (read your own writes): the replica's checkpoints when reads go to a replica."""
        return await wait_for_read_models(self.read_pool, position, timeout_s)

    async def replica_lag(self) -> ReplicaLag | None:
        """How far the read replica is behind the primary; None without one."""
        return None if self.replica is None else await replica_lag(self.pool, self.replica)

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


async def service_pool(settings: Settings, database_url: str, *, max_size: int) -> asyncpg.Pool:
    """The service's pool, its sessions bounded by the configured timeouts."""
    return await create_pool(
        database_url,
        max_size=max_size,
        statement_timeout_s=settings.statement_timeout_s,
        idle_in_transaction_timeout_s=settings.idle_in_transaction_timeout_s,
    )


# Handlers declare `services: ServicesDep`; the app provides it from its state.
ServicesDep = NamedDependency[Services]


@contextlib.asynccontextmanager
async def open_services(settings: Settings, database_url: str, *, max_size: int = 10) -> AsyncIterator[Services]:
    """Services over a pool of their own, for a command; closed (pending wake-ups sent) on exit."""
    pool = await service_pool(settings, database_url, max_size=max_size)
    services = Services(settings=settings, pool=pool, store=EventStore(pool), database_url=database_url)
    try:
        yield services
    finally:
        await services.live.close()
        await services.listener.close()
        await services.store.close()  # let the last wake-up NOTIFY go out before the pool closes
        await close_pool(pool, settings.shutdown_timeout_s)


def prepare_database(settings: Settings, *, migrate: bool = True) -> str:
    """Start the embedded server when no URL is given, check it answers, say on stderr which
    database this is (one line), migrate; return the URL."""
    if settings.database_url:
        url, where = settings.database_url, redact(settings.database_url)
    else:
        data_dir = data_dir_of(settings)
        url, where = start_embedded(data_dir), f"embedded PostgreSQL in {data_dir}"
    asyncio.run(check_reachable(url))
    if settings.database_read_url:  # the read replica too: a wrong DATABASE_READ_URL stops here, named
        asyncio.run(check_reachable(settings.database_read_url))
        where += f"; reads from {redact(settings.database_read_url)}"
    if settings.log_format == "json":  # stderr carries JSON lines only: say it as a log record
        logging.getLogger("conflictdb.database").info("database: %s", where)
    else:
        print(f"conflictdb: database: {where}", file=sys.stderr, flush=True)
    if migrate:
        upgrade(url)
    return url


def projection_runner(services: Services, *, batch_size: int | None = None) -> ProjectionRunner:
    options: dict[str, Any] = {} if batch_size is None else {"batch_size": batch_size}
    return ProjectionRunner(
        services.pool,
        listener=services.listener,
        leadership=Leadership(services.database_url, retry_s=services.settings.poll_interval_s),
        poll_interval_s=services.settings.poll_interval_s,
        **options,
    )


def webhook_workers(services: Services) -> Coroutine[Any, Any, None]:
    """Webhook fan-out and dispatch, as one long-running task."""
    return run_webhooks(services.pool, services.database_url, services.settings)
