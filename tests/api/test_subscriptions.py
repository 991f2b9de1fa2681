"""Subscriptions over HTTP: CRUD, pause/resume, secret rotation, SSRF refusal, deliveries."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from domain.events import EventRetracted
from infra.codec import to_new_event
from infra.event_store import EventStore
from tests.api.conftest import ClientFactory
from tests.infra.test_webhooks_ssrf import EMBEDDING_PRIVATE

URL = "http://127.0.0.1:9/hook"


async def _create(client: Any, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    response = await client.post("/subscriptions", json={"url": URL, **body}, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_a_subscription_is_created_with_a_secret_shown_once(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        created = await _create(
            client, admin_headers, event_types=["TalksHeld"], filter={"country": "ua"}, description="ops"
        )
        sub = created["subscription"]
        assert created["secret"].startswith("whsec_")
        assert sub["status"] == "active" and sub["filter"]["country"] == "UA"
        shown = (await client.get(f"/subscriptions/{sub['id']}", headers=admin_headers)).json()
        listed = (await client.get("/subscriptions", headers=admin_headers)).json()
    assert created["secret"] not in str(shown) + str(listed)
    assert [s["id"] for s in listed["items"]] == [sub["id"]]
    assert (listed["total"], listed["total_is_estimate"]) == (1, False)


async def test_subscription_changes_are_recorded_as_events(
    make_client: ClientFactory, admin_headers: dict[str, str], store: EventStore
) -> None:
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        sub_id = (await _create(client, admin_headers))["subscription"]["id"]
        paused = await client.patch(f"/subscriptions/{sub_id}", json={"paused": True}, headers=admin_headers)
        resumed = await client.patch(f"/subscriptions/{sub_id}", json={"paused": False}, headers=admin_headers)
        rotated = await client.post(f"/subscriptions/{sub_id}/rotate-secret", headers=admin_headers)
        deleted = await client.delete(f"/subscriptions/{sub_id}", headers=admin_headers)
        gone = await client.get(f"/subscriptions/{sub_id}", headers=admin_headers)
    assert paused.json()["status"] == "paused" and resumed.json()["status"] == "active"
    assert rotated.status_code == 200 and rotated.json()["secret"].startswith("whsec_")
    assert deleted.status_code == 204 and gone.status_code == 404
    history = [e.event_type for e in await store.read_stream(f"subscription-{sub_id}")]
    assert history == [
        "SubscriptionCreated",
        "SubscriptionPaused",
        "SubscriptionResumed",
        "SubscriptionSecretRotated",
        "SubscriptionDeleted",
    ]
    assert "whsec_" not in str([e.data for e in await store.read_stream(f"subscription-{sub_id}")])


async def test_patch_changes_what_a_subscription_receives(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        sub_id = (await _create(client, admin_headers, description="x"))["subscription"]["id"]
        changed = await client.patch(
            f"/subscriptions/{sub_id}",
            json={"event_types": ["OffensiveLaunched", "EventRetracted"], "filter": {"min_confidence": 0.7}},
            headers=admin_headers,
        )
    body = changed.json()
    assert body["event_types"] == ["EventRetracted", "OffensiveLaunched"]
    assert body["filter"]["min_confidence"] == 0.7 and body["description"] == "x"


async def test_private_and_non_http_targets_are_refused(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    async with make_client(run_workers=False) as client:
        for url in (
            "http://127.0.0.1/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.8/x",
            "http://[::1]/x",
            "http://localhost:8080/x",
            "ftp://example.com/x",
            "file:///etc/passwd",
        ):
            response = await client.post("/subscriptions", json={"url": url}, headers=admin_headers)
            assert response.status_code == 400, (url, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")


async def test_ipv6_forms_of_private_targets_are_refused(
    make_client: ClientFactory, admin_headers: dict[str, str], pool: asyncpg.Pool
) -> None:
    async with make_client(run_workers=False) as client:
        for address in EMBEDDING_PRIVATE:
            response = await client.post(
                "/subscriptions", json={"url": f"http://[{address}]:8080/x"}, headers=admin_headers
            )
            assert response.status_code == 400, (address, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")
    assert await pool.fetchval("SELECT count(*) FROM wh_subscriptions") == 0


async def test_bad_event_types_and_filters_are_refused(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        for body in (
            {"event_types": ["ArticleSubmitted"]},
            {"filter": {"bbox": [10, 50, 5]}},
            {"filter": {"bbox": [10, 91, 5, 40]}},
            {"filter": {"min_confidence": 2}},
            {"unknown": 1},
        ):
            response = await client.post("/subscriptions", json={"url": URL, **body}, headers=admin_headers)
            assert response.status_code == 400, (body, response.text)


async def test_subscriptions_need_the_admin_scope(make_client: ClientFactory, make_headers: Any) -> None:
    ingest_only = await make_headers("ingest")
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        anonymous = await client.get("/subscriptions")
        ingest = await client.post("/subscriptions", json={"url": URL}, headers=ingest_only)
    assert anonymous.status_code == 401 and ingest.status_code == 403


async def test_replay_enqueues_history_and_deliveries_are_listed(
    make_client: ClientFactory, admin_headers: dict[str, str], store: EventStore, pool: asyncpg.Pool
) -> None:
    retracted = EventRetracted(retracted_event_id=uuid.uuid4(), reason="test", extractor_version="1")
    first = await store.append(f"article-{uuid.uuid4()}", [to_new_event(retracted)])
    await store.append(f"article-{uuid.uuid4()}", [to_new_event(retracted)])
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        sub_id = (await _create(client, admin_headers, event_types=["EventRetracted"]))["subscription"]["id"]
        start = (await store.read_all())[0].position.encode()
        assert first.positions[0] == (await store.read_all())[0].global_position
        replayed = await client.post(
            f"/subscriptions/{sub_id}/replay", json={"from_position": start}, headers=admin_headers
        )
        again = await client.post(f"/subscriptions/{sub_id}/replay", json={}, headers=admin_headers)
        page = (await client.get(f"/subscriptions/{sub_id}/deliveries?limit=3", headers=admin_headers)).json()
        rest = await client.get(
            f"/subscriptions/{sub_id}/deliveries?cursor={page['next_cursor']}", headers=admin_headers
        )
        retry = await client.post(
            f"/subscriptions/{sub_id}/deliveries/{page['items'][0]['id']}/retry", headers=admin_headers
        )
    assert replayed.json() == {"enqueued": 2} and again.json() == {"enqueued": 2}
    assert len(page["items"]) == 3 and len(rest.json()["items"]) == 1
    assert (page["total"], page["total_is_estimate"], rest.json()["total"]) == (4, False, 4)
    assert {d["generation"] for d in page["items"] + rest.json()["items"]} == {1, 2}
    assert len({d["webhook_id"] for d in page["items"] + rest.json()["items"]}) == 2
    assert retry.status_code == 202 and retry.json()["status"] == "pending"


async def test_the_served_app_delivers_to_a_subscriber(
    make_client: ClientFactory, admin_headers: dict[str, str], store: EventStore
) -> None:
    from domain.events import Evidence, TalksHeld
    from tests.infra.webhooks_receiver import Receiver

    receiver = Receiver()
    await receiver.start()
    try:
        async with make_client(webhook_allow_private=True, poll_interval_s=0.2) as client:
            response = await client.post("/subscriptions", json={"url": receiver.url}, headers=admin_headers)
            talks = to_new_event(TalksHeld(evidence=Evidence(text="Talks.", start=0, end=6)))
            await store.append(f"article-{uuid.uuid4()}", [talks])
            await receiver.wait_for(1)
            sub_id = response.json()["subscription"]["id"]
            listed = (await client.get(f"/subscriptions/{sub_id}/deliveries", headers=admin_headers)).json()
    finally:
        await receiver.stop()
    assert receiver.ids() == {f"msg_{talks.event_id}": 1}
    assert listed["items"][0]["webhook_id"] == f"msg_{talks.event_id}"


async def test_replay_from_position_zero_resends_the_whole_log(
    make_client: ClientFactory, admin_headers: dict[str, str], store: EventStore
) -> None:
    retracted = EventRetracted(retracted_event_id=uuid.uuid4(), reason="test", extractor_version="1")
    for _ in range(2):
        await store.append(f"article-{uuid.uuid4()}", [to_new_event(retracted)])
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        sub_id = (await _create(client, admin_headers, event_types=["EventRetracted"]))["subscription"]["id"]
        path = f"/subscriptions/{sub_id}/replay"
        from_zero = await client.post(path, json={"from_position": "0"}, headers=admin_headers)
        bad = await client.post(path, json={"from_position": "7"}, headers=admin_headers)
    assert from_zero.status_code == 202 and from_zero.json() == {"enqueued": 2}
    assert bad.status_code == 400 and bad.json()["detail"].startswith("from_position: ")
