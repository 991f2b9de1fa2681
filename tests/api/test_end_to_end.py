"""End to end on a real PostgreSQL: the seeds go in over HTTP, projections run in the app,
and what comes out is filtered, paged, exported, re-posted, re-extracted and rebuilt."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from application import ingest
from domain.events import ConflictEvent

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
Client = AsyncTestClient[Litestar]


def seed_articles() -> list[dict[str, Any]]:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    return [
        {
            "title": f"Seed {entry['id']}",
            "text": (SEEDS / entry["file"]).read_text(encoding="utf-8"),
            "published_at": entry["published"],
            "source": entry["source"],
            "external_id": f"seed-{entry['id']}",
        }
        for entry in manifest["articles"]
    ]


async def caught_up(client: Client) -> None:
    """Wait until every projection (and any rebuild) has consumed the whole log."""
    for _ in range(200):
        items = (await client.get("/projections")).json()["items"]
        if items and all(p["lag"] == 0 and (p["rebuild"] is None) for p in items):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"projections did not catch up: {items}")


async def all_pages(client: Client, query: str, limit: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        suffix = f"&cursor={cursor}" if cursor else ""
        page = (await client.get(f"/events?{query}&limit={limit}{suffix}")).json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items


@pytest.fixture
async def seeded(client: Client, admin_headers: dict[str, str]) -> list[str]:
    ids = []
    for article in seed_articles():
        response = await client.post("/articles", json=article, headers=admin_headers)
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    await caught_up(client)
    return ids


async def test_seeds_become_queryable_events(client: Client, seeded: list[str]) -> None:
    events = (await client.get("/events?limit=500")).json()["items"]
    types = {e["type"] for e in events}
    assert {"TalksHeld", "OffensiveLaunched", "ResolutionBlocked", "CeasefireAnnounced"} <= types
    assert {e["article_id"] for e in events} <= set(seeded)
    offensives = (await client.get("/events?type=OffensiveLaunched&country=SY&actor=TUR")).json()["items"]
    assert offensives and all(e["type"] == "OffensiveLaunched" for e in offensives)
    assert all(e["location"]["country"] == "SY" for e in offensives)
    assert all("TUR" in {a["code"] for a in e["actors"]} for e in offensives)
    article = (await client.get(f"/articles/{seeded[0]}")).json()
    assert {e["id"] for e in article["events"]} == {e["id"] for e in events if e["article_id"] == seeded[0]}


async def test_paging_visits_every_event_once_in_both_sorts(client: Client, seeded: list[str]) -> None:
    everything = (await client.get("/events?limit=500")).json()["items"]
    for sort in ("recorded", "occurred"):
        paged = await all_pages(client, f"sort={sort}", limit=2)
        assert sorted(e["id"] for e in paged) == sorted(e["id"] for e in everything)


async def test_every_export_format_carries_the_same_events(client: Client, seeded: list[str]) -> None:
    ids = {e["id"] for e in (await client.get("/events?limit=500")).json()["items"]}
    rows = list(csv.DictReader(io.StringIO((await client.get("/events?format=csv&limit=500")).text)))
    geo = (await client.get("/events?limit=500", headers={"Accept": "application/geo+json"})).json()
    ndjson = (await client.get("/events?format=ndjson")).text.splitlines()
    assert {r["event_id"] for r in rows} == ids
    assert geo["type"] == "FeatureCollection" and {f["id"] for f in geo["features"]} == ids
    assert {json.loads(line)["id"] for line in ndjson} == ids


async def test_reposting_a_seed_appends_nothing(
    client: Client, seeded: list[str], admin_headers: dict[str, str]
) -> None:
    before = (await client.get("/log?limit=1000")).json()["items"]
    again = await client.post("/articles", json=seed_articles()[0], headers=admin_headers)
    assert again.status_code == 200 and again.json()["id"] == seeded[0] and again.json()["duplicate"]
    assert (await client.get("/log?limit=1000")).json()["items"] == before


async def test_reextraction_retracts_what_no_longer_stands(
    client: Client, seeded: list[str], admin_headers: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    live = (await client.get(f"/articles/{seeded[0]}")).json()["events"]
    assert len(live) >= 2
    real = ingest.run_extractor

    def fewer(text: str, published_at: str | None, language: str) -> list[ConflictEvent]:
        return real(text, published_at, language)[1:]  # a "new extractor" that drops one event

    monkeypatch.setattr(ingest, "run_extractor", fewer)
    response = await client.post(f"/articles/{seeded[0]}/reextract", headers=admin_headers)
    assert response.status_code == 200, response.text
    assert len(response.json()["retracted"]) == 1
    await caught_up(client)
    log = (await client.get("/log?limit=1000")).json()["items"]
    assert log[-1]["type"] == "EventRetracted"
    after = {e["id"] for e in (await client.get(f"/articles/{seeded[0]}")).json()["events"]}
    assert after == {e["id"] for e in live} - {log[-1]["data"]["retracted_event_id"]}


async def test_a_rebuilt_read_model_equals_the_live_one(
    client: Client, seeded: list[str], admin_headers: dict[str, str]
) -> None:
    before = (await client.get("/events?limit=500&sort=occurred")).json()["items"]
    actors_before = (await client.get("/actors?limit=500")).json()["items"]
    for name in ("conflict_events", "actors"):
        response = await client.post(f"/projections/{name}/rebuild", headers=admin_headers)
        assert response.status_code == 202, response.text
    await caught_up(client)
    assert (await client.get("/events?limit=500&sort=occurred")).json()["items"] == before
    assert (await client.get("/actors?limit=500")).json()["items"] == actors_before
