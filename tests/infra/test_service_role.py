"""Least privilege: the service role may append events but never change or remove them, nor
choose the columns the database assigns (a back-dated or re-positioned event)."""

from __future__ import annotations

import uuid

import asyncpg
import pytest

from domain.events import Evidence, TalksHeld
from infra.codec import to_new_event
from infra.event_store import EventStore

ROLE = "conflictdb_service"


async def _as_service(conn: asyncpg.Connection, sql: str, *args: object) -> None:
    async with conn.transaction():
        await conn.execute(f"SET LOCAL ROLE {ROLE}")
        await conn.execute(sql, *args)


async def test_the_service_role_appends_but_cannot_update_delete_or_backdate_events(
    store: EventStore, pool: asyncpg.Pool
) -> None:
    event = to_new_event(TalksHeld(evidence=Evidence(text="Talks.", start=0, end=6)))
    async with pool.acquire() as conn:
        async with conn.transaction():
            await conn.execute(f"SET LOCAL ROLE {ROLE}")
            appended = await store.append_in(conn, f"article-{uuid.uuid4()}", [event])
            await conn.execute("INSERT INTO checkpoints (subscriber) VALUES ('role-test')")  # read models: writable
        refused = []
        for sql in (
            "UPDATE events SET event_type = 'Forged'",
            "DELETE FROM events",
            "TRUNCATE events",
            "INSERT INTO events (tx_id, event_id, stream_id, category, stream_version, event_type, data)"
            " VALUES ('1', gen_random_uuid(), 'article-x', 'article', 1, 'TalksHeld', '{}')",
            "INSERT INTO events (recorded_at, event_id, stream_id, category, stream_version, event_type, data)"
            " VALUES ('2001-01-01', gen_random_uuid(), 'article-y', 'article', 1, 'TalksHeld', '{}')",
        ):
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await _as_service(conn, sql)
            refused.append(sql.split()[0])
        stored = await conn.fetchval("SELECT count(*) FROM events WHERE event_type = 'TalksHeld'")
    assert appended.positions and stored == 1
    assert refused == ["UPDATE", "DELETE", "TRUNCATE", "INSERT", "INSERT"]
