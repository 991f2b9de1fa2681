"""The actors read model: per actor code, the names seen, event count and first/last day seen.

Each live event counts once per distinct actor code it names, on its day (see
`envelope.day_of`); a retraction emits the same changes negated, so counts, names
and first/last seen always describe the live events only.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from domain.projections.envelope import LIVE_CHANGE_TOPICS, Envelope, day_of, live_change

NAME = "actors"
TOPICS = LIVE_CHANGE_TOPICS  # the event types it handles (read models filter the log by them)


class Mention(msgspec.Struct, frozen=True, kw_only=True):
    code: str
    names: tuple[str, ...]  # the article's own wording, distinct
    day: dt.date
    delta: int  # +1 the event appeared, -1 it was retracted


def project(envelope: Envelope) -> list[Mention]:
    change = live_change(envelope)
    if change is None:
        return []
    target, event, delta = change
    names: dict[str, dict[str, None]] = {}
    for actor in event.actors:
        names.setdefault(actor.code, {})[actor.name] = None
    day = day_of(target, event)
    return [Mention(code=code, names=tuple(seen), day=day, delta=delta) for code, seen in names.items()]


def net_names(mentions: list[Mention]) -> dict[tuple[str, str], int]:
    """Summed deltas per (code, name), zero sums dropped."""
    totals: dict[tuple[str, str], int] = {}
    for mention in mentions:
        for name in mention.names:
            totals[(mention.code, name)] = totals.get((mention.code, name), 0) + mention.delta
    return {key: value for key, value in totals.items() if value}


def net_days(mentions: list[Mention]) -> dict[tuple[str, dt.date], int]:
    """Summed deltas per (code, day), zero sums dropped."""
    totals: dict[tuple[str, dt.date], int] = {}
    for mention in mentions:
        totals[(mention.code, mention.day)] = totals.get((mention.code, mention.day), 0) + mention.delta
    return {key: value for key, value in totals.items() if value}
