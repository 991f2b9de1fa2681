"""Request and response Structs of the HTTP API (shared: add yours in a section of your own)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec

from application.queries import articles, timeline
from domain.incidents.projection import IncidentView
from domain.wire import WireEvent

# --- read side: events, articles, catalog, log -------------------------------------------


class ArticleSummary(msgspec.Struct, kw_only=True):
    id: uuid.UUID
    title: str
    url: str | None
    source: str | None
    published_at: str | None


class EventItem(WireEvent, frozen=True, kw_only=True):
    """An event as `GET /events` serves it: with its incident (null until the projection links it)."""

    incident_id: uuid.UUID | None = None


class EventDetail(EventItem, frozen=True, kw_only=True):
    """The event with a summary of the article it was extracted from."""

    article: ArticleSummary | None


class ArticleWithEvents(articles.ArticleView, kw_only=True):
    events: list[WireEvent]


class Timeline(msgspec.Struct, kw_only=True):
    interval: str
    items: list[timeline.TimelineBucket]


class LogEntry(msgspec.Struct, kw_only=True):
    """One stored event's envelope; `data` is the stored JSON as is."""

    position: str
    event_id: uuid.UUID
    stream_id: str
    stream_version: int
    type: str
    schema_version: int
    data: msgspec.Raw
    metadata: dict[str, Any]
    recorded_at: dt.datetime


# --- incidents ---------------------------------------------------------------------------


class IncidentArticle(msgspec.Struct, kw_only=True):
    id: uuid.UUID
    outlet: str
    published: dt.date | None
    title: str | None
    url: str | None
    source: str | None


class IncidentDetail(IncidentView, frozen=True, kw_only=True):
    """An incident with its member events (evidence included), its articles and outlets, and the
    linking decisions (open, join, merge, leave) with their rule and reason."""

    events: list[EventItem]
    articles: list[IncidentArticle]
    decisions: list[dict[str, Any]]
