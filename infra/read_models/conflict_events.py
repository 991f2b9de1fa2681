"""SQL for the conflict_events read model: batched inserts (unnest) and deletes."""

from __future__ import annotations

from typing import Any

import asyncpg
import msgspec

from domain.projections import conflict_events as projection
from infra.read_models.base import ReadModel, Tables

_INSERT = """
INSERT INTO {rm_conflict_events} (
    event_id, article_id, type, occurred_start, occurred_end, occurred_precision,
    location_name, country, lat, lon, actor_codes, killed, evidence_text, confidence,
    tx_id, global_position, recorded_at, body)
SELECT e, a, t, os, oe, op, ln, c, la, lo, ARRAY(SELECT jsonb_array_elements_text(ac::jsonb)), k, ev, cf,
       tx, gp, ra, b::jsonb
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::date[], $6::text[], $7::text[], $8::text[],
            $9::float8[], $10::float8[], $11::text[], $12::int[], $13::text[], $14::real[], $15::bigint[],
            $16::bigint[], $17::timestamptz[], $18::text[])
     AS u(e, a, t, os, oe, op, ln, c, la, lo, ac, k, ev, cf, tx, gp, ra, b)
ON CONFLICT (event_id) DO NOTHING"""

_DELETE = "DELETE FROM {rm_conflict_events} WHERE event_id = ANY($1::uuid[])"

_encode = msgspec.json.encode


async def write(conn: asyncpg.Connection, changes: list[Any], tables: Tables) -> None:
    inserts = [c for c in changes if isinstance(c, projection.Insert)]
    deletes = [c.event_id for c in changes if isinstance(c, projection.Delete)]
    # Inserts first: a retraction always follows the event it withdraws in the log.
    if inserts:
        await conn.execute(_INSERT.format_map(tables), *_columns(inserts))
    if deletes:
        await conn.execute(_DELETE.format_map(tables), deletes)


def _columns(rows: list[projection.Insert]) -> list[list[Any]]:
    return [
        [r.event_id for r in rows],
        [r.article_id for r in rows],
        [r.type for r in rows],
        [r.occurred_start for r in rows],
        [r.occurred_end for r in rows],
        [r.occurred_precision for r in rows],
        [r.location_name for r in rows],
        [r.country for r in rows],
        [r.lat for r in rows],
        [r.lon for r in rows],
        [_encode(r.actor_codes).decode() for r in rows],  # text[][] cannot be ragged: ship as JSON
        [r.killed for r in rows],
        [r.evidence_text for r in rows],
        [r.confidence for r in rows],
        [r.tx_id for r in rows],
        [r.global_position for r in rows],
        [r.recorded_at for r in rows],
        [_encode(r.body).decode() for r in rows],
    ]


READ_MODEL = ReadModel(
    name=projection.NAME,
    tables=("rm_conflict_events",),
    project=projection.project,
    write=write,
    topics=projection.TOPICS,
)
