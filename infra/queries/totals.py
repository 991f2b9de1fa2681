"""A page of a list (`Page[T]`, the one envelope every list route serves) and how many rows
the list's filter matches: exact up to a bound, else the planner's estimate.

Counting every match of a broad filter over a million rows would cost more than the page
itself, so the count stops after `EXACT_UP_TO + 1` rows; past that bound the total is
PostgreSQL's row estimate for the same statement (`EXPLAIN (FORMAT JSON)`), flagged as such.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

import asyncpg
import msgspec

from infra.queries.common import Where

EXACT_UP_TO = 10_000
PageTotal = Annotated[
    int,
    msgspec.Meta(
        ge=0,
        description=f"How many items match the filter (all pages): exact up to {EXACT_UP_TO:,}, "
        "else PostgreSQL's estimate",
    ),
]
PageTotalIsEstimate = Annotated[
    bool, msgspec.Meta(description="true when `total` is the planner's estimate, false when it is exact")
]


T = TypeVar("T")


class Total(msgspec.Struct, frozen=True):
    count: int
    is_estimate: bool


class Page(msgspec.Struct, Generic[T], kw_only=True):
    """One page of a list: its items, the cursor of the next page (null on the last) and the
    filter's total over all pages."""

    items: list[T]
    next_cursor: str | None
    total: PageTotal
    total_is_estimate: PageTotalIsEstimate


def page(items: list[T], next_cursor: str | None, total: Total) -> Page[T]:
    return Page(items=items, next_cursor=next_cursor, total=total.count, total_is_estimate=total.is_estimate)


async def count_matches(conn: asyncpg.Connection | asyncpg.Pool, source: str, where: Where) -> Total:
    """Rows of `source` (a table name, trusted) matching `where`; exact when at most EXACT_UP_TO."""
    matching = f"SELECT 1 FROM {source} {where.sql()}"
    exact = await conn.fetchval(f"SELECT count(*) FROM ({matching} LIMIT {EXACT_UP_TO + 1}) AS m", *where.args)
    if exact <= EXACT_UP_TO:
        return Total(exact, is_estimate=False)
    plan = await conn.fetchval(f"EXPLAIN (FORMAT JSON) {matching}", *where.args)
    return Total(max(_planned_rows(plan), EXACT_UP_TO + 1), is_estimate=True)


def _planned_rows(plan: Any) -> int:
    # The json codec may be absent on a bare connection: accept the text form too.
    decoded = msgspec.json.decode(plan) if isinstance(plan, str | bytes) else plan
    return int(decoded[0]["Plan"]["Plan Rows"])


async def count_log(conn: asyncpg.Connection | asyncpg.Pool) -> Total:
    """Events in the log (committed or not yet visible to readers: an upper bound for a moment)."""
    return await count_matches(conn, "events", Where())
