"""The body of a webhook (and of a stream message): the event in the API's wire format
(`domain.wire`), built from a stored event."""

from __future__ import annotations

import uuid

import msgspec

from domain.events import CONFLICT_EVENT_TYPES, DomainEvent, EventRetracted
from domain.streams import article_id_of
from domain.wire import WireEvent, WireRetraction, wire_event, wire_retraction
from infra.codec import decode
from infra.event_store import RecordedEvent

_encoder = msgspec.json.Encoder()


def wire_message(recorded: RecordedEvent, event: DomainEvent | None = None) -> WireEvent | WireRetraction:
    """A conflict event or a retraction in the wire format (no other type is delivered)."""
    event = event if event is not None else decode(recorded)
    event_id, article_id = recorded.event_id, _article_id(recorded)
    position, at = recorded.position.encode(), recorded.recorded_at
    if isinstance(event, EventRetracted):
        return wire_retraction(event, event_id=event_id, article_id=article_id, position=position, recorded_at=at)
    if isinstance(event, CONFLICT_EVENT_TYPES) and article_id is not None:
        return wire_event(event, event_id=event_id, article_id=article_id, position=position, recorded_at=at)
    raise ValueError(f"{recorded.event_type} in {recorded.stream_id} has no wire format")


def _article_id(recorded: RecordedEvent) -> uuid.UUID | None:
    """Extracted events live in the stream `article-<article_id>` (metadata may say so too)."""
    given = recorded.metadata.get("article_id")
    if isinstance(given, str):
        try:
            return uuid.UUID(given)
        except ValueError:
            pass
    return article_id_of(recorded.stream_id)


def wire_bytes(recorded: RecordedEvent, event: DomainEvent | None = None) -> bytes:
    return _encoder.encode(wire_message(recorded, event))
