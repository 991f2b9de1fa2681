"""Liveness and readiness."""

from __future__ import annotations

import asyncio

import msgspec
from litestar import Response, get
from litestar.openapi.datastructures import ResponseSpec

from api.services import Services, ServicesDep
from application.queries import Blocker, Horizon


class Health(msgspec.Struct):
    status: str
    database: str


@get("/health", tags=["operations"], summary="Liveness, with the database's status")
async def health(services: ServicesDep) -> Health:
    return Health(status="ok", database="ok" if await _database_ok(services) else "unreachable")


class Readiness(msgspec.Struct, kw_only=True):
    status: str  # ready, not ready, or degraded (the log feed is stalled)
    database: str
    projection_lag: int | None
    feed_stalled_s: float | None = None  # how long committed events have been hidden from readers
    hidden_events: int | None = None
    blocker: Blocker | None = None  # the oldest open transaction, which holds the feed back
    detail: str | None = None


@get(
    "/ready",
    tags=["operations"],
    summary="Ready: database reachable, projections caught up, log feed not stalled by an open transaction",
    responses={503: ResponseSpec(data_container=Readiness, description="Not ready: the body says why")},
)
async def ready(services: ServicesDep) -> Response[Readiness]:
    if not await _database_ok(services):
        return Response(Readiness(status="not ready", database="unreachable", projection_lag=None), status_code=503)
    lag = await services.projection_lag()
    horizon, stalled = await services.horizon.check()
    caught_up = lag is None or lag <= services.settings.ready_max_lag
    body = Readiness(
        status="degraded" if stalled else "ready" if caught_up else "not ready",
        database="ok",
        projection_lag=lag,
        feed_stalled_s=round(horizon.stalled_s, 3),
        hidden_events=horizon.hidden_events,
        blocker=horizon.blocker,
        detail=_stall_detail(horizon) if stalled else None,
    )
    return Response(body, status_code=200 if caught_up and not stalled else 503)


def _stall_detail(horizon: Horizon) -> str:
    held_by = horizon.blocker.describe() if horizon.blocker is not None else "an unknown transaction"
    return (
        f"{horizon.hidden_events} committed events have been hidden from readers for {horizon.stalled_s:.0f} s, "
        f"held back by {held_by}: end that transaction (see the README, Operations)"
    )


async def _database_ok(services: Services) -> bool:
    try:
        async with asyncio.timeout(2):
            async with services.pool.acquire() as conn:
                await conn.fetchval("SELECT 1")
    except Exception:
        return False
    return True
