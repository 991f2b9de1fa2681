"""Incident changes pushed over real HTTP: signed webhooks (Standard Webhooks) to real receivers on
127.0.0.1, and GET /incidents/stream read by a streaming client, both fed by the app's own workers."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from standardwebhooks import Webhook

from domain.incidents import incident_id_for
from infra.event_store import EventStore
from tests.api.served import served
from tests.infra.read_models.test_incidents import meeting, publish, retract, strike
from tests.infra.test_webhooks_delivery import eventually
from tests.infra.webhooks_receiver import Receiver

WORKERS = {"run_workers": True, "webhook_allow_private": True, "poll_interval_s": 0.2}


@pytest.fixture
async def receivers() -> AsyncIterator[tuple[Receiver, Receiver]]:
    pair = (Receiver(), Receiver())
    for receiver in pair:
        await receiver.start()
    yield pair
    for receiver in pair:
        await receiver.stop()


async def sse_messages(response: httpx.Response) -> AsyncIterator[dict[str, str]]:
    """Each Server-Sent Event with data (keep-alive comments skipped) as its fields."""
    fields: dict[str, str] = {}
    async for line in response.aiter_lines():
        if line:
            name, _, value = line.partition(":")
            fields[name] = value.strip()
        elif "data" in fields:
            yield fields
            fields = {}
        else:
            fields = {}


async def next_message(messages: AsyncIterator[dict[str, str]]) -> dict[str, str]:
    async with asyncio.timeout(10):
        return await anext(messages)


async def resent(receiver: Receiver, count: int) -> bool:
    return len(receiver.accepted()) >= count


async def subscribe(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> tuple[str, str]:
    """The new subscription's id and signing secret."""
    response = await client.post("/subscriptions", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["subscription"]["id"]), str(response.json()["secret"])


async def test_subscribers_get_incident_changes_signed_by_type_and_filter(
    clean_db: str, store: EventStore, admin_headers: dict[str, str], receivers: tuple[Receiver, Receiver]
) -> None:
    chosen, default = receivers
    async with served(clean_db, **WORKERS) as base, httpx.AsyncClient(base_url=base, timeout=10) as client:
        chosen_id, incidents_only = await subscribe(
            client, admin_headers, url=chosen.url, event_types=["IncidentCreated", "IncidentCorroborated"],
            filter={"country": "SY"},
        )  # fmt: skip
        _, everything = await subscribe(client, admin_headers, url=default.url)
        _, (first,) = await publish(store, [strike("2024-02-01", killed=12)], source="A", published="2024-02-01")
        await publish(store, [strike("2024-02-02", killed=15)], source="B", published="2024-02-02")
        await publish(store, [meeting("2024-02-03", "RUS", "USA")], source="C", published="2024-02-03")
        await chosen.wait_for(2)
        await default.wait_for(6)
        incident = incident_id_for(first)
        detail = (await client.get(f"/incidents/{incident}")).json()
        first_round = [r.headers["webhook-id"] for r in chosen.accepted()]
        replayed = await client.post(f"/subscriptions/{chosen_id}/replay", json={}, headers=admin_headers)
        await eventually(lambda: resent(chosen, 4))
    # A replay re-sends the changes (and the events' changes only: this subscription takes no events).
    assert replayed.json() == {"enqueued": 2}
    # (the replayed copies may arrive in either order: a replay is claimed like any delivery, and a second
    # dispatcher may take one of them; receivers order by the body's position)
    ids = [r.headers["webhook-id"] for r in chosen.accepted()]
    assert ids[:2] == first_round and sorted(ids[2:]) == sorted(first_round)
    bodies = [Webhook(incidents_only).verify(r.body, r.headers) for r in chosen.accepted()[:2]]
    assert [(b["type"], b["incident_id"]) for b in bodies] == [
        ("IncidentCreated", str(incident)),
        ("IncidentCorroborated", str(incident)),
    ]  # the talks in Geneva are another country's incident: filtered out
    assert first_round == [f"msg_{b['id']}" for b in bodies]
    assert bodies[1]["incident"] == {k: detail[k] for k in bodies[1]["incident"]}
    assert bodies[1]["incident"]["sources"]["articles"] == 2 and bodies[1]["incident"]["casualties"]["high"] == 15
    received = Counter(Webhook(everything).verify(r.body, r.headers)["type"] for r in default.accepted())
    assert received == {"OffensiveLaunched": 2, "TalksHeld": 1, "IncidentCreated": 2, "IncidentCorroborated": 1}
    # The same change reaches both subscribers under the same webhook-id (receivers de-duplicate on it).
    assert {f"msg_{b['id']}" for b in bodies} <= set(default.ids())


async def test_the_incident_stream_replays_follows_and_resumes(
    clean_db: str, store: EventStore, admin_headers: dict[str, str]
) -> None:
    async with served(clean_db, **WORKERS) as base, httpx.AsyncClient(base_url=base, timeout=10) as client:
        first_article, (first,) = await publish(store, [strike("2024-02-01")], source="A", published="2024-02-01")
        async with client.stream("GET", "/incidents/stream", params={"after": "0"}) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            messages = sse_messages(response)
            created = await next_message(messages)
            await publish(store, [strike("2024-02-02")], source="B", published="2024-02-02")
            corroborated = await next_message(messages)
        await retract(store, first_article, first)
        resumed_headers = {"Last-Event-ID": corroborated["id"]}
        async with client.stream("GET", "/incidents/stream", headers=resumed_headers) as response:
            updated = await next_message(sse_messages(response))
        async with client.stream("GET", "/incidents/stream", params={"after": "0", "type": "IncidentUpdated"}) as only:
            again = await next_message(sse_messages(only))
        bad = await client.get("/incidents/stream", params={"type": "TalksHeld"})
        worse = await client.get("/incidents/stream", params={"after": "yesterday"})
    assert [m["event"] for m in (created, corroborated, updated)] == [
        "IncidentCreated", "IncidentCorroborated", "IncidentUpdated",
    ]  # fmt: skip
    assert again["id"] == updated["id"] and again["data"] == updated["data"]
    tx, position, seq = (int(p) for p in updated["id"].split("-"))
    assert (tx, position) > tuple(int(p) for p in corroborated["id"].split("-")[:2]) and seq == 0
    assert str(incident_id_for(first)) in created["data"]
    for response in (bad, worse):
        assert response.status_code == 400 and response.headers["content-type"] == "application/problem+json"
