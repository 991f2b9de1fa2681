"""The conflict_events read model: one row per live extracted event, in its reviewed form.

A conflict event from an article stream inserts its row; an effective EventRetracted
deletes it; a review decision rewrites it as the person left it (a rejected event keeps
its row, marked, so `include_rejected` can show it). `body` is the API's wire format
(`domain.wire.WireEvent`), so reads need no assembly.
"""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from domain.events import ConflictEvent, EventRetracted
from domain.projections.envelope import (
    LIVE_CHANGE_TOPICS,
    Decision,
    Envelope,
    article_id_of,
    as_decision,
    conflict_event,
    withdrawn,
)
from domain.review import ReviewStatus, apply_decision
from domain.wire import WireEvent, type_of, wire_event

NAME = "conflict_events"
TOPICS = LIVE_CHANGE_TOPICS  # the event types it handles (read models filter the log by them)


class Insert(msgspec.Struct, frozen=True, kw_only=True):
    event_id: uuid.UUID
    article_id: uuid.UUID
    type: str
    occurred_start: dt.date | None
    occurred_end: dt.date | None
    occurred_precision: str | None
    location_name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    actor_codes: tuple[str, ...]
    killed: int | None
    evidence_text: str
    confidence: float
    tx_id: int
    global_position: int
    recorded_at: dt.datetime
    body: WireEvent
    review_status: ReviewStatus = "unreviewed"
    needs_rereview: bool = False
    replace: bool = False  # a review rewrote the row (an upsert); an extraction only inserts


class Delete(msgspec.Struct, frozen=True, kw_only=True):
    event_id: uuid.UUID


Change = Insert | Delete


def project(envelope: Envelope) -> list[Change]:
    if isinstance(envelope.event, EventRetracted):
        target = withdrawn(envelope)
        return [] if target is None else [Delete(event_id=target.event_id)]
    decision = as_decision(envelope.event)
    if decision is not None:
        return _reviewed(envelope, decision)
    event = conflict_event(envelope)
    article_id = article_id_of(envelope.stream_id)
    if event is None or article_id is None:
        return []
    return [_insert(envelope, event, article_id)]


def _reviewed(envelope: Envelope, decision: Decision) -> list[Change]:
    target, before = envelope.target, envelope.before
    article_id = None if target is None else article_id_of(target.stream_id)
    if target is None or before is None or before.retracted or article_id is None:
        return []
    after = apply_decision(before, decision)
    row = _insert(target, after.current, article_id, review_status=after.status, needs_rereview=after.needs_rereview)
    return [msgspec.structs.replace(row, replace=True)]


def _insert(
    envelope: Envelope,
    event: ConflictEvent,
    article_id: uuid.UUID,
    *,
    review_status: ReviewStatus = "unreviewed",
    needs_rereview: bool = False,
) -> Insert:
    occurred, location = event.occurred, event.location
    return Insert(
        event_id=envelope.event_id,
        article_id=article_id,
        type=type_of(event),
        occurred_start=occurred.start if occurred else None,
        occurred_end=occurred.end if occurred else None,
        occurred_precision=occurred.precision if occurred else None,
        location_name=location.name if location else None,
        country=location.country if location else None,
        lat=location.lat if location else None,
        lon=location.lon if location else None,
        actor_codes=tuple(dict.fromkeys(a.code for a in event.actors)),
        killed=event.casualties.killed if event.casualties else None,
        evidence_text=event.evidence.text,
        confidence=event.confidence,
        tx_id=envelope.tx_id,
        global_position=envelope.global_position,
        recorded_at=envelope.recorded_at,
        body=wire_event(
            event,
            event_id=envelope.event_id,
            article_id=article_id,
            position=envelope.position,
            recorded_at=envelope.recorded_at,
            review_status=review_status,
            needs_rereview=needs_rereview,
        ),
        review_status=review_status,
        needs_rereview=needs_rereview,
    )
