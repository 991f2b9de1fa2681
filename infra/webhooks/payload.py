"""The body of a webhook (and of a stream message): the event in the API's wire format.

The codebook's extracted event (type, occurred, location, actors, casualties, evidence,
confidence) plus its envelope: id, article_id, position (the opaque log position) and
recorded_at. Retractions carry their own fields with the same envelope.
"""

from __future__ import annotations

import uuid
from typing import Any

import msgspec

from domain.events import DomainEvent
from domain.wire import article_id_of
from domain.wire import wire_event as domain_wire_event
from infra.codec import decode
from infra.event_store import RecordedEvent

_encoder = msgspec.json.Encoder()


def wire_event(recorded: RecordedEvent, event: DomainEvent | None = None) -> dict[str, Any]:
    return domain_wire_event(
        event if event is not None else decode(recorded),
        event_id=recorded.event_id,
        article_id=_article_id(recorded),
        position=recorded.position.encode(),
        recorded_at=recorded.recorded_at,
    )


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
    return _encoder.encode(wire_event(recorded, event))
