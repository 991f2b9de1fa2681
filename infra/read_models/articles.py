"""SQL for the articles read model: batched inserts, then summed event-count deltas."""

from __future__ import annotations

from typing import Any

import asyncpg

from domain.projections import articles as projection
from infra.read_models.base import ReadModel, Tables

_INSERT = """
INSERT INTO {rm_articles} (article_id, title, url, source, published_at, language, external_id,
                           content_hash, text, global_position, recorded_at, language_method, language_confidence)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::bigint[], $11::timestamptz[], $12::text[], $13::float8[])
ON CONFLICT (article_id) DO NOTHING"""

_COUNT = """
UPDATE {rm_articles} AS a SET event_count = a.event_count + d.delta
FROM unnest($1::uuid[], $2::int[]) AS d(article_id, delta)
WHERE a.article_id = d.article_id"""


async def write(conn: asyncpg.Connection, changes: list[Any], tables: Tables) -> None:
    inserts = [c for c in changes if isinstance(c, projection.Insert)]
    if inserts:
        await conn.execute(_INSERT.format_map(tables), *_columns(inserts))
    counts = projection.net_counts(changes)
    if counts:
        await conn.execute(_COUNT.format_map(tables), list(counts), list(counts.values()))


def _columns(rows: list[projection.Insert]) -> list[list[Any]]:
    return [
        [r.article_id for r in rows],
        [r.title for r in rows],
        [r.url for r in rows],
        [r.source for r in rows],
        [r.published_at for r in rows],
        [r.language for r in rows],
        [r.external_id for r in rows],
        [r.content_hash for r in rows],
        [r.text for r in rows],
        [r.global_position for r in rows],
        [r.recorded_at for r in rows],
        [r.language_method for r in rows],
        [r.language_confidence for r in rows],
    ]


READ_MODEL = ReadModel(
    name=projection.NAME, tables=("rm_articles",), project=projection.project, write=write, topics=projection.TOPICS
)
