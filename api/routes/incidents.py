"""GET /incidents (filtered, sorted, keyset-paginated) and GET /incidents/{id}: one real-world
occurrence across articles, with its sources, casualty range and member events."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Response, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromQuery, PathParameter, QueryParameter

from api import formats
from api.errors import problem_responses
from api.routes.events import READ_GUARDS, ActorParam, Admin1Param, FromParam, ToParam, TypeParam
from api.schemas import IncidentDetail
from api.services import ServicesDep
from application.queries import filters, totals
from application.queries import incidents as queries
from domain.errors import NotFoundError
from domain.incidents.projection import IncidentView

DEFAULT_LIMIT = 100


@get(
    "/incidents",
    tags=["incidents"],
    summary="Search incidents: events of different articles that report one occurrence",
    responses={
        200: ResponseSpec(data_container=totals.Page[IncidentView], description="A page of incidents"),
        **problem_responses(400),
    },
    guards=READ_GUARDS,
)
async def list_incidents(
    services: ServicesDep,
    type_: TypeParam = None,
    actor: ActorParam = None,
    country: Annotated[
        str | None, QueryParameter(min_length=1, description="ISO 3166-1 alpha-2 or alpha-3 of the best place")
    ] = None,
    admin1: Admin1Param = None,
    from_: FromParam = None,
    to: ToParam = None,
    min_sources: Annotated[int | None, QueryParameter(ge=0, le=2**31 - 1, description="Distinct articles")] = None,
    min_fatalities: Annotated[
        int | None, QueryParameter(ge=0, le=2**31 - 1, description="Best estimate of killed")
    ] = None,
    sort: FromQuery[queries.Sort] = "date",
    order: FromQuery[queries.Order] = "desc",
    limit: Annotated[int | None, QueryParameter(ge=1, le=queries.MAX_LIMIT)] = None,
    cursor: Annotated[
        str | None, QueryParameter(min_length=1, description="`next_cursor` of the previous page")
    ] = None,
) -> Response[bytes]:
    query = queries.build_query(
        types=type_, actors=actor, country=country, occurred_from=from_, occurred_to=to,
        min_sources=min_sources, min_fatalities=min_fatalities, sort=sort, order=order, admin1=admin1,
    )  # fmt: skip
    after = None if cursor is None else queries.decode_incident_cursor(cursor, query)
    page = await queries.fetch_page(services.pool, query, after, limit or DEFAULT_LIMIT)
    total = await queries.count(services.pool, query)
    body = formats.json_page(page.items, page.next_cursor, total)
    headers = None if page.next_cursor is None else {"X-Next-Cursor": page.next_cursor}
    return Response(body, media_type=formats.MEDIA_TYPES["json"], headers=headers)


@get(
    "/incidents/{incident_id:str}",
    tags=["incidents"],
    summary="One incident with its member events, articles, outlets and linking decisions",
    guards=READ_GUARDS,
    responses={
        200: ResponseSpec(data_container=IncidentDetail, description="The incident"),
        **problem_responses(400, 404),
    },
)
async def get_incident(
    services: ServicesDep, incident_id: Annotated[str, PathParameter(format="uuid")]
) -> Response[bytes]:
    found = await queries.fetch_one(services.pool, filters.parse_uuid("incident id", incident_id))
    if found is None:
        raise NotFoundError(f"no incident {incident_id}")
    return Response(found, media_type="application/json")


ROUTES: list[Any] = [list_incidents, get_incident]
