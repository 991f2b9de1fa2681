"""Projection status and blue/green rebuilds."""

from __future__ import annotations

import msgspec
from litestar import get, post
from litestar.params import FromPath

from api.auth import require_scope
from api.services import ServicesDep
from application.admin import rebuild_projection as rebuild
from application.queries import Horizon, ProjectionStatus, list_statuses


class ProjectionList(msgspec.Struct, frozen=True):
    items: list[ProjectionStatus]
    # Lag counts only visible events: the horizon says how many committed ones are held back, and by whom.
    horizon: Horizon


@get(
    "/projections",
    tags=["operations"],
    summary="Each projection's checkpoint position, lag and last error",
    guards=[require_scope("read")],
)
async def list_projections(services: ServicesDep) -> ProjectionList:
    horizon, _ = await services.horizon.check()
    return ProjectionList(items=await list_statuses(services.pool), horizon=horizon)


@post(
    "/projections/{name:str}/rebuild",
    tags=["operations"],
    summary="Rebuild a projection from the start of the log into shadow tables, swapped in when caught up",
    status_code=202,
    guards=[require_scope("admin")],
)
async def rebuild_projection(name: FromPath[str], services: ServicesDep) -> ProjectionStatus:
    return await rebuild(services.projections, name)


ROUTES = [list_projections, rebuild_projection]
