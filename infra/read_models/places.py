"""SQL for the places read model.

Deltas go to rm_place_days (events per place and day); rm_places is then recomputed for
the touched places, keeping the coordinates it already has (a new place takes those of
its first sighting in the batch, and its GeoNames id and admin1). Places without live events are deleted.
"""

from __future__ import annotations

from typing import Any

import asyncpg

from domain.projections import places as projection
from infra.read_models.base import ReadModel, Tables

_DAYS = """
INSERT INTO {rm_place_days} AS t (name, country, day, event_count)
SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::int[])
ON CONFLICT (name, country, day) DO UPDATE SET event_count = t.event_count + EXCLUDED.event_count"""

_PRUNE = """
DELETE FROM {rm_place_days} t USING unnest($1::text[], $2::text[]) AS k(name, country)
WHERE t.name = k.name AND t.country = k.country AND t.event_count <= 0"""

_REFRESH = """
INSERT INTO {rm_places} AS p (name, country, lat, lon, precision, event_count, first_seen, last_seen,
                               geonameid, admin1)
SELECT k.name, k.country, k.lat, k.lon, k.precision, agg.n, agg.first_seen, agg.last_seen, k.geonameid, k.admin1
FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::bigint[], $7::text[])
    AS k(name, country, lat, lon, precision, geonameid, admin1)
CROSS JOIN LATERAL (
    SELECT sum(d.event_count) AS n, min(d.day) AS first_seen, max(d.day) AS last_seen
    FROM {rm_place_days} d WHERE d.name = k.name AND d.country = k.country
) AS agg
WHERE agg.n > 0
ON CONFLICT (name, country) DO UPDATE SET event_count = EXCLUDED.event_count,
    first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen,
    geonameid = COALESCE(EXCLUDED.geonameid, p.geonameid), admin1 = COALESCE(EXCLUDED.admin1, p.admin1)"""

_DROP_UNSEEN = """
DELETE FROM {rm_places} p USING unnest($1::text[], $2::text[]) AS k(name, country)
WHERE p.name = k.name AND p.country = k.country
  AND NOT EXISTS (SELECT 1 FROM {rm_place_days} d WHERE d.name = p.name AND d.country = p.country)"""


async def write(conn: asyncpg.Connection, changes: list[Any], tables: Tables) -> None:
    days = projection.net_days(changes)
    if not days:
        return
    keys = sorted(days)  # sorted: concurrent writers take row locks in one order
    columns = [[k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys], [days[k] for k in keys]]
    await conn.execute(_DAYS.format_map(tables), *columns)
    places = sorted({(name, country) for name, country, _ in keys})
    names, countries = [p[0] for p in places], [p[1] for p in places]
    await conn.execute(_PRUNE.format_map(tables), names, countries)
    await conn.execute(_REFRESH.format_map(tables), names, countries, *_coordinates(changes, places))
    await conn.execute(_DROP_UNSEEN.format_map(tables), names, countries)


def _coordinates(changes: list[Any], places: list[projection.PlaceKey]) -> list[list[Any]]:
    first = projection.first_sightings(changes)
    found = [first.get(p) for p in places]
    return [
        [s and s.lat for s in found],
        [s and s.lon for s in found],
        [s and s.precision for s in found],
        [s and s.geonameid for s in found],
        [s and s.admin1 for s in found],
    ]


READ_MODEL = ReadModel(
    name=projection.NAME,
    tables=("rm_places", "rm_place_days"),
    project=projection.project,
    write=write,
    topics=projection.TOPICS,
)
