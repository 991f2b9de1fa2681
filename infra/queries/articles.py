"""Reads of `rm_articles`: one article with its live events."""

from __future__ import annotations

import datetime as dt
import uuid

import asyncpg
import msgspec


class ArticleView(msgspec.Struct, kw_only=True):
    id: uuid.UUID
    title: str
    url: str | None
    source: str | None
    published_at: str | None
    language: str
    language_method: str
    language_confidence: float | None
    external_id: str | None
    text: str
    event_count: int
    recorded_at: dt.datetime


_ARTICLE = """
SELECT article_id AS id, title, url, source, published_at, language, language_method, language_confidence,
       external_id, text, event_count, recorded_at
FROM rm_articles WHERE article_id = $1"""

_EVENTS = """
SELECT body::text FROM rm_conflict_events WHERE article_id = $1 ORDER BY tx_id, global_position"""


async def fetch_article(pool: asyncpg.Pool, article_id: uuid.UUID) -> tuple[ArticleView, list[bytes]] | None:
    """The article and the wire JSON of its live events in log order, or None."""
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
        row = await conn.fetchrow(_ARTICLE, article_id)
        if row is None:
            return None
        events = await conn.fetch(_EVENTS, article_id)
    return ArticleView(**dict(row)), [str(e[0]).encode() for e in events]
