"""Domain events: frozen, kw_only, tagged msgspec Structs, one module per family.

`DomainEvent` is the union of every stored event type; the type tag is the stable
name stored in the event log's `event_type` column.
"""

from __future__ import annotations

from domain.events.articles import ArticleSubmitted, EventRetracted
from domain.events.common import Actor, Casualties, Evidence, Location, Occurred
from domain.events.conflict import (
    CONFLICT_EVENT_TYPES,
    CONFLICT_TYPE_NAMES,
    CeasefireAnnounced,
    ConflictEvent,
    OffensiveLaunched,
    ResolutionBlocked,
    TalksHeld,
)
from domain.events.releases import ReleaseCreated
from domain.events.review import (
    REVIEW_EVENT_TYPES,
    REVIEW_TYPE_NAMES,
    ArticleCorrected,
    EventConfirmed,
    EventCorrected,
    EventFlaggedForRereview,
    EventRejected,
    ReviewEvent,
)
from domain.events.subscriptions import SUBSCRIPTION_EVENT_TYPES, SubscriptionEvent

DomainEvent = ArticleSubmitted | EventRetracted | ConflictEvent | ReviewEvent | ReleaseCreated | SubscriptionEvent

ALL_EVENT_TYPES: tuple[type, ...] = (
    ArticleSubmitted,
    EventRetracted,
    *CONFLICT_EVENT_TYPES,
    *REVIEW_EVENT_TYPES,
    ReleaseCreated,
    *SUBSCRIPTION_EVENT_TYPES,
)

__all__ = [
    "ALL_EVENT_TYPES",
    "CONFLICT_EVENT_TYPES",
    "CONFLICT_TYPE_NAMES",
    "REVIEW_EVENT_TYPES",
    "REVIEW_TYPE_NAMES",
    "Actor",
    "ArticleCorrected",
    "ArticleSubmitted",
    "Casualties",
    "CeasefireAnnounced",
    "ConflictEvent",
    "DomainEvent",
    "EventConfirmed",
    "EventCorrected",
    "EventFlaggedForRereview",
    "EventRejected",
    "EventRetracted",
    "Evidence",
    "Location",
    "Occurred",
    "OffensiveLaunched",
    "ReleaseCreated",
    "ResolutionBlocked",
    "ReviewEvent",
    "SubscriptionEvent",
    "TalksHeld",
]
