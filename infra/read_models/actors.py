"""SQL for the actors read model.

Deltas go to rm_actor_names (events per code and wording) and rm_actor_days (events per
code and day); rm_actors is then recomputed for the touched codes only, so a retraction
takes back names and first/last seen exactly. Keys whose count reaches 0 are deleted.
"""

from __future__ import annotations

from typing import Any

import asyncpg

from domain.projections import actors as projection
from infra.read_models.base import ReadModel, Tables

_NAMES = """
INSERT INTO {rm_actor_names} AS t (code, name, event_count)
SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
ON CONFLICT (code, name) DO UPDATE SET event_count = t.event_count + EXCLUDED.event_count"""

_DAYS = """
INSERT INTO {rm_actor_days} AS t (code, day, event_count)
SELECT * FROM unnest($1::text[], $2::date[], $3::int[])
ON CONFLICT (code, day) DO UPDATE SET event_count = t.event_count + EXCLUDED.event_count"""

_PRUNE_NAMES = "DELETE FROM {rm_actor_names} WHERE code = ANY($1::text[]) AND event_count <= 0"
_PRUNE_DAYS = "DELETE FROM {rm_actor_days} WHERE code = ANY($1::text[]) AND event_count <= 0"

_REFRESH = """
INSERT INTO {rm_actors} AS a (code, names, event_count, first_seen, last_seen)
SELECT d.code,
       ARRAY(SELECT n.name FROM {rm_actor_names} n WHERE n.code = d.code ORDER BY n.name),
       sum(d.event_count), min(d.day), max(d.day)
FROM {rm_actor_days} d WHERE d.code = ANY($1::text[])
GROUP BY d.code
ON CONFLICT (code) DO UPDATE SET names = EXCLUDED.names, event_count = EXCLUDED.event_count,
    first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen"""

_DROP_UNSEEN = """
DELETE FROM {rm_actors} a WHERE a.code = ANY($1::text[])
  AND NOT EXISTS (SELECT 1 FROM {rm_actor_days} d WHERE d.code = a.code)"""


async def write(conn: asyncpg.Connection, changes: list[Any], tables: Tables) -> None:
    names, days = projection.net_names(changes), projection.net_days(changes)
    codes = sorted({code for code, _ in names} | {code for code, _ in days})
    if not codes:
        return
    if names:
        await conn.execute(_NAMES.format_map(tables), *_unzip(names))
    if days:
        await conn.execute(_DAYS.format_map(tables), *_unzip(days))
    for statement in (_PRUNE_NAMES, _PRUNE_DAYS, _REFRESH, _DROP_UNSEEN):
        await conn.execute(statement.format_map(tables), codes)


def _unzip(totals: dict[tuple[Any, Any], int]) -> tuple[list[Any], list[Any], list[int]]:
    # Sorted keys: concurrent writers (a rebuild, say) take row locks in one order.
    keys = sorted(totals)
    return [k[0] for k in keys], [k[1] for k in keys], [totals[k] for k in keys]


READ_MODEL = ReadModel(
    name=projection.NAME,
    tables=("rm_actors", "rm_actor_names", "rm_actor_days"),
    project=projection.project,
    write=write,
    topics=projection.TOPICS,
)
