"""The review use cases: a person confirms, rejects or corrects an extracted event, corrects an
article (which re-runs extraction on it), and reads an event's history.

Decisions are appended to the article's stream at the version read, so a review racing a
re-extraction is a 409 rather than a decision about a state nobody saw. The rules (what a
correction may change, what a re-extraction must respect) live in domain.review.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

import msgspec

from application.ingest import PendingEvent, Reextraction, reextract_stream, stream_of
from application.ports import ArticleStore, Stored
from domain.articles import NO_NUL_PATTERN, ArticlePatch, event_id_for, validated_patch
from domain.errors import NotFoundError, ValidationError
from domain.events import CONFLICT_EVENT_TYPES, DomainEvent, EventRetracted
from domain.events.review import (
    ArticleCorrected,
    EventConfirmed,
    EventCorrected,
    EventFlaggedForRereview,
    EventRejected,
)
from domain.review import MAX_NOTE, ReviewedEvent, Verdict, apply_decision, check_note, corrected_event, reviewed_events
from domain.wire import WireEvent, wire_event


class ReviewInput(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """POST /events/{id}/review: a verdict, the changed fields of a correction, and why."""

    verdict: Verdict
    changes: dict[str, Any] | None = None
    # Declared (check_note strips it, then refuses more than MAX_NOTE, or none for a rejection: the OpenAPI
    # states that rule too, api/openapi.py).
    note: (
        Annotated[str, msgspec.Meta(extra_json_schema={"extra": {"pattern": NO_NUL_PATTERN, "max_length": MAX_NOTE}})]
        | None
    ) = None


HistoryStep = Literal["extracted", "confirmed", "rejected", "corrected", "flagged_for_rereview", "retracted"]


class HistoryEntry(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    step: HistoryStep
    position: str
    recorded_at: dt.datetime
    event_id: uuid.UUID  # the stored event recording this step
    reviewer: str | None = None
    note: str | None = None
    extractor_version: str | None = None
    changed: tuple[str, ...] = ()


class History(msgspec.Struct, frozen=True, kw_only=True):
    event_id: uuid.UUID
    article_id: uuid.UUID
    review_status: str
    needs_rereview: bool
    steps: list[HistoryEntry]


async def review_event(
    articles: ArticleStore, event_id: uuid.UUID, decision: ReviewInput, *, reviewer: str
) -> WireEvent:
    """Record a person's verdict on an extracted event; answer the event as it now stands."""
    article_id, stream = await _stream_of_event(articles, event_id)
    reviewed = reviewed_events((s.event_id, s.event) for s in stream)[event_id]
    if reviewed.retracted:
        raise ValidationError(f"event {event_id} was retracted by a re-extraction; review its successor instead")
    event = _decision(reviewed, decision, reviewer)
    version = stream[-1].stream_version
    pending = PendingEvent(event_id=event_id_for(article_id, version + 1), event=event, metadata=_meta(reviewer))
    await articles.append(article_id, [pending], expected_version=version)
    return _wire_state(article_id, _find(stream, event_id), apply_decision(reviewed, event))


async def correct_article(
    articles: ArticleStore, article_id: uuid.UUID, patch: ArticlePatch, *, reviewer: str, origin: str
) -> Reextraction:
    """Record a correction of the article's metadata and re-extract with it, in one append."""
    validated = validated_patch(patch)
    stream = await stream_of(articles, article_id)
    correction = ArticleCorrected(
        article_id=article_id,
        reviewer=reviewer,
        published_at=validated.published_at,
        language=validated.language,
        source=validated.source,
        title=validated.title,
        note=check_note("note", validated.note),
    )
    return await reextract_stream(articles, article_id, stream, origin=origin, leading=[correction])


async def event_history(articles: ArticleStore, event_id: uuid.UUID) -> History:
    """Each step of an extracted event's life, in log order, with its position."""
    article_id, stream = await _stream_of_event(articles, event_id)
    state = reviewed_events((s.event_id, s.event) for s in stream)[event_id]
    steps = [entry for s in stream if (entry := _step(s, event_id)) is not None]
    return History(
        event_id=event_id,
        article_id=article_id,
        review_status=state.status,
        needs_rereview=state.needs_rereview,
        steps=steps,
    )


async def _stream_of_event(articles: ArticleStore, event_id: uuid.UUID) -> tuple[uuid.UUID, Sequence[Stored]]:
    article_id = await articles.article_of_event(event_id)
    stream = [] if article_id is None else await articles.read(article_id)
    found = next((s for s in stream if s.event_id == event_id), None)
    if article_id is None or found is None or not isinstance(found.event, CONFLICT_EVENT_TYPES):
        raise NotFoundError(f"no extracted event {event_id}")
    return article_id, stream


def _decision(
    reviewed: ReviewedEvent, decision: ReviewInput, reviewer: str
) -> EventConfirmed | EventRejected | EventCorrected:
    if decision.verdict != "corrected" and decision.changes is not None:
        raise ValidationError(f"changes: only a correction carries changes (verdict {decision.verdict!r})")
    if decision.verdict == "confirmed":
        return EventConfirmed(event_id=reviewed.event_id, reviewer=reviewer, note=check_note("note", decision.note))
    if decision.verdict == "rejected":
        reason = check_note("note", decision.note, required=True)
        assert reason is not None
        return EventRejected(event_id=reviewed.event_id, reviewer=reviewer, reason=reason)
    changes: Mapping[str, Any] = decision.changes or {}
    return EventCorrected(
        event_id=reviewed.event_id,
        reviewer=reviewer,
        corrected=corrected_event(reviewed.current, changes),
        changed=tuple(sorted(changes)),
        note=check_note("note", decision.note),
    )


def _wire_state(article_id: uuid.UUID, original: Stored, after: ReviewedEvent) -> WireEvent:
    return wire_event(
        after.current,
        event_id=original.event_id,
        article_id=article_id,
        position=original.position,
        recorded_at=original.recorded_at,
        review_status=after.status,
        needs_rereview=after.needs_rereview,
    )


def _find(stream: Sequence[Stored], event_id: uuid.UUID) -> Stored:
    return next(s for s in stream if s.event_id == event_id)


def _meta(reviewer: str) -> dict[str, Any]:
    return {"origin": "review", "reviewer": reviewer}


def _step(stored: Stored, event_id: uuid.UUID) -> HistoryEntry | None:
    facts = _facts(stored.event, stored.event_id == event_id, event_id)
    if facts is None:
        return None
    step, reviewer, note, extractor_version, changed = facts
    return HistoryEntry(
        step=step,
        position=stored.position,
        recorded_at=stored.recorded_at,
        event_id=stored.event_id,
        reviewer=reviewer,
        note=note,
        extractor_version=extractor_version,
        changed=changed,
    )


_Facts = tuple[HistoryStep, str | None, str | None, str | None, tuple[str, ...]]


def _facts(event: DomainEvent, is_target: bool, event_id: uuid.UUID) -> _Facts | None:
    """(step, reviewer, note, extractor version, changed fields) when `event` is a step of `event_id`."""
    if is_target and isinstance(event, CONFLICT_EVENT_TYPES):
        return "extracted", None, None, None, ()
    if isinstance(event, EventConfirmed) and event.event_id == event_id:
        return "confirmed", event.reviewer, event.note, None, ()
    if isinstance(event, EventRejected) and event.event_id == event_id:
        return "rejected", event.reviewer, event.reason, None, ()
    if isinstance(event, EventCorrected) and event.event_id == event_id:
        return "corrected", event.reviewer, event.note, None, event.changed
    if isinstance(event, EventFlaggedForRereview) and event.event_id == event_id:
        return "flagged_for_rereview", None, event.reason, event.extractor_version, ()
    if isinstance(event, EventRetracted) and event.retracted_event_id == event_id:
        return "retracted", None, event.reason, event.extractor_version, ()
    return None
