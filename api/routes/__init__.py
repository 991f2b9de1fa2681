"""HTTP resources, one module each. ROUTE_HANDLERS is what the app mounts."""

from __future__ import annotations

from typing import Any

from api.routes import articles, articles_read, catalog, events, health, log, projections

ROUTE_HANDLERS: list[Any] = [
    health.health,
    health.ready,
    articles.submit_article,
    articles.submit_batch,
    articles.reextract_article,
    *events.ROUTES,
    *articles_read.ROUTES,
    *catalog.ROUTES,
    *log.ROUTES,
    *projections.ROUTES,
]
