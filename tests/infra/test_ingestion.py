"""The article-stream adapter against a real PostgreSQL: one transaction per article."""

from __future__ import annotations

import asyncpg
import pytest

from application import ingest
from domain.articles import parse_article
from domain.errors import ConcurrencyError
from infra import ingestion
from infra.clock import SystemClock
from infra.event_store import EventStore
from infra.ingestion import ArticleStreams

TEXT = "Vertreter Russlands und der Türkei trafen sich am Montag in Astana zu Gesprächen über Syrien."


async def test_a_failure_after_the_append_leaves_nothing_behind(
    store: EventStore, pool: asyncpg.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = "SELECT 1 / 0 WHERE $1::text[] IS NOT NULL AND $2::text[] IS NOT NULL AND $3::uuid IS NOT NULL"
    monkeypatch.setattr(ingestion, "_ADD_KEYS", failing)
    article = parse_article({"title": "t", "text": TEXT})
    with pytest.raises(asyncpg.PostgresError):
        await ingest.ingest(ArticleStreams(store), SystemClock(), article, origin="test")
    assert await pool.fetchval("SELECT count(*) FROM events") == 0
    assert await pool.fetchval("SELECT count(*) FROM streams") == 0


async def test_a_claimed_key_refuses_a_second_stream(store: EventStore, pool: asyncpg.Pool) -> None:
    streams = ArticleStreams(store)
    first = parse_article({"title": "t", "text": TEXT, "url": "https://example.org/1"})
    second = parse_article({"title": "t", "text": TEXT, "url": "https://example.org/2"})
    await ingest.ingest(streams, SystemClock(), first, origin="test")
    pending = [
        ingest.PendingEvent(event_id=second.event_id(1), event=second.submitted(SystemClock().now()), metadata={})
    ]
    with pytest.raises(ConcurrencyError):
        await streams.append_new(second.article_id, second.dedup_keys(), pending)
    assert await pool.fetchval("SELECT count(*) FROM streams") == 1
    assert await streams.find(second.dedup_keys()) == first.article_id
