"""HTTP resources, one module each. ROUTE_HANDLERS is what the app mounts."""

from __future__ import annotations

from typing import Any

from api.routes import (
    articles,
    articles_read,
    catalog,
    codebook,
    events,
    health,
    incidents,
    log,
    projections,
    releases,
    review,
    stats,
    stream,
    subscriptions,
    web,
)

ROUTE_HANDLERS: list[Any] = [
    health.health,
    health.ready,
    articles.submit_article,
    articles.submit_batch,
    articles.reextract_article,
    stream.event_stream,  # static /events/stream wins over /events/{event_id}
    *review.ROUTES,
    *events.ROUTES,
    *incidents.ROUTES,
    *articles_read.ROUTES,
    *catalog.ROUTES,
    *stats.ROUTES,
    *codebook.ROUTES,
    *log.ROUTES,
    subscriptions.SubscriptionController,
    *projections.ROUTES,
    *releases.ROUTES,
    *web.ROUTES,  # the analyst's page at / and its files
]
