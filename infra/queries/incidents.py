"""Reads of the incidents read model: filtered, keyset-paginated pages and one incident by id.

Rows keep the incident as served (`body`, domain.incidents.projection.IncidentView), selected
as text so a page is served without decoding. Each sort has a non-null key (undated incidents
sort as the oldest, incidents without a death toll as -1) and the incident id breaks ties, so
the cursor (key, id) pages without gaps or repeats.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Literal

import asyncpg
import msgspec

from domain.errors import ValidationError
from infra.queries import filters
from infra.queries.common import INT_MAX, Where, admin1_filter, decode_cursor, encode_cursor, shared_filters
from infra.queries.totals import Total, count_matches

Sort = Literal["date", "sources", "fatalities"]
Order = Literal["asc", "desc"]
MAX_LIMIT = 500

_CASTS: dict[Sort, str] = {"date": "date", "sources": "int", "fatalities": "int"}
_KEYS: dict[Sort, str] = {
    "date": "coalesce(occurred_start, first_reported, DATE '0001-01-01')",
    "sources": "article_count",
    "fatalities": "coalesce(killed_best, -1)",
}


class IncidentQuery(msgspec.Struct, frozen=True, kw_only=True):
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    country: str | None = None
    admin1: str | None = None  # GeoNames' key of a first-level division of the best place (SY.09)
    occurred_from: dt.date | None = None
    occurred_to: dt.date | None = None
    min_sources: int | None = None
    min_fatalities: int | None = None
    sort: Sort = "date"
    order: Order = "desc"


class IncidentCursor(msgspec.Struct, frozen=True, array_like=True):
    sort: Sort
    order: Order
    key: Annotated[int, msgspec.Meta(ge=-1, le=INT_MAX)] | dt.date
    incident_id: uuid.UUID


class IncidentPage(msgspec.Struct, frozen=True):
    items: list[bytes]
    next_cursor: str | None


_MEMBER_EVENTS = """
SELECT coalesce(jsonb_agg((e.body || jsonb_build_object('incident_id', m.incident_id)) ORDER BY m.global_position),
                '[]'::jsonb)::text
FROM rm_incident_members m JOIN rm_conflict_events e ON e.event_id = m.event_id
WHERE m.incident_id = $1"""

_ARTICLES = """
SELECT coalesce(jsonb_agg(jsonb_build_object(
           'id', ia.article_id, 'outlet', ia.outlet, 'published', ia.published,
           'title', a.title, 'url', a.url, 'source', a.source) ORDER BY ia.published NULLS LAST, ia.article_id),
       '[]'::jsonb)::text
FROM rm_incident_articles ia LEFT JOIN rm_articles a ON a.article_id = ia.article_id
WHERE ia.article_id IN (SELECT article_id FROM rm_incident_members WHERE incident_id = $1)"""

_DECISIONS = """
SELECT coalesce(jsonb_agg(body ORDER BY global_position, event_id), '[]'::jsonb)::text
FROM rm_incident_decisions
WHERE incident_id = $1 OR event_id IN (SELECT event_id FROM rm_incident_members WHERE incident_id = $1)"""


def build_query(
    *,
    types: list[str] | None = None,
    actors: list[str] | None = None,
    country: str | None = None,
    occurred_from: str | None = None,
    occurred_to: str | None = None,
    min_sources: int | None = None,
    min_fatalities: int | None = None,
    sort: Sort = "date",
    order: Order = "desc",
    admin1: str | None = None,
) -> IncidentQuery:
    """A validated IncidentQuery from raw query-string values; ValidationError names the bad one."""
    start, end = filters.iso_date("from", occurred_from), filters.iso_date("to", occurred_to)
    filters.date_range(start, end)
    for name, value in (("min_sources", min_sources), ("min_fatalities", min_fatalities)):
        if value is not None and not 0 <= value <= INT_MAX:
            raise ValidationError(f"{name}: must lie within 0..{INT_MAX}")
    return IncidentQuery(
        types=filters.event_types(types or ()),
        actors=filters.actor_codes(actors or ()),
        country=filters.country(country),
        admin1=filters.admin1(admin1),
        occurred_from=start,
        occurred_to=end,
        min_sources=min_sources,
        min_fatalities=min_fatalities,
        sort=sort,
        order=order,
    )


def decode_incident_cursor(raw: str, query: IncidentQuery) -> IncidentCursor:
    cursor = decode_cursor(raw, IncidentCursor)
    if (cursor.sort, cursor.order) != (query.sort, query.order):
        raise ValidationError(
            f"cursor: issued for sort={cursor.sort}&order={cursor.order}, not sort={query.sort}&order={query.order}"
        )
    if isinstance(cursor.key, dt.date) != (cursor.sort == "date"):
        raise ValidationError("cursor: not a cursor this endpoint issued")
    return cursor


def filter_sql(query: IncidentQuery, where: Where) -> None:
    shared_filters(
        where,
        types=tuple(query.types),
        actors=tuple(query.actors),
        country=query.country,
        occurred_from=query.occurred_from,
        occurred_to=query.occurred_to,
    )
    admin1_filter(where, query.admin1)
    if query.min_sources is not None:
        where.add(f"article_count >= {where.arg(query.min_sources)}")
    if query.min_fatalities is not None:
        where.add(f"killed_best >= {where.arg(query.min_fatalities)}")


def page_sql(query: IncidentQuery, cursor: IncidentCursor | None, limit: int) -> tuple[str, list[object]]:
    where = Where()
    filter_sql(query, where)
    key, direction = _KEYS[query.sort], "ASC" if query.order == "asc" else "DESC"
    if cursor is not None:
        op = ">" if query.order == "asc" else "<"
        after = f"{where.arg(cursor.key)}::{_CASTS[query.sort]}, {where.arg(cursor.incident_id)}::uuid"
        where.add(f"({key}, incident_id) {op} ({after})")
    sql = (
        f"SELECT body::text AS body, {key} AS key, incident_id FROM rm_incidents {where.sql()} "
        f"ORDER BY {key} {direction}, incident_id {direction} LIMIT {where.arg(limit + 1)}"
    )
    return sql, where.args


async def fetch_page(
    conn: asyncpg.Connection | asyncpg.Pool, query: IncidentQuery, cursor: IncidentCursor | None, limit: int
) -> IncidentPage:
    sql, args = page_sql(query, cursor, limit)
    rows = await conn.fetch(sql, *args)
    more, rows = len(rows) > limit, rows[:limit]
    following = IncidentCursor(query.sort, query.order, rows[-1]["key"], rows[-1]["incident_id"]) if more else None
    return IncidentPage(
        items=[r["body"].encode() for r in rows],
        next_cursor=encode_cursor(following) if following is not None else None,
    )


async def count(conn: asyncpg.Connection | asyncpg.Pool, query: IncidentQuery) -> Total:
    where = Where()
    filter_sql(query, where)
    return await count_matches(conn, "rm_incidents", where)


async def fetch_one(pool: asyncpg.Pool, incident_id: uuid.UUID) -> bytes | None:
    """The incident as served, with its member events, articles (and outlets) and decisions."""
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
        body = await conn.fetchval("SELECT body::text FROM rm_incidents WHERE incident_id = $1", incident_id)
        if body is None:
            return None
        events = await conn.fetchval(_MEMBER_EVENTS, incident_id)
        articles = await conn.fetchval(_ARTICLES, incident_id)
        decisions = await conn.fetchval(_DECISIONS, incident_id)
    return b"".join(
        (
            str(body).encode()[:-1],
            b',"events":',
            str(events).encode(),
            b',"articles":',
            str(articles).encode(),
            b',"decisions":',
            str(decisions).encode(),
            b"}",
        )
    )


EXPORT_BATCH = 1_000  # incidents per keyset read of an export


async def iterate(
    pool: asyncpg.Pool, query: IncidentQuery, cursor: IncidentCursor | None = None, limit: int | None = None
) -> AsyncIterator[bytes]:
    """Every matching incident as served (its `body`), from `cursor` on and in the query's sort (the first
    `limit` when given), read in keyset batches: each batch holds a pooled connection only while it runs."""
    remaining = limit
    while remaining is None or remaining > 0:
        size = EXPORT_BATCH if remaining is None else min(EXPORT_BATCH, remaining)
        sql, args = page_sql(query, cursor, size)
        rows = await pool.fetch(sql, *args)
        for row in rows[:size]:
            yield row["body"].encode()
        if len(rows) <= size:
            return
        last = rows[size - 1]
        cursor = IncidentCursor(query.sort, query.order, last["key"], last["incident_id"])
        if remaining is not None:
            remaining -= size
