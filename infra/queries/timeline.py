"""Reads of `rm_timeline`: event counts per type per day, per week or per month."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import asyncpg
import msgspec

from infra.queries.common import Where

Interval = Literal["day", "week", "month", "year"]


class TimelineBucket(msgspec.Struct, kw_only=True):
    """Events of `type` that occurred in the interval starting on `start` (weeks start on Monday)."""

    start: dt.date
    type: str
    count: int


async def timeline(
    pool: asyncpg.Pool,
    interval: Interval,
    types: tuple[str, ...] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[TimelineBucket]:
    where = Where()
    # The cast to timestamp (without zone) keeps date_trunc independent of the session time zone.
    bucket = f"date_trunc({where.arg(interval)}, day::timestamp)::date"
    if types:
        where.add(f"type = ANY({where.arg(list(types))}::text[])")
    if start is not None:
        where.add(f"day >= {where.arg(start)}")
    if end is not None:
        where.add(f"day <= {where.arg(end)}")
    sql = f"""SELECT {bucket} AS start, type, sum(event_count)::bigint AS count
              FROM rm_timeline {where.sql()} GROUP BY 1, 2 ORDER BY 1, 2"""
    rows = await pool.fetch(sql, *where.args)
    return [TimelineBucket(start=r["start"], type=r["type"], count=r["count"]) for r in rows]
