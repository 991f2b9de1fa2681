"""The article use cases: submit one, submit a batch, re-extract one or all, read the live events.

Each is a function over the `ArticleStore` port (and a `Clock`): the rules live in the domain,
the SQL in the adapter (infra/ingestion.py), the HTTP and CLI shapes in api.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import msgspec

from application.ports import ArticleStore, Clock, Stored
from domain.articles import (
    Article,
    ArticleInput,
    ReextractionPlan,
    event_id_for,
    parse_article,
    plan_reextraction,
    validate_article,
)
from domain.errors import ConcurrencyError, ConflictDBError, NotFoundError, ValidationError
from domain.events import CONFLICT_EVENT_TYPES, ArticleSubmitted, ConflictEvent, DomainEvent, EventRetracted
from domain.extraction import EXTRACTOR_VERSION, extract
from domain.wire import WireEvent, wire_event
from infra import metrics

MAX_BATCH = 500
BATCH_CONCURRENCY = 4  # overlaps one item's database round trips with another's extraction
STALE = "not extracted by the current extractor"


class Outcome(msgspec.Struct, frozen=True, kw_only=True):
    """What became of one submitted article: created (201) or a duplicate of a stored one (200)."""

    id: uuid.UUID
    events: list[WireEvent]
    duplicate: bool

    @property
    def status(self) -> int:
        return 200 if self.duplicate else 201


class ItemResult(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """One batch item's fate: 201 created, 200 duplicate, 400 invalid (with detail)."""

    index: int
    status: int
    id: uuid.UUID | None = None
    duplicate: bool | None = None
    events: list[WireEvent] | None = None
    detail: str | None = None


class Reextraction(msgspec.Struct, frozen=True, kw_only=True):
    id: uuid.UUID
    extractor_version: str
    retracted: list[uuid.UUID]
    added: list[WireEvent]
    unchanged: int


class PendingEvent(msgspec.Struct, frozen=True, kw_only=True):
    """An event with the id and metadata it is to be stored with (the ports' `Pending`)."""

    event_id: uuid.UUID
    event: DomainEvent
    metadata: dict[str, Any]


def run_extractor(text: str, published_at: str | None, language: str) -> list[ConflictEvent]:
    """The extractor the use cases run (a seam: tests swap in a fake to simulate a changed extractor)."""
    return list(extract(text, published_at=published_at, language=language))


def extractor_version() -> str:
    return EXTRACTOR_VERSION


# --- submission -----------------------------------------------------------------------------------


async def submit_article(
    articles: ArticleStore, clock: Clock, data: ArticleInput, *, origin: str, correlation_id: str | None = None
) -> Outcome:
    """Validate an article as a client sent it, then ingest it."""
    return await ingest(articles, clock, validate_article(data), origin=origin, correlation_id=correlation_id)


async def submit_raw(
    articles: ArticleStore, clock: Clock, raw: Any, *, origin: str, correlation_id: str | None = None
) -> Outcome:
    """Validate a raw JSON value (a dict) as an article, then ingest it."""
    return await ingest(articles, clock, parse_article(raw), origin=origin, correlation_id=correlation_id)


async def ingest(
    articles: ArticleStore, clock: Clock, article: Article, *, origin: str, correlation_id: str | None = None
) -> Outcome:
    """A stored article with any of its keys is a duplicate; else extract and start its stream."""
    outcome = await _ingest(articles, clock, article, origin, correlation_id)
    metrics.ARTICLES_INGESTED.labels("duplicate" if outcome.duplicate else "created").inc()
    return outcome


async def _ingest(
    articles: ArticleStore, clock: Clock, article: Article, origin: str, correlation_id: str | None
) -> Outcome:
    keys = article.dedup_keys()
    existing = await articles.find(keys)
    if existing is not None:
        return await _duplicate(articles, existing)
    extracted = _timed_extraction(article.text, article.published_at, article.language)
    pending = _initial_events(article, extracted, _metadata(article.article_id, origin, correlation_id), clock)
    try:
        stored = await articles.append_new(article.article_id, keys, pending)
    except ConcurrencyError:
        existing = await articles.find(keys)  # a concurrent submission won
        if existing is None:
            raise
        return await _duplicate(articles, existing)
    return Outcome(id=article.article_id, events=_wire(article.article_id, stored[1:]), duplicate=False)


async def submit_batch(
    articles: ArticleStore, clock: Clock, items: Sequence[Any], *, origin: str, correlation_id: str | None = None
) -> list[ItemResult]:
    """Ingest each item on its own (each article is atomic); a bad item does not sink the others."""
    if len(items) > MAX_BATCH:
        raise ValidationError(f"a batch holds at most {MAX_BATCH} articles; got {len(items)}")
    gate = asyncio.Semaphore(BATCH_CONCURRENCY)

    async def one(index: int, raw: Any) -> ItemResult:
        async with gate:
            try:
                done = await submit_raw(articles, clock, raw, origin=origin, correlation_id=correlation_id)
            except ValidationError as exc:
                return ItemResult(index=index, status=400, detail=str(exc))
            return ItemResult(index=index, status=done.status, id=done.id, duplicate=done.duplicate, events=done.events)

    return list(await asyncio.gather(*(one(i, raw) for i, raw in enumerate(items))))


def _timed_extraction(text: str, published_at: str | None, language: str) -> list[ConflictEvent]:
    started = time.perf_counter()
    try:
        return run_extractor(text, published_at, language)
    finally:
        metrics.EXTRACTION_DURATION.observe(time.perf_counter() - started)


def _metadata(article_id: uuid.UUID, origin: str, correlation_id: str | None) -> dict[str, Any]:
    return {
        "article_id": str(article_id),
        "extractor_version": extractor_version(),
        "origin": origin,
        "correlation_id": correlation_id or str(article_id),
    }


def _initial_events(
    article: Article, extracted: Sequence[ConflictEvent], metadata: dict[str, Any], clock: Clock
) -> list[PendingEvent]:
    """ArticleSubmitted first, then each extracted event caused by it; ids follow the stream versions."""
    submitted_id = article.event_id(1)
    caused = {**metadata, "causation_id": str(submitted_id)}
    first = PendingEvent(event_id=submitted_id, event=article.submitted(clock.now()), metadata=metadata)
    rest = [
        PendingEvent(event_id=article.event_id(version), event=event, metadata=caused)
        for version, event in enumerate(extracted, start=2)
    ]
    return [first, *rest]


async def _duplicate(articles: ArticleStore, article_id: uuid.UUID) -> Outcome:
    return Outcome(id=article_id, events=_wire(article_id, _live(await articles.read(article_id))), duplicate=True)


# --- reading --------------------------------------------------------------------------------------


async def live_events(articles: ArticleStore, article_id: uuid.UUID) -> list[WireEvent]:
    """The article's extracted events that have not been retracted, in the wire format."""
    stream = await articles.read(article_id)
    if not stream:
        raise NotFoundError(f"no article {article_id}")
    return _wire(article_id, _live(stream))


def _live(stream: Sequence[Stored]) -> list[Stored]:
    retracted = {s.event.retracted_event_id for s in stream if isinstance(s.event, EventRetracted)}
    return [s for s in stream if isinstance(s.event, CONFLICT_EVENT_TYPES) and s.event_id not in retracted]


def _wire(article_id: uuid.UUID, stored: Sequence[Stored]) -> list[WireEvent]:
    """The codebook's extracted event plus id, article_id, position and recorded_at."""
    return [
        wire_event(s.event, event_id=s.event_id, article_id=article_id, position=s.position, recorded_at=s.recorded_at)
        for s in stored
        if isinstance(s.event, CONFLICT_EVENT_TYPES)
    ]


# --- re-extraction --------------------------------------------------------------------------------


async def reextract(articles: ArticleStore, article_id: uuid.UUID, *, origin: str) -> Reextraction:
    """Run the current extractor on the stored text; retract what no longer stands, add what is new.

    Appends with expected_version = the version read, so a concurrent change is a 409, never a mix.
    """
    stream = await articles.read(article_id)
    if not stream:
        raise NotFoundError(f"no article {article_id}")
    submitted = stream[0].event
    if not isinstance(submitted, ArticleSubmitted):
        raise NotFoundError(f"stream of {article_id} does not start with an article")
    live = _live(stream)
    fresh = _timed_extraction(submitted.text, submitted.published_at, submitted.language)
    plan = plan_reextraction({s.event_id: s.event for s in live if isinstance(s.event, CONFLICT_EVENT_TYPES)}, fresh)
    added = await _append_plan(articles, article_id, stream, plan, origin) if plan.changed else []
    return Reextraction(
        id=article_id,
        extractor_version=extractor_version(),
        retracted=list(plan.retract),
        added=added,
        unchanged=plan.unchanged,
    )


async def reextract_all(
    articles: ArticleStore, ids: Sequence[uuid.UUID] | None, *, origin: str
) -> AsyncIterator[tuple[uuid.UUID, Reextraction | ConflictDBError]]:
    """Re-extract the given articles (every stored one, oldest first, when None), one at a time;
    an article that fails is reported with its error and does not stop the others."""
    for article_id in ids if ids is not None else await articles.article_ids():
        try:
            yield article_id, await reextract(articles, article_id, origin=origin)
        except ConflictDBError as exc:
            yield article_id, exc


async def _append_plan(
    articles: ArticleStore, article_id: uuid.UUID, stream: Sequence[Stored], plan: ReextractionPlan, origin: str
) -> list[WireEvent]:
    version = stream[-1].stream_version
    metadata = {**_metadata(article_id, origin, None), "causation_id": str(stream[0].event_id)}
    retractions: list[DomainEvent] = [
        EventRetracted(retracted_event_id=i, reason=STALE, extractor_version=extractor_version()) for i in plan.retract
    ]
    pending = [
        PendingEvent(event_id=event_id_for(article_id, version + n), event=event, metadata=metadata)
        for n, event in enumerate([*retractions, *plan.add], start=1)
    ]
    appended = await articles.append(article_id, pending, expected_version=version)
    return _wire(article_id, _live(appended))


async def has_articles(articles: ArticleStore) -> bool:
    """Whether any article is stored yet (seeds are ingested only into an empty store)."""
    return await articles.has_articles()
