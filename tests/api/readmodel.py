"""Test helper: write read-model rows directly, so the query layer is tested on its own.

The rows mirror what the projections write (`body` is the event's wire format).
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from typing import Any

import asyncpg
import msgspec

from domain.events import Actor, Evidence, Location, Occurred
from domain.events.conflict import CONFLICT_EVENT_TYPES
from infra.db import init_connection

_BY_NAME = {t.__name__: t for t in CONFLICT_EVENT_TYPES}
_positions = itertools.count(1)
T0 = dt.datetime(2017, 3, 1, tzinfo=dt.UTC)


def event_row(
    type: str = "OffensiveLaunched",
    *,
    occurred: tuple[str, str] | None = ("2017-02-15", "2017-02-16"),
    place: tuple[str, str | None, float | None, float | None] | None = ("Al-Bab", "SY", 36.37, 37.52),
    actors: tuple[tuple[str, str], ...] = (("TUR", "attacker"),),
    evidence: str = "Die türkische Armee griff Al-Bab an.",
    confidence: float = 0.8,
    killed: int | None = None,
    article_id: uuid.UUID | None = None,
    tx_id: int | None = None,
) -> dict[str, Any]:
    """A `rm_conflict_events` row; positions increase with each call unless `tx_id` is given."""
    position = next(_positions)
    event = _BY_NAME[type](
        occurred=None
        if occurred is None
        else Occurred(start=_date(occurred[0]), end=_date(occurred[1]), precision="day"),
        location=None if place is None else Location(name=place[0], country=place[1], lat=place[2], lon=place[3]),
        actors=tuple(Actor(name=code.lower(), code=code, role=role) for code, role in actors),  # type: ignore[arg-type]
        casualties=None,
        evidence=Evidence(text=evidence, start=0, end=len(evidence)),
        confidence=confidence,
    )
    event_id, article = uuid.uuid4(), article_id or uuid.uuid4()
    tx = tx_id if tx_id is not None else position
    recorded_at = T0 + dt.timedelta(seconds=position)
    body = msgspec.to_builtins(event) | {
        "id": str(event_id),
        "article_id": str(article),
        "position": f"{tx}-{position}",
        "recorded_at": msgspec.to_builtins(recorded_at),
    }
    if killed is not None:
        body["casualties"] = {"killed": killed, "injured": None, "civilians_killed": None, "children_killed": None}
    return {
        "event_id": event_id,
        "article_id": article,
        "type": type,
        "occurred_start": event.occurred and event.occurred.start,
        "occurred_end": event.occurred and event.occurred.end,
        "occurred_precision": event.occurred and event.occurred.precision,
        "location_name": place and place[0],
        "country": place and place[1],
        "lat": place and place[2],
        "lon": place and place[3],
        "actor_codes": [code for code, _ in actors],
        "killed": killed,
        "evidence_text": evidence,
        "confidence": confidence,
        "tx_id": tx,
        "global_position": position,
        "recorded_at": recorded_at,
        "body": body,
    }


def _date(raw: str) -> dt.date:
    return dt.date.fromisoformat(raw)


async def insert_rows(url: str, table: str, rows: list[dict[str, Any]]) -> None:
    conn = await asyncpg.connect(url)
    try:
        await init_connection(conn)
        for row in rows:
            columns = ", ".join(row)
            values = ", ".join(f"${i}" for i in range(1, len(row) + 1))
            await conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({values})", *row.values())
    finally:
        await conn.close()


async def insert_events(url: str, *rows: dict[str, Any]) -> None:
    await insert_rows(url, "rm_conflict_events", list(rows))


def article_row(article_id: uuid.UUID, title: str = "Offensive auf Al-Bab", event_count: int = 0) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "title": title,
        "url": f"https://example.org/{article_id}",
        "source": "example",
        "published_at": "2017-02-16",
        "language": "de",
        "external_id": None,
        "content_hash": "h" + article_id.hex,
        "text": "Die türkische Armee griff Al-Bab an.",
        "event_count": event_count,
        "global_position": next(_positions),
        "recorded_at": T0,
    }
