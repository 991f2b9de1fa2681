"""Reads of `rm_conflict_events`: filtered, keyset-paginated pages and one event by id.

Rows keep the event in its wire format (`body`), selected as text so a page is served
without decoding and re-encoding JSON. Pages are keyset-paginated: the cursor holds the
last row's sort key, so a page costs the same however deep the client has paged.
`recorded` order is the log's order `(tx_id, global_position)`: the projection writes in
that order, so a client paging ascending never misses a row that lands later.
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
from infra.queries.common import BIGINT_MAX, Where, decode_cursor, encode_cursor
from infra.queries.filters import BBox
from infra.queries.totals import Total, count_matches

Sort = Literal["recorded", "occurred"]
Order = Literal["asc", "desc"]
MAX_LIMIT = 500
STREAM_BATCH = 1000


class EventQuery(msgspec.Struct, frozen=True, kw_only=True):
    """A validated filter over live conflict events (see infra.queries.filters for parsing)."""

    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    country: str | None = None
    place: str | None = None
    bbox: BBox | None = None
    occurred_from: dt.date | None = None
    occurred_to: dt.date | None = None
    q: str | None = None
    article_id: uuid.UUID | None = None
    min_confidence: float | None = None
    sort: Sort = "recorded"
    order: Order = "desc"


class EventCursor(msgspec.Struct, frozen=True, array_like=True):
    """The last row's key; `sort`/`order` bind it to the ordering that issued it."""

    sort: Sort
    order: Order
    tx_id: Annotated[int, msgspec.Meta(ge=0, le=BIGINT_MAX)] = 0
    position: Annotated[int, msgspec.Meta(ge=0, le=BIGINT_MAX)] = 0
    occurred: dt.date | None = None
    event_id: uuid.UUID | None = None


class EventPage(msgspec.Struct, frozen=True):
    """Wire-format JSON of each event, in order, and the cursor of the next page."""

    items: list[bytes]
    next_cursor: str | None


class ExportRow(msgspec.Struct, frozen=True, kw_only=True):
    """An event's wire JSON with the facts an export adds: its article's and its extraction's."""

    body: bytes
    source: str | None
    source_url: str | None
    published_at: str | None
    extractor_version: str | None


# Every served event carries its incident (null until the incidents projection has linked it).
_WITH_INCIDENT = """(body || jsonb_build_object('incident_id', (SELECT m.incident_id FROM rm_incident_members m
                     WHERE m.event_id = rm_conflict_events.event_id)))::text"""
_SELECT = (
    f"SELECT {_WITH_INCIDENT} AS body, tx_id, global_position, occurred_start, event_id, article_id"
    " FROM rm_conflict_events"
)

_ORDER = {
    ("recorded", "asc"): "ORDER BY tx_id, global_position",
    ("recorded", "desc"): "ORDER BY tx_id DESC, global_position DESC",
    ("occurred", "asc"): "ORDER BY occurred_start ASC NULLS LAST, event_id ASC",
    ("occurred", "desc"): "ORDER BY occurred_start DESC NULLS LAST, event_id DESC",
}

# The page query, unchanged, joined to its article and its log entry (whose metadata names
# the extractor). The laterals expose only their aliased columns, so the page's filters
# and order keep naming rm_conflict_events' columns unqualified.
_EXPORT = """
SELECT p.body, p.tx_id, p.global_position, p.occurred_start, p.event_id,
       a.source, a.source_url, a.published_at, m.extractor_version
FROM ({page}) AS p
LEFT JOIN LATERAL (SELECT source, url AS source_url, published_at FROM rm_articles
                   WHERE rm_articles.article_id = p.article_id) AS a ON true
LEFT JOIN LATERAL (SELECT metadata->>'extractor_version' AS extractor_version FROM events
                   WHERE events.event_id = p.event_id) AS m ON true
{order}"""

_BY_ID = """
SELECT (e.body || jsonb_build_object('incident_id', (SELECT m.incident_id FROM rm_incident_members m
                                                     WHERE m.event_id = e.event_id))
               || jsonb_build_object('article', CASE WHEN a.article_id IS NULL THEN NULL ELSE
          jsonb_build_object('id', a.article_id, 'title', a.title, 'url', a.url,
                             'source', a.source, 'published_at', a.published_at) END))::text
FROM rm_conflict_events e LEFT JOIN rm_articles a ON a.article_id = e.article_id
WHERE e.event_id = $1"""


def decode_event_cursor(raw: str, query: EventQuery) -> EventCursor:
    cursor = decode_cursor(raw, EventCursor)
    if (cursor.sort, cursor.order) != (query.sort, query.order):
        raise ValidationError(
            f"cursor: issued for sort={cursor.sort}&order={cursor.order}, not sort={query.sort}&order={query.order}"
        )
    if cursor.sort == "occurred" and cursor.event_id is None:
        raise ValidationError("cursor: not a cursor this endpoint issued")
    return cursor


def filter_sql(query: EventQuery, where: Where) -> None:
    """Add the query's filters to `where`."""
    if query.types:
        where.add(f"type = ANY({where.arg(list(query.types))}::text[])")
    if query.actors:
        where.add(f"actor_codes && {where.arg(list(query.actors))}::text[]")
    if query.country is not None:
        where.add(f"country = {where.arg(query.country)}")
    if query.place is not None:
        where.add(f"lower(location_name) = lower({where.arg(query.place)})")
    if query.bbox is not None:
        _bbox_sql(query.bbox, where)
    if query.occurred_from is not None:
        where.add(f"occurred_end >= {where.arg(query.occurred_from)}")
    if query.occurred_to is not None:
        where.add(f"occurred_start <= {where.arg(query.occurred_to)}")
    if query.q is not None:
        q = where.arg(query.q)
        where.add(f"search @@ (websearch_to_tsquery('german', {q}) || websearch_to_tsquery('english', {q}))")
    if query.article_id is not None:
        where.add(f"article_id = {where.arg(query.article_id)}")
    if query.min_confidence is not None:
        where.add(f"confidence >= {where.arg(query.min_confidence)}")


def _bbox_sql(bbox: BBox, where: Where) -> None:
    where.add(f"lat BETWEEN {where.arg(bbox.min_lat)} AND {where.arg(bbox.max_lat)}")
    lo, hi = where.arg(bbox.min_lon), where.arg(bbox.max_lon)
    if bbox.min_lon <= bbox.max_lon:
        where.add(f"lon BETWEEN {lo} AND {hi}")
    else:  # the box crosses the antimeridian
        where.add(f"(lon >= {lo} OR lon <= {hi})")


def _after_sql(cursor: EventCursor, where: Where) -> None:
    """Rows strictly after the cursor in the cursor's order (undated rows sort last)."""
    op = ">" if cursor.order == "asc" else "<"
    if cursor.sort == "recorded":
        where.add(f"(tx_id, global_position) {op} ({where.arg(cursor.tx_id)}, {where.arg(cursor.position)})")
    elif cursor.occurred is None:
        where.add(f"occurred_start IS NULL AND event_id {op} {where.arg(cursor.event_id)}")
    else:
        key = f"({where.arg(cursor.occurred)}::date, {where.arg(cursor.event_id)}::uuid)"
        where.add(f"((occurred_start, event_id) {op} {key} OR occurred_start IS NULL)")


def page_sql(query: EventQuery, cursor: EventCursor | None, limit: int) -> tuple[str, list[object]]:
    """The statement and arguments for one page of `limit` rows (plus one to detect a next page)."""
    where = Where()
    filter_sql(query, where)
    if cursor is not None:
        _after_sql(cursor, where)
    sql = f"{_SELECT} {where.sql()} {_ORDER[(query.sort, query.order)]} LIMIT {where.arg(limit + 1)}"
    return sql, where.args


def _cursor_of(row: asyncpg.Record, query: EventQuery) -> EventCursor:
    if query.sort == "recorded":
        return EventCursor(query.sort, query.order, tx_id=row["tx_id"], position=row["global_position"])
    return EventCursor(query.sort, query.order, occurred=row["occurred_start"], event_id=row["event_id"])


async def fetch_page(
    conn: asyncpg.Connection | asyncpg.Pool, query: EventQuery, cursor: EventCursor | None, limit: int
) -> tuple[EventPage, EventCursor | None]:
    """One page of events after `cursor`, and the cursor of the next page (None at the end)."""
    sql, args = page_sql(query, cursor, limit)
    rows = await conn.fetch(sql, *args)
    more = len(rows) > limit
    rows = rows[:limit]
    following = _cursor_of(rows[-1], query) if more else None
    page = EventPage(
        items=[r["body"].encode() for r in rows],
        next_cursor=encode_cursor(following) if following is not None else None,
    )
    return page, following


async def count(conn: asyncpg.Connection | asyncpg.Pool, query: EventQuery) -> Total:
    """How many events the query's filters match (whatever the cursor)."""
    where = Where()
    filter_sql(query, where)
    return await count_matches(conn, "rm_conflict_events", where)


async def iterate(
    pool: asyncpg.Pool, query: EventQuery, cursor: EventCursor | None = None, limit: int | None = None
) -> AsyncIterator[bytes]:
    """Every matching event from `cursor` on (the first `limit` when given), in keyset batches.

    Each batch takes a pooled connection only while it runs, so a slow reader holds no
    connection and no transaction open between batches, and memory holds one batch.
    """
    async for row in _batches(pool, query, cursor, limit, export=False):
        yield row["body"].encode()


async def iterate_export(
    pool: asyncpg.Pool, query: EventQuery, cursor: EventCursor | None = None, limit: int | None = None
) -> AsyncIterator[ExportRow]:
    """As `iterate`, each event with its article's source, URL and date and its extractor version."""
    async for row in _batches(pool, query, cursor, limit, export=True):
        yield ExportRow(
            body=row["body"].encode(),
            source=row["source"],
            source_url=row["source_url"],
            published_at=row["published_at"],
            extractor_version=row["extractor_version"],
        )


async def _batches(
    pool: asyncpg.Pool, query: EventQuery, cursor: EventCursor | None, limit: int | None, *, export: bool
) -> AsyncIterator[asyncpg.Record]:
    remaining = limit
    while remaining is None or remaining > 0:
        size = STREAM_BATCH if remaining is None else min(STREAM_BATCH, remaining)
        sql, args = page_sql(query, cursor, size)
        if export:
            sql = _EXPORT.format(page=sql, order=_ORDER[(query.sort, query.order)])
        rows = await pool.fetch(sql, *args)
        for row in rows[:size]:
            yield row
        if len(rows) <= size:
            return
        cursor = _cursor_of(rows[size - 1], query)
        if remaining is not None:
            remaining -= size


async def fetch_one(pool: asyncpg.Pool, event_id: uuid.UUID) -> bytes | None:
    """The event's wire JSON with its article summary under `article`, or None."""
    body = await pool.fetchval(_BY_ID, event_id)
    return None if body is None else str(body).encode()


def build_query(
    *,
    types: list[str] | None = None,
    actors: list[str] | None = None,
    country: str | None = None,
    place: str | None = None,
    bbox: str | None = None,
    occurred_from: str | None = None,
    occurred_to: str | None = None,
    q: str | None = None,
    article_id: str | None = None,
    min_confidence: float | None = None,
    sort: Sort = "recorded",
    order: Order = "desc",
) -> EventQuery:
    """A validated EventQuery from raw query-string values; ValidationError names the bad one."""
    start, end = filters.iso_date("from", occurred_from), filters.iso_date("to", occurred_to)
    filters.date_range(start, end)
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise ValidationError("min_confidence: must lie within 0..1")
    return EventQuery(
        types=filters.event_types(types or ()),
        actors=filters.actor_codes(actors or ()),
        country=filters.country(country),
        place=filters.text("place", place),
        bbox=filters.bbox(bbox),
        occurred_from=start,
        occurred_to=end,
        q=filters.text("q", q),
        article_id=filters.uuid_value("article_id", article_id),
        min_confidence=min_confidence,
        sort=sort,
        order=order,
    )
