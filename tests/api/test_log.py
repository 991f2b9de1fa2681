"""GET /log: stored envelopes in global order, paged by position."""

from __future__ import annotations

import uuid

from litestar import Litestar
from litestar.testing import AsyncTestClient

from domain.events import EventRetracted
from infra.codec import to_new_event
from infra.event_store import EventStore
from tests.api.conftest import ClientFactory, HeadersFactory

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


SECRET_URL = "http://127.0.0.1:9/hook?token=s3cr3t-t0ken"


async def _subscribe_and_write(client: Client, admin_headers: dict[str, str], store: EventStore) -> None:
    body = {"url": SECRET_URL, "description": "private notes", "filter": {"country": "UA"}}
    created = await client.post("/subscriptions", json=body, headers=admin_headers)
    assert created.status_code == 201, created.text
    await store.append("article-a", [to_new_event(retraction(1))])


async def test_the_public_log_holds_no_subscription_history(
    make_client: ClientFactory, admin_headers: dict[str, str], make_headers: HeadersFactory, store: EventStore
) -> None:
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        await _subscribe_and_write(client, admin_headers, store)
        anonymous = await client.get("/log", params={"after": "0"})
        reader = await client.get("/log", headers=await make_headers("read"))
        admin_default = await client.get("/log", headers=admin_headers)
    for response in (anonymous, reader, admin_default):
        page = response.json()
        assert [e["stream_id"] for e in page["items"]] == ["article-a"] and page["total"] == 1
        assert "s3cr3t" not in response.text and "private notes" not in response.text


async def test_subscription_history_in_the_log_is_for_admin_keys(
    make_client: ClientFactory, admin_headers: dict[str, str], make_headers: HeadersFactory, store: EventStore
) -> None:
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        await _subscribe_and_write(client, admin_headers, store)
        anonymous = await client.get("/log", params={"category": "subscription"})
        reader = await client.get("/log", params={"category": "all"}, headers=await make_headers("read"))
        history = await client.get("/log", params={"category": "subscription"}, headers=admin_headers)
        everything = await client.get("/log", params={"category": "all"}, headers=admin_headers)
    assert (anonymous.status_code, reader.status_code) == (401, 403)
    assert anonymous.headers["content-type"] == reader.headers["content-type"] == "application/problem+json"
    assert [e["type"] for e in history.json()["items"]] == ["SubscriptionCreated"]
    assert history.json()["items"][0]["data"]["url"] == SECRET_URL
    assert sorted(e["stream_id"].split("-")[0] for e in everything.json()["items"]) == ["article", "subscription"]
    assert everything.json()["total"] == 2
