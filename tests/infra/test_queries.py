"""The read queries on their own: cursors, LIKE escaping, batched iteration (real PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import asyncpg
import pytest

from domain.errors import ValidationError
from infra.queries import actors, events
from infra.queries.common import decode_cursor, encode_cursor
from infra.queries.events import EventCursor, EventQuery
from tests.api.readmodel import event_row, insert_events, insert_rows


def test_cursors_round_trip_and_reject_what_they_did_not_issue() -> None:
    cursor = EventCursor("occurred", "asc", occurred=dt.date(2017, 2, 1), event_id=None)
    assert decode_cursor(encode_cursor(cursor), EventCursor) == cursor
    for raw in ("", "!!!", encode_cursor(actors.ActorCursor(1, "RUS")), "WyJyZWNvcmRlZCIsImRlc2MiLC0xXQ"):
        with pytest.raises(ValidationError, match="cursor"):
            decode_cursor(raw, EventCursor)


def test_a_cursor_only_continues_the_ordering_that_issued_it() -> None:
    raw = encode_cursor(EventCursor("recorded", "asc", 1, 2))
    with pytest.raises(ValidationError, match="sort=recorded&order=asc"):
        events.decode_event_cursor(raw, EventQuery(sort="recorded", order="desc"))


async def test_iterate_reads_every_match_across_batches(
    pool: asyncpg.Pool, clean_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(events, "STREAM_BATCH", 2)
    rows = [event_row() for _ in range(5)]
    await insert_events(clean_db, *rows, event_row("TalksHeld"))
    query = EventQuery(types=("OffensiveLaunched",), order="asc")
    streamed = [item async for item in events.iterate(pool, query)]
    assert len(streamed) == 5
    assert all(b'"OffensiveLaunched"' in item for item in streamed)


async def test_actor_search_takes_like_wildcards_literally(pool: asyncpg.Pool, clean_db: str) -> None:
    rows = [{"code": c, "names": [n], "event_count": 1} for c, n in (("RUS", "Russland"), ("UN", "100% UN"))]
    await insert_rows(clean_db, "rm_actors", rows)
    page = await actors.list_actors(pool, "%", None, 10)
    assert [a.code for a in page.items] == ["UN"]
