"""Turn a batch of stored events into projection envelopes, resolving what retractions withdraw.

A retraction names an event id; its projections need that event itself (its actors,
place, day) to undo its counts, and must undo them only once. Both are read from the
immutable log with two batched queries, so a rebuild resolves exactly as the live run did.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import asyncpg

from domain.events import ALL_EVENT_TYPES, CONFLICT_TYPE_NAMES, EventRetracted
from domain.projections.envelope import Envelope
from domain.projections.retraction import is_effective
from infra.codec import decode
from infra.event_store import RecordedEvent, recorded_from_row

KNOWN_TYPES = frozenset(str(t.__struct_config__.tag) for t in ALL_EVENT_TYPES)  # type: ignore[attr-defined]

_TARGETS = """
SELECT global_position, tx_id::text::bigint AS tx_id, event_id, stream_id, stream_version, event_type,
       schema_version, data::text AS data, metadata::text AS metadata, recorded_at
FROM events WHERE event_id = ANY($1::uuid[])"""

_STREAM_RETRACTIONS = """
SELECT stream_id, stream_version, (data->>'retracted_event_id')::uuid AS target
FROM events WHERE stream_id = ANY($1::text[]) AND event_type = 'EventRetracted'"""


def envelope_of(recorded: RecordedEvent, retracted: Envelope | None = None) -> Envelope:
    return Envelope(
        event=decode(recorded),
        event_id=recorded.event_id,
        stream_id=recorded.stream_id,
        position=recorded.position.encode(),
        tx_id=recorded.tx_id,
        global_position=recorded.global_position,
        recorded_at=recorded.recorded_at,
        retracted=retracted,
    )


async def resolve(conn: asyncpg.Connection, events: Sequence[RecordedEvent]) -> list[Envelope]:
    """Envelopes for the events projections understand (others are skipped, not failed)."""
    known = [e for e in events if e.event_type in KNOWN_TYPES]
    envelopes = [envelope_of(e) for e in known]
    retractions = [(i, env) for i, env in enumerate(envelopes) if isinstance(env.event, EventRetracted)]
    if not retractions:
        return envelopes
    targets = await _withdrawn(conn, [(known[i], env) for i, env in retractions])
    for i, env in retractions:
        target = targets.get(env.event_id)
        if target is not None:
            envelopes[i] = envelope_of(known[i], target)
    return envelopes


async def _withdrawn(
    conn: asyncpg.Connection, retractions: list[tuple[RecordedEvent, Envelope]]
) -> dict[uuid.UUID, Envelope]:
    """Retraction event id -> envelope of the live event it withdraws (effective retractions only)."""
    ids = [_target_id(env) for _, env in retractions]
    rows = await conn.fetch(_TARGETS, ids)
    originals = {r["event_id"]: recorded_from_row(r) for r in rows}
    streams = sorted({rec.stream_id for rec, _ in retractions})
    earlier: dict[str, list[tuple[int, uuid.UUID]]] = {}
    for r in await conn.fetch(_STREAM_RETRACTIONS, streams):
        earlier.setdefault(r["stream_id"], []).append((r["stream_version"], r["target"]))
    found: dict[uuid.UUID, Envelope] = {}
    for rec, env in retractions:
        target_id = _target_id(env)
        original = originals.get(target_id)
        if original is not None and is_effective(
            stream_id=rec.stream_id,
            version=rec.stream_version,
            target_stream_id=original.stream_id,
            target_version=original.stream_version,
            target_is_conflict=original.event_type in CONFLICT_TYPE_NAMES,
            earlier_retractions=earlier.get(rec.stream_id, ()),
            target_id=target_id,
        ):
            found[env.event_id] = envelope_of(original)
    return found


def _target_id(envelope: Envelope) -> uuid.UUID:
    assert isinstance(envelope.event, EventRetracted)
    return envelope.event.retracted_event_id
