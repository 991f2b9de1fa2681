"""The articles read model: one row per submitted article, with its count of live events."""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from domain.events import ArticleCorrected, ArticleSubmitted
from domain.projections.envelope import LIVE_CHANGE_TOPICS, Envelope, article_id_of, live_changes

NAME = "articles"
TOPICS = LIVE_CHANGE_TOPICS | {
    "ArticleSubmitted",
    "ArticleCorrected",
}  # the event types it handles (read models filter the log by them)


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


class Corrected(msgspec.Struct, frozen=True, kw_only=True):
    """A person's correction of the article's metadata: the fields given replace the stored ones."""

    article_id: uuid.UUID
    published_at: str | None
    language: str | None
    source: str | None
    title: str | None


Change = Insert | CountDelta | Corrected


def project(envelope: Envelope) -> list[Change]:
    event = envelope.event
    if isinstance(event, ArticleSubmitted):
        return [_insert(envelope, event)]
    if isinstance(event, ArticleCorrected):
        fields = {f: getattr(event, f) for f in ("published_at", "language", "source", "title")}
        return [Corrected(article_id=event.article_id, **fields)]
    deltas: list[Change] = []
    for target, _, delta in live_changes(envelope):
        article_id = article_id_of(target.stream_id)
        if article_id is not None:
            deltas.append(CountDelta(article_id=article_id, delta=delta))
    return deltas


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
