"""GET /stats: event counts and fatality sums by type, country, actor and interval, under the
filters of /events (a release or as_of included)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import get
from litestar.params import QueryParameter

from api.auth import require_scope
from api.consistency import ReadAfter
from api.routes.events import Admin1Param
from api.services import ServicesDep
from application import releases
from application.queries import events as queries
from application.queries import stats as queries_stats
from domain.errors import ValidationError

Text = Annotated[str | None, QueryParameter(min_length=1)]
Many = Annotated[list[str] | None, QueryParameter(description="repeatable")]


class Stats(msgspec.Struct, frozen=True, kw_only=True):
    group_by: list[str]
    interval: str | None
    items: list[queries_stats.StatsBucket]


@get(
    "/stats",
    guards=[require_scope("read")],
    tags=["catalog"],
    summary="Event counts and fatality sums grouped by type, country, actor and/or interval, under /events filters",
    description="`group_by` is repeatable (type, country, actor, interval; none: one total); `interval` is day, "
    "week, month, quarter or year (grouping by interval leaves undated events out). Every /events filter applies.",
)
async def get_stats(
    services: ServicesDep,
    read_after: ReadAfter,
    group_by: Annotated[list[queries_stats.GroupBy] | None, QueryParameter(description="repeatable")] = None,
    interval: Annotated[
        queries_stats.Interval, QueryParameter(description="day, week, month, quarter, year")
    ] = "month",
    type_: Annotated[list[str] | None, QueryParameter(name="type", description="Event type (repeatable)")] = None,
    actor: Annotated[list[str] | None, QueryParameter(description="Actor code (repeatable: any of them)")] = None,
    country: Text = None,
    place: Text = None,
    admin1: Admin1Param = None,
    bbox: Text = None,
    from_: Annotated[str | None, QueryParameter(min_length=1, name="from", description="YYYY-MM-DD")] = None,
    to: Annotated[str | None, QueryParameter(min_length=1, description="YYYY-MM-DD")] = None,
    q: Text = None,
    min_confidence: Annotated[float | None, QueryParameter(ge=0, le=1)] = None,
    fatalities_min: Annotated[int | None, QueryParameter(ge=0, le=2**31 - 1)] = None,
    review_status: Many = None,
    include_rejected: Annotated[bool, QueryParameter(description="count rejected events too")] = False,
    release: Annotated[str | None, QueryParameter(min_length=1, max_length=64)] = None,
    as_of: Text = None,
) -> Stats:
    groups = tuple(dict.fromkeys(group_by or ()))
    if len(groups) > 3:
        raise ValidationError("group_by: at most three of type, country, actor, interval")
    pinned = await releases.as_of_position(services.releases, services.positions, release=release, as_of=as_of)
    query = queries.build_query(
        types=type_, actors=actor, country=country, place=place, bbox=bbox, occurred_from=from_, occurred_to=to,
        q=q, min_confidence=min_confidence, fatalities_min=fatalities_min, review_status=review_status,
        include_rejected=include_rejected, as_of=pinned, admin1=admin1,
    )  # fmt: skip
    items = await queries_stats.stats(services.pool, query, groups, interval)
    return Stats(group_by=list(groups), interval=interval if "interval" in groups else None, items=items)


ROUTES = [get_stats]
