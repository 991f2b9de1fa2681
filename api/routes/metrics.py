"""Prometheus metrics: open like /health, or behind CONFLICTDB_METRICS_KEY when it is set."""

from __future__ import annotations

import hmac
from typing import Any

from litestar import Request, Response, get

from api.errors import problem_responses
from api.services import ServicesDep
from domain.errors import AuthError
from infra import metrics


@get(
    "/metrics",
    tags=["operations"],
    summary="Metrics in the Prometheus text format (Bearer CONFLICTDB_METRICS_KEY when that is set)",
    media_type=metrics.CONTENT_TYPE_LATEST,
    responses=problem_responses(401),
)
async def scrape(request: Request[Any, Any, Any], services: ServicesDep) -> Response[bytes]:
    _check_key(request.headers.get("authorization"), services.settings.metrics_key)
    await metrics.refresh_database_gauges(services.pool)
    return Response(metrics.render(), media_type=metrics.CONTENT_TYPE_LATEST)


def _check_key(header: str | None, key: str | None) -> None:
    if key is None:
        return
    scheme, _, given = (header or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), key.encode()):
        raise AuthError("the metrics need 'Authorization: Bearer <CONFLICTDB_METRICS_KEY>'")
