"""Representations of event lists: JSON, CSV, GeoJSON and streamed NDJSON.

Rows arrive as the wire-format JSON stored in the read model; JSON and NDJSON pass it
through untouched, CSV and GeoJSON decode it once into `WireEvent`. JSON is one page;
CSV, GeoJSON and NDJSON are exports of every match, streamed in chunks.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Callable, Iterable
from functools import cache
from typing import Any, Literal, get_args

import msgspec
from litestar.exceptions import HTTPException

from application.queries import events, totals
from domain.errors import ValidationError
from domain.events.common import Actor, Location, Role
from domain.gazetteer import place_reference
from domain.incidents.projection import IncidentView
from domain.wire import WireEvent

Format = Literal["json", "csv", "geojson", "ndjson"]
MEDIA_TYPES: dict[Format, str] = {
    "json": "application/json",
    "csv": "text/csv",  # Litestar appends `; charset=utf-8` to text/* types
    "geojson": "application/geo+json",
    "ndjson": "application/x-ndjson",
}
_BY_MEDIA_TYPE: dict[str, Format] = {
    "application/json": "json",
    "text/csv": "csv",
    "application/geo+json": "geojson",
    "application/x-ndjson": "ndjson",
    "application/ndjson": "ndjson",
    "application/jsonl": "ndjson",
    "application/*": "json",
    "*/*": "json",
}
MAX_CSV_ACTORS = 4  # actor1..actor4: the first actors in role order (codebook roles)
_ACTOR_FIELDS = ("", "_code", "_role")
CSV_COLUMNS = (
    "event_id", "type", "event_date", "date_start", "date_end", "time_precision",
    "place", "country", "country_name", "admin1", "geonameid", "latitude", "longitude", "geo_precision",
    *(f"actor{n}{field}" for n in range(1, MAX_CSV_ACTORS + 1) for field in _ACTOR_FIELDS),
    "fatalities", "injured", "civilians_killed", "children_killed",
    "source", "source_url", "published_at", "article_id", "evidence", "confidence", "extractor_version",
    "position", "recorded_at",
)  # fmt: skip
# One row per incident; `actors` is space-separated `CODE:role:sources` (how many articles name the code in
# that role), the id lists are space-separated too.
INCIDENT_CSV_COLUMNS = (
    "incident_id", "type", "date_start", "date_end", "time_precision", "date_basis",
    "place", "country", "country_name", "admin1", "geonameid", "latitude", "longitude", "geo_precision", "actors",
    "killed_low", "killed_best", "killed_high", "articles", "outlets", "first_reported", "last_reported",
    "confidence", "event_ids", "article_ids", "outlet_names",
)  # fmt: skip
_ROLE_ORDER = {role: rank for rank, role in enumerate(get_args(Role))}
_COUNTRY_NAMES = {"XK": "Kosovo"}  # user-assigned, in common use, not in ISO 3166-1
_wire = msgspec.json.Decoder(WireEvent)
_incident = msgspec.json.Decoder(IncidentView)
_encoder = msgspec.json.Encoder()
_CHUNK = 200  # events per chunk written to the socket


def negotiate(format_param: str | None, accept: str | None) -> Format:
    """`format=` wins; else the Accept header's most preferred type we serve; else JSON."""
    if format_param is not None:
        if format_param not in MEDIA_TYPES:
            raise ValidationError(f"format: {format_param[:40]!r} is not one of json, csv, geojson, ndjson")
        return format_param
    if not accept or not accept.strip():
        return "json"
    ranked = sorted(_media_ranges(accept), key=lambda item: -item[1])
    for media_type, quality in ranked:
        if quality > 0 and media_type in _BY_MEDIA_TYPE:
            return _BY_MEDIA_TYPE[media_type]
    served = ", ".join(MEDIA_TYPES.values())
    raise HTTPException(status_code=406, detail=f"cannot serve {accept[:80]!r}; served: {served}")


def _media_ranges(accept: str) -> Iterable[tuple[str, float]]:
    for part in accept.split(","):
        media_type, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                quality = _quality(value)
        yield media_type.lower(), quality


def _quality(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        return 0.0
    return value if 0 <= value <= 1 else 0.0


def json_page(items: list[bytes], next_cursor: str | None, total: totals.Total) -> bytes:
    """A `Page[WireEvent]` whose items are the stored wire JSON, passed through undecoded."""
    return _encoder.encode(totals.page([msgspec.Raw(i) for i in items], next_cursor, total))


async def csv_rows(rows: AsyncIterator[events.ExportRow]) -> AsyncIterator[bytes]:
    """A header row, then one flat row per event, written in chunks."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    async for row in rows:
        writer.writerow(_csv_row(row))
        count += 1
        if count % _CHUNK == 0:
            yield _drain(out)
    yield _drain(out)


def _drain(out: io.StringIO) -> bytes:
    text = out.getvalue()
    out.seek(0)
    out.truncate()
    return text.encode()


def _csv_row(row: events.ExportRow) -> tuple[Any, ...]:
    event = _wire.decode(row.body)
    occurred, location, casualties = event.occurred, event.location, event.casualties
    country = location and location.country
    return (
        event.id, event.type,
        occurred and occurred.start.isoformat(), occurred and occurred.start, occurred and occurred.end,
        occurred and occurred.precision,
        location and location.name, country, country and country_name(country), *_reference_cells(location),
        location and location.lat, location and location.lon, location and location.precision,
        *_actor_cells(event.actors),
        casualties and casualties.killed, casualties and casualties.injured,
        casualties and casualties.civilians_killed, casualties and casualties.children_killed,
        row.source, row.source_url, row.published_at, event.article_id, event.evidence.text, event.confidence,
        row.extractor_version, event.position, event.recorded_at.isoformat(),
    )  # fmt: skip


def _reference_cells(location: Location | None) -> tuple[str | None, int | None]:
    """The place's first-level division and GeoNames id, as `/places` gives them (empty if unknown)."""
    reference = location and place_reference(location.name, location.country)
    return (reference.admin1, reference.geonameid) if reference else (None, None)


def _actor_cells(actors: tuple[Actor, ...]) -> list[str]:
    ranked = sorted(actors, key=lambda a: _ROLE_ORDER.get(a.role, len(_ROLE_ORDER)))[:MAX_CSV_ACTORS]
    cells = [cell for actor in ranked for cell in (actor.name, actor.code, actor.role)]
    return cells + [""] * (len(_ACTOR_FIELDS) * MAX_CSV_ACTORS - len(cells))


@cache
def country_name(code: str) -> str | None:
    """The English common name of an ISO 3166-1 alpha-2 code (SY -> Syria), None if unknown."""
    if code in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[code]
    import pycountry  # loaded on first use: its database is large

    country = pycountry.countries.get(alpha_2=code)
    return None if country is None else str(getattr(country, "common_name", country.name))


async def geojson_features(
    items: AsyncIterator[bytes], feature: Callable[[bytes], dict[str, Any]] | None = None
) -> AsyncIterator[bytes]:
    """A FeatureCollection written feature by feature (`feature` makes one of an item: an event's by
    default); items without coordinates have a null geometry (RFC 7946 §3.2)."""
    make = feature or _feature
    yield b'{"type":"FeatureCollection","features":['
    separator = b""
    chunk: list[bytes] = []
    async for item in items:
        chunk.append(separator + _encoder.encode(make(item)))
        separator = b","
        if len(chunk) >= _CHUNK:
            yield b"".join(chunk)
            chunk = []
    yield b"".join(chunk) + b"]}"


def _feature(item: bytes) -> dict[str, Any]:
    event = _wire.decode(item)
    return _point_feature(str(event.id), event.location, item)


def incident_feature(item: bytes) -> dict[str, Any]:
    """An incident as a Feature: `id` the incident id, the point of its best place, `properties` as in JSON."""
    incident = _incident.decode(item)
    return _point_feature(str(incident.id), incident.place, item)


def _point_feature(feature_id: str, location: Location | None, item: bytes) -> dict[str, Any]:
    geometry = None
    if location is not None and location.lat is not None and location.lon is not None:
        geometry = {"type": "Point", "coordinates": [location.lon, location.lat]}
    return {"type": "Feature", "id": feature_id, "geometry": geometry, "properties": msgspec.Raw(item)}


async def incident_csv_rows(items: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """A header row (INCIDENT_CSV_COLUMNS), then one flat row per incident, written in chunks."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(INCIDENT_CSV_COLUMNS)
    count = 0
    async for item in items:
        writer.writerow(_incident_row(_incident.decode(item)))
        count += 1
        if count % _CHUNK == 0:
            yield _drain(out)
    yield _drain(out)


def _incident_row(incident: IncidentView) -> tuple[Any, ...]:
    place, occurred, casualties, sources = incident.place, incident.occurred, incident.casualties, incident.sources
    country = place and place.country
    return (
        incident.id, incident.type,
        occurred and occurred.start, occurred and occurred.end, occurred and occurred.precision,
        occurred and occurred.basis,
        place and place.name, country, country and country_name(country), *_reference_cells(place),
        place and place.lat, place and place.lon, place and place.precision,
        " ".join(f"{a.code}:{a.role}:{a.sources}" for a in incident.actors),
        casualties and casualties.low, casualties and casualties.best, casualties and casualties.high,
        sources.articles, sources.outlets, sources.first_reported, sources.last_reported,
        incident.confidence, " ".join(map(str, incident.event_ids)), " ".join(map(str, incident.article_ids)),
        " ".join(incident.outlets),
    )  # fmt: skip


async def ndjson_lines(items: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """One event per line, written in chunks so a large export is not one write per event."""
    chunk: list[bytes] = []
    async for item in items:
        chunk.append(item)
        if len(chunk) >= _CHUNK:
            yield b"\n".join(chunk) + b"\n"
            chunk = []
    if chunk:
        yield b"\n".join(chunk) + b"\n"
