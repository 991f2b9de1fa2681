"""GET /projections and POST /projections/{name}/rebuild over the real app."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from api.cli import main
from infra.db import create_pool
from infra.event_store import EventStore
from infra.projection_runner import ProjectionRunner
from tests.api.conftest import ClientFactory
from tests.infra.projection_fixtures import offensive, submit, talks


async def test_projections_show_position_and_lag(make_client: ClientFactory, store: EventStore) -> None:
    await submit(store, [talks(), offensive()])
    async with make_client(run_workers=False) as client:
        before = (await client.get("/projections")).json()["items"]
        await ProjectionRunner(store.pool).run_until_caught_up()
        after = (await client.get("/projections")).json()["items"]
    assert [p["name"] for p in after] == [
        "conflict_events",
        "articles",
        "actors",
        "places",
        "timeline",
        "event_versions",
        "incidents",
    ]
    assert all(p["lag"] == 3 and p["position"] == "0-0" for p in before)
    assert all(p["lag"] == 0 and p["last_error"] is None and p["rebuild"] is None for p in after)
    assert after[0]["position"].endswith("-3")


async def test_rebuild_needs_admin_and_replies_202(
    make_client: ClientFactory, make_headers: object, admin_headers: dict[str, str], pool: asyncpg.Pool
) -> None:
    async with make_client(run_workers=False) as client:
        anonymous = await client.post("/projections/actors/rebuild")
        accepted = await client.post("/projections/actors/rebuild", headers=admin_headers)
        unknown = await client.post("/projections/nope/rebuild", headers=admin_headers)
    assert anonymous.status_code == 401
    assert accepted.status_code == 202 and accepted.json()["rebuild"]["position"] == "0-0"
    assert unknown.status_code == 404 and unknown.headers["content-type"].startswith("application/problem+json")
    assert "nope" in unknown.json()["detail"]


async def test_running_app_projects_and_swaps_a_rebuild(
    make_client: ClientFactory, store: EventStore, admin_headers: dict[str, str]
) -> None:
    await submit(store, [talks(), offensive()])
    async with make_client(poll_interval_s=0.05) as client:
        await client.post("/projections/conflict_events/rebuild", headers=admin_headers)
        await _until_settled(client)
        events = await store.pool.fetchval("SELECT count(*) FROM rm_conflict_events")
    assert events == 2


async def _until_settled(client: object) -> None:
    for _ in range(200):
        items = (await client.get("/projections")).json()["items"]  # type: ignore[attr-defined]
        if all(p["lag"] == 0 and p["rebuild"] is None for p in items):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"projections did not settle: {items}")


def test_project_command_catches_up_and_exits(clean_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    async def append() -> None:
        pool = await create_pool(clean_db)
        try:
            await submit(EventStore(pool), [talks()])
        finally:
            await pool.close()

    asyncio.run(append())
    assert main(["project", "--database-url", clean_db, "--until-caught-up"]) == 0
    # ArticleSubmitted reaches the articles and incidents projections; the TalksHeld reaches all seven.
    assert "7 projections caught up (9 events applied)" in capsys.readouterr().out
