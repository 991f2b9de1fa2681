"""Request and response Structs of the HTTP API (shared: add yours in a section of your own)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec

from application.queries import articles, timeline
from domain.wire import WireEvent

# --- read side: events, articles, catalog, log -------------------------------------------


class ArticleSummary(msgspec.Struct, kw_only=True):
    id: uuid.UUID
    title: str
    url: str | None
    source: str | None
    published_at: str | None


class EventDetail(WireEvent, frozen=True, kw_only=True):
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
