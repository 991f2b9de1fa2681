"""Encode domain events for the store and decode stored events back into domain types.

The stored `data` is the event's msgspec JSON, including its stable `type` tag.
Upcasters turn older schema versions into the current shape before decoding.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import msgspec

from domain.events import DomainEvent
from infra.event_store import NewEvent, RecordedEvent

CURRENT_SCHEMA_VERSION = 1
# (event_type, schema_version) -> upcaster producing the next version's dict
UPCASTERS: dict[tuple[str, int], Callable[[dict[str, Any]], dict[str, Any]]] = {}

_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(DomainEvent)


def type_name(event: DomainEvent) -> str:
    return str(type(event).__struct_config__.tag)


def to_new_event(
    event: DomainEvent, *, event_id: uuid.UUID | None = None, metadata: dict[str, Any] | None = None
) -> NewEvent:
    return NewEvent(
        event_id=event_id or uuid.uuid4(),
        event_type=type_name(event),
        data=_encoder.encode(event),
        metadata=metadata or {},
        schema_version=CURRENT_SCHEMA_VERSION,
    )


def decode(recorded: RecordedEvent) -> DomainEvent:
    if recorded.schema_version == CURRENT_SCHEMA_VERSION:
        event: DomainEvent = _decoder.decode(recorded.data)
        return event
    raw: dict[str, Any] = msgspec.json.decode(recorded.data)
    version = recorded.schema_version
    while version < CURRENT_SCHEMA_VERSION:
        raw = UPCASTERS[(recorded.event_type, version)](raw)
        version += 1
    upcast: DomainEvent = msgspec.convert(raw, DomainEvent)
    return upcast
