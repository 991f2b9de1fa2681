"""Human review, as pure logic: validating a decision, folding an article stream's decisions
into each event's reviewed state, and the rules re-extraction must respect.

An event's reviewed state is its extracted form with the latest decision applied:
confirmed (as extracted), corrected (the person's version), rejected (hidden), or
unreviewed. A re-extraction never overrides a person: a confirmed or corrected event the
extractor no longer finds is flagged for re-review, not retracted, and a rejected event
is not added again.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

import msgspec

from domain.errors import ValidationError
from domain.events import (
    CONFLICT_EVENT_TYPES,
    CeasefireAnnounced,
    ConflictEvent,
    EventRetracted,
    OffensiveLaunched,
    ResolutionBlocked,
    TalksHeld,
)
from domain.events.articles import ArticleSubmitted
from domain.events.conflict import ROLES_BY_TYPE
from domain.events.review import (
    ArticleCorrected,
    EventConfirmed,
    EventCorrected,
    EventFlaggedForRereview,
    EventRejected,
)

ReviewStatus = Literal["unreviewed", "confirmed", "corrected", "rejected"]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = ("unreviewed", "confirmed", "corrected", "rejected")
Verdict = Literal["confirmed", "rejected", "corrected"]
CORRECTABLE_FIELDS: tuple[str, ...] = ("type", "location", "actors", "occurred", "casualties")
MAX_NOTE = 2000
_TYPES_BY_NAME = {t.__name__: t for t in CONFLICT_EVENT_TYPES}


class ReviewedEvent(msgspec.Struct, frozen=True, kw_only=True):
    """One extracted event with what people decided about it."""

    event_id: uuid.UUID
    extracted: ConflictEvent
    current: ConflictEvent  # as corrected, else as extracted
    status: ReviewStatus = "unreviewed"
    needs_rereview: bool = False
    reviewer: str | None = None
    retracted: bool = False


def corrected_event(event: ConflictEvent, changes: Mapping[str, Any]) -> ConflictEvent:
    """`event` with the given fields replaced, validated as an extracted event is."""
    unknown = sorted(set(changes) - set(CORRECTABLE_FIELDS))
    if unknown:
        raise ValidationError(
            f"changes: cannot correct {', '.join(unknown)} (correctable: {', '.join(CORRECTABLE_FIELDS)})"
        )
    if not changes:
        raise ValidationError("changes: a correction changes at least one field")
    fields = msgspec.to_builtins(event)
    fields.update({k: v for k, v in changes.items() if k != "type"})
    fields["type"] = changes.get("type", fields["type"])
    target = _TYPES_BY_NAME.get(fields["type"]) if isinstance(fields["type"], str) else None
    if target is None:
        raise ValidationError(f"changes.type: must be one of {', '.join(sorted(_TYPES_BY_NAME))}")
    try:
        corrected: ConflictEvent = msgspec.convert(fields, target)  # type: ignore[assignment]
    except msgspec.ValidationError as exc:
        raise ValidationError(f"changes: {exc}") from None
    _check_roles(corrected)
    return corrected


def _check_roles(event: ConflictEvent) -> None:
    allowed = ROLES_BY_TYPE[type(event).__name__]
    wrong = sorted({a.role for a in event.actors} - set(allowed))
    if wrong:
        raise ValidationError(
            f"changes.actors: role {', '.join(wrong)} does not belong to {type(event).__name__} "
            f"(roles: {', '.join(allowed)})"
        )


def check_note(name: str, note: str | None, *, required: bool = False) -> str | None:
    if note is not None:
        note = note.strip()
    if required and not note:
        raise ValidationError(f"{name}: required for this verdict")
    if note and len(note) > MAX_NOTE:
        raise ValidationError(f"{name}: at most {MAX_NOTE} characters")
    return note or None


def reviewed_events(stream: Iterable[tuple[uuid.UUID, object]]) -> dict[uuid.UUID, ReviewedEvent]:
    """Fold an article stream (event id, decoded event) into each extracted event's reviewed state."""
    state: dict[uuid.UUID, ReviewedEvent] = {}
    for event_id, event in stream:
        if isinstance(event, (TalksHeld, CeasefireAnnounced, OffensiveLaunched, ResolutionBlocked)):
            state[event_id] = ReviewedEvent(event_id=event_id, extracted=event, current=event)
        elif isinstance(
            event, (EventConfirmed, EventRejected, EventCorrected, EventFlaggedForRereview, EventRetracted)
        ):
            target = event.retracted_event_id if isinstance(event, EventRetracted) else event.event_id
            if target in state:
                state[target] = apply_decision(state[target], event)
    return state


def apply_decision(
    reviewed: ReviewedEvent,
    decision: EventConfirmed | EventRejected | EventCorrected | EventFlaggedForRereview | EventRetracted,
) -> ReviewedEvent:
    if isinstance(decision, EventConfirmed):
        return msgspec.structs.replace(
            reviewed, status="confirmed", current=reviewed.extracted, needs_rereview=False, reviewer=decision.reviewer
        )
    if isinstance(decision, EventRejected):
        return msgspec.structs.replace(reviewed, status="rejected", needs_rereview=False, reviewer=decision.reviewer)
    if isinstance(decision, EventCorrected):
        return msgspec.structs.replace(
            reviewed, status="corrected", current=decision.corrected, needs_rereview=False, reviewer=decision.reviewer
        )
    if isinstance(decision, EventFlaggedForRereview):
        return msgspec.structs.replace(reviewed, needs_rereview=True)
    return msgspec.structs.replace(reviewed, retracted=True)


def article_as_corrected(submitted: ArticleSubmitted, corrections: Sequence[ArticleCorrected]) -> ArticleSubmitted:
    """The submitted article with every correction's given fields applied, in order."""
    for c in corrections:
        given = {k: getattr(c, k) for k in ("published_at", "language", "source", "title") if getattr(c, k) is not None}
        submitted = msgspec.structs.replace(submitted, **given)
    return submitted


class ReviewAwarePlan(msgspec.Struct, frozen=True, kw_only=True):
    """A re-extraction plan after people's decisions are respected."""

    retract: tuple[uuid.UUID, ...]
    add: tuple[ConflictEvent, ...]
    flag: tuple[uuid.UUID, ...]  # reviewed events the extractor no longer finds: kept, flagged
    unchanged: int
    kept_rejected: int  # fresh events a person had rejected: not added again

    @property
    def changed(self) -> bool:
        return bool(self.retract or self.add or self.flag)


def respect_reviews(
    retract: Sequence[uuid.UUID],
    add: Sequence[ConflictEvent],
    unchanged: int,
    reviewed: Mapping[uuid.UUID, ReviewedEvent],
    key: Callable[[ConflictEvent], str],
) -> ReviewAwarePlan:
    """Turn a plain plan (what the extractor alone would do) into one that respects reviews.
    `key` gives an event's content key (domain.articles.content_key)."""
    held = {i for i in retract if reviewed.get(i) and reviewed[i].status in ("confirmed", "corrected")}
    flag = tuple(i for i in retract if i in held and not reviewed[i].needs_rereview)
    rejected_keys = {key(r.extracted) for r in reviewed.values() if r.status == "rejected"}
    kept_out = [e for e in add if key(e) in rejected_keys]
    return ReviewAwarePlan(
        retract=tuple(i for i in retract if i not in held),
        add=tuple(e for e in add if key(e) not in rejected_keys),
        flag=flag,
        unchanged=unchanged + len(held),
        kept_rejected=len(kept_out),
    )
