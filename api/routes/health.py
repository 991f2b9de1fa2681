"""Liveness and readiness."""

from __future__ import annotations

import asyncio

import msgspec
from litestar import Response, get
from litestar.openapi.datastructures import ResponseSpec

from api.services import Services, ServicesDep
from application.queries import Blocker, Horizon, ReplicaLag


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
    replica: str | None = None  # with DATABASE_READ_URL: ok, lagging or unreachable
    replica_lag_s: float | None = None  # age of the oldest event the replica does not hold yet (0: none)
    detail: str | None = None


@get(
    "/ready",
    tags=["operations"],
    summary="Ready: database reachable, projections caught up, log feed not stalled by an open transaction, "
    "read replica (if any) reachable and not lagging",
    responses={503: ResponseSpec(data_container=Readiness, description="Not ready: the body says why")},
)
async def ready(services: ServicesDep) -> Response[Readiness]:
    if not await _database_ok(services):
        return Response(Readiness(status="not ready", database="unreachable", projection_lag=None), status_code=503)
    lag = await services.projection_lag()
    horizon, stalled = await services.horizon.check()
    replica = await services.replica_lag()
    caught_up = (lag is None or lag <= services.settings.ready_max_lag) and (replica is None or replica.reachable)
    lagging = replica is not None and (replica.lag_s or 0.0) > services.settings.ready_max_replica_lag_s
    body = Readiness(
        status="degraded" if stalled or lagging else "ready" if caught_up else "not ready",
        database="ok",
        projection_lag=lag,
        feed_stalled_s=round(horizon.stalled_s, 3),
        hidden_events=horizon.hidden_events,
        blocker=horizon.blocker,
        replica=None if replica is None else _replica_state(replica, lagging),
        replica_lag_s=None if replica is None or replica.lag_s is None else round(replica.lag_s, 3),
        detail=_stall_detail(horizon) if stalled else _lag_detail(services, replica) if lagging else None,
    )
    return Response(body, status_code=200 if caught_up and not stalled and not lagging else 503)


def _replica_state(replica: ReplicaLag, lagging: bool) -> str:
    return "unreachable" if not replica.reachable else "lagging" if lagging else "ok"


def _lag_detail(services: Services, replica: ReplicaLag | None) -> str:
    lag_s = 0.0 if replica is None or replica.lag_s is None else replica.lag_s
    return (
        f"the read replica (DATABASE_READ_URL) is {lag_s:.0f} s behind the primary, past "
        f"CONFLICTDB_READY_MAX_REPLICA_LAG ({services.settings.ready_max_replica_lag_s:.0f} s): reads are stale "
        "(reads with min_position still wait for it)"
    )


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
