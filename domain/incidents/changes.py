"""Incident changes: what a subscriber hears about an incident when a log event moves it.

The incidents projection applies the log one event at a time; every incident that event touched
(opened, joined, left, merged away) is compared as it stood before the event with how it stands
after, and the difference is one change:

- `IncidentCreated`: it did not exist before (a report opened it);
- `IncidentCorroborated`: it holds an article it did not hold before (a new, independent source);
- `IncidentUpdated`: same articles, but its place, dates, casualties, actors, type, sources,
  confidence or member events differ (a source withdrawn, a correction, a re-extraction);
- `IncidentMerged`: it was absorbed into another incident (`merged_into`) by a bridging report;
- `IncidentClosed`: its last member left (retracted or rejected).

An event that changes nothing about an incident (none today, but a re-extraction giving the same
aggregate could) gives no change. Changes are values derived from the log and the rule, like the
linking decisions: the same log gives the same changes, ids included (`change_id`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final, Literal, get_args

import msgspec

from domain.incidents.projection import IncidentView

ChangeType = Literal["IncidentCreated", "IncidentCorroborated", "IncidentUpdated", "IncidentMerged", "IncidentClosed"]
CHANGE_TYPES: Final = frozenset(get_args(ChangeType))
# What `changed` may name: the incident's aggregate fields, and `members` when its event ids differ.
COMPARED: Final = ("type", "place", "occurred", "actors", "casualties", "sources", "confidence")
CHANGE_NAMESPACE: Final = uuid.UUID("0f5e2c47-8a0b-4b8e-b0a4-3f2d9c6e7a15")


class IncidentChange(msgspec.Struct, frozen=True, kw_only=True):
    """One change of one incident, as delivered (webhook body, stream message) and stored."""

    id: uuid.UUID  # stable: the same log gives the same id (webhook-id `msg_<id>`)
    type: ChangeType
    incident_id: uuid.UUID
    position: str  # the log position of the event that caused it
    seq: int  # its rank among the changes that event caused (order by position, then seq)
    event_ids: tuple[uuid.UUID, ...]  # the events that joined or left the incident
    changed: tuple[str, ...]  # which of COMPARED (and `members`) differ from before; all for a new one
    merged_into: uuid.UUID | None = None
    incident: IncidentView  # as it stands after; a merged or closed one as it last stood


def change_id(incident_id: uuid.UUID, type_: ChangeType, position: str) -> uuid.UUID:
    return uuid.uuid5(CHANGE_NAMESPACE, f"{incident_id}/{type_}/{position}")


@dataclass
class Touches:
    """The incidents one log event touched: each as it was before its first touch and after its last."""

    before: dict[uuid.UUID, IncidentView | None] = field(default_factory=dict)
    after: dict[uuid.UUID, IncidentView | None] = field(default_factory=dict)
    events: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=dict)
    merged_into: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)

    def touch(
        self,
        incident_id: uuid.UUID,
        before: IncidentView | None,
        after: IncidentView | None,
        event_id: uuid.UUID,
        merged_into: uuid.UUID | None = None,
    ) -> None:
        self.before.setdefault(incident_id, before)
        self.after[incident_id] = after
        ids = self.events.setdefault(incident_id, [])
        if event_id not in ids:
            ids.append(event_id)
        if merged_into is not None:
            self.merged_into[incident_id] = merged_into
        elif after is not None:
            self.merged_into.pop(incident_id, None)

    def changes(self, position: str) -> list[IncidentChange]:
        """The changes, in the order the incidents were first touched."""
        found = [c for c in self._classified() if c is not None]
        return [
            IncidentChange(
                id=change_id(incident_id, type_, position),
                type=type_,
                incident_id=incident_id,
                position=position,
                seq=seq,
                event_ids=tuple(self.events[incident_id]),
                changed=changed,
                merged_into=self.merged_into.get(incident_id) if type_ == "IncidentMerged" else None,
                incident=view,
            )
            for seq, (incident_id, type_, changed, view) in enumerate(found)
        ]

    def _classified(self) -> Iterator[tuple[uuid.UUID, ChangeType, tuple[str, ...], IncidentView] | None]:
        for incident_id, before in self.before.items():
            after = self.after[incident_id]
            if after is None:
                if before is not None:
                    gone: ChangeType = "IncidentMerged" if incident_id in self.merged_into else "IncidentClosed"
                    yield incident_id, gone, (), before
                continue
            if before is None:
                yield incident_id, "IncidentCreated", (*COMPARED, "members"), after
                continue
            yield _compared(incident_id, before, after)


def _compared(
    incident_id: uuid.UUID, before: IncidentView, after: IncidentView
) -> tuple[uuid.UUID, ChangeType, tuple[str, ...], IncidentView] | None:
    changed = differences(before, after)
    if set(after.article_ids) - set(before.article_ids):
        return incident_id, "IncidentCorroborated", changed, after
    if changed:
        return incident_id, "IncidentUpdated", changed, after
    return None


def differences(before: IncidentView, after: IncidentView) -> tuple[str, ...]:
    fields = tuple(name for name in COMPARED if getattr(before, name) != getattr(after, name))
    return (*fields, "members") if before.event_ids != after.event_ids else fields


__all__ = ["CHANGE_TYPES", "COMPARED", "ChangeType", "IncidentChange", "Touches", "change_id", "differences"]
