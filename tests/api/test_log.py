"""GET /log: stored envelopes in global order, paged by position."""

from __future__ import annotations

import uuid

from litestar import Litestar
from litestar.testing import AsyncTestClient

from domain.events import EventRetracted
from infra.codec import to_new_event
from infra.event_store import EventStore

Client = AsyncTestClient[Litestar]


def retraction(n: int) -> EventRetracted:
    return EventRetracted(retracted_event_id=uuid.uuid4(), reason=f"r{n}", extractor_version="test")


async def test_log_pages_through_envelopes_in_order(client: Client, store: EventStore) -> None:
    events = [to_new_event(retraction(n), metadata={"n": n}) for n in range(3)]
    await store.append("article-a", events[:2])
    await store.append("article-b", events[2:])
    first = (await client.get("/log", params={"limit": "2"})).json()
    assert [e["stream_id"] for e in first["items"]] == ["article-a", "article-a"]
    entry = first["items"][0]
    assert entry["event_id"] == str(events[0].event_id)
    assert (entry["type"], entry["schema_version"], entry["stream_version"]) == ("EventRetracted", 1, 1)
    assert entry["data"]["reason"] == "r0" and entry["metadata"] == {"n": 0}
    rest = (await client.get("/log", params={"after": first["next_cursor"]})).json()
    assert [e["stream_id"] for e in rest["items"]] == ["article-b"]
    assert rest["next_cursor"] is None
    after_last = (await client.get("/log", params={"after": rest["items"][-1]["position"]})).json()
    assert after_last == {"items": [], "next_cursor": None, "total": 3, "total_is_estimate": False}


async def test_after_zero_reads_from_the_start(client: Client, store: EventStore) -> None:
    await store.append("article-a", [to_new_event(retraction(n)) for n in range(2)])
    from_zero = (await client.get("/log", params={"after": "0"})).json()
    from_default = (await client.get("/log")).json()
    assert len(from_zero["items"]) == 2 and from_zero == from_default


async def test_log_rejects_bad_positions(client: Client) -> None:
    for after in ("abc", "1", "00", "-1-2", "1-99999999999999999999", "1-2\x00"):
        response = await client.get("/log", params={"after": after})
        assert response.status_code == 400, (after, response.text)
        assert response.json()["detail"].startswith("after: ")
    assert (await client.get("/log", params={"limit": "5000"})).status_code == 400
