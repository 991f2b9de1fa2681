"""The API's wire format of an event: one contract for the ingest reply, the read model's
stored body, `GET /events`, webhooks, the live stream and the OpenAPI schema.

The codebook's extracted event (type, occurred, location, actors, casualties, evidence,
confidence) plus its envelope facts: id, article_id, position (the opaque log position)
and recorded_at. A retraction (webhooks and the stream only) carries its own fields with
the same envelope.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

import msgspec

from domain.events import ConflictEvent, EventRetracted
from domain.events.common import Actor, Casualties, Evidence, Location, Occurred

ConflictType = Literal["TalksHeld", "CeasefireAnnounced", "OffensiveLaunched", "ResolutionBlocked"]


class WireEvent(msgspec.Struct, frozen=True, kw_only=True):
    """An extracted event as served: the codebook's wire format plus its log identity."""

    type: ConflictType
    occurred: Occurred | None = None
    location: Location | None = None
    actors: tuple[Actor, ...] = ()
    casualties: Casualties | None = None
    evidence: Evidence
    confidence: float
    id: uuid.UUID
    article_id: uuid.UUID
    position: str
    recorded_at: dt.datetime


class WireRetraction(msgspec.Struct, frozen=True, kw_only=True):
    """A withdrawn event as delivered to webhooks and the stream."""

    type: Literal["EventRetracted"] = "EventRetracted"
    retracted_event_id: uuid.UUID
    reason: str
    extractor_version: str
    id: uuid.UUID
    article_id: uuid.UUID | None
    position: str
    recorded_at: dt.datetime


def wire_event(
    event: ConflictEvent, *, event_id: uuid.UUID, article_id: uuid.UUID, position: str, recorded_at: dt.datetime
) -> WireEvent:
    return WireEvent(
        type=type_of(event),
        **msgspec.structs.asdict(event),
        id=event_id,
        article_id=article_id,
        position=position,
        recorded_at=recorded_at,
    )


def wire_retraction(
    event: EventRetracted,
    *,
    event_id: uuid.UUID,
    article_id: uuid.UUID | None,
    position: str,
    recorded_at: dt.datetime,
) -> WireRetraction:
    return WireRetraction(
        **msgspec.structs.asdict(event),
        id=event_id,
        article_id=article_id,
        position=position,
        recorded_at=recorded_at,
    )


def type_of(event: ConflictEvent) -> ConflictType:
    tag: ConflictType = type(event).__struct_config__.tag  # type: ignore[assignment]
    return tag
