"""SQL for the timeline read model: summed deltas per (type, day); empty days are deleted."""

from __future__ import annotations

from typing import Any

import asyncpg

from domain.projections import timeline as projection
from infra.read_models.base import ReadModel, Tables

_UPSERT = """
INSERT INTO {rm_timeline} AS t (type, day, event_count)
SELECT * FROM unnest($1::text[], $2::date[], $3::int[])
ON CONFLICT (type, day) DO UPDATE SET event_count = t.event_count + EXCLUDED.event_count"""

_PRUNE = """
DELETE FROM {rm_timeline} t USING unnest($1::text[], $2::date[]) AS k(type, day)
WHERE t.type = k.type AND t.day = k.day AND t.event_count <= 0"""


async def write(conn: asyncpg.Connection, changes: list[Any], tables: Tables) -> None:
    counts = projection.net_counts(changes)
    if not counts:
        return
    keys = sorted(counts)
    types, days = [k[0] for k in keys], [k[1] for k in keys]
    await conn.execute(_UPSERT.format_map(tables), types, days, [counts[k] for k in keys])
    await conn.execute(_PRUNE.format_map(tables), types, days)


READ_MODEL = ReadModel(
    name=projection.NAME, tables=("rm_timeline",), project=projection.project, write=write, topics=projection.TOPICS
)
