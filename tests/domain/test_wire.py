"""The wire format: one Struct whose JSON is the codebook's event plus its log identity,
field for field in the order clients have always received."""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from domain.events import Actor, Casualties, EventRetracted, Evidence, Location, Occurred, TalksHeld
from domain.wire import WireEvent, wire_event, wire_retraction

EVENT_ID = uuid.UUID(int=5)
ARTICLE = uuid.UUID(int=9)
AT = dt.datetime(2024, 5, 2, 8, 15, tzinfo=dt.UTC)
TALKS = TalksHeld(
    occurred=Occurred(start=dt.date(2024, 5, 1), end=dt.date(2024, 5, 1), precision="day"),
    location=Location(name="Geneva", country="CH", lat=46.2, lon=6.15),
    actors=(Actor(name="the envoy", code="UN", role="mediator"),),
    casualties=Casualties(),
    evidence=Evidence(text="Envoys met in Geneva on Wednesday.", start=0, end=34),
    confidence=0.8,
)


def test_an_event_is_its_codebook_fields_then_id_article_position_and_recording_time() -> None:
    wire = wire_event(TALKS, event_id=EVENT_ID, article_id=ARTICLE, position="7-3", recorded_at=AT)
    expected = {
        **msgspec.to_builtins(TALKS),
        "id": str(EVENT_ID),
        "article_id": str(ARTICLE),
        "position": "7-3",
        "recorded_at": "2024-05-02T08:15:00Z",
    }
    assert msgspec.json.encode(wire) == msgspec.json.encode(expected)
    assert wire.type == "TalksHeld"


def test_the_served_json_decodes_back_into_the_same_event() -> None:
    wire = wire_event(TALKS, event_id=EVENT_ID, article_id=ARTICLE, position="7-3", recorded_at=AT)
    assert msgspec.json.decode(msgspec.json.encode(wire), type=WireEvent) == wire


def test_a_retraction_keeps_its_own_fields_with_the_same_envelope() -> None:
    retracted = EventRetracted(retracted_event_id=EVENT_ID, reason="no longer extracted", extractor_version="3")
    wire = wire_retraction(retracted, event_id=uuid.UUID(int=6), article_id=None, position="8-1", recorded_at=AT)
    assert msgspec.to_builtins(wire) == {
        "type": "EventRetracted",
        "retracted_event_id": str(EVENT_ID),
        "reason": "no longer extracted",
        "extractor_version": "3",
        "id": str(uuid.UUID(int=6)),
        "article_id": None,
        "position": "8-1",
        "recorded_at": "2024-05-02T08:15:00Z",
    }
