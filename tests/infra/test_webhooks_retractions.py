"""A subscription created without event_types receives retractions: after a re-extraction
its receiver learns which event no longer stands (a real receiver on 127.0.0.1)."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest
from standardwebhooks import Webhook

from domain.events import EventRetracted
from domain.events.subscriptions import SubscriptionFilter
from infra.codec import to_new_event
from infra.event_store import EventStore, RecordedEvent
from infra.webhooks import subscriptions
from infra.webhooks.dispatcher import Claimed, claim, dispatch_once, in_log_order
from infra.webhooks.fanout import ensure_checkpoint, fanout_once
from infra.webhooks.ssrf import http_client
from infra.webhooks.worker import run_webhooks
from tests.infra.test_webhooks_delivery import running, settings, talks
from tests.infra.webhooks_receiver import Receiver


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    await receiver.start()
    yield receiver
    await receiver.stop()


async def test_a_default_subscriber_receives_the_retraction_of_an_event_it_got(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver, clean_db: str
) -> None:
    _, secret = await subscriptions.create(
        pool, url=receiver.url, filter=SubscriptionFilter(country="UA"), allow_private=True
    )
    stream = f"article-{uuid.uuid4()}"
    original = to_new_event(talks("UA"))
    retraction = to_new_event(
        EventRetracted(retracted_event_id=original.event_id, reason="no longer extracted", extractor_version="2")
    )
    async with running(run_webhooks(pool, clean_db, settings())):
        await store.append(stream, [original])
        await store.append(stream, [retraction], expected_version=1)
        await receiver.wait_for(2)
    bodies = [Webhook(secret).verify(r.body, r.headers) for r in receiver.accepted()]
    assert [b["type"] for b in bodies] == ["TalksHeld", "EventRetracted"]
    assert bodies[1]["retracted_event_id"] == str(original.event_id)
    assert receiver.ids() == {f"msg_{original.event_id}": 1, f"msg_{retraction.event_id}": 1}


async def _event_and_retraction(store: EventStore) -> tuple[uuid.UUID, uuid.UUID]:
    stream = f"article-{uuid.uuid4()}"
    original = to_new_event(talks("UA"))
    retraction = to_new_event(
        EventRetracted(retracted_event_id=original.event_id, reason="no longer extracted", extractor_version="2")
    )
    await store.append(stream, [original])
    await store.append(stream, [retraction], expected_version=1)
    return original.event_id, retraction.event_id


async def test_a_retraction_is_not_claimed_while_its_event_is_in_flight(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver
) -> None:
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    original, _retraction = await _event_and_retraction(store)
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    first = await claim(pool, limit=1, lease_s=30)
    assert [c.event.event_id for c in first] == [original]
    assert await claim(pool, limit=10, lease_s=30) == []  # a second dispatch loop waits for the lane


async def test_a_lane_stops_at_a_failure_and_the_retraction_waits_for_the_retry(
    pool: asyncpg.Pool, store: EventStore, receiver: Receiver
) -> None:
    await subscriptions.create(pool, url=receiver.url, allow_private=True)
    original, retraction = await _event_and_retraction(store)
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    config = settings(webhook_retry_schedule=(0.3, 10.0))
    async with http_client(allow_private=True, timeout=5.0) as client:
        receiver.status = 503
        assert await dispatch_once(pool, client, config) == 2
        assert [r.headers["webhook-id"] for r in receiver.requests] == [f"msg_{original}"]  # nothing overtook it
        assert await dispatch_once(pool, client, config) == 0  # nor claimed before the retry is due
        receiver.status = 200
        await asyncio.sleep(0.4)
        assert await dispatch_once(pool, client, config) == 2
    delivered = [r.headers["webhook-id"] for r in receiver.accepted()]
    assert delivered == [f"msg_{original}", f"msg_{retraction}"]


def _claimed(subscription: uuid.UUID, stream: str, position: int) -> Claimed:
    event = RecordedEvent(
        global_position=position,
        tx_id=1,
        event_id=uuid.uuid4(),
        stream_id=stream,
        stream_version=position,
        event_type="TalksHeld",
        schema_version=1,
        data=b"{}",
        metadata={},
        recorded_at=dt.datetime.now(dt.UTC),
    )
    return Claimed(
        delivery_id=position,
        subscription_id=subscription,
        lease_id=uuid.uuid4(),
        schedule_step=0,
        manual=False,
        url="http://127.0.0.1/hook",
        secrets=(),
        grace_until=None,
        event=event,
    )


def test_a_batch_is_sent_in_lanes_per_subscription_and_article_each_in_log_order() -> None:
    one, two = uuid.uuid4(), uuid.uuid4()
    batch = [_claimed(one, "article-a", 3), _claimed(one, "article-b", 2), _claimed(one, "article-a", 1)]
    batch.append(_claimed(two, "article-a", 4))
    lanes = [[(c.subscription_id, c.event.stream_id, c.delivery_id) for c in lane] for lane in in_log_order(batch)]
    assert sorted(lanes) == sorted(
        [[(one, "article-a", 1), (one, "article-a", 3)], [(one, "article-b", 2)], [(two, "article-a", 4)]]
    )
