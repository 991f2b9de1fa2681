"""The ingestion path against a real PostgreSQL: one transaction per article, races, re-extraction."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from domain.articles import parse_article, stream_id_for
from domain.errors import NotFoundError, ValidationError
from domain.events import Evidence, TalksHeld
from infra import ingestion
from infra.codec import to_new_event
from infra.event_store import EventStore

TEXT = "Vertreter Russlands und der Türkei trafen sich am Montag in Astana zu Gesprächen über Syrien."


async def test_concurrent_submissions_of_one_article_commit_exactly_one_stream(
    store: EventStore, pool: asyncpg.Pool
) -> None:
    # Different URLs give different article ids: only the shared text hash key can stop the race.
    articles = [parse_article({"title": "t", "text": TEXT, "url": f"https://example.org/{i}"}) for i in range(8)]
    outcomes = await asyncio.gather(*(ingestion.ingest(store, a, origin="test") for a in articles))
    assert sum(not o.duplicate for o in outcomes) == 1
    assert len({o.id for o in outcomes}) == 1
    assert await pool.fetchval("SELECT count(*) FROM streams") == 1
    assert await pool.fetchval("SELECT count(DISTINCT article_id) FROM article_keys") == 1


async def test_concurrent_retries_of_one_article_id_commit_once(store: EventStore, pool: asyncpg.Pool) -> None:
    article = parse_article({"title": "t", "text": TEXT, "external_id": "e-1"})
    outcomes = await asyncio.gather(*(ingestion.ingest(store, article, origin="test") for _ in range(5)))
    assert sorted(o.status for o in outcomes) == [200, 200, 200, 200, 201]
    assert await pool.fetchval("SELECT count(*) FROM streams") == 1


async def test_a_failure_after_the_append_leaves_nothing_behind(
    store: EventStore, pool: asyncpg.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = "SELECT 1 / 0 WHERE $1::text[] IS NOT NULL AND $2::text[] IS NOT NULL AND $3::uuid IS NOT NULL"
    monkeypatch.setattr(ingestion, "_ADD_KEYS", failing)
    with pytest.raises(asyncpg.PostgresError):
        await ingestion.ingest(store, parse_article({"title": "t", "text": TEXT}), origin="test")
    assert await pool.fetchval("SELECT count(*) FROM events") == 0
    assert await pool.fetchval("SELECT count(*) FROM streams") == 0


async def test_batch_rejects_more_than_the_limit_before_writing(store: EventStore) -> None:
    with pytest.raises(ValidationError, match="at most 500"):
        await ingestion.ingest_batch(store, [{}] * 501, origin="test")


async def test_reextract_with_the_same_extractor_changes_nothing(store: EventStore, pool: asyncpg.Pool) -> None:
    created = await ingestion.ingest(store, parse_article({"title": "t", "text": TEXT}), origin="test")
    before = await pool.fetchval("SELECT count(*) FROM events")
    result = await ingestion.reextract(store, created.id, origin="test")
    assert result.retracted == [] and result.added == [] and result.unchanged == len(created.events)
    assert await pool.fetchval("SELECT count(*) FROM events") == before


async def test_reextract_retracts_a_stale_event_appended_by_an_older_extractor(store: EventStore) -> None:
    created = await ingestion.ingest(store, parse_article({"title": "t", "text": TEXT}), origin="test")
    stale = TalksHeld(evidence=Evidence(text="gone", start=0, end=4))
    await store.append(stream_id_for(created.id), [to_new_event(stale)])
    result = await ingestion.reextract(store, created.id, origin="test")
    assert len(result.retracted) == 1 and result.added == []
    assert len(await ingestion.live_events(store, created.id)) == len(created.events)


async def test_reextract_of_a_missing_article_is_not_found(store: EventStore) -> None:
    with pytest.raises(NotFoundError):
        await ingestion.reextract(store, uuid.uuid4(), origin="test")
