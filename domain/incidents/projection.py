"""The incidents projection's pure half: what each log event means to it, and the served shape.

`project(envelope)` turns an event into a change for the SQL writer (infra.read_models.incidents):
an article's facts (`ArticleSeen`: outlet and publication day, which linking reads), an extracted
event (`Extracted`, completed into a `Report` once its article's facts are known), or a withdrawal
(`Retraction`). The writer looks candidates up in SQL and lets `link`/`apply`/`leave` decide.
`IncidentView` is an incident as stored and served: its aggregate without the member reports.
"""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from domain.events import ArticleSubmitted, ConflictEvent, EventRetracted
from domain.events.common import Location
from domain.incidents.linking import RULES, span
from domain.incidents.model import (
    ActorTally,
    CasualtyRange,
    DateRange,
    Incident,
    Report,
    Retraction,
    Sources,
    type_name,
)
from domain.projections.envelope import (
    LIVE_CHANGE_TOPICS,
    Decision,
    Envelope,
    article_id_of,
    as_decision,
    conflict_event,
    live_changes,
    withdrawn,
)

NAME = "incidents"
TOPICS = LIVE_CHANGE_TOPICS | {"ArticleSubmitted"}


class ArticleSeen(msgspec.Struct, frozen=True, kw_only=True):
    article_id: uuid.UUID
    outlet: str
    published: dt.date | None


class Extracted(msgspec.Struct, frozen=True, kw_only=True):
    event_id: uuid.UUID
    article_id: uuid.UUID
    position: int
    event: ConflictEvent
    tx_id: int = 0  # the log position's transaction: with `position`, where the incident changes it causes sit

    def report(self, article: ArticleSeen | None) -> Report:
        return Report(
            event_id=self.event_id,
            article_id=self.article_id,
            outlet=article.outlet if article is not None else outlet_of(self.article_id, None),
            published=article.published if article is not None else None,
            position=self.position,
            event=self.event,
        )


Change = ArticleSeen | Extracted | Retraction


def project(envelope: Envelope) -> list[Change]:
    event = envelope.event
    if isinstance(event, ArticleSubmitted):
        return [
            ArticleSeen(
                article_id=event.article_id,
                outlet=outlet_of(event.article_id, event.source),
                published=published_day(event.published_at),
            )
        ]
    decision = as_decision(event)
    if decision is not None and not isinstance(decision, EventRetracted):
        return _reviewed(envelope, decision)
    if isinstance(event, EventRetracted):
        target = withdrawn(envelope)
        if target is None:
            return []
        return [
            Retraction(
                event_id=target.event_id, position=envelope.global_position, reason=event.reason, tx_id=envelope.tx_id
            )
        ]
    extracted, article_id = conflict_event(envelope), article_id_of(envelope.stream_id)
    if extracted is None or article_id is None:
        return []
    return [
        Extracted(
            event_id=envelope.event_id,
            article_id=article_id,
            position=envelope.global_position,
            event=extracted,
            tx_id=envelope.tx_id,
        )
    ]


def _reviewed(envelope: Envelope, decision: Decision) -> list[Change]:
    """A person's decision, as the incidents see it: a rejection makes the event leave; a correction makes
    its old form leave and its new form join (each step a recorded decision); a confirmation of a rejected
    event brings it back. Nothing moves without a stored decision behind it."""
    why = f"{type(decision).__name__} by {getattr(decision, 'reviewer', 'a person')}"
    changes: list[Change] = []
    for target, form, delta in live_changes(envelope):
        article_id = article_id_of(target.stream_id)
        if delta < 0:
            changes.append(
                Retraction(
                    event_id=target.event_id, position=envelope.global_position, reason=why, tx_id=envelope.tx_id
                )
            )
        elif article_id is not None:
            changes.append(
                Extracted(
                    event_id=target.event_id,
                    article_id=article_id,
                    position=envelope.global_position,
                    event=form,
                    tx_id=envelope.tx_id,
                )
            )
    return changes


def outlet_of(article_id: uuid.UUID, source: str | None) -> str:
    """The outlet linking counts: the article's source, else the article itself (an outlet of one)."""
    return source.strip().casefold() if source and source.strip() else f"article:{article_id}"


def published_day(published_at: str | None) -> dt.date | None:
    """The day of a publication date as given (YYYY-MM-DD or a datetime); None for a month or less."""
    if not published_at or len(published_at) < 10:
        return None
    try:
        return dt.date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def window_days(type_: str) -> int:
    """How far apart two spans of this type may lie and still be linked (a campaign's longest gap
    included): candidates lie within it."""
    rule = RULES[type_]
    return max(rule.date_slack_days, rule.same_place_slack_days, rule.campaign_days)


def max_km(type_: str) -> float:
    return RULES[type_].max_km


class IncidentView(msgspec.Struct, frozen=True, kw_only=True):
    """An incident as stored and served (`GET /incidents`): its aggregate and its members' ids."""

    id: uuid.UUID
    type: str
    place: Location | None
    occurred: DateRange | None
    actors: tuple[ActorTally, ...]
    casualties: CasualtyRange | None
    sources: Sources
    confidence: float
    event_ids: tuple[uuid.UUID, ...]
    article_ids: tuple[uuid.UUID, ...]
    outlets: tuple[str, ...]


def view_of(incident: Incident) -> IncidentView:
    reports = [m.report for m in incident.members]
    return IncidentView(
        id=incident.id,
        type=incident.type,
        place=incident.place,
        occurred=incident.occurred,
        actors=incident.actors,
        casualties=incident.casualties,
        sources=incident.sources,
        confidence=incident.confidence,
        event_ids=incident.event_ids,
        article_ids=tuple(dict.fromkeys(r.article_id for r in reports)),
        outlets=tuple(sorted({r.outlet for r in reports})),
    )


__all__ = [
    "NAME",
    "TOPICS",
    "ArticleSeen",
    "Change",
    "Extracted",
    "IncidentView",
    "max_km",
    "outlet_of",
    "project",
    "published_day",
    "span",
    "type_name",
    "view_of",
    "window_days",
]
