"""The timeline read model: live event counts per type per day.

The day is when the event occurred (its start), else the UTC day it was recorded.
The query side aggregates days into weeks and months.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from domain.projections.envelope import LIVE_CHANGE_TOPICS, Envelope, day_of, live_change

NAME = "timeline"
TOPICS = LIVE_CHANGE_TOPICS  # the event types it handles (read models filter the log by them)


class Tick(msgspec.Struct, frozen=True, kw_only=True):
    type: str
    day: dt.date
    delta: int


def project(envelope: Envelope) -> list[Tick]:
    change = live_change(envelope)
    if change is None:
        return []
    target, event, delta = change
    return [Tick(type=str(type(event).__struct_config__.tag), day=day_of(target, event), delta=delta)]


def net_counts(ticks: list[Tick]) -> dict[tuple[str, dt.date], int]:
    """Summed deltas per (type, day), zero sums dropped."""
    totals: dict[tuple[str, dt.date], int] = {}
    for tick in ticks:
        totals[(tick.type, tick.day)] = totals.get((tick.type, tick.day), 0) + tick.delta
    return {key: value for key, value in totals.items() if value}
