"""Turn a batch of stored events into projection envelopes, resolving what decisions judge.

A decision (a retraction, or a person's review) names an extracted event; its projections
need that event (its actors, place, day) and its reviewed state just before the decision
(every earlier decision of its stream folded in), so a count is undone exactly once and a
correction swaps the right form. Both are read from the immutable log with two batched
queries, so a rebuild resolves exactly as the live run did.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import asyncpg
import msgspec

from domain.events import ALL_EVENT_TYPES, CONFLICT_TYPE_NAMES, ConflictEvent
from domain.projections.envelope import DECISION_TYPES, Envelope, as_decision, conflict_event, judged_id
from domain.review import ReviewedEvent, apply_decision
from infra.codec import decode
from infra.event_store import RecordedEvent, recorded_from_row

KNOWN_TYPES = frozenset(str(t.__struct_config__.tag) for t in ALL_EVENT_TYPES)  # type: ignore[attr-defined]
_DECISION_NAMES = [t.__name__ for t in DECISION_TYPES]

_COLUMNS = """global_position, tx_id::text::bigint AS tx_id, event_id, stream_id, stream_version, event_type,
       schema_version, data::text AS data, metadata::text AS metadata, recorded_at"""
_TARGETS = f"SELECT {_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[])"
_STREAM_DECISIONS = f"""
SELECT {_COLUMNS} FROM events
WHERE stream_id = ANY($1::text[]) AND event_type = ANY($2::text[])
ORDER BY stream_id, stream_version"""


def envelope_of(recorded: RecordedEvent) -> Envelope:
    return Envelope(
        event=decode(recorded),
        event_id=recorded.event_id,
        stream_id=recorded.stream_id,
        position=recorded.position.encode(),
        tx_id=recorded.tx_id,
        global_position=recorded.global_position,
        recorded_at=recorded.recorded_at,
    )


async def resolve(conn: asyncpg.Connection, events: Sequence[RecordedEvent]) -> list[Envelope]:
    """Envelopes for the events projections understand (others are skipped, not failed)."""
    known = [e for e in events if e.event_type in KNOWN_TYPES]
    envelopes = [envelope_of(e) for e in known]
    decided = [i for i, env in enumerate(envelopes) if as_decision(env.event) is not None]
    if not decided:
        return envelopes
    judged = await _judged(conn, [known[i] for i in decided], [envelopes[i] for i in decided])
    for i in decided:
        found = judged.get(envelopes[i].event_id)
        if found is not None:
            target, before = found
            envelopes[i] = msgspec.structs.replace(envelopes[i], target=target, before=before)
    return envelopes


async def _judged(
    conn: asyncpg.Connection, records: list[RecordedEvent], decisions: list[Envelope]
) -> dict[uuid.UUID, tuple[Envelope, ReviewedEvent]]:
    """Decision event id -> (envelope of the extracted event it judges, that event's state before it),
    for decisions whose target is an extracted event written earlier in the same stream."""
    rows = await conn.fetch(_TARGETS, [_target_id(d) for d in decisions])
    originals = {r["event_id"]: recorded_from_row(r) for r in rows}
    streams = sorted({rec.stream_id for rec in records})
    history: dict[str, list[RecordedEvent]] = {}
    for r in await conn.fetch(_STREAM_DECISIONS, streams, _DECISION_NAMES):
        history.setdefault(r["stream_id"], []).append(recorded_from_row(r))
    found: dict[uuid.UUID, tuple[Envelope, ReviewedEvent]] = {}
    for rec, env in zip(records, decisions, strict=True):
        target_id = _target_id(env)
        original = originals.get(target_id)
        if (
            original is None
            or original.stream_id != rec.stream_id
            or original.stream_version >= rec.stream_version
            or original.event_type not in CONFLICT_TYPE_NAMES
        ):
            continue
        target = envelope_of(original)
        extracted = conflict_event(target)
        if extracted is None:
            continue
        earlier = [
            d for d in history.get(rec.stream_id, ()) if original.stream_version < d.stream_version < rec.stream_version
        ]
        found[env.event_id] = (target, _state_before(extracted, earlier, target_id))
    return found


def _state_before(extracted: ConflictEvent, earlier: list[RecordedEvent], target_id: uuid.UUID) -> ReviewedEvent:
    state = ReviewedEvent(event_id=target_id, extracted=extracted, current=extracted)
    for record in earlier:
        decision = as_decision(decode(record))
        if decision is not None and judged_id(decision) == target_id:
            state = apply_decision(state, decision)
    return state


def _target_id(envelope: Envelope) -> uuid.UUID:
    decision = as_decision(envelope.event)
    assert decision is not None  # only decisions are resolved
    return judged_id(decision)
