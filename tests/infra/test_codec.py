"""Every domain event type survives encode -> store shape -> decode unchanged."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from domain.events import (
    Actor,
    ArticleSubmitted,
    Casualties,
    CeasefireAnnounced,
    DomainEvent,
    EventRetracted,
    Evidence,
    Location,
    Occurred,
    OffensiveLaunched,
    ResolutionBlocked,
    TalksHeld,
)
from domain.events.releases import ReleaseCreated
from domain.events.review import (
    ArticleCorrected,
    EventConfirmed,
    EventCorrected,
    EventFlaggedForRereview,
    EventRejected,
)
from domain.events.subscriptions import (
    SubscriptionCreated,
    SubscriptionDeleted,
    SubscriptionFilter,
    SubscriptionPaused,
    SubscriptionResumed,
    SubscriptionSecretRotated,
    SubscriptionUpdated,
)
from infra.codec import decode, to_new_event, type_name
from infra.event_store import RecordedEvent

EVIDENCE = Evidence(text="Die Armee rückte vor.", start=10, end=31)
SUB = uuid.uuid4()
SAMPLES: list[DomainEvent] = [
    ArticleSubmitted(article_id=uuid.uuid4(), title="T", text="Text", content_hash="abc", published_at="2016-10"),
    EventRetracted(retracted_event_id=uuid.uuid4(), reason="no longer extracted", extractor_version="2"),
    TalksHeld(
        evidence=EVIDENCE,
        actors=(Actor(name="Lawrow", code="RUS", role="participant"),),
        occurred=Occurred(start=dt.date(2016, 10, 4), end=dt.date(2016, 10, 5), precision="day", text="am Dienstag"),
    ),
    CeasefireAnnounced(evidence=EVIDENCE, location=Location(name="Syria", country="SY", precision="country")),
    OffensiveLaunched(evidence=EVIDENCE, casualties=Casualties(killed=34, children_killed=17), confidence=0.8),
    ResolutionBlocked(evidence=EVIDENCE, actors=(Actor(name="Russland", code="RUS", role="blocked_by"),)),
    EventConfirmed(event_id=SUB, reviewer="analyst", note="checked against the article"),
    EventRejected(event_id=SUB, reviewer="analyst", reason="a sports report"),
    EventCorrected(
        event_id=SUB,
        reviewer="analyst",
        corrected=TalksHeld(evidence=EVIDENCE, location=Location(name="Geneva", country="CH")),
        changed=("location",),
    ),
    EventFlaggedForRereview(event_id=SUB, extractor_version="rules-3", reason="no longer extracted"),
    ArticleCorrected(article_id=SUB, reviewer="analyst", published_at="2016-10-04"),
    ReleaseCreated(
        name="2026.12", position="7-42", created_by="admin", created_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    ),
    SubscriptionCreated(subscription_id=SUB, url="https://example.org/hook", filter=SubscriptionFilter(country="SY")),
    SubscriptionUpdated(subscription_id=SUB, event_types=("TalksHeld",), description="talks only"),
    SubscriptionPaused(subscription_id=SUB),
    SubscriptionResumed(subscription_id=SUB),
    SubscriptionDeleted(subscription_id=SUB),
    SubscriptionSecretRotated(subscription_id=SUB),
    SubscriptionUpdated(subscription_id=SUB, event_types=("TalksHeld",)),
]


@pytest.mark.parametrize("event", SAMPLES, ids=lambda e: type(e).__name__)
def test_every_event_type_round_trips(event: DomainEvent) -> None:
    new = to_new_event(event)
    assert new.event_type == type_name(event) == type(event).__name__
    recorded = RecordedEvent(
        global_position=1,
        tx_id=1,
        event_id=new.event_id,
        stream_id="x-1",
        stream_version=1,
        event_type=new.event_type,
        schema_version=new.schema_version,
        data=new.data,
        metadata={},
        recorded_at=dt.datetime.now(dt.UTC),
    )
    assert decode(recorded) == event


def test_samples_cover_every_event_type() -> None:
    from domain.events import ALL_EVENT_TYPES

    assert {type(e) for e in SAMPLES} == set(ALL_EVENT_TYPES)
