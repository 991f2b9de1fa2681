"""GET /events/{id} of an event a re-extraction withdrew: 410 problem+json naming the retraction."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from application import ingest
from domain.events import ConflictEvent, Evidence, OffensiveLaunched, TalksHeld
from tests.api.conftest import ClientFactory

TEXT = "Delegations met in Geneva on Monday for talks. Later the army launched an offensive on the town."


def extractor_giving(*events: ConflictEvent) -> Any:
    def extract(text: str, published_at: str | None, language: str) -> list[ConflictEvent]:
        return list(events)

    return extract


async def status_once_projected(client: AsyncTestClient[Litestar], path: str, settled: int) -> Any:
    for _ in range(200):
        response = await client.get(path)
        if response.status_code == settled:
            return response
        await asyncio.sleep(0.05)
    raise AssertionError(f"{path} never answered {settled}: {response.status_code} {response.text}")


async def test_a_retracted_event_is_410_with_its_retraction(
    make_client: ClientFactory, admin_headers: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    talks = TalksHeld(evidence=Evidence(text="talks", start=0, end=40))
    offensive = OffensiveLaunched(evidence=Evidence(text="offensive", start=48, end=95))
    async with make_client(poll_interval_s=0.1) as client:
        monkeypatch.setattr(ingest, "run_extractor", extractor_giving(talks))
        created = await client.post("/articles", json={"title": "t", "text": TEXT}, headers=admin_headers)
        [old] = created.json()["events"]
        await status_once_projected(client, f"/events/{old['id']}", 200)
        monkeypatch.setattr(ingest, "run_extractor", extractor_giving(offensive))
        redone = (await client.post(f"/articles/{created.json()['id']}/reextract", headers=admin_headers)).json()
        gone = await status_once_projected(client, f"/events/{old['id']}", 410)
        [new] = redone["added"]
        current = await client.get(f"/events/{new['id']}")
        unknown = await client.get("/events/00000000-0000-0000-0000-000000000000")
    assert gone.headers["content-type"] == "application/problem+json"
    problem = gone.json()
    retraction = problem["retraction"]
    assert (problem["status"], problem["title"], problem["instance"]) == (410, "Gone", f"/events/{old['id']}")
    assert retraction["reason"] == ingest.STALE and retraction["extractor_version"] == ingest.extractor_version()
    assert retraction["recorded_at"] and ingest.STALE in problem["detail"]
    assert retraction["id"] != old["id"]
    assert current.status_code == 200 and current.json()["type"] == "OffensiveLaunched"
    assert unknown.status_code == 404
