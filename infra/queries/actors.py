"""Reads of `rm_actors`: actor codes with their names seen and event counts."""

from __future__ import annotations

import datetime as dt

import asyncpg
import msgspec

from infra.queries.common import Count, Where, encode_cursor, like_pattern
from infra.queries.totals import Page, count_matches, page


class ActorView(msgspec.Struct, kw_only=True):
    code: str
    names: list[str]
    event_count: int
    first_seen: dt.date | None
    last_seen: dt.date | None


class ActorCursor(msgspec.Struct, frozen=True, array_like=True):
    event_count: Count = 0
    code: str = ""


_SELECT = "SELECT code, names, event_count, first_seen, last_seen FROM rm_actors"
_BY_CODE = f"{_SELECT} WHERE code = $1"


async def list_actors(pool: asyncpg.Pool, q: str | None, cursor: ActorCursor | None, limit: int) -> Page[ActorView]:
    """Actors by event count (most first), optionally those whose code or a name contains `q`."""
    where = Where()
    if q is not None:
        pattern = where.arg(like_pattern(q))
        where.add(f"(code ILIKE {pattern} OR EXISTS (SELECT 1 FROM unnest(names) n WHERE n ILIKE {pattern}))")
    total = await count_matches(pool, "rm_actors", where)
    if cursor is not None:
        count, code = where.arg(cursor.event_count), where.arg(cursor.code)
        where.add(f"(event_count < {count} OR (event_count = {count} AND code > {code}))")
    sql = f"{_SELECT} {where.sql()} ORDER BY event_count DESC, code LIMIT {where.arg(limit + 1)}"
    rows = await pool.fetch(sql, *where.args)
    items = [ActorView(**dict(r)) for r in rows[:limit]]
    following = ActorCursor(items[-1].event_count, items[-1].code) if len(rows) > limit else None
    return page(items, None if following is None else encode_cursor(following), total)


async def fetch_actor(pool: asyncpg.Pool, code: str) -> ActorView | None:
    row = await pool.fetchrow(_BY_CODE, code)
    return None if row is None else ActorView(**dict(row))
