"""What the incident resolution reads (a `Report`) and what it builds (an `Incident`).

A report is one extracted event as the log delivered it, with the facts about its article that
linking needs (outlet, publication date). An incident is the set of reports of one real-world
occurrence plus its aggregate (`summary.py`). Everything here is a frozen value: a rebuild from
the same log yields equal values, ids included.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

import msgspec

from domain.events import ConflictEvent, Location
from domain.events.common import Precision, Role

# Incident ids are uuid5 of the first member event's id under this namespace: deterministic, so
# a rebuild from the start of the log gives every incident the id it had before.
INCIDENT_NAMESPACE = uuid.UUID("5b0f6a1e-3c1d-4d7e-9a59-6c2f8f1d0a11")


def incident_id_for(first_event_id: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(INCIDENT_NAMESPACE, str(first_event_id))


def type_name(event: ConflictEvent) -> str:
    return str(type(event).__struct_config__.tag)


class Report(msgspec.Struct, frozen=True, kw_only=True):
    """One extracted event and its article, as read from the log at `position` (its log order)."""

    event_id: uuid.UUID
    article_id: uuid.UUID
    outlet: str  # the article's source; the article id where the source is unknown
    published: dt.date | None
    position: int
    event: ConflictEvent

    @property
    def type(self) -> str:
        return type_name(self.event)


class Retraction(msgspec.Struct, frozen=True, kw_only=True):
    """An extracted event withdrawn (re-extraction or review): it leaves its incident."""

    event_id: uuid.UUID
    position: int
    reason: str
    tx_id: int = 0  # the log position's transaction (see projection.Extracted)


class Member(msgspec.Struct, frozen=True, kw_only=True):
    """A report inside an incident, with the rule that brought it there."""

    report: Report
    rule: str


class ActorTally(msgspec.Struct, frozen=True, kw_only=True):
    """An actor in a role and how many distinct articles name it so."""

    code: str
    role: Role
    sources: int


class CasualtyFigure(msgspec.Struct, frozen=True, kw_only=True):
    """One article's killed count for the incident (its largest where it reports several events)."""

    article_id: uuid.UUID
    outlet: str
    killed: int | None
    killed_low: int | None
    killed_high: int | None


class CasualtyRange(msgspec.Struct, frozen=True, kw_only=True):
    """UCDP's convention across reports: the lowest, a best (the median report), the highest."""

    low: int | None
    best: int | None
    high: int | None
    figures: tuple[CasualtyFigure, ...]


class Sources(msgspec.Struct, frozen=True, kw_only=True):
    articles: int
    outlets: int
    first_reported: dt.date | None
    last_reported: dt.date | None


class DateRange(msgspec.Struct, frozen=True, kw_only=True):
    """`basis` says whether the reports agree on a common range (intersection) or not (union)."""

    start: dt.date
    end: dt.date
    precision: Precision
    basis: Literal["intersection", "union"]


class Incident(msgspec.Struct, frozen=True, kw_only=True):
    """One real-world occurrence and every live report of it, in log order."""

    id: uuid.UUID
    type: str
    opened_at: int  # log position of the report that opened it: merges keep the older incident
    members: tuple[Member, ...]
    place: Location | None
    occurred: DateRange | None
    actors: tuple[ActorTally, ...]
    casualties: CasualtyRange | None
    sources: Sources
    confidence: float

    @property
    def event_ids(self) -> tuple[uuid.UUID, ...]:
        return tuple(m.report.event_id for m in self.members)

    @property
    def article_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(m.report.article_id for m in self.members)
