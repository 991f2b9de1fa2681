"""GET /stats: counts and fatality sums of events grouped by type, country, actor and/or an
interval of the day they occurred, under every filter /events takes (including release/as_of).

`unit=events` reads the events themselves (rm_conflict_events, or rm_event_versions for a pinned
read) with the same filter SQL as /events, so a figure and the rows it counts can never disagree.
`unit=incidents` counts each real-world occurrence once (rm_incidents): its type, best place,
date range and actors as /incidents filters them, its killed as UCDP's low/best/high summed, and
the /events filters that concern one report (`q`, `review_status`) keep the incidents with at
least one such member. Rejected events are in no incident, so `include_rejected` changes nothing
there; the incidents keep no versions, so `release`/`as_of` are refused with unit=incidents.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import asyncpg
import msgspec

from infra.queries.common import Where, admin1_filter, shared_filters
from infra.queries.events import EventQuery, bbox_sql, filter_sql, source_sql

GroupBy = Literal["type", "country", "actor", "interval"]
Interval = Literal["day", "week", "month", "quarter", "year"]
Unit = Literal["events", "incidents"]
_KEYS: dict[str, str] = {"type": "type", "country": "country", "actor": "actor"}


class StatsBucket(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One group: its key fields (those grouped by), how many events (or incidents), and their summed killed."""

    count: int
    fatalities: int  # killed summed over the group's events that give a figure (incidents: their best)
    fatalities_low: int | None = None  # incidents only: the lowest and highest reported, summed
    fatalities_high: int | None = None
    type: str | None = None
    country: str | None = None
    actor: str | None = None
    start: dt.date | None = None  # the interval's first day (weeks start on Monday)


async def stats(
    pool: asyncpg.Pool, query: EventQuery, group_by: tuple[GroupBy, ...], interval: Interval
) -> list[StatsBucket]:
    where = Where()
    source = source_sql(query, where)
    filter_sql(query, where)
    if "interval" in group_by:
        where.add("occurred_start IS NOT NULL")
    keys = [_key(g, where, interval) for g in group_by]
    from_clause = source + (" CROSS JOIN LATERAL unnest(actor_codes) AS actor" if "actor" in group_by else "")
    selected = ", ".join(f"{expr} AS {name}" for name, expr in keys)
    grouping = ", ".join(str(i) for i in range(1, len(keys) + 1))
    sql = f"""SELECT {selected}{", " if keys else ""}count(*) AS count, COALESCE(sum(killed), 0) AS fatalities
              FROM {from_clause} {where.sql()}
              {f"GROUP BY {grouping} ORDER BY {grouping}" if keys else ""}"""
    rows = await pool.fetch(sql, *where.args)
    return [StatsBucket(**dict(r)) for r in rows]


async def incident_stats(
    pool: asyncpg.Pool, query: EventQuery, min_sources: int | None, group_by: tuple[GroupBy, ...], interval: Interval
) -> list[StatsBucket]:
    """As `stats`, counting incidents (rm_incidents) instead of reports."""
    where = Where()
    incident_filter_sql(query, min_sources, where)
    if "interval" in group_by:
        where.add("occurred_start IS NOT NULL")
    keys = [_key(g, where, interval) for g in group_by]
    from_clause = "rm_incidents" + (" CROSS JOIN LATERAL unnest(actor_codes) AS actor" if "actor" in group_by else "")
    selected = ", ".join(f"{expr} AS {name}" for name, expr in keys)
    grouping = ", ".join(str(i) for i in range(1, len(keys) + 1))
    sql = f"""SELECT {selected}{", " if keys else ""}count(*) AS count, COALESCE(sum(killed_best), 0) AS fatalities,
                     COALESCE(sum(killed_low), 0) AS fatalities_low, COALESCE(sum(killed_high), 0) AS fatalities_high
              FROM {from_clause} {where.sql()}
              {f"GROUP BY {grouping} ORDER BY {grouping}" if keys else ""}"""
    rows = await pool.fetch(sql, *where.args)
    return [StatsBucket(**dict(r)) for r in rows]


def incident_filter_sql(query: EventQuery, min_sources: int | None, where: Where) -> None:
    """The /events filters as they apply to an incident: its own columns, or (for what concerns one report's
    text or review) an incident with at least one member event that matches."""
    shared_filters(
        where,
        types=query.types,
        actors=query.actors,
        country=query.country,
        occurred_from=query.occurred_from,
        occurred_to=query.occurred_to,
    )
    admin1_filter(where, query.admin1)
    if query.place is not None:
        where.add(f"lower(location_name) = lower({where.arg(query.place)})")
    if query.bbox is not None:
        bbox_sql(query.bbox, where)
    if query.min_confidence is not None:
        where.add(f"confidence >= {where.arg(query.min_confidence)}")
    if query.fatalities_min is not None:
        where.add(f"killed_best >= {where.arg(query.fatalities_min)}")
    if min_sources is not None:
        where.add(f"article_count >= {where.arg(min_sources)}")
    members = _member_conditions(query, where)
    if members:
        where.add(
            "incident_id IN (SELECT m.incident_id FROM rm_incident_members m "
            f"JOIN rm_conflict_events e ON e.event_id = m.event_id WHERE {' AND '.join(members)})"
        )


def _member_conditions(query: EventQuery, where: Where) -> list[str]:
    conditions = []
    if query.q is not None:
        q = where.arg(query.q)
        conditions.append(f"e.search @@ (websearch_to_tsquery('german', {q}) || websearch_to_tsquery('english', {q}))")
    if query.article_id is not None:
        conditions.append(f"e.article_id = {where.arg(query.article_id)}")
    if query.review_status:
        conditions.append(f"e.review_status = ANY({where.arg(list(query.review_status))}::text[])")
    if query.needs_rereview is not None:
        conditions.append(f"e.needs_rereview = {where.arg(query.needs_rereview)}")
    return conditions


def _key(group: GroupBy, where: Where, interval: Interval) -> tuple[str, str]:
    if group == "interval":
        # The cast to timestamp (without zone) keeps date_trunc independent of the session time zone.
        return "start", f"date_trunc({where.arg(interval)}, occurred_start::timestamp)::date"
    return group, _KEYS[group]
