"""Webhook delivery end to end: the real fan-out and dispatcher against a real HTTP
receiver on 127.0.0.1 and a real PostgreSQL. Tiny retry schedules keep it fast."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import asyncpg
import pytest
from standardwebhooks import Webhook

from domain.events import Evidence, Location, TalksHeld
from infra.codec import to_new_event
from infra.event_store import EventStore
from infra.listen import Listener
from infra.settings import Settings, load_settings
from infra.webhooks import deliveries, dispatcher, subscriptions
from infra.webhooks.dispatcher import dispatch_once, run_dispatcher
from infra.webhooks.fanout import ensure_checkpoint, fanout_once, run_fanout
from infra.webhooks.ssrf import http_client
from infra.webhooks.worker import run_webhooks
from tests.infra.webhooks_receiver import Receiver


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "webhook_allow_private": True,
        "webhook_retry_schedule": (0.05, 0.1),
        "poll_interval_s": 0.2,
        "webhook_lease_s": 5.0,
    }
    return load_settings({}, **(values | overrides))


def talks(country: str = "UA") -> TalksHeld:
    return TalksHeld(
        location=Location(name="Somewhere", country=country, lat=50.0, lon=30.0),
        evidence=Evidence(text="Talks were held.", start=0, end=16),
        confidence=0.8,
    )


async def append(store: EventStore, *events: TalksHeld) -> list[uuid.UUID]:
    new = [to_new_event(e) for e in events]
    await store.append(f"article-{uuid.uuid4()}", new)
    return [n.event_id for n in new]


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    await receiver.start()
    yield receiver
    await receiver.stop()


@contextlib.asynccontextmanager
async def running(*workers: Awaitable[None]) -> AsyncIterator[None]:
    tasks = [asyncio.create_task(w) for w in workers]  # type: ignore[arg-type]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def eventually(check: Callable[[], Awaitable[bool]], within_s: float = 10.0) -> None:
    deadline = time.monotonic() + within_s
    while not await check():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.02)


async def delivery_rows(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    async with pool.acquire() as conn:
        return list(await conn.fetch("SELECT * FROM wh_deliveries ORDER BY delivery_id"))


async def test_every_matching_event_arrives_signed_exactly_once(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver, clean_db: str
) -> None:
    from domain.events.subscriptions import SubscriptionFilter

    sub, secret = await subscriptions.create(
        pool, url=receiver.url, filter=SubscriptionFilter(country="UA"), allow_private=True
    )
    async with running(run_webhooks(pool, clean_db, settings())):
        wanted = [i for _ in range(5) for i in await append(store, talks("UA"), talks("DE"), talks("UA"))][::1]
        ua = {f"msg_{i}" for n, i in enumerate(wanted) if n % 3 != 1}
        await receiver.wait_for(len(ua))
        await asyncio.sleep(0.3)  # anything extra would show up now
    assert set(receiver.ids()) == ua and set(receiver.ids().values()) == {1}
    for request in receiver.accepted():
        body = Webhook(secret).verify(request.body, request.headers)
        assert request.headers["webhook-id"] == f"msg_{body['id']}"
        assert body["type"] == "TalksHeld" and body["location"]["country"] == "UA"
        assert {"position", "recorded_at", "article_id", "evidence", "confidence"} <= body.keys()
        assert request.headers["content-type"] == "application/json"
    assert all(r["status"] == "succeeded" and r["attempt_count"] == 1 for r in await delivery_rows(pool))
    assert sub.status == "active"


async def test_events_before_a_subscription_existed_are_not_fanned_out(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver
) -> None:
    await append(store, talks())
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    later = await append(store, talks())
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    assert [r["event_id"] for r in await delivery_rows(pool)] == later


async def test_a_receiver_that_was_down_gets_the_event_later(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver, clean_db: str
) -> None:
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    await receiver.stop()
    async with running(run_webhooks(pool, clean_db, settings(webhook_retry_schedule=(0.3, 0.3, 0.3, 0.3)))):
        [event_id] = await append(store, talks())
        await eventually(lambda: _attempts_at_least(pool, 1))
        await receiver.start()
        await receiver.wait_for(1)
        await eventually(lambda: _all_status(pool, "succeeded"))
    [row] = await delivery_rows(pool)
    assert receiver.ids() == {f"msg_{event_id}": 1} and row["attempt_count"] >= 2
    attempts = await deliveries.attempts(pool, row["subscription_id"], row["delivery_id"])
    assert attempts[0].status_code is None and "Connect" in (attempts[0].error or "")
    assert attempts[-1].status_code == 200 and attempts[-1].response_excerpt == "ok"


async def test_a_delivery_is_dead_lettered_after_the_last_attempt(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver, clean_db: str
) -> None:
    receiver.status = 500
    sub, _ = await subscriptions.create(pool, url=receiver.url, allow_private=True)
    async with running(run_webhooks(pool, clean_db, settings())):
        await append(store, talks())
        await eventually(lambda: _all_status(pool, "failed"))
    [row] = await delivery_rows(pool)
    assert row["attempt_count"] == 3 and row["last_status_code"] == 500
    attempts = await deliveries.attempts(pool, sub.id, row["delivery_id"])
    assert [a.status_code for a in attempts] == [500, 500, 500] and attempts[0].response_excerpt == "nope"
    assert (await subscriptions.get(pool, sub.id)).status == "active"  # one dead letter does not disable


async def test_410_gone_disables_the_subscription_and_cancels_the_rest(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver
) -> None:
    receiver.status = 410
    sub, _ = await subscriptions.create(pool, url=receiver.url, allow_private=True)
    await append(store, talks(), talks(), talks())
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    one = settings(webhook_batch=1)
    async with http_client(allow_private=True, timeout=2) as client:
        await dispatch_once(pool, client, one)
        assert await dispatch_once(pool, client, one) == 0
    shown = await subscriptions.get(pool, sub.id)
    assert shown.status == "disabled" and (shown.disabled_reason or "").startswith("gone_410")
    assert sorted(r["status"] for r in await delivery_rows(pool)) == ["cancelled", "cancelled", "failed"]
    history = await store.read_stream(f"subscription-{sub.id}")
    assert history[-1].event_type == "SubscriptionPaused" and b"gone_410" in history[-1].data


async def test_an_endpoint_failing_for_too_long_is_disabled_with_the_reason(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver
) -> None:
    receiver.status = 503
    sub, _ = await subscriptions.create(pool, url=receiver.url, allow_private=True)
    async with pool.acquire() as conn:
        await conn.execute("UPDATE wh_subscriptions SET first_failure_at = now() - interval '6 days'")
    await append(store, talks())
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    async with http_client(allow_private=True, timeout=2) as client:
        await dispatch_once(pool, client, settings())
    shown = await subscriptions.get(pool, sub.id)
    assert shown.status == "disabled" and (shown.disabled_reason or "").startswith("failing")


async def test_retry_after_is_honoured_on_429(pool: asyncpg.Pool, store: EventStore, receiver: Receiver) -> None:
    receiver.status, receiver.extra_headers = 429, {"Retry-After": "3"}
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    await append(store, talks())
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    async with http_client(allow_private=True, timeout=2) as client:
        await dispatch_once(pool, client, settings(webhook_retry_schedule=(0.05, 10.0)))
    [row] = await delivery_rows(pool)
    wait = (row["next_attempt_at"] - row["last_attempt_at"]).total_seconds()
    assert row["status"] == "pending" and 2.5 < wait < 3.5


async def test_two_dispatchers_never_send_the_same_delivery_at_once(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver, clean_db: str
) -> None:
    receiver.delay_s = 0.02
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    config = settings(webhook_batch=5)
    listeners = [Listener(clean_db) for _ in range(3)]
    ids = [i for _ in range(10) for i in await append(store, *(talks() for _ in range(4)))]
    async with running(
        run_fanout(pool, listeners[0], batch=500, poll_s=0.1),
        run_dispatcher(pool, listeners[1], config),
        run_dispatcher(pool, listeners[2], config),
    ):
        await receiver.wait_for(len(ids))
        await asyncio.sleep(0.2)
    for listener in listeners:
        await listener.close()
    assert receiver.overlaps == [] and set(receiver.ids().values()) == {1} and len(receiver.ids()) == 40


async def test_a_dispatcher_killed_mid_batch_loses_nothing(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver, clean_db: str
) -> None:
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    ids = [event_id for _ in range(6) for event_id in await append(store, talks())]  # six articles: sent at once
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    receiver.delay_s = 5.0
    config = settings(webhook_lease_s=1.0)
    async with http_client(allow_private=True, timeout=5) as client:
        doomed = asyncio.create_task(dispatch_once(pool, client, config))
        await eventually(lambda: _received(receiver, 6))  # claimed and in flight
        doomed.cancel()
        await asyncio.gather(doomed, return_exceptions=True)
    receiver.delay_s = 0.0
    assert await _all_status(pool, "pending")
    async with running(run_webhooks(pool, clean_db, config)):
        await receiver.wait_for(6)
        await eventually(lambda: _all_status(pool, "succeeded"))
    assert set(receiver.ids()) == {f"msg_{i}" for i in ids}


async def test_paused_subscriptions_queue_and_send_on_resume(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver
) -> None:
    sub, _ = await subscriptions.create(pool, url=receiver.url, allow_private=True)
    await subscriptions.patch(pool, sub.id, paused=True, changes={})
    await append(store, talks())
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    async with http_client(allow_private=True, timeout=2) as client:
        assert await dispatch_once(pool, client, settings()) == 0
        await subscriptions.patch(pool, sub.id, paused=False, changes={})
        assert await dispatch_once(pool, client, settings()) == 1
    assert len(receiver.ids()) == 1


async def test_a_rotated_secret_signs_alongside_the_old_one(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver
) -> None:
    sub, old = await subscriptions.create(pool, url=receiver.url, allow_private=True)
    new = await subscriptions.rotate_secret(pool, sub.id)
    await append(store, talks())
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    async with http_client(allow_private=True, timeout=2) as client:
        await dispatch_once(pool, client, settings())
    [request] = receiver.accepted()
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    for secret in (old, new):
        assert Webhook(secret).verify(request.body, request.headers)["type"] == "TalksHeld"


async def test_private_targets_are_refused_again_at_send_time(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver
) -> None:
    await subscriptions.create(pool, url=receiver.url, allow_private=True)  # e.g. DNS changed since
    await append(store, talks())
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    async with http_client(allow_private=False, timeout=2) as client:
        await dispatch_once(pool, client, settings(webhook_allow_private=False))
    [row] = await delivery_rows(pool)
    assert receiver.requests == [] and "non-public" in row["last_error"]


async def test_a_replay_resends_with_the_same_webhook_id(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver
) -> None:
    sub, secret = await subscriptions.create(pool, url=receiver.url, allow_private=True)
    [event_id] = await append(store, talks())
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    async with http_client(allow_private=True, timeout=2) as client:
        await dispatch_once(pool, client, settings())
        first = json.loads(receiver.accepted()[0].body)
        from infra.event_store import Position

        assert await deliveries.replay(pool, sub.id, Position.decode(first["position"])) == 1
        await dispatch_once(pool, client, settings())
    assert receiver.ids() == {f"msg_{event_id}": 2}
    assert Webhook(secret).verify(receiver.accepted()[1].body, receiver.accepted()[1].headers)["id"] == str(event_id)


async def _attempts_at_least(pool: asyncpg.Pool, n: int) -> bool:
    async with pool.acquire() as conn:
        return bool(await conn.fetchval("SELECT count(*) >= $1 FROM wh_attempts", n))


async def _all_status(pool: asyncpg.Pool, status: str) -> bool:
    rows = await delivery_rows(pool)
    return bool(rows) and all(r["status"] == status for r in rows)


async def _received(receiver: Receiver, n: int) -> bool:
    return len(receiver.requests) >= n


async def test_an_outcome_a_deadlock_aborted_is_written_again_not_sent_twice(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two dispatch loops' outcome transactions can deadlock in PostgreSQL; the aborted one is written
    again, so its deliveries are not left leased to be sent a second time when the lease runs out."""
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    await append(store, talks())
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    real, tries = dispatcher._record_successes, []

    async def deadlocking_once(pool: asyncpg.Pool, done: list[Any]) -> None:
        tries.append(len(done))
        if len(tries) == 1:
            raise asyncpg.DeadlockDetectedError("deadlock detected")
        await real(pool, done)

    monkeypatch.setattr(dispatcher, "_record_successes", deadlocking_once)
    async with http_client(allow_private=True, timeout=2) as client:
        assert await dispatch_once(pool, client, settings()) == 1
    [row] = await delivery_rows(pool)
    assert tries == [1, 1] and row["status"] == "succeeded" and row["lease_id"] is None
    assert len(receiver.accepted()) == 1
