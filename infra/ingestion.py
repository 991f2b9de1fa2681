"""The one ingestion path (HTTP, CLI, seeds): extract, then append the article's stream in one
transaction together with its de-duplication keys; and re-extraction of stored articles.

Why the order inside the transaction: the stream's version CAS must be the first
write (see infra.event_store), so the `article_keys` rows come after it. Their primary
key is what makes two concurrent submissions of one article end as one stream: the
loser blocks on the winner's key row, gets a unique violation when it commits, rolls
back whole, and answers with the winner's article.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import uuid
from collections.abc import Sequence
from typing import Any

import asyncpg
import msgspec

from domain import streams
from domain.articles import (
    Article,
    ReextractionPlan,
    event_id_for,
    parse_article,
    plan_reextraction,
    stream_id_for,
)
from domain.errors import ConcurrencyError, NotFoundError, ValidationError
from domain.events import CONFLICT_EVENT_TYPES, ArticleSubmitted, ConflictEvent, DomainEvent, EventRetracted
from domain.extraction import EXTRACTOR_VERSION, extract
from domain.wire import WireEvent
from domain.wire import wire_event as domain_wire_event
from infra import metrics
from infra.codec import decode, to_new_event
from infra.event_store import NO_STREAM, EventStore, NewEvent, Position, RecordedEvent

_FIND = """
SELECT article_id FROM article_keys
WHERE (kind, value) IN (SELECT k, v FROM unnest($1::text[], $2::text[]) AS u(k, v))
LIMIT 1"""
MAX_BATCH = 500
BATCH_CONCURRENCY = 4  # overlaps one item's database round trips with another's extraction
_ADD_KEYS = """
INSERT INTO article_keys (kind, value, article_id)
SELECT k, v, $3 FROM unnest($1::text[], $2::text[]) AS u(k, v)"""


def run_extractor(text: str, published_at: str | None, language: str) -> list[ConflictEvent]:
    """The extractor ingestion uses (a seam: tests swap in a fake to simulate a changed extractor)."""
    return list(extract(text, published_at=published_at, language=language))


def _timed_extraction(text: str, published_at: str | None, language: str) -> list[ConflictEvent]:
    started = time.perf_counter()
    try:
        return run_extractor(text, published_at, language)
    finally:
        metrics.EXTRACTION_DURATION.observe(time.perf_counter() - started)


def extractor_version() -> str:
    return EXTRACTOR_VERSION


class Outcome(msgspec.Struct, frozen=True, kw_only=True):
    """What became of one submitted article: created (201) or a duplicate of a stored one (200)."""

    id: uuid.UUID
    events: list[WireEvent]
    duplicate: bool

    @property
    def status(self) -> int:
        return 200 if self.duplicate else 201


class Reextraction(msgspec.Struct, frozen=True, kw_only=True):
    id: uuid.UUID
    extractor_version: str
    retracted: list[uuid.UUID]
    added: list[WireEvent]
    unchanged: int


async def ingest_raw(store: EventStore, raw: Any, *, origin: str, correlation_id: str | None = None) -> Outcome:
    """Validate a raw JSON value as an article, then ingest it."""
    return await ingest(store, parse_article(raw), origin=origin, correlation_id=correlation_id)


async def ingest(store: EventStore, article: Article, *, origin: str, correlation_id: str | None = None) -> Outcome:
    outcome = await _ingest(store, article, origin=origin, correlation_id=correlation_id)
    metrics.ARTICLES_INGESTED.labels("duplicate" if outcome.duplicate else "created").inc()
    return outcome


async def _ingest(store: EventStore, article: Article, *, origin: str, correlation_id: str | None) -> Outcome:
    existing = await find_existing(store.pool, article)
    if existing is not None:
        return await _duplicate(store, existing)
    extracted = _timed_extraction(article.text, article.published_at, article.language)
    metadata = _metadata(article.article_id, origin, correlation_id)
    new_events = _initial_events(article, extracted, metadata)
    try:
        return await _append_new(store, article, new_events, extracted)
    except (asyncpg.UniqueViolationError, ConcurrencyError):
        existing = await find_existing(store.pool, article)  # a concurrent submission won
        if existing is None:
            raise
        return await _duplicate(store, existing)


class ItemResult(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """One batch item's fate: 201 created, 200 duplicate, 400 invalid (with detail)."""

    index: int
    status: int
    id: uuid.UUID | None = None
    duplicate: bool | None = None
    events: list[WireEvent] | None = None
    detail: str | None = None


async def ingest_batch(
    store: EventStore, items: Sequence[Any], *, origin: str, correlation_id: str | None = None
) -> list[ItemResult]:
    """Ingest each item on its own (each article is atomic); a bad item does not sink the others."""
    if len(items) > MAX_BATCH:
        raise ValidationError(f"a batch holds at most {MAX_BATCH} articles; got {len(items)}")
    gate = asyncio.Semaphore(BATCH_CONCURRENCY)

    async def one(index: int, raw: Any) -> ItemResult:
        async with gate:
            try:
                done = await ingest_raw(store, raw, origin=origin, correlation_id=correlation_id)
            except ValidationError as exc:
                return ItemResult(index=index, status=400, detail=str(exc))
            return ItemResult(index=index, status=done.status, id=done.id, duplicate=done.duplicate, events=done.events)

    return list(await asyncio.gather(*(one(i, raw) for i, raw in enumerate(items))))


async def find_existing(pool: asyncpg.Pool, article: Article) -> uuid.UUID | None:
    kinds, values = zip(*article.dedup_keys(), strict=True)
    found: uuid.UUID | None = await pool.fetchval(_FIND, list(kinds), list(values))
    return found


async def _append_new(
    store: EventStore, article: Article, new_events: list[NewEvent], extracted: Sequence[ConflictEvent]
) -> Outcome:
    stream_id = stream_id_for(article.article_id)
    async with store.pool.acquire() as conn, conn.transaction():
        result = await store.append_in(conn, stream_id, new_events, NO_STREAM)
        if result.duplicate:
            raise ConcurrencyError(f"article {article.article_id} is already stored")
        kinds, values = zip(*article.dedup_keys(), strict=True)
        await conn.execute(_ADD_KEYS, list(kinds), list(values), article.article_id)
        tx_id, recorded_at = await conn.fetchrow("SELECT pg_current_xact_id()::text::bigint, now()")
    store.wake_followers()
    wire = [
        wire_event(e.event_id, event, article.article_id, Position(tx_id, pos), recorded_at)
        for e, event, pos in zip(new_events[1:], extracted, result.positions[1:], strict=True)
    ]
    return Outcome(id=article.article_id, events=wire, duplicate=False)


def _metadata(article_id: uuid.UUID, origin: str, correlation_id: str | None) -> dict[str, Any]:
    return {
        "article_id": str(article_id),
        "extractor_version": extractor_version(),
        "origin": origin,
        "correlation_id": correlation_id or str(article_id),
    }


def _initial_events(article: Article, extracted: Sequence[ConflictEvent], metadata: dict[str, Any]) -> list[NewEvent]:
    submitted_id = event_id_for(article.article_id, 1)
    now = dt.datetime.now(dt.UTC)
    first = to_new_event(article.submitted(now), event_id=submitted_id, metadata=metadata)
    caused = {**metadata, "causation_id": str(submitted_id)}
    rest = [
        to_new_event(event, event_id=event_id_for(article.article_id, version), metadata=caused)
        for version, event in enumerate(extracted, start=2)
    ]
    return [first, *rest]


async def _duplicate(store: EventStore, article_id: uuid.UUID) -> Outcome:
    records = await store.read_stream(stream_id_for(article_id))
    wire = [wire_event(r.event_id, e, article_id, r.position, r.recorded_at) for r, e in _live(records)]
    return Outcome(id=article_id, events=wire, duplicate=True)


async def live_events(store: EventStore, article_id: uuid.UUID) -> list[WireEvent]:
    """The article's extracted events that have not been retracted, in the wire format."""
    records = await store.read_stream(stream_id_for(article_id))
    if not records:
        raise NotFoundError(f"no article {article_id}")
    return [wire_event(r.event_id, e, article_id, r.position, r.recorded_at) for r, e in _live(records)]


def _live(records: Sequence[RecordedEvent]) -> list[tuple[RecordedEvent, ConflictEvent]]:
    decoded: list[tuple[RecordedEvent, DomainEvent]] = [(r, decode(r)) for r in records]
    retracted = {e.retracted_event_id for _, e in decoded if isinstance(e, EventRetracted)}
    return [(r, e) for r, e in decoded if isinstance(e, CONFLICT_EVENT_TYPES) and r.event_id not in retracted]


def wire_event(
    event_id: uuid.UUID, event: ConflictEvent, article_id: uuid.UUID, position: Position, recorded_at: dt.datetime
) -> WireEvent:
    return domain_wire_event(
        event, event_id=event_id, article_id=article_id, position=position.encode(), recorded_at=recorded_at
    )


# --- re-extraction ------------------------------------------------------------------------------


async def reextract(store: EventStore, article_id: uuid.UUID, *, origin: str) -> Reextraction:
    """Run the current extractor on the stored text; retract what no longer stands, add what is new.

    Appends with expected_version = the version read, so a concurrent change is a 409, never a mix.
    """
    records = await store.read_stream(stream_id_for(article_id))
    if not records:
        raise NotFoundError(f"no article {article_id}")
    submitted = decode(records[0])
    if not isinstance(submitted, ArticleSubmitted):
        raise NotFoundError(f"stream of {article_id} does not start with an article")
    live = _live(records)
    fresh = _timed_extraction(submitted.text, submitted.published_at, submitted.language)
    plan = plan_reextraction({r.event_id: e for r, e in live}, fresh)
    added = await _append_plan(store, article_id, records, plan, origin) if plan.changed else []
    return Reextraction(
        id=article_id,
        extractor_version=extractor_version(),
        retracted=list(plan.retract),
        added=added,
        unchanged=plan.unchanged,
    )


async def _append_plan(
    store: EventStore, article_id: uuid.UUID, records: Sequence[RecordedEvent], plan: ReextractionPlan, origin: str
) -> list[WireEvent]:
    version, reason = records[-1].stream_version, "not extracted by the current extractor"
    metadata = {**_metadata(article_id, origin, None), "causation_id": str(records[0].event_id)}
    retractions: list[DomainEvent] = [
        EventRetracted(retracted_event_id=i, reason=reason, extractor_version=extractor_version()) for i in plan.retract
    ]
    new = [
        to_new_event(event, event_id=event_id_for(article_id, version + n), metadata=metadata)
        for n, event in enumerate([*retractions, *plan.add], start=1)
    ]
    await store.append(stream_id_for(article_id), new, expected_version=version)
    appended = await store.read_stream(stream_id_for(article_id), after_version=version, limit=len(new))
    return [wire_event(r.event_id, e, article_id, r.position, r.recorded_at) for r, e in _live(appended)]


async def article_ids(pool: asyncpg.Pool) -> list[uuid.UUID]:
    rows = await pool.fetch(
        "SELECT stream_id FROM streams WHERE category = $1 ORDER BY created_at, stream_id", streams.ARTICLE
    )
    return [uuid.UUID(streams.id_of(r["stream_id"])) for r in rows]


async def has_articles(pool: asyncpg.Pool) -> bool:
    return bool(await pool.fetchval("SELECT EXISTS (SELECT 1 FROM streams WHERE category = $1)", streams.ARTICLE))
