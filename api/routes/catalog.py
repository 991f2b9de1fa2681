"""The catalog: GET /actors, /actors/{code}, /places and /stats/timeline."""

from __future__ import annotations

from typing import Annotated

from litestar import get
from litestar.params import FromQuery, QueryParameter

from api.auth import require_scope
from api.consistency import ReadAfter
from api.routes.events import Admin1Param
from api.schemas import CURSOR_PATTERN, ActorCodePath, ActorsParam, CountryParam, EventTypesParam, Timeline, text_param
from api.services import ServicesDep
from application.queries import actors, decode_cursor, events, filters, places, stats, timeline, totals
from domain.errors import NotFoundError

READ_GUARDS = [require_scope("read")]
MAX_LIMIT = 500
Limit = Annotated[int, QueryParameter(ge=1, le=MAX_LIMIT, description="Page size")]
Cursor = Annotated[
    str | None, QueryParameter(min_length=1, pattern=CURSOR_PATTERN, description="`next_cursor` of the previous page")
]
Search = Annotated[str | None, text_param("Substring of the name (or code), case-insensitive")]


@get("/actors", tags=["catalog"], summary="Actors by number of live events", guards=READ_GUARDS)
async def list_actors(
    services: ServicesDep, read_after: ReadAfter, q: Search = None, limit: Limit = 100, cursor: Cursor = None
) -> totals.Page[actors.ActorView]:
    after = None if cursor is None else decode_cursor(cursor, actors.ActorCursor)
    return await actors.list_actors(services.read_pool, filters.text("q", q), after, limit)


@get("/actors/{code:str}", tags=["catalog"], summary="One actor", guards=READ_GUARDS)
async def get_actor(services: ServicesDep, read_after: ReadAfter, code: ActorCodePath) -> actors.ActorView:
    [parsed] = filters.actor_codes([code])
    found = await actors.fetch_actor(services.read_pool, parsed)
    if found is None:
        raise NotFoundError(f"no actor {parsed} in any live event")
    return found


@get(
    "/places",
    tags=["catalog"],
    summary="Places by number of live events, with GeoNames id and first-level division (admin1)",
    guards=READ_GUARDS,
)
async def list_places(
    services: ServicesDep,
    read_after: ReadAfter,
    q: Search = None,
    country: CountryParam = None,
    admin1: Admin1Param = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> totals.Page[places.PlaceView]:
    after = None if cursor is None else decode_cursor(cursor, places.PlaceCursor)
    query, code, division = filters.text("q", q), filters.country(country), filters.admin1(admin1)
    return await places.list_places(services.read_pool, query, code, after, limit, admin1=division)


@get("/stats/timeline", tags=["catalog"], summary="Live events per type per interval", guards=READ_GUARDS)
async def get_timeline(
    services: ServicesDep,
    read_after: ReadAfter,
    interval: FromQuery[timeline.Interval] = "day",
    type_: EventTypesParam = None,
    from_: Annotated[
        str | None, QueryParameter(min_length=1, format="date", name="from", description="First day (YYYY-MM-DD)")
    ] = None,
    to: Annotated[str | None, QueryParameter(min_length=1, format="date", description="Last day (YYYY-MM-DD)")] = None,
    country: CountryParam = None,
    actor: ActorsParam = None,
) -> Timeline:
    start, end = filters.iso_date("from", from_), filters.iso_date("to", to)
    filters.date_range(start, end)
    types = filters.event_types(type_ or ())
    if country is None and not actor:
        items = await timeline.timeline(services.read_pool, interval, types, start, end)
        return Timeline(interval=interval, items=items)
    # The per-day counts know no country or actor: count the events themselves (dated ones).
    query = events.build_query(types=list(types), actors=actor, country=country, occurred_from=from_, occurred_to=to)
    buckets = await stats.stats(services.read_pool, query, ("interval", "type"), interval)
    items = [
        timeline.TimelineBucket(start=b.start, type=b.type, count=b.count)
        for b in buckets
        if b.start is not None and b.type is not None  # always set when grouped by interval and type
    ]
    return Timeline(interval=interval, items=items)


ROUTES = [list_actors, get_actor, list_places, get_timeline]
