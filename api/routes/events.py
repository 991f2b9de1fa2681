"""GET /events (filtered, keyset-paginated, in four formats) and GET /events/{id}."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from litestar import Request, Response, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIResponse, OpenAPIType, Operation, Schema
from litestar.params import FromQuery, PathParameter, QueryParameter
from litestar.response import Stream

from api import formats
from api.auth import require_scope
from api.consistency import ReadAfter
from api.errors import PROBLEM_JSON, Problem, problem_responses
from api.schemas import (
    AT_LEAST_ZERO,
    CURSOR_PATTERN,
    JSON_INT_MAX,
    LOG_POSITION_PATTERN,
    ActorsParam,
    BBoxParam,
    CountryParam,
    EventDetail,
    EventItem,
    EventTypesParam,
    ReviewStatusParam,
    UuidText,
    text_param,
)
from api.services import ServicesDep
from application import releases
from application.queries import events as queries
from application.queries import filters, totals
from domain.errors import NotFoundError

READ_GUARDS = [require_scope("read")]  # open unless CONFLICTDB_READ_KEYS_REQUIRED
_LIST_DOC = ResponseSpec(
    data_container=totals.Page[EventItem],
    description="JSON: a page of events with the filter's total. `format=` or Accept also give text/csv, "
    "application/geo+json and application/x-ndjson: every matching event (the first `limit` when given), "
    "streamed.",
)
_CSV_DOC = (
    "A header row, then one row per event: " + ", ".join(formats.CSV_COLUMNS) + f". Actors: the first "
    f"{formats.MAX_CSV_ACTORS} in the codebook's role order (name, code, role each); empty cells where absent."
)
_EXPORT_SCHEMAS = {
    formats.MEDIA_TYPES["csv"]: Schema(type=OpenAPIType.STRING, description=_CSV_DOC),
    formats.MEDIA_TYPES["geojson"]: Schema(
        type=OpenAPIType.OBJECT,
        description="An RFC 7946 FeatureCollection: one Feature per event (`id` the event id, `properties` "
        "the event as in JSON, `geometry` a Point or null when the event has no coordinates).",
        required=["type", "features"],
        properties={
            "type": Schema(type=OpenAPIType.STRING, const="FeatureCollection"),
            "features": Schema(type=OpenAPIType.ARRAY, items=Schema(type=OpenAPIType.OBJECT)),
        },
    ),
    formats.MEDIA_TYPES["ndjson"]: Schema(
        type=OpenAPIType.STRING, description="One event per line, each as an item of the JSON page"
    ),
}


@dataclass
class _EventListOperation(Operation):
    """GET /events: its 200 response declares the export media types beside JSON."""

    def __post_init__(self) -> None:
        ok = (self.responses or {}).get("200")
        if isinstance(ok, OpenAPIResponse):
            ok.content = {**(ok.content or {}), **{t: OpenAPIMediaType(schema=s) for t, s in _EXPORT_SCHEMAS.items()}}


TypeParam = EventTypesParam
ActorParam = ActorsParam
TextParam = UuidText
FromParam = Annotated[
    str | None,
    QueryParameter(min_length=1, format="date", name="from", description="Occurred on or after (YYYY-MM-DD)"),
]
ToParam = Annotated[
    str | None, QueryParameter(min_length=1, format="date", description="Occurred on or before (YYYY-MM-DD)")
]
ConfidenceParam = Annotated[float | None, QueryParameter(ge=0, schema_extra=AT_LEAST_ZERO, le=1)]
Admin1Param = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        max_length=32,
        pattern=r"^\s*[A-Za-z]{2}\.[A-Za-z0-9]{1,20}\s*$",
        # The divisions the gazetteer has places in (filters.admin1 names an unknown one); listed upper case.
        schema_extra={"enum": filters.admin1_codes()},
        description="First-level administrative division of the place, as GeoNames keys it (e.g. SY.09, any "
        "case; the list gives them upper case): `/places` gives each place's",
    ),
]
DEFAULT_LIMIT = 100
LimitParam = Annotated[
    int | None,
    QueryParameter(
        ge=1,
        le=JSON_INT_MAX,
        description=f"JSON: page size (default {DEFAULT_LIMIT}; pages hold at most {queries.MAX_LIMIT}, a larger "
        "limit gives pages of that many). CSV, GeoJSON, NDJSON: the most events to export (default: every match)",
    ),
]
FormatParam = Annotated[
    Literal["json", "csv", "geojson", "ndjson"] | None,
    QueryParameter(name="format", description="json, csv, geojson or ndjson"),
]


@get(
    "/events",
    tags=["events"],
    summary="Search conflict events",
    responses={200: _LIST_DOC, **problem_responses(404, 406)},
    guards=READ_GUARDS,
    operation_class=_EventListOperation,
)
async def list_events(
    services: ServicesDep,
    read_after: ReadAfter,
    request: Request[Any, Any, Any],
    type_: TypeParam = None,
    actor: ActorParam = None,
    country: CountryParam = None,
    place: Annotated[str | None, text_param("Place name (case-insensitive)")] = None,
    admin1: Admin1Param = None,
    bbox: BBoxParam = None,
    from_: FromParam = None,
    to: ToParam = None,
    q: Annotated[str | None, text_param("Full-text search over the evidence")] = None,
    article_id: TextParam = None,
    min_confidence: ConfidenceParam = None,
    review_status: ReviewStatusParam = None,
    include_rejected: Annotated[
        bool, QueryParameter(description="also list events a person rejected (left out by default)")
    ] = False,
    needs_rereview: Annotated[
        bool | None, QueryParameter(description="only events a re-extraction disagrees with (true) or not")
    ] = None,
    fatalities_min: Annotated[
        int | None,
        QueryParameter(
            ge=0, schema_extra=AT_LEAST_ZERO, le=2**31 - 1, description="only events with at least this many killed"
        ),
    ] = None,
    collapse: Annotated[
        Literal["incident"] | None,
        QueryParameter(description="incident: one row per incident (its first report; events in none stay)"),
    ] = None,
    release: Annotated[
        str | None,
        QueryParameter(min_length=1, max_length=64, description="the events exactly as the named release holds them"),
    ] = None,
    as_of: Annotated[
        str | None,
        QueryParameter(
            min_length=1,
            pattern=LOG_POSITION_PATTERN,
            description="the events as the read model held them at this log position",
        ),
    ] = None,
    changed_since: Annotated[
        str | None,
        QueryParameter(
            min_length=1,
            pattern=LOG_POSITION_PATTERN,
            description="only events created, updated, rejected or retracted after this log position, each in its "
            "latest form with `change` (created, updated, rejected, retracted) and `changed_at` (a position)",
        ),
    ] = None,
    sort: FromQuery[queries.Sort] = "recorded",
    order: FromQuery[queries.Order] = "desc",
    limit: LimitParam = None,
    cursor: Annotated[
        str | None,
        QueryParameter(min_length=1, pattern=CURSOR_PATTERN, description="`next_cursor` of the previous page"),
    ] = None,
    format_: FormatParam = None,
) -> Response[Any]:
    pinned = await releases.as_of_position(services.releases, services.read_positions, release=release, as_of=as_of)
    query = queries.build_query(
        types=type_, actors=actor, country=country, place=place, bbox=bbox, occurred_from=from_,
        occurred_to=to, q=q, article_id=article_id, min_confidence=min_confidence, review_status=review_status,
        include_rejected=include_rejected, needs_rereview=needs_rereview, as_of=pinned, changed_since=changed_since,
        fatalities_min=fatalities_min, collapse=collapse,
        sort=sort, order=order, admin1=admin1,
    )  # fmt: skip
    after = None if cursor is None else queries.decode_event_cursor(cursor, query)
    fmt = formats.negotiate(format_, request.headers.get("accept"))
    media_type = formats.MEDIA_TYPES[fmt]
    if fmt == "json":
        return await _json_page(services, query, after, limit)
    return Stream(_export(fmt, services, query, after, limit), media_type=media_type)


async def _json_page(
    services: ServicesDep, query: queries.EventQuery, after: queries.EventCursor | None, limit: int | None
) -> Response[Any]:
    size = min(limit or DEFAULT_LIMIT, queries.MAX_LIMIT)  # a larger limit gives full pages (exports take any)
    page, _ = await queries.fetch_page(services.read_pool, query, after, size)
    total = await queries.count(services.read_pool, query)
    body = formats.json_page(page.items, page.next_cursor, total)
    return Response(body, media_type=formats.MEDIA_TYPES["json"], headers=_next_headers(page.next_cursor))


def _export(
    fmt: formats.Format,
    services: ServicesDep,
    query: queries.EventQuery,
    after: queries.EventCursor | None,
    limit: int | None,
) -> AsyncIterator[bytes]:
    if fmt == "csv":
        return formats.csv_rows(queries.iterate_export(services.read_pool, query, after, limit))
    items = queries.iterate(services.read_pool, query, after, limit)
    return formats.geojson_features(items) if fmt == "geojson" else formats.ndjson_lines(items)


def _next_headers(next_cursor: str | None) -> dict[str, str] | None:
    return None if next_cursor is None else {"X-Next-Cursor": next_cursor}


class RetractedProblem(Problem, kw_only=True):
    """A 410 problem: the event existed and was withdrawn; `retraction` says by what."""

    retraction: queries.Retraction


@get(
    "/events/{event_id:str}",
    tags=["events"],
    summary="One event with its article and evidence",
    guards=READ_GUARDS,
    responses={
        200: ResponseSpec(data_container=EventDetail, description="The event"),
        410: ResponseSpec(
            data_container=RetractedProblem,
            media_type=PROBLEM_JSON,
            description="The event was retracted (a re-extraction no longer supports it): "
            "`retraction` gives the retraction's id, reason, extractor version and when it was recorded",
            generate_examples=False,
        ),
    },
)
async def get_event(
    request: Request[Any, Any, Any],
    services: ServicesDep,
    read_after: ReadAfter,
    event_id: Annotated[str, PathParameter(format="uuid")],
) -> Response[Any]:
    wanted = filters.parse_uuid("event id", event_id)
    found = await queries.fetch_one(services.read_pool, wanted)
    if found is not None:
        return Response(found, media_type="application/json")
    retraction = await queries.fetch_retraction(services.read_pool, wanted)
    if retraction is None:
        raise NotFoundError(f"no event {event_id}")
    return _gone(request, retraction)


def _gone(request: Request[Any, Any, Any], retraction: queries.Retraction) -> Response[RetractedProblem]:
    detail = (
        f"event retracted at {retraction.recorded_at.isoformat()} by extractor {retraction.extractor_version}: "
        f"{retraction.reason}"
    )
    body = RetractedProblem(title="Gone", status=410, detail=detail, instance=request.url.path, retraction=retraction)
    return Response(body, status_code=410, media_type=PROBLEM_JSON)


ROUTES = [list_events, get_event]
