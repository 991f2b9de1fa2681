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
from domain.events import CONFLICT_TYPE_NAMES
from infra.event_store import Position
from infra.queries import filters
from infra.queries.common import BIGINT_MAX, Where, admin1_filter, decode_cursor, encode_cursor, shared_filters
from infra.queries.filters import BBox
from infra.queries.totals import Total, count_matches

Sort = Literal["recorded", "occurred", "fatalities"]
Order = Literal["asc", "desc"]
MAX_LIMIT = 500
STREAM_BATCH = 1000


class EventQuery(msgspec.Struct, frozen=True, kw_only=True):
    """A validated filter over live conflict events (see infra.queries.filters for parsing)."""

    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    country: str | None = None
    place: str | None = None
    admin1: str | None = None  # GeoNames' key of a first-level division (SY.09)
    bbox: BBox | None = None
    occurred_from: dt.date | None = None
    occurred_to: dt.date | None = None
    q: str | None = None
    article_id: uuid.UUID | None = None
    min_confidence: float | None = None
    review_status: tuple[str, ...] = ()
    include_rejected: bool = False
    needs_rereview: bool | None = None
    fatalities_min: int | None = None
    collapse: bool = False  # one row per incident: its first report (events in no incident stay)
    as_of: Position | None = None  # the events as the read model held them at this log position
    changed_since: Position | None = None  # the events created, updated, rejected or retracted after it
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
    killed: Annotated[int, msgspec.Meta(ge=0, le=2**31 - 1)] | None = None


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


_COLUMNS = "body::text AS body, tx_id, global_position, occurred_start, event_id, article_id, killed"
# A live event carries its incident (null until the incidents projection has linked it). A pinned read
# (release, as_of) serves the bodies as they were, so its bytes never change.
_LIVE_COLUMNS = """(body || jsonb_build_object('incident_id', (SELECT m.incident_id FROM rm_incident_members m
    WHERE m.event_id = rm_conflict_events.event_id)))::text AS body,
    tx_id, global_position, occurred_start, event_id, article_id, killed"""
_VERSION_COLUMNS = """v.event_id, v.article_id, v.type, v.occurred_start, v.occurred_end, v.occurred_precision,
    v.location_name, v.country, v.lat, v.lon, v.actor_codes, v.killed, v.evidence_text, v.confidence, v.tx_id,
    v.global_position, v.recorded_at, v.search, v.review_status, v.needs_rereview"""
# Each event changed after P in its latest form, saying what happened to it and when (ACLED's deletions
# feed, for every kind of change): created, updated (re-extracted or corrected), rejected, retracted.
_CHANGED = """(SELECT DISTINCT ON (v.event_id) {columns},
    v.body || jsonb_build_object(
        'change', CASE WHEN v.valid_to_tx IS NOT NULL THEN 'retracted'
                       WHEN v.review_status = 'rejected' THEN 'rejected'
                       WHEN EXISTS (SELECT 1 FROM rm_event_versions o WHERE o.event_id = v.event_id
                                    AND (o.valid_from_tx, o.valid_from_pos) <= ({tx}, {pos})) THEN 'updated'
                       ELSE 'created' END,
        'changed_at', COALESCE(v.valid_to_tx, v.valid_from_tx)::text || '-'
                      || COALESCE(v.valid_to_pos, v.valid_from_pos)::text) AS body
    FROM rm_event_versions v
    WHERE (v.valid_from_tx, v.valid_from_pos) > ({tx}, {pos}) OR (v.valid_to_tx, v.valid_to_pos) > ({tx}, {pos})
    ORDER BY v.event_id, v.valid_from_tx DESC, v.valid_from_pos DESC) AS changed"""


# An event no earlier report of its incident precedes (or one in no incident).
_FIRST_OF_INCIDENT = """NOT EXISTS (SELECT 1 FROM rm_incident_members m JOIN rm_incident_members o
    ON o.incident_id = m.incident_id
    WHERE m.event_id = rm_conflict_events.event_id
      AND (o.global_position, o.event_id) < (m.global_position, m.event_id))"""


def columns_sql(query: EventQuery) -> str:
    return _COLUMNS if query.as_of is not None or query.changed_since is not None else _LIVE_COLUMNS


def source_sql(query: EventQuery, where: Where) -> str:
    """What the query reads: the live read model, the versions open at `as_of`, or the changes since."""
    if query.changed_since is not None:
        tx, pos = where.arg(query.changed_since.tx_id), where.arg(query.changed_since.global_position)
        return _CHANGED.format(columns=_VERSION_COLUMNS, tx=f"{tx}::bigint", pos=f"{pos}::bigint")
    if query.as_of is not None:
        tx, pos = where.arg(query.as_of.tx_id), where.arg(query.as_of.global_position)
        # Implied (a version opens at or after its extraction), but lets the log-order index start at P.
        where.add(f"(tx_id, global_position) <= ({tx}, {pos})")
        where.add(f"(valid_from_tx, valid_from_pos) <= ({tx}, {pos})")
        where.add(f"(valid_to_tx IS NULL OR (valid_to_tx, valid_to_pos) > ({tx}, {pos}))")
        return "rm_event_versions"
    return "rm_conflict_events"


_ORDER = {
    ("recorded", "asc"): "ORDER BY tx_id, global_position",
    ("recorded", "desc"): "ORDER BY tx_id DESC, global_position DESC",
    ("occurred", "asc"): "ORDER BY occurred_start ASC NULLS LAST, event_id ASC",
    ("occurred", "desc"): "ORDER BY occurred_start DESC NULLS LAST, event_id DESC",
    ("fatalities", "asc"): "ORDER BY killed ASC NULLS LAST, event_id ASC",
    ("fatalities", "desc"): "ORDER BY killed DESC NULLS LAST, event_id DESC",
}

# The page query, unchanged, joined to its article and its log entry (whose metadata names
# the extractor). The laterals expose only their aliased columns, so the page's filters
# and order keep naming rm_conflict_events' columns unqualified.
_EXPORT = """
SELECT p.body, p.tx_id, p.global_position, p.occurred_start, p.event_id, p.killed,
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

# The retraction that withdrew a conflict event: a later EventRetracted of the same stream
# naming it (both lookups by index: the event by id, then its stream's later events).
_RETRACTION_OF = """
SELECT r.event_id, r.data->>'reason' AS reason, r.data->>'extractor_version' AS extractor_version, r.recorded_at
FROM events e JOIN events r ON r.stream_id = e.stream_id AND r.stream_version > e.stream_version
WHERE e.event_id = $1 AND e.event_type = ANY($2::text[])
  AND r.event_type = 'EventRetracted' AND r.data->>'retracted_event_id' = $1::text
ORDER BY r.stream_version
LIMIT 1"""


class Retraction(msgspec.Struct, frozen=True, kw_only=True):
    """Why and when an event was withdrawn: the EventRetracted that did it."""

    id: uuid.UUID
    reason: str
    extractor_version: str
    recorded_at: dt.datetime


def decode_event_cursor(raw: str, query: EventQuery) -> EventCursor:
    cursor = decode_cursor(raw, EventCursor)
    if (cursor.sort, cursor.order) != (query.sort, query.order):
        raise ValidationError(
            f"cursor: issued for sort={cursor.sort}&order={cursor.order}, not sort={query.sort}&order={query.order}"
        )
    if cursor.sort != "recorded" and cursor.event_id is None:
        raise ValidationError("cursor: not a cursor this endpoint issued")
    return cursor


def filter_sql(query: EventQuery, where: Where) -> None:
    """Add the query's filters to `where`."""
    shared_filters(
        where,
        types=query.types,
        actors=query.actors,
        country=query.country,
        occurred_from=query.occurred_from,
        occurred_to=query.occurred_to,
    )
    if query.place is not None:
        where.add(f"lower(location_name) = lower({where.arg(query.place)})")
    admin1_filter(where, query.admin1)
    if query.bbox is not None:
        bbox_sql(query.bbox, where)
    if query.q is not None:
        q = where.arg(query.q)
        where.add(f"search @@ (websearch_to_tsquery('german', {q}) || websearch_to_tsquery('english', {q}))")
    if query.article_id is not None:
        where.add(f"article_id = {where.arg(query.article_id)}")
    if query.min_confidence is not None:
        where.add(f"confidence >= {where.arg(query.min_confidence)}")
    if query.fatalities_min is not None:
        where.add(f"killed >= {where.arg(query.fatalities_min)}")
    if query.collapse:
        where.add(_FIRST_OF_INCIDENT)
    if query.review_status:
        where.add(f"review_status = ANY({where.arg(list(query.review_status))}::text[])")
    elif not query.include_rejected and query.changed_since is None:
        where.add("review_status <> 'rejected'")
    if query.needs_rereview is not None:
        where.add(f"needs_rereview = {where.arg(query.needs_rereview)}")


def bbox_sql(bbox: BBox, where: Where) -> None:
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
    elif cursor.sort == "fatalities":
        _after_nullable("killed", "int", cursor.killed, cursor, op, where)
    elif cursor.occurred is None:
        where.add(f"occurred_start IS NULL AND event_id {op} {where.arg(cursor.event_id)}")
    else:
        key = f"({where.arg(cursor.occurred)}::date, {where.arg(cursor.event_id)}::uuid)"
        where.add(f"((occurred_start, event_id) {op} {key} OR occurred_start IS NULL)")


def _after_nullable(column: str, kind: str, value: object, cursor: EventCursor, op: str, where: Where) -> None:
    """After (value, event_id) in an order that puts NULLs last in both directions."""
    if value is None:
        where.add(f"{column} IS NULL AND event_id {op} {where.arg(cursor.event_id)}")
        return
    key = f"({where.arg(value)}::{kind}, {where.arg(cursor.event_id)}::uuid)"
    where.add(f"(({column}, event_id) {op} {key} OR {column} IS NULL)")


def page_sql(query: EventQuery, cursor: EventCursor | None, limit: int) -> tuple[str, list[object]]:
    """The statement and arguments for one page of `limit` rows (plus one to detect a next page)."""
    where = Where()
    source = source_sql(query, where)
    filter_sql(query, where)
    if cursor is not None:
        _after_sql(cursor, where)
    order = _ORDER[(query.sort, query.order)]
    sql = f"SELECT {columns_sql(query)} FROM {source} {where.sql()} {order} LIMIT {where.arg(limit + 1)}"
    return sql, where.args


def _cursor_of(row: asyncpg.Record, query: EventQuery) -> EventCursor:
    if query.sort == "recorded":
        return EventCursor(query.sort, query.order, tx_id=row["tx_id"], position=row["global_position"])
    if query.sort == "fatalities":
        return EventCursor(query.sort, query.order, killed=row["killed"], event_id=row["event_id"])
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
    source = source_sql(query, where)
    filter_sql(query, where)
    return await count_matches(conn, source, where)


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


async def fetch_retraction(pool: asyncpg.Pool, event_id: uuid.UUID) -> Retraction | None:
    """The retraction of a conflict event that was stored and later withdrawn, or None."""
    row = await pool.fetchrow(_RETRACTION_OF, event_id, sorted(CONFLICT_TYPE_NAMES))
    if row is None:
        return None
    return Retraction(
        id=row["event_id"],
        reason=row["reason"],
        extractor_version=row["extractor_version"],
        recorded_at=row["recorded_at"],
    )


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
    review_status: list[str] | None = None,
    include_rejected: bool = False,
    needs_rereview: bool | None = None,
    fatalities_min: int | None = None,
    collapse: str | None = None,
    as_of: str | None = None,
    changed_since: str | None = None,
    sort: Sort = "recorded",
    order: Order = "desc",
    admin1: str | None = None,
) -> EventQuery:
    """A validated EventQuery from raw query-string values; ValidationError names the bad one."""
    start, end = filters.iso_date("from", occurred_from), filters.iso_date("to", occurred_to)
    filters.date_range(start, end)
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise ValidationError("min_confidence: must lie within 0..1")
    if as_of is not None and changed_since is not None:
        raise ValidationError("as_of and changed_since: give one of them (a release is read whole, or as changes)")
    return EventQuery(
        types=filters.event_types(types or ()),
        actors=filters.actor_codes(actors or ()),
        country=filters.country(country),
        place=filters.text("place", place),
        admin1=filters.admin1(admin1),
        bbox=filters.bbox(bbox),
        occurred_from=start,
        occurred_to=end,
        q=filters.text("q", q),
        article_id=filters.uuid_value("article_id", article_id),
        min_confidence=min_confidence,
        review_status=filters.review_statuses(review_status or ()),
        include_rejected=include_rejected,
        needs_rereview=needs_rereview,
        fatalities_min=fatalities_min,
        collapse=_collapse(collapse, as_of, changed_since),
        as_of=filters.position("as_of", as_of),
        changed_since=filters.position("changed_since", changed_since),
        sort=sort,
        order=order,
    )


def _collapse(value: str | None, as_of: str | None, changed_since: str | None) -> bool:
    if value is None:
        return False
    if value != "incident":
        raise ValidationError(f"collapse: {value[:40]!r} is not served (collapse=incident)")
    if as_of is not None or changed_since is not None:
        raise ValidationError("collapse: incidents are live; not with release, as_of or changed_since")
    return True
