"""What a projection sees of a stored event: the decoded domain event plus envelope facts.

Projections are pure: `project(envelope) -> row changes`. Everything they need that
is not in the event itself (its id, stream, position, recording time and, for a
retraction, the event it withdraws) is handed to them here by the runner.
"""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from domain.events import CONFLICT_EVENT_TYPES, CONFLICT_TYPE_NAMES, ConflictEvent, DomainEvent, EventRetracted
from domain.streams import article_id_of

__all__ = ["LIVE_CHANGE_TOPICS", "Envelope", "article_id_of", "conflict_event", "live_change"]

# The event types (tags) `live_change` looks at: the topics of a projection of live conflict events.
LIVE_CHANGE_TOPICS: frozenset[str] = CONFLICT_TYPE_NAMES | {"EventRetracted"}


class Envelope(msgspec.Struct, frozen=True, kw_only=True):
    event: DomainEvent
    event_id: uuid.UUID
    stream_id: str
    position: str  # the opaque log position, already encoded
    tx_id: int
    global_position: int
    recorded_at: dt.datetime
    # Set on an EventRetracted that withdraws a live conflict event: that event's envelope.
    retracted: Envelope | None = None


def conflict_event(envelope: Envelope) -> ConflictEvent | None:
    """The extracted conflict event this envelope carries, if it is one from an article stream."""
    event = envelope.event
    if isinstance(event, CONFLICT_EVENT_TYPES) and article_id_of(envelope.stream_id) is not None:
        return event
    return None


def live_change(envelope: Envelope) -> tuple[Envelope, ConflictEvent, int] | None:
    """(envelope of the conflict event, the event, +1) when one appears, (…, -1) when it is retracted."""
    if isinstance(envelope.event, EventRetracted):
        target = envelope.retracted
        event = conflict_event(target) if target is not None else None
        return None if target is None or event is None else (target, event, -1)
    event = conflict_event(envelope)
    return None if event is None else (envelope, event, 1)


def day_of(envelope: Envelope, event: ConflictEvent) -> dt.date:
    """The day an event counts for: when it occurred (start), else the UTC day it was recorded."""
    if event.occurred is not None:
        return event.occurred.start
    return envelope.recorded_at.astimezone(dt.UTC).date()
