"""The articles read model: one row per submitted article, with its count of live events."""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from domain.events import ArticleSubmitted
from domain.projections.envelope import LIVE_CHANGE_TOPICS, Envelope, article_id_of, live_change

NAME = "articles"
TOPICS = LIVE_CHANGE_TOPICS | {"ArticleSubmitted"}  # the event types it handles (read models filter the log by them)


class Insert(msgspec.Struct, frozen=True, kw_only=True):
    article_id: uuid.UUID
    title: str
    url: str | None
    source: str | None
    published_at: str | None
    language: str
    language_method: str
    language_confidence: float | None
    external_id: str | None
    content_hash: str
    text: str
    global_position: int
    recorded_at: dt.datetime


class CountDelta(msgspec.Struct, frozen=True, kw_only=True):
    article_id: uuid.UUID
    delta: int


Change = Insert | CountDelta


def project(envelope: Envelope) -> list[Change]:
    event = envelope.event
    if isinstance(event, ArticleSubmitted):
        return [_insert(envelope, event)]
    change = live_change(envelope)
    if change is None:
        return []
    target, _, delta = change
    article_id = article_id_of(target.stream_id)
    return [] if article_id is None else [CountDelta(article_id=article_id, delta=delta)]


def net_counts(changes: list[Change]) -> dict[uuid.UUID, int]:
    """The summed event-count deltas per article (zero sums dropped)."""
    totals: dict[uuid.UUID, int] = {}
    for change in changes:
        if isinstance(change, CountDelta):
            totals[change.article_id] = totals.get(change.article_id, 0) + change.delta
    return {key: value for key, value in totals.items() if value}


def _insert(envelope: Envelope, event: ArticleSubmitted) -> Insert:
    return Insert(
        article_id=event.article_id,
        title=event.title,
        url=event.url,
        source=event.source,
        published_at=event.published_at,
        language=event.language,
        language_method=event.language_method,
        language_confidence=event.language_confidence,
        external_id=event.external_id,
        content_hash=event.content_hash,
        text=event.text,
        global_position=envelope.global_position,
        recorded_at=envelope.recorded_at,
    )
