"""The article use cases over the PostgreSQL adapters: one stream per article under races,
duplicates answered with the stored article, re-extraction as retractions and additions."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from application import ingest
from domain.articles import parse_article, stream_id_for
from domain.errors import NotFoundError, ValidationError
from domain.events import Evidence, TalksHeld
from infra.clock import SystemClock
from infra.codec import to_new_event
from infra.event_store import EventStore
from infra.ingestion import ArticleStreams

TEXT = "Vertreter Russlands und der Türkei trafen sich am Montag in Astana zu Gesprächen über Syrien."
CLOCK = SystemClock()


@pytest.fixture
def articles(store: EventStore) -> ArticleStreams:
    return ArticleStreams(store)


async def test_concurrent_submissions_of_one_article_commit_exactly_one_stream(
    articles: ArticleStreams, pool: asyncpg.Pool
) -> None:
    # Different URLs give different article ids: only the shared text hash key can stop the race.
    given = [parse_article({"title": "t", "text": TEXT, "url": f"https://example.org/{i}"}) for i in range(8)]
    outcomes = await asyncio.gather(*(ingest.ingest(articles, CLOCK, a, origin="test") for a in given))
    assert sum(not o.duplicate for o in outcomes) == 1
    assert len({o.id for o in outcomes}) == 1
    assert await pool.fetchval("SELECT count(*) FROM streams") == 1
    assert await pool.fetchval("SELECT count(DISTINCT article_id) FROM article_keys") == 1


async def test_concurrent_retries_of_one_article_id_commit_once(articles: ArticleStreams, pool: asyncpg.Pool) -> None:
    article = parse_article({"title": "t", "text": TEXT, "external_id": "e-1"})
    outcomes = await asyncio.gather(*(ingest.ingest(articles, CLOCK, article, origin="test") for _ in range(5)))
    assert sorted(o.status for o in outcomes) == [200, 200, 200, 200, 201]
    assert await pool.fetchval("SELECT count(*) FROM streams") == 1


async def test_a_duplicate_answers_with_the_stored_articles_events(articles: ArticleStreams) -> None:
    created = await ingest.submit_raw(articles, CLOCK, {"title": "t", "text": TEXT}, origin="test")
    again = await ingest.submit_raw(articles, CLOCK, {"title": "another title", "text": TEXT}, origin="test")
    assert again.duplicate and again.id == created.id
    assert again.events == created.events


async def test_batch_rejects_more_than_the_limit_before_writing(articles: ArticleStreams) -> None:
    with pytest.raises(ValidationError, match="at most 500"):
        await ingest.submit_batch(articles, CLOCK, [{}] * 501, origin="test")


async def test_reextract_with_the_same_extractor_changes_nothing(articles: ArticleStreams, pool: asyncpg.Pool) -> None:
    created = await ingest.submit_raw(articles, CLOCK, {"title": "t", "text": TEXT}, origin="test")
    before = await pool.fetchval("SELECT count(*) FROM events")
    result = await ingest.reextract(articles, created.id, origin="test")
    assert result.retracted == [] and result.added == [] and result.unchanged == len(created.events)
    assert await pool.fetchval("SELECT count(*) FROM events") == before


async def test_reextract_retracts_a_stale_event_appended_by_an_older_extractor(
    articles: ArticleStreams, store: EventStore
) -> None:
    created = await ingest.submit_raw(articles, CLOCK, {"title": "t", "text": TEXT}, origin="test")
    stale = TalksHeld(evidence=Evidence(text="gone", start=0, end=4))
    await store.append(stream_id_for(created.id), [to_new_event(stale)])
    result = await ingest.reextract(articles, created.id, origin="test")
    assert len(result.retracted) == 1 and result.added == []
    assert len(await ingest.live_events(articles, created.id)) == len(created.events)


async def test_reextract_of_a_missing_article_is_not_found(articles: ArticleStreams) -> None:
    with pytest.raises(NotFoundError):
        await ingest.reextract(articles, uuid.uuid4(), origin="test")


async def test_reextract_all_reports_a_failing_article_and_goes_on(articles: ArticleStreams) -> None:
    created = await ingest.submit_raw(articles, CLOCK, {"title": "t", "text": TEXT}, origin="test")
    missing = uuid.uuid4()
    results = [r async for r in ingest.reextract_all(articles, [missing, created.id], origin="test")]
    assert [article_id for article_id, _ in results] == [missing, created.id]
    assert isinstance(results[0][1], NotFoundError)
    assert isinstance(results[1][1], ingest.Reextraction) and results[1][1].unchanged == len(created.events)
