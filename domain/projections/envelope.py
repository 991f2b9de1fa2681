"""What a projection sees of a stored event: the decoded domain event plus envelope facts.

Projections are pure: `project(envelope) -> row changes`. Everything they need that
is not in the event itself (its id, stream, position, recording time and, for a
retraction, the event it withdraws) is handed to them here by the runner.
"""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from domain.events import (
    CONFLICT_EVENT_TYPES,
    CONFLICT_TYPE_NAMES,
    ConflictEvent,
    DomainEvent,
    EventConfirmed,
    EventCorrected,
    EventFlaggedForRereview,
    EventRejected,
    EventRetracted,
)
from domain.review import ReviewedEvent, apply_decision
from domain.streams import article_id_of

__all__ = [
    "DECISION_TYPES",
    "LIVE_CHANGE_TOPICS",
    "Decision",
    "Envelope",
    "article_id_of",
    "as_decision",
    "conflict_event",
    "judged_id",
    "live_changes",
    "withdrawn",
]

# What judges an extracted event after it was stored: a re-extraction's retraction or a person's review.
Decision = EventRetracted | EventConfirmed | EventRejected | EventCorrected | EventFlaggedForRereview
DECISION_TYPES: tuple[type, ...] = (
    EventRetracted,
    EventConfirmed,
    EventRejected,
    EventCorrected,
    EventFlaggedForRereview,
)
# The event types (tags) `live_changes` looks at: the topics of a projection of live conflict events.
LIVE_CHANGE_TOPICS: frozenset[str] = CONFLICT_TYPE_NAMES | frozenset(t.__name__ for t in DECISION_TYPES)


class Envelope(msgspec.Struct, frozen=True, kw_only=True):
    event: DomainEvent
    event_id: uuid.UUID
    stream_id: str
    position: str  # the opaque log position, already encoded
    tx_id: int
    global_position: int
    recorded_at: dt.datetime
    # Set on a decision about an extracted event of the same stream, written earlier: that event's
    # envelope, and its reviewed state before this decision (every earlier decision folded in).
    target: Envelope | None = None
    before: ReviewedEvent | None = None


def conflict_event(envelope: Envelope) -> ConflictEvent | None:
    """The extracted conflict event this envelope carries, if it is one from an article stream."""
    event = envelope.event
    if isinstance(event, CONFLICT_EVENT_TYPES) and article_id_of(envelope.stream_id) is not None:
        return event
    return None


def as_decision(event: object) -> Decision | None:
    """The event as a decision about an extracted event, if it is one."""
    if isinstance(event, (EventRetracted, EventConfirmed, EventRejected, EventCorrected, EventFlaggedForRereview)):
        return event
    return None


def judged_id(decision: Decision) -> uuid.UUID:
    """The id of the extracted event a decision is about."""
    return decision.retracted_event_id if isinstance(decision, EventRetracted) else decision.event_id


def withdrawn(envelope: Envelope) -> Envelope | None:
    """For an EventRetracted that withdraws a stored extracted event (not one withdrawn before): that
    event's envelope."""
    if isinstance(envelope.event, EventRetracted) and envelope.before is not None and not envelope.before.retracted:
        return envelope.target
    return None


def live_changes(envelope: Envelope) -> list[tuple[Envelope, ConflictEvent, int]]:
    """What an event changes in the set of live events, as (envelope of the extracted event, the event
    in its current form, +1 or -1): an extraction adds; a retraction or rejection removes; a correction
    swaps the old form for the new; a confirmation of a rejected event brings it back."""
    event = conflict_event(envelope)
    if event is not None:
        return [(envelope, event, 1)]
    decision = as_decision(envelope.event)
    if envelope.target is None or envelope.before is None or decision is None:
        return []
    before, after = envelope.before, apply_decision(envelope.before, decision)
    was, now = counts(before), counts(after)
    if was and now and before.current == after.current:
        return []
    return [
        *([(envelope.target, before.current, -1)] if was else []),
        *([(envelope.target, after.current, 1)] if now else []),
    ]


def counts(reviewed: ReviewedEvent) -> bool:
    """Whether an extracted event counts as live: not retracted and not rejected by a person."""
    return not reviewed.retracted and reviewed.status != "rejected"


def day_of(envelope: Envelope, event: ConflictEvent) -> dt.date:
    """The day an event counts for: when it occurred (start), else the UTC day it was recorded."""
    if event.occurred is not None:
        return event.occurred.start
    return envelope.recorded_at.astimezone(dt.UTC).date()
