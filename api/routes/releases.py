"""Versioned releases: POST /releases (admin) names a log position; GET /releases lists them.
`GET /events?release=<name>` then answers exactly what the read models held at that position."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Request, get, post
from litestar.params import JSONBody, PathParameter

from api.auth import current_key, require_scope
from api.body import require_json
from api.errors import problem_responses
from api.services import ServicesDep
from application import releases
from application.releases import Release, ReleaseInput

ReleaseName = Annotated[str, PathParameter(pattern=releases.NAME_PATTERN, description="The release's name")]


class ReleaseList(msgspec.Struct, frozen=True, kw_only=True):
    items: list[Release]


@post(
    "/releases",
    guards=[require_scope("admin"), require_json],
    tags=["releases"],
    summary="Name a log position (default: what the read models hold now) as a release to cite",
    description="A name is taken once: a second release of that name is a 409. "
    "`GET /events?release=<name>` (and its exports) then return the rows of that position, byte for byte.",
    responses=problem_responses(409),
)
async def create_release(
    data: JSONBody[ReleaseInput], request: Request[Any, Any, Any], services: ServicesDep
) -> Release:
    key = current_key(request)
    return await releases.create_release(
        services.releases, services.positions, services.clock, data, created_by=key.name if key else "unknown"
    )


@get("/releases", guards=[require_scope("read")], tags=["releases"], summary="Every release, oldest first")
async def list_releases(services: ServicesDep) -> ReleaseList:
    return ReleaseList(items=await releases.list_releases(services.releases))


@get(
    "/releases/{name:str}",
    guards=[require_scope("read")],
    tags=["releases"],
    summary="One release",
    responses=problem_responses(404),
)
async def get_release(name: ReleaseName, services: ServicesDep) -> Release:
    return await releases.get_release(services.releases, name)


ROUTES = [create_release, list_releases, get_release]
