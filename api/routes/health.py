"""Liveness and readiness."""

from __future__ import annotations

import asyncio

import msgspec
from litestar import Response, get
from litestar.openapi.datastructures import ResponseSpec

from api.services import Services, ServicesDep


class Health(msgspec.Struct):
    status: str
    database: str


@get("/health", tags=["operations"], summary="Liveness, with the database's status")
async def health(services: ServicesDep) -> Health:
    return Health(status="ok", database="ok" if await _database_ok(services) else "unreachable")


class Readiness(msgspec.Struct):
    status: str
    database: str
    projection_lag: int | None


@get(
    "/ready",
    tags=["operations"],
    summary="Ready: database reachable and projections caught up",
    responses={503: ResponseSpec(data_container=Readiness, description="Not ready: the body says why")},
)
async def ready(services: ServicesDep) -> Response[dict[str, object]]:
    database_ok = await _database_ok(services)
    lag = await services.projection_lag() if database_ok else None
    is_ready = database_ok and (lag is None or lag <= services.settings.ready_max_lag)
    body: dict[str, object] = {
        "status": "ready" if is_ready else "not ready",
        "database": "ok" if database_ok else "unreachable",
        "projection_lag": lag,
    }
    return Response(body, status_code=200 if is_ready else 503)


async def _database_ok(services: Services) -> bool:
    try:
        async with asyncio.timeout(2):
            async with services.pool.acquire() as conn:
                await conn.fetchval("SELECT 1")
    except Exception:
        return False
    return True
