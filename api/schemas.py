"""Request and response Structs of the HTTP API (shared: add yours in a section of your own)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec

from application.queries import articles, timeline, totals
from domain.events import Actor, Casualties, Evidence, Location, Occurred

# --- read side: events, articles, catalog, log -------------------------------------------


class WireEvent(msgspec.Struct, kw_only=True):
    """An extracted event as served: the codebook's wire format plus its log identity."""

    type: str
    occurred: Occurred | None = None
    location: Location | None = None
    actors: list[Actor] = []
    casualties: Casualties | None = None
    evidence: Evidence
    confidence: float
    id: uuid.UUID
    article_id: uuid.UUID
    position: str
    recorded_at: dt.datetime


class EventList(msgspec.Struct, kw_only=True):
    items: list[WireEvent]
    next_cursor: str | None
    total: totals.PageTotal
    total_is_estimate: totals.PageTotalIsEstimate


class ArticleSummary(msgspec.Struct, kw_only=True):
    id: uuid.UUID
    title: str
    url: str | None
    source: str | None
    published_at: str | None


class EventDetail(WireEvent, kw_only=True):
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


class LogPage(msgspec.Struct, kw_only=True):
    items: list[LogEntry]
    next_cursor: str | None
    total: totals.PageTotal
    total_is_estimate: totals.PageTotalIsEstimate
