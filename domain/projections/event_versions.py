"""The event_versions read model: every form each extracted event has had, with the log
positions between which it held (validity intervals, the bitemporal way).

It follows the same changes as conflict_events (domain.projections.conflict_events) and records
them instead of applying them: an extraction opens a version; a review closes the current version
and opens the reviewed one; a retraction closes it. So "what did /events hold at position P" is
the versions open at P, after any later re-extraction, review or retraction, and a rebuild gives
the same intervals (they come from log positions). It costs a second row per change.
"""

from __future__ import annotations

import uuid

import msgspec

from domain.projections import conflict_events
from domain.projections.envelope import Envelope

NAME = "event_versions"
TOPICS = conflict_events.TOPICS


class Open(msgspec.Struct, frozen=True, kw_only=True):
    row: conflict_events.Insert  # the event's form from this position on
    at_tx: int
    at_position: int


class Close(msgspec.Struct, frozen=True, kw_only=True):
    event_id: uuid.UUID
    at_tx: int
    at_position: int


Change = Open | Close


def project(envelope: Envelope) -> list[Change]:
    at = {"at_tx": envelope.tx_id, "at_position": envelope.global_position}
    changes: list[Change] = []
    for change in conflict_events.project(envelope):
        if isinstance(change, conflict_events.Delete):
            changes.append(Close(event_id=change.event_id, **at))
            continue
        if change.replace:
            changes.append(Close(event_id=change.event_id, **at))
        changes.append(Open(row=msgspec.structs.replace(change, replace=False), **at))
    return changes
