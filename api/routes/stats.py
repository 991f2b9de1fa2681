"""GET /stats: counts and fatality sums by type, country, actor and interval, under the filters of
/events (a release or as_of included), of reports (`unit=events`, the default) or of incidents
(`unit=incidents`: each real-world occurrence once, however many articles report it)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import get
from litestar.params import QueryParameter

from api.auth import require_scope
from api.consistency import ReadAfter
from api.errors import problem_responses
from api.routes.events import Admin1Param, FromParam, ToParam
from api.schemas import (
    AT_LEAST_ZERO,
    LOG_POSITION_PATTERN,
    ActorsParam,
    BBoxParam,
    CountryParam,
    EventTypesParam,
    ReviewStatusParam,
    text_param,
)
from api.services import ServicesDep
from application import releases
from application.queries import events as queries
from application.queries import stats as queries_stats
from domain.errors import ValidationError

Text = Annotated[str | None, text_param()]


class Stats(msgspec.Struct, frozen=True, kw_only=True):
    unit: str
    group_by: list[str]
    interval: str | None
    items: list[queries_stats.StatsBucket]


@get(
    "/stats",
    guards=[require_scope("read")],
    tags=["catalog"],
    responses=problem_responses(404),
    summary="Counts and fatality sums of events or incidents by type, country, actor and/or interval",
    description="`group_by` is repeatable (type, country, actor, interval; none: one total); `interval` is day, "
    "week, month, quarter or year (grouping by interval leaves undated rows out). Every /events filter applies. "
    "`unit=events` (the default) counts reports: two articles about one air strike count twice. "
    "`unit=incidents` counts each incident once (GET /incidents): by the type, best place, date range and "
    "actors of the incident, `fatalities` the sum of each incident's best estimate of killed with "
    "`fatalities_low`/`fatalities_high` the sums of the lowest and highest reported; `min_sources` "
    "(distinct articles) applies; `q`, `review_status` and `needs_rereview` keep the incidents with at least one "
    "matching member event; `fatalities_min` and `min_confidence` compare the incident's best killed and "
    "confidence. Rejected events are in no incident. `release`/`as_of` pin events only (400 with incidents).",
)
async def get_stats(
    services: ServicesDep,
    read_after: ReadAfter,
    group_by: Annotated[
        list[queries_stats.GroupBy] | None, QueryParameter(max_items=3, description="repeatable, at most three")
    ] = None,
    interval: Annotated[
        queries_stats.Interval, QueryParameter(description="day, week, month, quarter, year")
    ] = "month",
    type_: EventTypesParam = None,
    actor: ActorsParam = None,
    country: CountryParam = None,
    place: Text = None,
    admin1: Admin1Param = None,
    bbox: BBoxParam = None,
    from_: FromParam = None,
    to: ToParam = None,
    q: Text = None,
    min_confidence: Annotated[float | None, QueryParameter(ge=0, schema_extra=AT_LEAST_ZERO, le=1)] = None,
    fatalities_min: Annotated[int | None, QueryParameter(ge=0, schema_extra=AT_LEAST_ZERO, le=2**31 - 1)] = None,
    review_status: ReviewStatusParam = None,
    include_rejected: Annotated[bool, QueryParameter(description="count rejected events too")] = False,
    release: Annotated[str | None, QueryParameter(min_length=1, max_length=64)] = None,
    as_of: Annotated[
        str | None,
        QueryParameter(min_length=1, pattern=LOG_POSITION_PATTERN, description="count as the read model held it here"),
    ] = None,
    unit: Annotated[
        queries_stats.Unit, QueryParameter(description="events (reports, the default) or incidents")
    ] = "events",
    min_sources: Annotated[
        int | None,
        QueryParameter(
            ge=0, schema_extra=AT_LEAST_ZERO, le=2**31 - 1, description="unit=incidents: at least this many articles"
        ),
    ] = None,
) -> Stats:
    groups = tuple(dict.fromkeys(group_by or ()))
    if len(groups) > 3:
        raise ValidationError("group_by: at most three of type, country, actor, interval")
    if unit == "events" and min_sources is not None:
        raise ValidationError("min_sources: counts an incident's articles; use it with unit=incidents")
    if unit == "incidents" and (release is not None or as_of is not None):
        raise ValidationError("release/as_of: the incidents keep no versions; pin events with unit=events")
    pinned = await releases.as_of_position(services.releases, services.read_positions, release=release, as_of=as_of)
    query = queries.build_query(
        types=type_, actors=actor, country=country, place=place, bbox=bbox, occurred_from=from_, occurred_to=to,
        q=q, min_confidence=min_confidence, fatalities_min=fatalities_min, review_status=review_status,
        include_rejected=include_rejected, as_of=pinned, admin1=admin1,
    )  # fmt: skip
    if unit == "incidents":
        items = await queries_stats.incident_stats(services.read_pool, query, min_sources, groups, interval)
    else:
        items = await queries_stats.stats(services.read_pool, query, groups, interval)
    return Stats(unit=unit, group_by=list(groups), interval=interval if "interval" in groups else None, items=items)


ROUTES = [get_stats]
