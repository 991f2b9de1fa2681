"""Migration 0014 on a store that already has places: the places projection is rebuilt in the
background, so every place gains its GeoNames id and division without a manual step."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from infra.db import create_pool
from infra.event_store import EventStore
from infra.migrate import upgrade
from infra.projection_runner import ProjectionRunner
from infra.read_models import READ_MODELS
from tests.infra.projection_fixtures import offensive, submit, talks


@pytest.fixture
async def fresh_url(database_url: str) -> AsyncIterator[str]:
    """A database of its own on the suite's server (its schema goes up step by step here)."""
    name = f"mig_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(database_url)
    try:
        await admin.execute(f"CREATE DATABASE {name}")
        yield urlunsplit(urlsplit(database_url)._replace(path=f"/{name}"))
        await admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
    finally:
        await admin.close()


# What the places projection wrote before 0014, for the two events below (and its checkpoint at their end).
_OLD_ROWS = """
INSERT INTO rm_places (name, country, lat, lon, precision, event_count, first_seen, last_seen) VALUES
    ('Al-Bab', 'SY', 36.37, 37.51, 'city', 1, '2017-02-15', '2017-02-15'),
    ('Astana', 'KZ', 51.17, 71.45, 'city', 1, '2017-01-23', '2017-01-23');
INSERT INTO rm_place_days (name, country, day, event_count) VALUES
    ('Al-Bab', 'SY', '2017-02-15', 1), ('Astana', 'KZ', '2017-01-23', 1);
INSERT INTO checkpoints (subscriber, tx_id, global_position)
    SELECT 'projection:places', max(tx_id), max(global_position) FROM events;
"""


async def test_places_projected_before_0014_are_rebuilt_with_their_references(fresh_url: str) -> None:
    await asyncio.to_thread(upgrade, fresh_url, "0013")
    conn = await asyncpg.connect(fresh_url)
    try:
        pool = await create_pool(fresh_url, min_size=1, max_size=4)
        await submit(EventStore(pool), [talks(), offensive()])
        await pool.close()
        await conn.execute(_OLD_ROWS)
    finally:
        await conn.close()
    await asyncio.to_thread(upgrade, fresh_url, "0014")
    pool = await create_pool(fresh_url, min_size=1, max_size=4)
    try:
        assert await pool.fetchval("SELECT count(*) FROM rm_places WHERE geonameid IS NULL") == 2
        # The places alone: the other projections of this code need later migrations than 0014.
        await ProjectionRunner(pool, models=[READ_MODELS["places"]]).run_until_caught_up()
        after = await pool.fetch("SELECT name, event_count, geonameid, admin1 FROM rm_places ORDER BY name")
        assert [tuple(r.values()) for r in after] == [("Al-Bab", 1, 174018, "SY.09"), ("Astana", 1, 1526273, "KZ.05")]
        assert await pool.fetchval("SELECT count(*) FROM checkpoints WHERE subscriber = 'rebuild:places'") == 0
    finally:
        await pool.close()
