"""GET /incidents (filtered, sorted, keyset-paginated; or exported as CSV, GeoJSON, NDJSON) and
GET /incidents/{id}: one real-world occurrence across articles, with its sources, casualty range
and member events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIResponse, OpenAPIType, Operation, Schema
from litestar.params import FromQuery, PathParameter, QueryParameter
from litestar.response import ServerSentEvent, Stream

from api import formats
from api.consistency import ReadAfter
from api.errors import problem_responses
from api.routes.events import (
    READ_GUARDS,
    ActorParam,
    Admin1Param,
    FormatParam,
    FromParam,
    ToParam,
    TypeParam,
)
from api.routes.stream import KEEPALIVE_S, refuse_past_the_limit, sse
from api.schemas import (
    AT_LEAST_ZERO,
    COUNTRY_CODES,
    CURSOR_PATTERN,
    JSON_INT_MAX,
    STREAM_KEY_PATTERN,
    IncidentDetail,
    items_one_of,
    last_event_id,
)
from api.services import ServicesDep
from application.queries import filters, totals
from application.queries import incident_stream as stream_queries
from application.queries import incidents as queries
from domain.errors import NotFoundError
from domain.incidents.projection import IncidentView
from domain.webhooks import INCIDENT_TYPES, validate_event_types

DEFAULT_LIMIT = 100
_CSV_DOC = (
    "A header row, then one row per incident: " + ", ".join(formats.INCIDENT_CSV_COLUMNS) + ". `actors` is "
    "space-separated `CODE:role:sources` (how many articles name the code in that role); `event_ids`, "
    "`article_ids` and `outlet_names` are space-separated; empty cells where absent."
)
_EXPORT_SCHEMAS = {
    formats.MEDIA_TYPES["csv"]: Schema(type=OpenAPIType.STRING, description=_CSV_DOC),
    formats.MEDIA_TYPES["geojson"]: Schema(
        type=OpenAPIType.OBJECT,
        description="An RFC 7946 FeatureCollection: one Feature per incident (`id` the incident id, `properties` "
        "the incident as in JSON, `geometry` the Point of its best place, or null without coordinates).",
        required=["type", "features"],
        properties={
            "type": Schema(type=OpenAPIType.STRING, const="FeatureCollection"),
            "features": Schema(type=OpenAPIType.ARRAY, items=Schema(type=OpenAPIType.OBJECT)),
        },
    ),
    formats.MEDIA_TYPES["ndjson"]: Schema(
        type=OpenAPIType.STRING, description="One incident per line, each as an item of the JSON page"
    ),
}


@dataclass
class _IncidentListOperation(Operation):
    """GET /incidents: its 200 response declares the export media types beside JSON."""

    def __post_init__(self) -> None:
        ok = (self.responses or {}).get("200")
        if isinstance(ok, OpenAPIResponse):
            ok.content = {**(ok.content or {}), **{t: OpenAPIMediaType(schema=s) for t, s in _EXPORT_SCHEMAS.items()}}


@get(
    "/incidents",
    tags=["incidents"],
    summary="Search incidents: events of different articles that report one occurrence",
    responses={
        200: ResponseSpec(
            data_container=totals.Page[IncidentView],
            description="JSON: a page of incidents with the filter's total. `format=` or Accept also give text/csv, "
            "application/geo+json and application/x-ndjson: every matching incident in the same filter and sort "
            "(the first `limit` when given), streamed.",
        ),
        **problem_responses(400, 406),
    },
    guards=READ_GUARDS,
    operation_class=_IncidentListOperation,
)
async def list_incidents(
    services: ServicesDep,
    request: Request[Any, Any, Any],
    read_after: ReadAfter,
    type_: TypeParam = None,
    actor: ActorParam = None,
    country: Annotated[
        str | None,
        QueryParameter(
            min_length=1,
            schema_extra={"enum": COUNTRY_CODES},
            description="ISO 3166-1 alpha-2 or alpha-3 of the best place, any case",
        ),
    ] = None,
    admin1: Admin1Param = None,
    from_: FromParam = None,
    to: ToParam = None,
    min_sources: Annotated[
        int | None, QueryParameter(ge=0, schema_extra=AT_LEAST_ZERO, le=2**31 - 1, description="Distinct articles")
    ] = None,
    min_fatalities: Annotated[
        int | None,
        QueryParameter(ge=0, schema_extra=AT_LEAST_ZERO, le=2**31 - 1, description="Best estimate of killed"),
    ] = None,
    sort: FromQuery[queries.Sort] = "date",
    order: FromQuery[queries.Order] = "desc",
    limit: Annotated[
        int | None,
        QueryParameter(
            ge=1,
            le=JSON_INT_MAX,
            description=f"JSON: page size (default {DEFAULT_LIMIT}; pages hold at most {queries.MAX_LIMIT}, "
            "a larger limit gives pages of that many). CSV, GeoJSON, NDJSON: the most incidents to export "
            "(default: every match)",
        ),
    ] = None,
    cursor: Annotated[
        str | None,
        QueryParameter(min_length=1, pattern=CURSOR_PATTERN, description="`next_cursor` of the previous page"),
    ] = None,
    format_: FormatParam = None,
) -> Response[Any]:
    query = queries.build_query(
        types=type_, actors=actor, country=country, occurred_from=from_, occurred_to=to,
        min_sources=min_sources, min_fatalities=min_fatalities, sort=sort, order=order, admin1=admin1,
    )  # fmt: skip
    after = None if cursor is None else queries.decode_incident_cursor(cursor, query)
    fmt = formats.negotiate(format_, request.headers.get("accept"))
    if fmt != "json":
        return Stream(
            _export(fmt, queries.iterate(services.read_pool, query, after, limit)), media_type=formats.MEDIA_TYPES[fmt]
        )
    page = await queries.fetch_page(services.read_pool, query, after, min(limit or DEFAULT_LIMIT, queries.MAX_LIMIT))
    total = await queries.count(services.read_pool, query)
    body = formats.json_page(page.items, page.next_cursor, total)
    headers = None if page.next_cursor is None else {"X-Next-Cursor": page.next_cursor}
    return Response(body, media_type=formats.MEDIA_TYPES["json"], headers=headers)


def _export(fmt: formats.Format, items: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    if fmt == "csv":
        return formats.incident_csv_rows(items)
    if fmt == "geojson":
        return formats.geojson_features(items, formats.incident_feature)
    return formats.ndjson_lines(items)


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
    services: ServicesDep, read_after: ReadAfter, incident_id: Annotated[str, PathParameter(format="uuid")]
) -> Response[bytes]:
    found = await queries.fetch_one(services.read_pool, filters.parse_uuid("incident id", incident_id))
    if found is None:
        raise NotFoundError(f"no incident {incident_id}")
    return Response(found, media_type="application/json")


ChangeTypesParam = Annotated[
    list[str] | None,
    QueryParameter(
        name="type",
        description="Change types (repeatable): IncidentCreated, IncidentCorroborated, IncidentUpdated, "
        "IncidentMerged, IncidentClosed; default all",
        schema_extra=items_one_of(INCIDENT_TYPES),
    ),
]


@get(
    "/incidents/stream",
    tags=["incidents"],
    summary="Live incident changes (Server-Sent Events); resume with Last-Event-ID",
    description="Each message is one change of one incident: `event:` its type, `id:` its key "
    "(`<tx>-<position>-<seq>`: the log position of the event that caused it and its rank), `data:` the change "
    "(`id`, `type`, `incident_id`, `position`, `seq`, `event_ids` that joined or left, `changed` fields, "
    "`merged_into`, and `incident` as it stands after, or as it last stood when merged or closed) — the body "
    "a webhook subscription receives too. `after=0` replays every change from the start, a log position "
    "starts after the changes it or earlier events caused; default: from now.",
    media_type="text/event-stream",
    responses=problem_responses(503),
    guards=READ_GUARDS,
)
async def incident_stream(
    services: ServicesDep,
    after: Annotated[
        str | None,
        QueryParameter(
            min_length=1,
            max_length=60,
            schema_extra={"pattern": STREAM_KEY_PATTERN},  # stream_queries.parse_key checks it
            description="0, a log position or a change id",
        ),
    ] = None,
    types: ChangeTypesParam = None,
    resume_from: Annotated[str | None, last_event_id(STREAM_KEY_PATTERN, "change id or log position")] = None,
) -> ServerSentEvent:
    refuse_past_the_limit(services)
    resume = resume_from or after
    start = stream_queries.parse_key("Last-Event-ID/after", resume) if resume else await services.incident_feed.head()
    wanted = validate_event_types(tuple(types) if types else None, INCIDENT_TYPES) or tuple(INCIDENT_TYPES)
    return sse(services.incident_feed.follow(start, frozenset(wanted), keepalive_s=KEEPALIVE_S))


ROUTES: list[Any] = [list_incidents, incident_stream, get_incident]
