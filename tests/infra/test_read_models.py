"""Read models written by the runner: actors, places, timeline, retraction, and rebuild equality."""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg
import pytest

from infra.event_store import EventStore
from infra.projection_runner import ProjectionRunner
from infra.read_models import READ_MODELS
from infra.read_models.status import list_statuses, request_rebuild
from tests.infra.projection_fixtures import offensive, retract, submit, talks

DAY1, DAY2 = dt.date(2017, 1, 23), dt.date(2017, 2, 15)


async def _table(pool: asyncpg.Pool, table: str) -> list[tuple[Any, ...]]:
    rows = await pool.fetch(f"SELECT * FROM {table}")
    return sorted(tuple(r.values()) for r in rows)


async def _all_tables(pool: asyncpg.Pool) -> dict[str, list[tuple[Any, ...]]]:
    return {t: await _table(pool, t) for m in READ_MODELS.values() for t in m.tables}


async def test_actors_collect_names_counts_and_first_last_seen(pool: asyncpg.Pool, store: EventStore) -> None:
    await submit(store, [talks(DAY1, "RUS", "TUR"), offensive(DAY2)])
    await ProjectionRunner(pool).run_until_caught_up()
    tur = await pool.fetchrow("SELECT * FROM rm_actors WHERE code = 'TUR'")
    assert tur["event_count"] == 2
    assert tur["names"] == ["Türkei", "name-TUR", "türkische Armee"]
    assert (tur["first_seen"], tur["last_seen"]) == (DAY1, DAY2)
    assert await pool.fetchval("SELECT event_count FROM rm_actors WHERE code = 'ISIL'") == 1


async def test_places_and_timeline_count_per_day(pool: asyncpg.Pool, store: EventStore) -> None:
    await submit(store, [talks(DAY1), talks(DAY1), talks(None), offensive(DAY2)])
    await ProjectionRunner(pool).run_until_caught_up()
    astana = await pool.fetchrow("SELECT * FROM rm_places WHERE name = 'Astana' AND country = 'KZ'")
    assert astana["event_count"] == 3 and astana["lat"] == pytest.approx(51.17)
    timeline = await pool.fetch("SELECT type, day, event_count FROM rm_timeline ORDER BY type, day")
    today = dt.datetime.now(dt.UTC).date()
    assert [tuple(r.values()) for r in timeline] == [
        ("OffensiveLaunched", DAY2, 1),
        ("TalksHeld", DAY1, 2),
        ("TalksHeld", today, 1),  # no occurred date: the day it was recorded
    ]


async def test_places_carry_their_geonames_id_and_division(pool: asyncpg.Pool, store: EventStore) -> None:
    await submit(store, [talks(DAY1), offensive(DAY2)])
    await ProjectionRunner(pool).run_until_caught_up()
    rows = await pool.fetch("SELECT name, geonameid, admin1 FROM rm_places ORDER BY name")
    assert [tuple(r.values()) for r in rows] == [("Al-Bab", 174018, "SY.09"), ("Astana", 1526273, "KZ.05")]


async def test_retraction_takes_back_counts_names_and_days(pool: asyncpg.Pool, store: EventStore) -> None:
    article_id, ids = await submit(store, [talks(DAY1, "RUS", "TUR"), offensive(DAY2)])
    runner = ProjectionRunner(pool)
    await runner.run_until_caught_up()
    await retract(store, article_id, ids[1])
    await runner.run_until_caught_up()
    tur = await pool.fetchrow("SELECT * FROM rm_actors WHERE code = 'TUR'")
    assert (tur["event_count"], tur["names"], tur["last_seen"]) == (1, ["name-TUR"], DAY1)
    assert await pool.fetchval("SELECT count(*) FROM rm_actors WHERE code = 'ISIL'") == 0
    assert await pool.fetchval("SELECT count(*) FROM rm_places WHERE name = 'Al-Bab'") == 0
    assert await pool.fetchval("SELECT count(*) FROM rm_timeline WHERE type = 'OffensiveLaunched'") == 0


async def test_rebuild_produces_a_read_model_identical_to_the_live_one(pool: asyncpg.Pool, store: EventStore) -> None:
    runner = ProjectionRunner(pool, batch_size=7)
    for i in range(10):
        article_id, ids = await submit(store, [talks(DAY1), offensive(DAY2 + dt.timedelta(days=i)), talks(None)])
        if i % 3 == 0:
            await runner.run_until_caught_up()  # live batches fall differently from the rebuild's
            await retract(store, article_id, ids[i % 2])
    await runner.run_until_caught_up()
    live = await _all_tables(pool)
    for name in READ_MODELS:
        status = await request_rebuild(pool, name)
        assert status.rebuild is not None and status.rebuild.position == "0-0"
    await ProjectionRunner(pool, batch_size=5).run_until_caught_up()
    assert await _all_tables(pool) == live
    statuses = await list_statuses(pool)
    assert all(s.rebuild is None and s.lag == 0 for s in statuses)
    assert await pool.fetchval("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%_shadow'") == 0


async def test_a_rebuild_swaps_in_after_a_reader_of_its_tables_finishes_without_a_deadlock(
    pool: asyncpg.Pool, store: EventStore
) -> None:
    import asyncio

    await submit(store, [offensive(DAY2), talks(DAY1, "RUS", "TUR")])
    await ProjectionRunner(pool).run_until_caught_up()
    before = await _table(pool, "rm_incidents")
    await request_rebuild(pool, "incidents")
    reader = await pool.acquire()
    try:
        transaction = reader.transaction()
        await transaction.start()
        await reader.fetch("SELECT * FROM rm_incident_members")  # holds one live table ...
        rebuild = asyncio.create_task(ProjectionRunner(pool, models=[READ_MODELS["incidents"]]).run_until_caught_up())
        await asyncio.sleep(0.5)  # the swap is ready and retrying, holding none of the live tables
        assert not rebuild.done()
        await reader.fetch("SELECT * FROM rm_incidents")  # ... and asks for the other: no deadlock
        await transaction.commit()
    finally:
        await pool.release(reader)
    await asyncio.wait_for(rebuild, timeout=30)
    statuses = {s.name: s for s in await list_statuses(pool)}
    assert statuses["incidents"].rebuild is None
    assert await _table(pool, "rm_incidents") == before
