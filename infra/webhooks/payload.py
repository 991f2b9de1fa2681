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
from infra.codec import decode
from infra.event_store import Position, RecordedEvent

_encoder = msgspec.json.Encoder()


def article_id_of(recorded: RecordedEvent) -> str | None:
    """Extracted events live in the stream `article-<article_id>` (metadata may say so too)."""
    given = recorded.metadata.get("article_id")
    if isinstance(given, str):
        return given
    category, _, rest = recorded.stream_id.partition("-")
    if category != "article":
        return None
    try:
        return str(uuid.UUID(rest))
    except ValueError:
        return None


def wire_event(recorded: RecordedEvent, event: DomainEvent | None = None) -> dict[str, Any]:
    body: dict[str, Any] = msgspec.to_builtins(event if event is not None else decode(recorded))
    body["id"] = str(recorded.event_id)
    body["article_id"] = article_id_of(recorded)
    body["position"] = Position(recorded.tx_id, recorded.global_position).encode()
    body["recorded_at"] = msgspec.to_builtins(recorded.recorded_at)
    return body


def wire_bytes(recorded: RecordedEvent, event: DomainEvent | None = None) -> bytes:
    return _encoder.encode(wire_event(recorded, event))
