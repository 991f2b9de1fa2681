"""The PostgreSQL event store: append-only log with per-stream optimistic concurrency.

Ordering (see docs/event-store-notes.md): every event carries the xid8 of the
transaction that wrote it, and readers only read rows whose transaction id is below
the oldest still-running transaction (`pg_snapshot_xmin`). Together with the rule
that a stream's version compare-and-set is the transaction's *first* write, a reader
paging by `(tx_id, global_position)` never skips an event that commits late and sees
each stream's versions in order.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import uuid
from collections.abc import Sequence
from typing import Any, Final, Literal

import asyncpg
import msgspec

from domain.errors import ConcurrencyError, ConflictDBError, ValidationError

NOTIFY_CHANNEL: Final = "conflictdb_events"
NO_STREAM: Final = "no_stream"
ANY: Final = "any"
ExpectedVersion = int | Literal["no_stream", "any"]
_ANY_RETRIES = 50


class StoreInvariantError(ConflictDBError):
    """The append rule was broken by the caller (a write preceded the version CAS)."""


class DuplicateEventError(ConflictDBError):
    """Some, but not all, of a batch's event ids are already stored."""


class Position(msgspec.Struct, frozen=True, order=True):
    """A point in the global log; opaque to clients as `"<tx_id>-<global_position>"`."""

    tx_id: int = 0
    global_position: int = 0

    def encode(self) -> str:
        return f"{self.tx_id}-{self.global_position}"

    @classmethod
    def decode(cls, raw: str) -> Position:
        try:
            tx, pos = raw.split("-", 1)
            position = cls(int(tx), int(pos))
        except ValueError:
            raise ValidationError(f"not a log position: {raw!r} (expected '<tx>-<position>')") from None
        if position.tx_id < 0 or position.global_position < 0:
            raise ValidationError(f"not a log position: {raw!r}")
        return position


START: Final = Position(0, 0)


class NewEvent(msgspec.Struct, frozen=True, kw_only=True):
    """An event ready to append: `data` is its JSON encoding (see infra.codec)."""

    event_id: uuid.UUID
    event_type: str
    data: bytes
    metadata: dict[str, Any] = {}
    schema_version: int = 1


class RecordedEvent(msgspec.Struct, frozen=True, kw_only=True):
    """An event as stored: the envelope plus its raw JSON data."""

    global_position: int
    tx_id: int
    event_id: uuid.UUID
    stream_id: str
    stream_version: int
    event_type: str
    schema_version: int
    data: bytes
    metadata: dict[str, Any]
    recorded_at: dt.datetime

    @property
    def position(self) -> Position:
        return Position(self.tx_id, self.global_position)


class AppendResult(msgspec.Struct, frozen=True, kw_only=True):
    stream_id: str
    version: int  # the stream's version after the append
    positions: tuple[int, ...]  # global positions of the appended (or already stored) events
    duplicate: bool = False  # every event id was already stored: nothing appended


_COLUMNS = """global_position, tx_id::text::bigint AS tx_id, event_id, stream_id, stream_version,
    event_type, schema_version, data::text AS data, metadata::text AS metadata, recorded_at"""

_READ_ALL = f"""
SELECT {_COLUMNS} FROM events
WHERE (tx_id, global_position) > ($1::text::xid8, $2::bigint)
  AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY tx_id, global_position
LIMIT $3"""

_READ_CATEGORY = f"""
SELECT {_COLUMNS} FROM events
WHERE category = $4 AND (tx_id, global_position) > ($1::text::xid8, $2::bigint)
  AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY tx_id, global_position
LIMIT $3"""

_READ_STREAM = f"""
SELECT {_COLUMNS} FROM events
WHERE stream_id = $1 AND stream_version > $2
ORDER BY stream_version
LIMIT $3"""

_PREPARE = """
SELECT pg_current_xact_id_if_assigned() IS NULL AS clean,
       (SELECT version FROM streams WHERE stream_id = $1) AS version"""

_CREATE_STREAM = """
INSERT INTO streams (stream_id, category, version) VALUES ($1, $2, $3)
ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, updated_at = now()
WHERE streams.version = 0
RETURNING version"""

_ADVANCE_STREAM = """
UPDATE streams SET version = $3, updated_at = now()
WHERE stream_id = $1 AND version = $2
RETURNING version"""

_INSERT_EVENTS = """
INSERT INTO events (event_id, stream_id, category, stream_version, event_type, schema_version, data, metadata)
SELECT e, $2, $3, v, t, s, d::jsonb, m::jsonb
FROM unnest($1::uuid[], $4::bigint[], $5::text[], $6::smallint[], $7::text[], $8::text[]) AS u(e, v, t, s, d, m)
RETURNING global_position"""

_EXISTING = "SELECT event_id, global_position FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY global_position"


def category_of(stream_id: str) -> str:
    """The stream's category: the part before the first '-' ("article-42" -> "article")."""
    return stream_id.split("-", 1)[0]


def _record(row: asyncpg.Record) -> RecordedEvent:
    return RecordedEvent(
        global_position=row["global_position"],
        tx_id=row["tx_id"],
        event_id=row["event_id"],
        stream_id=row["stream_id"],
        stream_version=row["stream_version"],
        event_type=row["event_type"],
        schema_version=row["schema_version"],
        data=row["data"].encode(),
        metadata=msgspec.json.decode(row["metadata"]),
        recorded_at=row["recorded_at"],
    )


class EventStore:
    """Append and read events. Methods taking `conn` run inside the caller's transaction."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def append(
        self, stream_id: str, events: Sequence[NewEvent], expected_version: ExpectedVersion = ANY
    ) -> AppendResult:
        """Append atomically in its own transaction, then wake followers."""
        for attempt in range(_ANY_RETRIES):
            try:
                async with self.pool.acquire() as conn:
                    async with conn.transaction():
                        result = await self.append_in(conn, stream_id, events, expected_version)
                    if not result.duplicate:
                        await notify(conn, stream_id)
                    return result
            except ConcurrencyError:
                if expected_version != ANY or attempt == _ANY_RETRIES - 1:
                    raise
                await asyncio.sleep(random.uniform(0, 0.002 * (attempt + 1)))  # de-synchronise contenders
            except asyncpg.UniqueViolationError as exc:
                if exc.constraint_name != "events_event_id_uq":
                    raise
                # A concurrent append of the same event ids won; answer as a duplicate.
                async with self.pool.acquire() as conn:
                    duplicate = await self._duplicate_result(conn, stream_id, events)
                if duplicate is None:
                    raise
                return duplicate
        raise AssertionError("unreachable")

    async def append_in(
        self,
        conn: asyncpg.Connection,
        stream_id: str,
        events: Sequence[NewEvent],
        expected_version: ExpectedVersion = ANY,
    ) -> AppendResult:
        """Append inside the caller's open transaction. The version CAS must be its first write;
        the caller must call `notify` after it commits."""
        if not events:
            raise ValidationError("nothing to append")
        duplicate = await self._duplicate_result(conn, stream_id, events)
        if duplicate is not None:
            return duplicate
        state = await conn.fetchrow(_PREPARE, stream_id)
        if not state["clean"]:
            raise StoreInvariantError("the stream version CAS must be the transaction's first write")
        current = state["version"]
        expected = _resolve_expected(stream_id, expected_version, current)
        new_version = await self._compare_and_set(conn, stream_id, expected, len(events))
        positions = await conn.fetch(
            _INSERT_EVENTS,
            [e.event_id for e in events],
            stream_id,
            category_of(stream_id),
            list(range(expected + 1, new_version + 1)),
            [e.event_type for e in events],
            [e.schema_version for e in events],
            [e.data.decode() for e in events],
            [msgspec.json.encode(e.metadata).decode() for e in events],
        )
        return AppendResult(stream_id=stream_id, version=new_version, positions=tuple(r[0] for r in positions))

    async def _compare_and_set(self, conn: asyncpg.Connection, stream_id: str, expected: int, count: int) -> int:
        if expected == 0:
            row = await conn.fetchval(_CREATE_STREAM, stream_id, category_of(stream_id), count)
        else:
            row = await conn.fetchval(_ADVANCE_STREAM, stream_id, expected, expected + count)
        if row is None:
            raise ConcurrencyError(f"stream {stream_id} is no longer at version {expected}")
        return int(row)

    async def _duplicate_result(
        self, conn: asyncpg.Connection, stream_id: str, events: Sequence[NewEvent]
    ) -> AppendResult | None:
        rows = await conn.fetch(_EXISTING, [e.event_id for e in events])
        if not rows:
            return None
        if len(rows) != len(events):
            raise DuplicateEventError(f"{len(rows)} of {len(events)} events are already stored in {stream_id}")
        version = await conn.fetchval("SELECT version FROM streams WHERE stream_id = $1", stream_id)
        return AppendResult(
            stream_id=stream_id, version=int(version or 0), positions=tuple(r[1] for r in rows), duplicate=True
        )

    async def read_stream(self, stream_id: str, after_version: int = 0, limit: int = 10_000) -> list[RecordedEvent]:
        async with self.pool.acquire() as conn:
            rows = await conn.fetch(_READ_STREAM, stream_id, after_version, limit)
        return [_record(r) for r in rows]

    async def read_all(
        self,
        after: Position = START,
        limit: int = 500,
        *,
        category: str | None = None,
        conn: asyncpg.Connection | None = None,
    ) -> list[RecordedEvent]:
        """Committed events after `after` in global order, never past a still-open writer."""
        if conn is None:
            async with self.pool.acquire() as own:
                return await read_all(own, after, limit, category=category)
        return await read_all(conn, after, limit, category=category)

    async def stream_version(self, stream_id: str) -> int | None:
        async with self.pool.acquire() as conn:
            version = await conn.fetchval("SELECT version FROM streams WHERE stream_id = $1", stream_id)
        return None if version is None else int(version)

    async def head(self) -> Position:
        """The position of the last event a reader can see now."""
        async with self.pool.acquire() as conn:
            return await head(conn)


async def read_all(
    conn: asyncpg.Connection, after: Position, limit: int, *, category: str | None = None
) -> list[RecordedEvent]:
    if category is None:
        rows = await conn.fetch(_READ_ALL, str(after.tx_id), after.global_position, limit)
    else:
        rows = await conn.fetch(_READ_CATEGORY, str(after.tx_id), after.global_position, limit, category)
    return [_record(r) for r in rows]


async def head(conn: asyncpg.Connection) -> Position:
    row = await conn.fetchrow(
        """SELECT tx_id::text::bigint AS tx_id, global_position FROM events
           WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY tx_id DESC, global_position DESC LIMIT 1"""
    )
    return START if row is None else Position(row["tx_id"], row["global_position"])


async def notify(conn: asyncpg.Connection, stream_id: str) -> None:
    """Wake followers. Sent after commit: NOTIFY inside the transaction serialises commits."""
    await conn.execute("SELECT pg_notify($1, $2)", NOTIFY_CHANNEL, stream_id)


def _resolve_expected(stream_id: str, expected: ExpectedVersion, current: int | None) -> int:
    if expected == ANY:
        return current or 0
    if expected == NO_STREAM:
        if current:
            raise ConcurrencyError(f"stream {stream_id} already exists (version {current})")
        return 0
    if not isinstance(expected, int) or expected < 0:
        raise ValidationError(f"expected_version must be 'no_stream', 'any' or a version ≥ 0, got {expected!r}")
    if (current or 0) != expected:
        raise ConcurrencyError(f"stream {stream_id} is at version {current or 0}, expected {expected}")
    return expected
