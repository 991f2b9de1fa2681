"""A subscription created without event_types receives retractions: after a re-extraction
its receiver learns which event no longer stands (a real receiver on 127.0.0.1)."""

from __future__ import annotations

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
from infra.webhooks.dispatcher import Claimed, in_log_order
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
