"""GET /stats: counts and fatality sums of events grouped by type, country, actor and/or an
interval of the day they occurred, under every filter /events takes (including release/as_of).

Reads the events themselves (rm_conflict_events, or rm_event_versions for a pinned read) with
the same filter SQL as /events, so a figure and the rows it counts can never disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import asyncpg
import msgspec

from infra.queries.common import Where
from infra.queries.events import EventQuery, filter_sql, source_sql

GroupBy = Literal["type", "country", "actor", "interval"]
Interval = Literal["day", "week", "month", "quarter", "year"]
_KEYS: dict[str, str] = {"type": "type", "country": "country", "actor": "actor"}


class StatsBucket(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One group: its key fields (those grouped by), how many events, and their summed killed."""

    count: int
    fatalities: int  # killed summed over the group's events that give a figure
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


def _key(group: GroupBy, where: Where, interval: Interval) -> tuple[str, str]:
    if group == "interval":
        # The cast to timestamp (without zone) keeps date_trunc independent of the session time zone.
        return "start", f"date_trunc({where.arg(interval)}, occurred_start::timestamp)::date"
    return group, _KEYS[group]
