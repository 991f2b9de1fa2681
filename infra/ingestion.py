"""Article streams and their de-duplication keys in PostgreSQL: the adapter behind the
application's `ArticleStore` port (application/ingest.py holds the use cases).

Why the order inside the transaction: the stream's version CAS must be the first
write (see infra.event_store), so the `article_keys` rows come after it. Their primary
key is what makes two concurrent submissions of one article end as one stream: the
loser blocks on the winner's key row, gets a unique violation when it commits, rolls
back whole, and is told so with a ConcurrencyError.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any, Protocol

import asyncpg
import msgspec

from domain import streams
from domain.articles import KeyKind, stream_id_for
from domain.errors import ConcurrencyError
from domain.events import DomainEvent
from infra.codec import decode, to_new_event
from infra.event_store import NO_STREAM, EventStore, NewEvent, Position, RecordedEvent

_FIND = """
SELECT article_id FROM article_keys
WHERE (kind, value) IN (SELECT k, v FROM unnest($1::text[], $2::text[]) AS u(k, v))
LIMIT 1"""
_ADD_KEYS = """
INSERT INTO article_keys (kind, value, article_id)
SELECT k, v, $3 FROM unnest($1::text[], $2::text[]) AS u(k, v)"""
_COMMIT_FACTS = "SELECT pg_current_xact_id()::text::bigint, now()"
_ARTICLE_IDS = "SELECT stream_id FROM streams WHERE category = $1 ORDER BY created_at, stream_id"
_HAS_ARTICLES = "SELECT EXISTS (SELECT 1 FROM streams WHERE category = $1)"


class PendingEvent(Protocol):
    """What the use case hands over to append (structurally the application's `Pending`)."""

    @property
    def event_id(self) -> uuid.UUID: ...
    @property
    def event(self) -> DomainEvent: ...
    @property
    def metadata(self) -> dict[str, Any]: ...


class StoredEvent(msgspec.Struct, frozen=True, kw_only=True):
    event_id: uuid.UUID
    event: DomainEvent
    stream_version: int
    position: str
    recorded_at: dt.datetime


class ArticleStreams:
    """`ArticleStore` over the event store and the `article_keys` table."""

    def __init__(self, store: EventStore) -> None:
        self.store = store

    async def find(self, keys: Sequence[tuple[KeyKind, str]]) -> uuid.UUID | None:
        kinds, values = zip(*keys, strict=True)
        found: uuid.UUID | None = await self.store.pool.fetchval(_FIND, list(kinds), list(values))
        return found

    async def append_new(
        self, article_id: uuid.UUID, keys: Sequence[tuple[KeyKind, str]], events: Sequence[PendingEvent]
    ) -> list[StoredEvent]:
        new = _encoded(events)
        try:
            async with self.store.pool.acquire() as conn, conn.transaction():
                result = await self.store.append_in(conn, stream_id_for(article_id), new, NO_STREAM)
                if result.duplicate:
                    raise ConcurrencyError(f"article {article_id} is already stored")
                kinds, values = zip(*keys, strict=True)
                await conn.execute(_ADD_KEYS, list(kinds), list(values), article_id)
                tx_id, recorded_at = await conn.fetchrow(_COMMIT_FACTS)
        except asyncpg.UniqueViolationError:
            raise ConcurrencyError(f"a submission of article {article_id} was stored concurrently") from None
        self.store.wake_followers()
        return [
            StoredEvent(
                event_id=p.event_id,
                event=p.event,
                stream_version=version,
                position=Position(tx_id, global_position).encode(),
                recorded_at=recorded_at,
            )
            for version, (p, global_position) in enumerate(zip(events, result.positions, strict=True), start=1)
        ]

    async def append(
        self, article_id: uuid.UUID, events: Sequence[PendingEvent], expected_version: int
    ) -> list[StoredEvent]:
        stream_id = stream_id_for(article_id)
        await self.store.append(stream_id, _encoded(events), expected_version=expected_version)
        appended = await self.store.read_stream(stream_id, after_version=expected_version, limit=len(events))
        return [_stored(r) for r in appended]

    async def read(self, article_id: uuid.UUID) -> list[StoredEvent]:
        return [_stored(r) for r in await self.store.read_stream(stream_id_for(article_id))]

    async def article_ids(self) -> list[uuid.UUID]:
        rows = await self.store.pool.fetch(_ARTICLE_IDS, streams.ARTICLE)
        return [uuid.UUID(streams.id_of(r["stream_id"])) for r in rows]

    async def has_articles(self) -> bool:
        return bool(await self.store.pool.fetchval(_HAS_ARTICLES, streams.ARTICLE))


def _encoded(events: Sequence[PendingEvent]) -> list[NewEvent]:
    return [to_new_event(p.event, event_id=p.event_id, metadata=p.metadata) for p in events]


def _stored(record: RecordedEvent) -> StoredEvent:
    return StoredEvent(
        event_id=record.event_id,
        event=decode(record),
        stream_version=record.stream_version,
        position=record.position.encode(),
        recorded_at=record.recorded_at,
    )
