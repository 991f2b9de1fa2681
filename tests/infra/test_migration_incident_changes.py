"""Migration 0016 on a store that already has incidents: the incidents projection is rebuilt in the
background so the changes of the incidents it holds are recorded too, while the incident fan-out starts
where the projection stood (no subscriber is sent that history)."""

from __future__ import annotations

import asyncio

import asyncpg

from infra.db import create_pool
from infra.event_store import EventStore
from infra.migrate import upgrade
from infra.projection_runner import ProjectionRunner
from infra.webhooks.incidents import INCIDENT_FANOUT, incident_fanout_once
from tests.infra.projection_fixtures import offensive, submit, talks
from tests.infra.test_migration_place_references import fresh_url  # noqa: F401 (a fixture)

# An incident as the projection kept it before 0016 (its aggregate does not matter here), and its checkpoint.
_OLD_ROWS = """
INSERT INTO rm_incidents (incident_id, type, opened_at, article_count, outlet_count, confidence, updated_at, body)
VALUES (gen_random_uuid(), 'TalksHeld', 1, 1, 1, 0.5, 1, '{}');
INSERT INTO checkpoints (subscriber, tx_id, global_position)
    SELECT 'projection:incidents', max(tx_id), max(global_position) FROM events;
"""


async def checkpoint(pool: asyncpg.Pool, name: str) -> tuple[int, int] | None:
    row = await pool.fetchrow(
        "SELECT tx_id::text::bigint AS tx, global_position FROM checkpoints WHERE subscriber = $1", name
    )
    return None if row is None else (row["tx"], row["global_position"])


async def test_incidents_projected_before_0016_get_their_changes_without_sending_them(fresh_url: str) -> None:  # noqa: F811
    await asyncio.to_thread(upgrade, fresh_url, "0014")
    pool = await create_pool(fresh_url, min_size=1, max_size=4)
    try:
        await submit(EventStore(pool), [talks(), offensive()])
        await pool.execute(_OLD_ROWS)
    finally:
        await pool.close()
    await asyncio.to_thread(upgrade, fresh_url, "0016")
    pool = await create_pool(fresh_url, min_size=1, max_size=4)
    try:
        projected = await checkpoint(pool, "projection:incidents")
        assert projected is not None and await checkpoint(pool, INCIDENT_FANOUT) == projected
        assert await checkpoint(pool, "rebuild:incidents") == (0, 0)
        await ProjectionRunner(pool).run_until_caught_up()
        kinds = await pool.fetch("SELECT change_type FROM rm_incident_changes ORDER BY tx_id, global_position, seq")
        assert [k["change_type"] for k in kinds] == ["IncidentCreated", "IncidentCreated"]
        assert await checkpoint(pool, "rebuild:incidents") is None
        assert await incident_fanout_once(pool) == 0  # its checkpoint is past the history
        assert await pool.fetchval("SELECT count(*) FROM wh_deliveries") == 0
    finally:
        await pool.close()
