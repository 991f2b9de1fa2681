"""The review family: people's decisions on extracted events and corrections to articles.

They live in the article's own stream (`article-<id>`), after the events they judge, so
the stream's version check orders a review against a concurrent re-extraction. Each
names its reviewer (the API key's name) and, where given, why.
"""

from __future__ import annotations

import uuid

import msgspec

from domain.events.conflict import ConflictEvent


class EventConfirmed(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="EventConfirmed"):
    """A person checked an extracted event against its article and found it right."""

    event_id: uuid.UUID
    reviewer: str
    note: str | None = None


class EventRejected(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="EventRejected"):
    """A person found an extracted event wrong: it leaves the read models and does not come back."""

    event_id: uuid.UUID
    reviewer: str
    reason: str


class EventCorrected(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="EventCorrected"):
    """A person corrected fields of an extracted event; `corrected` is the whole event as it now stands."""

    event_id: uuid.UUID
    reviewer: str
    corrected: ConflictEvent
    changed: tuple[str, ...]  # the fields the person changed (type, location, actors, occurred, casualties)
    note: str | None = None


class EventFlaggedForRereview(
    msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="EventFlaggedForRereview"
):
    """A re-extraction disagrees with an event a person confirmed or corrected: the decision stands,
    and the event waits for a person to look again."""

    event_id: uuid.UUID
    extractor_version: str
    reason: str


class ArticleCorrected(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="ArticleCorrected"):
    """A person corrected the article's metadata; extraction re-runs with it. Only the given fields change."""

    article_id: uuid.UUID
    reviewer: str
    published_at: str | None = None
    language: str | None = None
    source: str | None = None
    title: str | None = None
    note: str | None = None


ReviewEvent = EventConfirmed | EventRejected | EventCorrected | EventFlaggedForRereview | ArticleCorrected
REVIEW_EVENT_TYPES: tuple[type, ...] = (
    EventConfirmed,
    EventRejected,
    EventCorrected,
    EventFlaggedForRereview,
    ArticleCorrected,
)
REVIEW_TYPE_NAMES: frozenset[str] = frozenset(t.__name__ for t in REVIEW_EVENT_TYPES)
