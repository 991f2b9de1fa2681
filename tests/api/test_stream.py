"""GET /events/stream carries article streams' events only: never a subscription's history."""

from __future__ import annotations

import json
import uuid

import httpx

from domain.events import Evidence, TalksHeld
from infra.codec import to_new_event
from infra.event_store import EventStore
from tests.api.served import served
from tests.infra.test_webhooks_stream import read_events


async def test_the_stream_never_carries_subscription_events(
    clean_db: str, admin_headers: dict[str, str], store: EventStore
) -> None:
    talks = [to_new_event(TalksHeld(evidence=Evidence(text="Talks.", start=0, end=6))) for _ in range(2)]
    async with (
        served(clean_db, webhook_allow_private=True, poll_interval_s=0.2) as base,
        httpx.AsyncClient(base_url=base, timeout=10) as client,
    ):
        await store.append(f"article-{uuid.uuid4()}", [talks[0]])
        hook = {"url": "http://127.0.0.1:9/hook?token=s3cr3t", "description": "private"}
        assert (await client.post("/subscriptions", json=hook, headers=admin_headers)).status_code == 201
        await store.append(f"article-{uuid.uuid4()}", [talks[1]])
        async with client.stream("GET", "/events/stream", params={"after": "0"}) as response:
            messages = await read_events(response, 2)
        asked = await client.get("/events/stream", params={"type": "SubscriptionCreated"})
    assert [json.loads(m["data"])["id"] for m in messages] == [str(t.event_id) for t in talks]
    assert "s3cr3t" not in str(messages)
    assert asked.status_code == 400 and asked.headers["content-type"] == "application/problem+json"
