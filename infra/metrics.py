"""Prometheus metrics: the metric objects every process (API and `conflictdb worker`) updates,
and the scrape-time refresh of the gauges that come from the database.

The metrics live in a registry of their own (not prometheus_client's global one), created
once per process: several apps in one process (the tests) share it, so counters only grow
and a scrape shows what this process did. Gauges read from the database (projection
position and lag, outbox depth) and the pool's gauges are set just before each scrape from
the scraping app's pool, so they always describe that app's database.
"""

from __future__ import annotations

import asyncpg
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
)

__all__ = ["CONTENT_TYPE_LATEST", "REGISTRY", "refresh_database_gauges", "render"]

# The `_created` timestamp series double the output for little use; Prometheus ignores them.
disable_created_metrics()  # type: ignore[no-untyped-call]
REGISTRY = CollectorRegistry(auto_describe=True)

# Seconds: API calls are mostly a few ms; exports, batches and SSE streams run longer.
_LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

HTTP_REQUESTS = Counter(
    "conflictdb_http_requests",
    "HTTP requests answered, by method, route template and status code",
    ["method", "route", "status"],
    registry=REGISTRY,
)
HTTP_DURATION = Histogram(
    "conflictdb_http_request_duration_seconds",
    "Time from request to the end of the response, by method and route template",
    ["method", "route"],
    buckets=_LATENCY_BUCKETS,
    registry=REGISTRY,
)
EVENTS_APPENDED = Counter(
    "conflictdb_events_appended",
    "Events written to the event store, by event type",
    ["event_type"],
    registry=REGISTRY,
)
ARTICLES_INGESTED = Counter(
    "conflictdb_articles_ingested",
    "Articles submitted, by outcome (created, or duplicate of a stored article)",
    ["outcome"],
    registry=REGISTRY,
)
EXTRACTION_DURATION = Histogram(
    "conflictdb_extraction_duration_seconds",
    "Time the extractor took for one article",
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
    registry=REGISTRY,
)
PROJECTED_EVENTS = Counter(
    "conflictdb_projection_events_processed",
    "Events a projection runner of this process applied, by projection",
    ["projection"],
    registry=REGISTRY,
)
PROJECTION_POSITION = Gauge(
    "conflictdb_projection_position",
    "Global position of the last event a projection's checkpoint has passed",
    ["projection"],
    registry=REGISTRY,
)
PROJECTION_LAG = Gauge(
    "conflictdb_projection_lag_events",
    "Committed events beyond a projection's checkpoint",
    ["projection"],
    registry=REGISTRY,
)
WEBHOOK_DELIVERIES = Counter(
    "conflictdb_webhook_deliveries",
    "Webhook delivery attempts, by outcome (delivered, retry, gone, dead_letter)",
    ["outcome"],
    registry=REGISTRY,
)
WEBHOOK_DURATION = Histogram(
    "conflictdb_webhook_delivery_duration_seconds",
    "Time one webhook HTTP call took (to the response excerpt, or to the error)",
    buckets=_LATENCY_BUCKETS,
    registry=REGISTRY,
)
OUTBOX_PENDING = Gauge(
    "conflictdb_webhook_outbox_pending",
    "Webhook deliveries waiting to be sent (state: all pending, or due now)",
    ["state"],
    registry=REGISTRY,
)
DB_POOL = Gauge(
    "conflictdb_db_pool_connections",
    "Connections of the scraping process's database pool (state: size, in_use, idle, max)",
    ["state"],
    registry=REGISTRY,
)

STREAM_LOG_READS = Counter(
    "conflictdb_stream_log_reads",
    "Reads of the log made for live streams (the shared follower's, and catch-up reads of streams behind it)",
    registry=REGISTRY,
)
OPEN_STREAMS = Gauge(
    "conflictdb_open_streams",
    "Live streams (/events/stream) open in this process",
    registry=REGISTRY,
)
FEED_STALL = Gauge(
    "conflictdb_feed_stall_seconds",
    "Age of the oldest committed event log readers cannot see yet (held back by an open transaction)",
    registry=REGISTRY,
)
FEED_HIDDEN = Gauge(
    "conflictdb_feed_hidden_events",
    "Committed events log readers cannot see yet, because an older transaction is still open",
    registry=REGISTRY,
)
OLDEST_TRANSACTION = Gauge(
    "conflictdb_oldest_transaction_age_seconds",
    "Age of the oldest open transaction on the server that holds a transaction id (0: none)",
    registry=REGISTRY,
)

_OUTBOX = """
SELECT count(*) AS pending, count(*) FILTER (WHERE next_attempt_at <= now()) AS due
FROM wh_deliveries WHERE status = 'pending'"""


async def refresh_database_gauges(pool: asyncpg.Pool) -> None:
    """Set the database-derived gauges (a few cheap queries) and the pool gauges."""
    # Imported here: the event store (which read_models.status needs) imports this module.
    from infra.event_store import Position
    from infra.horizon import measure
    from infra.read_models.status import list_statuses

    _refresh_pool_gauges(pool)
    for status in await list_statuses(pool):
        PROJECTION_POSITION.labels(status.name).set(Position.decode(status.position).global_position)
        PROJECTION_LAG.labels(status.name).set(status.lag)
    async with pool.acquire() as conn:
        row = await conn.fetchrow(_OUTBOX)
        horizon = await measure(conn)
    OUTBOX_PENDING.labels("pending").set(row["pending"])
    OUTBOX_PENDING.labels("due").set(row["due"])
    FEED_STALL.set(horizon.stalled_s)
    FEED_HIDDEN.set(horizon.hidden_events)
    blocker_age = horizon.blocker.age_s if horizon.blocker is not None else None
    OLDEST_TRANSACTION.set(blocker_age or 0.0)


def _refresh_pool_gauges(pool: asyncpg.Pool) -> None:
    size, idle = pool.get_size(), pool.get_idle_size()
    DB_POOL.labels("size").set(size)
    DB_POOL.labels("idle").set(idle)
    DB_POOL.labels("in_use").set(size - idle)
    DB_POOL.labels("max").set(pool.get_max_size())


def render() -> bytes:
    """The registry in the Prometheus text format."""
    return generate_latest(REGISTRY)
