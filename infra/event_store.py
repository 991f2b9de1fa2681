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
import logging
import random
import uuid
from collections.abc import Collection, Sequence
from typing import Any, Final, Literal

import asyncpg
import msgspec

from domain import streams
from domain.errors import ConcurrencyError, ConflictDBError, ValidationError
from infra import metrics

log = logging.getLogger(__name__)
NOTIFY_CHANNEL: Final = "conflictdb_events"
NO_STREAM: Final = "no_stream"
ANY: Final = "any"
ExpectedVersion = int | Literal["no_stream", "any"]
_ANY_RETRIES = 50
_BIGINT_MAX = 2**63 - 1  # both parts of a position are PostgreSQL bigints
_NOTIFY_COALESCE_S = 0.005


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
            raise ValidationError(f"not a log position: {raw[:60]!r} (expected '<tx>-<position>')") from None
        if not (0 <= position.tx_id <= _BIGINT_MAX and 0 <= position.global_position <= _BIGINT_MAX):
            raise ValidationError(f"not a log position: {raw[:60]!r} (each part is 0 to {_BIGINT_MAX})")
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


class Batch(msgspec.Struct, frozen=True):
    """What a follower reads in one go: its events, and how far the log was read."""

    events: list[RecordedEvent]
    end: Position | None  # the cursor after this batch; None when nothing new is visible


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

# A follower's batch: the events of its types after the cursor, and (same statement, so the
# same snapshot) the last visible event of any type, so a batch that is not full can move
# the cursor past the events the follower does not handle.
_BATCH = """
WITH batch AS (
    SELECT {columns} FROM events
    WHERE (tx_id, global_position) > ($1::text::xid8, $2::bigint)
      AND tx_id < pg_snapshot_xmin(pg_current_snapshot()){types}
    ORDER BY tx_id, global_position
    LIMIT $3
), last AS (
    SELECT tx_id::text::bigint AS end_tx_id, global_position AS end_position FROM events
    WHERE (tx_id, global_position) > ($1::text::xid8, $2::bigint)
      AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY tx_id DESC, global_position DESC
    LIMIT 1
)
SELECT last.*, batch.* FROM last LEFT JOIN batch ON true
ORDER BY batch.tx_id, batch.global_position"""
_BATCH_ALL = _BATCH.format(columns=_COLUMNS, types="")
_BATCH_OF_TYPES = _BATCH.format(columns=_COLUMNS, types="\n      AND event_type = ANY($4::text[])")

_READ_STREAM = f"""
SELECT {_COLUMNS} FROM events
WHERE stream_id = $1 AND stream_version > $2
ORDER BY stream_version
LIMIT $3"""

_PREPARE = """
SELECT pg_current_xact_id_if_assigned() IS NULL AS clean,
       (SELECT version FROM streams WHERE stream_id = $1) AS version"""

# One statement: the stream's version compare-and-set, then the events. The join on `cas`
# makes the CAS run (and be the first write) before any event row; a failed CAS inserts nothing.
_INSERT_FROM_CAS = """
INSERT INTO events (event_id, stream_id, category, stream_version, event_type, schema_version, data, metadata)
SELECT u.e, $2, $3, $4 + u.n, u.t, u.s, u.d::jsonb, u.m::jsonb
FROM cas, unnest($1::uuid[], $5::text[], $6::smallint[], $7::text[], $8::text[]) WITH ORDINALITY AS u(e, t, s, d, m, n)
RETURNING global_position"""

# One event (the common case) with scalar parameters: array encoding and unnest cost ~15%.
_INSERT_ONE_FROM_CAS = """
INSERT INTO events (event_id, stream_id, category, stream_version, event_type, schema_version, data, metadata)
SELECT $1, $2, $3, $4 + 1, $5, $6, $7::jsonb, $8::jsonb
FROM cas
RETURNING global_position"""

_CAS_NEW_STREAM = """
WITH cas AS (
    INSERT INTO streams (stream_id, category, version) VALUES ($2, $3, $4 + {count})
    ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, updated_at = now()
    WHERE streams.version = 0
    RETURNING version)"""

_CAS_STREAM = """
WITH cas AS (
    UPDATE streams SET version = $4 + {count}, updated_at = now()
    WHERE stream_id = $2 AND version = $4
    RETURNING version)"""

_APPEND_ONE_TO_NEW_STREAM = _CAS_NEW_STREAM.format(count="1") + _INSERT_ONE_FROM_CAS
_APPEND_ONE_TO_STREAM = _CAS_STREAM.format(count="1") + _INSERT_ONE_FROM_CAS

_APPEND_TO_NEW_STREAM = _CAS_NEW_STREAM.format(count="cardinality($1::uuid[])") + _INSERT_FROM_CAS
_APPEND_TO_STREAM = _CAS_STREAM.format(count="cardinality($1::uuid[])") + _INSERT_FROM_CAS

_VERSION = "SELECT version FROM streams WHERE stream_id = $1"
_EVENT_ID_UQ = "events_event_id_uq"
_EXISTING = "SELECT event_id, global_position FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY global_position"


def recorded_from_row(row: asyncpg.Record) -> RecordedEvent:
    """A RecordedEvent from a row selected with the envelope columns (`data`/`metadata` as text;
    a row without `metadata` gets an empty dict)."""
    metadata = row.get("metadata")
    return RecordedEvent(
        global_position=row["global_position"],
        tx_id=row["tx_id"],
        event_id=row["event_id"],
        stream_id=row["stream_id"],
        stream_version=row["stream_version"],
        event_type=row["event_type"],
        schema_version=row["schema_version"],
        data=row["data"].encode(),
        metadata=msgspec.json.decode(metadata) if metadata else {},
        recorded_at=row["recorded_at"],
    )


class EventStore:
    """Append and read events. Methods taking `conn` run inside the caller's transaction."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self._notify_pending = False
        self._notifier: asyncio.Task[None] | None = None

    async def append(
        self, stream_id: str, events: Sequence[NewEvent], expected_version: ExpectedVersion = ANY
    ) -> AppendResult:
        """Append atomically (one statement), then wake followers."""
        _check_batch(events)
        for attempt in range(_ANY_RETRIES):
            async with self.pool.acquire() as conn:
                try:
                    current = await conn.fetchval(_VERSION, stream_id) if expected_version == ANY else None
                    expected = _resolve_expected(stream_id, expected_version, current, check_current=False)
                    result = await self._insert(conn, stream_id, events, expected)
                except asyncpg.UniqueViolationError as exc:
                    result = await self._after_unique_violation(conn, exc, stream_id, events)
                except ConcurrencyError:
                    if expected_version != ANY or attempt == _ANY_RETRIES - 1:
                        raise
                    await asyncio.sleep(random.uniform(0, 0.002 * (attempt + 1)))  # de-synchronise contenders
                    continue
            if not result.duplicate:
                self.wake_followers()
            return result
        raise AssertionError("unreachable")

    async def append_in(
        self,
        conn: asyncpg.Connection,
        stream_id: str,
        events: Sequence[NewEvent],
        expected_version: ExpectedVersion = ANY,
    ) -> AppendResult:
        """Append inside the caller's open transaction, whose first write this must be.
        The caller calls `wake_followers()` after it commits."""
        _check_batch(events)
        state = await conn.fetchrow(_PREPARE, stream_id)
        if not state["clean"]:
            raise StoreInvariantError("the stream version CAS must be the transaction's first write")
        expected = _resolve_expected(stream_id, expected_version, state["version"], check_current=True)
        return await self._insert(conn, stream_id, events, expected)

    async def _insert(
        self, conn: asyncpg.Connection, stream_id: str, events: Sequence[NewEvent], expected: int
    ) -> AppendResult:
        rows = await conn.fetch(*_append_statement(stream_id, events, expected))
        if rows:
            for event in events:
                metrics.EVENTS_APPENDED.labels(event.event_type).inc()
            positions = tuple(sorted(r[0] for r in rows))
            return AppendResult(stream_id=stream_id, version=expected + len(events), positions=positions)
        duplicate = await self._duplicate_result(conn, stream_id, events)
        if duplicate is None:
            raise ConcurrencyError(f"stream {stream_id} is no longer at version {expected}")
        return duplicate

    async def _after_unique_violation(
        self, conn: asyncpg.Connection, exc: asyncpg.UniqueViolationError, stream_id: str, events: Sequence[NewEvent]
    ) -> AppendResult:
        # A concurrent or earlier append of the same event ids won: answer as a duplicate.
        duplicate = (
            await self._duplicate_result(conn, stream_id, events) if exc.constraint_name == _EVENT_ID_UQ else None
        )
        if duplicate is None:
            raise exc
        return duplicate

    def wake_followers(self) -> None:
        """Ask for a NOTIFY after commit, coalescing bursts into one statement in flight at a time.
        NOTIFY inside the append transaction would serialise commits; a lost one is covered by polling."""
        self._notify_pending = True
        if self._notifier is None or self._notifier.done():
            self._notifier = asyncio.get_running_loop().create_task(self._send_notifications())

    async def _send_notifications(self) -> None:
        while self._notify_pending:
            self._notify_pending = False
            try:
                async with self.pool.acquire() as conn:
                    await notify(conn, "")
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
                log.warning("NOTIFY failed; followers will catch up by polling")
                return
            await asyncio.sleep(_NOTIFY_COALESCE_S)  # appends meanwhile share the next NOTIFY

    async def close(self) -> None:
        """Wait for a pending wake-up to go out (call before closing the pool)."""
        if self._notifier is not None:
            await asyncio.gather(self._notifier, return_exceptions=True)

    async def _duplicate_result(
        self, conn: asyncpg.Connection, stream_id: str, events: Sequence[NewEvent]
    ) -> AppendResult | None:
        rows = await conn.fetch(_EXISTING, [e.event_id for e in events])
        if not rows:
            return None
        if len(rows) != len(events):
            raise DuplicateEventError(f"{len(rows)} of {len(events)} events are already stored in {stream_id}")
        version = await conn.fetchval(_VERSION, stream_id)
        return AppendResult(
            stream_id=stream_id, version=int(version or 0), positions=tuple(r[1] for r in rows), duplicate=True
        )

    async def read_stream(self, stream_id: str, after_version: int = 0, limit: int = 10_000) -> list[RecordedEvent]:
        async with self.pool.acquire() as conn:
            rows = await conn.fetch(_READ_STREAM, stream_id, after_version, limit)
        return [recorded_from_row(r) for r in rows]

    async def read_all(
        self,
        after: Position = START,
        limit: int = 500,
        *,
        conn: asyncpg.Connection | None = None,
    ) -> list[RecordedEvent]:
        """Committed events after `after` in global order, never past a still-open writer."""
        if conn is None:
            async with self.pool.acquire() as own:
                return await read_all(own, after, limit)
        return await read_all(conn, after, limit)

    async def stream_version(self, stream_id: str) -> int | None:
        async with self.pool.acquire() as conn:
            version = await conn.fetchval("SELECT version FROM streams WHERE stream_id = $1", stream_id)
        return None if version is None else int(version)

    async def head(self) -> Position:
        """The position of the last event a reader can see now."""
        async with self.pool.acquire() as conn:
            return await head(conn)

    async def holds(self, position: Position) -> bool:
        """Whether an event is stored at or past `position`, visible to readers yet or not: every
        position a write replied with is (its events committed before the reply)."""
        async with self.pool.acquire() as conn:
            found = await conn.fetchval(_HOLDS, str(position.tx_id), position.global_position)
        return bool(found)


async def read_all(conn: asyncpg.Connection, after: Position, limit: int) -> list[RecordedEvent]:
    rows = await conn.fetch(_READ_ALL, str(after.tx_id), after.global_position, limit)
    return [recorded_from_row(r) for r in rows]


async def read_batch(
    conn: asyncpg.Connection, after: Position, limit: int, *, types: Collection[str] | None = None
) -> Batch:
    """Up to `limit` committed events of `types` (None: every type) after `after`, filtered in SQL.
    When fewer come back, `end` is past every visible event, so skipped types still advance."""
    args = (str(after.tx_id), after.global_position, limit)
    rows = await (conn.fetch(_BATCH_ALL, *args) if types is None else conn.fetch(_BATCH_OF_TYPES, *args, list(types)))
    if not rows:
        return Batch([], None)
    events = [recorded_from_row(r) for r in rows if r["global_position"] is not None]
    if len(events) == limit:
        return Batch(events, events[-1].position)
    return Batch(events, Position(rows[0]["end_tx_id"], rows[0]["end_position"]))


_HOLDS = "SELECT EXISTS (SELECT 1 FROM events WHERE (tx_id, global_position) >= ($1::text::xid8, $2::bigint))"


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


def _append_statement(stream_id: str, events: Sequence[NewEvent], expected: int) -> tuple[Any, ...]:
    """The CAS-then-insert statement and its arguments: scalars for one event, arrays for more."""
    head = (stream_id, streams.category(stream_id), expected)
    if len(events) == 1:
        event = events[0]
        sql = _APPEND_ONE_TO_NEW_STREAM if expected == 0 else _APPEND_ONE_TO_STREAM
        metadata = msgspec.json.encode(event.metadata).decode()
        return (sql, event.event_id, *head, event.event_type, event.schema_version, event.data.decode(), metadata)
    return (
        _APPEND_TO_NEW_STREAM if expected == 0 else _APPEND_TO_STREAM,
        [e.event_id for e in events],
        *head,
        [e.event_type for e in events],
        [e.schema_version for e in events],
        [e.data.decode() for e in events],
        [msgspec.json.encode(e.metadata).decode() for e in events],
    )


def _check_batch(events: Sequence[NewEvent]) -> None:
    if not events:
        raise ValidationError("nothing to append")


def _resolve_expected(stream_id: str, expected: ExpectedVersion, current: int | None, *, check_current: bool) -> int:
    """The version the CAS will demand. With `check_current` a mismatch fails before any write."""
    if expected == ANY:
        return current or 0
    if expected == NO_STREAM:
        if check_current and current:
            raise ConcurrencyError(f"stream {stream_id} already exists (version {current})")
        return 0
    if not isinstance(expected, int) or expected < 0:
        raise ValidationError(f"expected_version must be 'no_stream', 'any' or a version ≥ 0, got {expected!r}")
    if check_current and (current or 0) != expected:
        raise ConcurrencyError(f"stream {stream_id} is at version {current or 0}, expected {expected}")
    return expected
