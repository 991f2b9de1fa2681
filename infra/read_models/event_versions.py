"""SQL for the event_versions read model: opening and closing versions, in log order."""

from __future__ import annotations

from itertools import groupby
from typing import Any

import asyncpg

from domain.projections import event_versions as projection
from infra.read_models import conflict_events
from infra.read_models.base import ReadModel, Tables

_VALID_FROM = (("valid_from_tx", "bigint"), ("valid_from_pos", "bigint"))
_CLOSE = """
UPDATE {rm_event_versions} AS v SET valid_to_tx = c.tx, valid_to_pos = c.pos
FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) AS c(event_id, tx, pos)
WHERE v.event_id = c.event_id AND v.valid_to_tx IS NULL"""


async def write(conn: asyncpg.Connection, changes: list[Any], tables: Tables) -> None:
    # Runs of one kind, in log order: an event opened, closed and reopened in one batch stays right.
    for is_open, run in groupby(changes, key=lambda c: isinstance(c, projection.Open)):
        batch = list(run)
        if is_open:
            await _open(conn, batch, tables)
        else:
            await conn.execute(
                _CLOSE.format_map(tables),
                [c.event_id for c in batch],
                [c.at_tx for c in batch],
                [c.at_position for c in batch],
            )


async def _open(conn: asyncpg.Connection, opens: list[projection.Open], tables: Tables) -> None:
    sql = conflict_events.insert_sql(tables["rm_event_versions"], _VALID_FROM) + " ON CONFLICT DO NOTHING"
    rows = conflict_events.columns([o.row for o in opens])
    await conn.execute(sql, *rows, [o.at_tx for o in opens], [o.at_position for o in opens])


READ_MODEL = ReadModel(
    name=projection.NAME,
    tables=("rm_event_versions",),
    project=projection.project,
    write=write,
    topics=projection.TOPICS,
)
