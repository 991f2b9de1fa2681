"""SQL for the conflict_events read model: batched inserts (unnest) and deletes."""

from __future__ import annotations

from typing import Any

import asyncpg
import msgspec

from domain.projections import conflict_events as projection
from infra.read_models.base import ReadModel, Tables

_COLUMNS = (
    ("event_id", "uuid"), ("article_id", "uuid"), ("type", "text"), ("occurred_start", "date"),
    ("occurred_end", "date"), ("occurred_precision", "text"), ("location_name", "text"), ("country", "text"),
    ("lat", "float8"), ("lon", "float8"), ("actor_codes", "text"), ("killed", "int"), ("evidence_text", "text"),
    ("confidence", "real"), ("tx_id", "bigint"), ("global_position", "bigint"), ("recorded_at", "timestamptz"),
    ("body", "text"), ("review_status", "text"), ("needs_rereview", "boolean"),
)  # fmt: skip
# Shipped as JSON text: a text[][] parameter cannot be ragged; body as text, cast once.
_CASTS = {"actor_codes": "ARRAY(SELECT jsonb_array_elements_text(u.actor_codes::jsonb))", "body": "u.body::jsonb"}


def insert_sql(table: str, extra: tuple[tuple[str, str], ...] = ()) -> str:
    """A batched INSERT of rows (see `columns`) into `table`, plus `extra` (name, type) columns after them."""
    cols = (*_COLUMNS, *extra)
    names = ", ".join(n for n, _ in cols)
    values = ", ".join(_CASTS.get(n, f"u.{n}") for n, _ in cols)
    arrays = ", ".join(f"${i}::{t}[]" for i, (_, t) in enumerate(cols, start=1))
    return f"INSERT INTO {table} ({names}) SELECT {values} FROM unnest({arrays}) AS u({names})"


_INSERT = "{insert} ON CONFLICT (event_id) DO "
_NOTHING = "NOTHING"
# A review rewrites the row as the person left it (the envelope facts stay the extraction's).
_UPDATE = """UPDATE SET type = EXCLUDED.type, occurred_start = EXCLUDED.occurred_start,
    occurred_end = EXCLUDED.occurred_end, occurred_precision = EXCLUDED.occurred_precision,
    location_name = EXCLUDED.location_name, country = EXCLUDED.country, lat = EXCLUDED.lat, lon = EXCLUDED.lon,
    actor_codes = EXCLUDED.actor_codes, killed = EXCLUDED.killed, body = EXCLUDED.body,
    review_status = EXCLUDED.review_status, needs_rereview = EXCLUDED.needs_rereview"""

_DELETE = "DELETE FROM {rm_conflict_events} WHERE event_id = ANY($1::uuid[])"

_encode = msgspec.json.encode


async def write(conn: asyncpg.Connection, changes: list[Any], tables: Tables) -> None:
    inserts = [c for c in changes if isinstance(c, projection.Insert) and not c.replace]
    # One upsert may touch a row once: of several reviews of one event in a batch, the last stands.
    replaces = list({c.event_id: c for c in changes if isinstance(c, projection.Insert) and c.replace}.values())
    deletes = [c.event_id for c in changes if isinstance(c, projection.Delete)]
    # Inserts first, then reviews, then retractions: the log writes them in that order for one event,
    # and a review after a retraction changes nothing (the projection drops it).
    if inserts:
        await conn.execute(
            _INSERT.format(insert=insert_sql(tables["rm_conflict_events"])) + _NOTHING, *columns(inserts)
        )
    if replaces:
        await conn.execute(
            _INSERT.format(insert=insert_sql(tables["rm_conflict_events"])) + _UPDATE, *columns(replaces)
        )
    if deletes:
        await conn.execute(_DELETE.format_map(tables), deletes)


def columns(rows: list[projection.Insert]) -> list[list[Any]]:
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
        [r.review_status for r in rows],
        [r.needs_rereview for r in rows],
    ]


READ_MODEL = ReadModel(
    name=projection.NAME,
    tables=("rm_conflict_events",),
    project=projection.project,
    write=write,
    topics=projection.TOPICS,
)
