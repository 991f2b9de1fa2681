"""Reads of `rm_places`: places events happened at, with coordinates, event counts, and each place's
GeoNames id and first-level administrative division (admin1)."""

from __future__ import annotations

import datetime as dt

import asyncpg
import msgspec

from infra.queries.common import Count, Where, encode_cursor, like_pattern
from infra.queries.totals import Page, count_matches, page


class PlaceView(msgspec.Struct, kw_only=True):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    geonameid: int | None  # GeoNames' id of the place (a country's for a country); None when unknown
    admin1: str | None  # GeoNames' key of its first-level division (`SY.09`); None for countries, wide regions
    event_count: int
    first_seen: dt.date | None
    last_seen: dt.date | None


class PlaceCursor(msgspec.Struct, frozen=True, array_like=True):
    event_count: Count = 0
    name: str = ""
    country: str = ""


_SELECT = """SELECT name, NULLIF(country, '') AS country, lat, lon, precision, geonameid, admin1,
       event_count, first_seen, last_seen
FROM rm_places"""


async def list_places(
    pool: asyncpg.Pool,
    q: str | None,
    country: str | None,
    cursor: PlaceCursor | None,
    limit: int,
    admin1: str | None = None,
) -> Page[PlaceView]:
    """Places by event count (most first), optionally filtered by a name substring, country and admin1."""
    where = Where()
    if q is not None:
        where.add(f"name ILIKE {where.arg(like_pattern(q))}")
    if country is not None:
        where.add(f"country = {where.arg(country)}")
    if admin1 is not None:
        where.add(f"admin1 = {where.arg(admin1)}")
    total = await count_matches(pool, "rm_places", where)
    if cursor is not None:
        count = where.arg(cursor.event_count)
        key = f"({where.arg(cursor.name)}, {where.arg(cursor.country)})"
        where.add(f"(event_count < {count} OR (event_count = {count} AND (name, country) > {key}))")
    sql = f"{_SELECT} {where.sql()} ORDER BY event_count DESC, name, country LIMIT {where.arg(limit + 1)}"
    rows = await pool.fetch(sql, *where.args)
    items = [PlaceView(**dict(r)) for r in rows[:limit]]
    following = None
    if len(rows) > limit:
        last = items[-1]
        following = encode_cursor(PlaceCursor(last.event_count, last.name, last.country or ""))
    return page(items, following, total)
