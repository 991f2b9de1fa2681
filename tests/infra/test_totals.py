"""Totals of list queries: exact up to 10,000 matches, the planner's estimate beyond."""

from __future__ import annotations

import asyncpg

from infra.queries.common import Where
from infra.queries.totals import EXACT_UP_TO, count_matches


async def add_actors(pool: asyncpg.Pool, count: int, prefix: str) -> None:
    await pool.execute(
        "INSERT INTO rm_actors (code, event_count) SELECT $1 || n, 1 FROM generate_series(1, $2) AS n", prefix, count
    )


def code_like(pattern: str) -> Where:
    where = Where()
    where.add(f"code LIKE {where.arg(pattern)}")
    return where


async def test_a_total_is_exact_up_to_the_bound(pool: asyncpg.Pool) -> None:
    await add_actors(pool, EXACT_UP_TO, "A")
    await add_actors(pool, 7, "B")
    at_bound = await count_matches(pool, "rm_actors", code_like("A%"))
    assert (at_bound.count, at_bound.is_estimate) == (EXACT_UP_TO, False)
    few = await count_matches(pool, "rm_actors", code_like("B%"))
    assert (few.count, few.is_estimate) == (7, False)
    beyond = await count_matches(pool, "rm_actors", Where())
    assert beyond.is_estimate and beyond.count > EXACT_UP_TO  # never below what the count saw


async def test_beyond_the_bound_the_total_is_the_planners_estimate(pool: asyncpg.Pool) -> None:
    await add_actors(pool, 12_000, "C")
    await pool.execute("ANALYZE rm_actors")
    total = await count_matches(pool, "rm_actors", Where())
    assert total.is_estimate
    assert 11_000 <= total.count <= 13_000  # ANALYZE sampled every row of a table this small
