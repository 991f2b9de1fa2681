"""Representations of event lists: JSON, CSV, GeoJSON and streamed NDJSON.

Rows arrive as the wire-format JSON stored in the read model; JSON and NDJSON pass it
through untouched, CSV and GeoJSON decode it once into `WireEvent`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Iterable
from typing import Any, Literal

import msgspec
from litestar.exceptions import HTTPException

from api.schemas import WireEvent
from domain.errors import ValidationError

Format = Literal["json", "csv", "geojson", "ndjson"]
MEDIA_TYPES: dict[Format, str] = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
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
CSV_COLUMNS = (
    "id", "type", "occurred_start", "occurred_end", "occurred_precision", "occurred_text",
    "location_name", "country", "lat", "lon", "location_precision", "actor_codes", "actors",
    "killed", "injured", "civilians_killed", "children_killed", "confidence", "evidence",
    "article_id", "position", "recorded_at",
)  # fmt: skip
_wire = msgspec.json.Decoder(WireEvent)
_encoder = msgspec.json.Encoder()
_NDJSON_CHUNK = 200  # lines per chunk written to the socket


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


class _RawPage(msgspec.Struct):
    items: list[msgspec.Raw]
    next_cursor: str | None


def json_page(items: list[bytes], next_cursor: str | None) -> bytes:
    return _encoder.encode(_RawPage([msgspec.Raw(i) for i in items], next_cursor))


def csv_page(items: list[bytes]) -> bytes:
    """A header row and one flattened row per event."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_row(_wire.decode(i)) for i in items)
    return out.getvalue().encode()


def _csv_row(event: WireEvent) -> tuple[Any, ...]:
    occurred, location, casualties = event.occurred, event.location, event.casualties
    return (
        event.id, event.type,
        occurred and occurred.start, occurred and occurred.end, occurred and occurred.precision,
        occurred and occurred.text,
        location and location.name, location and location.country, location and location.lat,
        location and location.lon, location and location.precision,
        ";".join(dict.fromkeys(a.code for a in event.actors)),
        ";".join(f"{a.code}:{a.role}:{a.name}" for a in event.actors),
        casualties and casualties.killed, casualties and casualties.injured,
        casualties and casualties.civilians_killed, casualties and casualties.children_killed,
        event.confidence, event.evidence.text, event.article_id, event.position, event.recorded_at.isoformat(),
    )  # fmt: skip


def geojson_page(items: list[bytes], next_cursor: str | None) -> bytes:
    """A FeatureCollection; events without coordinates have a null geometry (RFC 7946 §3.2)."""
    features = [_feature(i) for i in items]
    return _encoder.encode({"type": "FeatureCollection", "features": features, "next_cursor": next_cursor})


def _feature(item: bytes) -> dict[str, Any]:
    event = _wire.decode(item)
    location = event.location
    geometry = None
    if location is not None and location.lat is not None and location.lon is not None:
        geometry = {"type": "Point", "coordinates": [location.lon, location.lat]}
    return {"type": "Feature", "id": str(event.id), "geometry": geometry, "properties": msgspec.Raw(item)}


async def ndjson_lines(items: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """One event per line, written in chunks so a large export is not one write per event."""
    chunk: list[bytes] = []
    async for item in items:
        chunk.append(item)
        if len(chunk) >= _NDJSON_CHUNK:
            yield b"\n".join(chunk) + b"\n"
            chunk = []
    if chunk:
        yield b"\n".join(chunk) + b"\n"
