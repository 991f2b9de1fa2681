"""A foreign session idle inside a writing transaction holds the server's xmin horizon back,
hiding new events from every log reader. /ready, /projections and /metrics must show it,
name the blocking backend, and the log must say so once per stall."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import asyncpg
import pytest

from api.services import open_services
from infra.settings import load_settings
from tests.api.conftest import ClientFactory

ARTICLE = {
    "title": "Talks at the lake",
    "text": "Envoys of Serbia and Kosovo held talks in Brussels on Friday about the border crossings.",
    "published_at": "2023-06-02",
}


async def _foreign_writer(url: str) -> asyncpg.Connection:
    """A psql-like session left idle in a transaction that has taken a transaction id."""
    conn = await asyncpg.connect(url, server_settings={"application_name": "forgotten-psql"})
    await conn.execute("BEGIN")
    await conn.fetchval("SELECT pg_current_xact_id()")
    return conn


async def test_ready_degrades_naming_the_backend_that_stalls_the_feed(
    make_client: ClientFactory, admin_headers: dict[str, str], clean_db: str, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = await _foreign_writer(clean_db)
    try:
        async with make_client(horizon_stall_s=0.3) as client:
            before = await client.get("/ready")
            created = await client.post("/articles", json=ARTICLE, headers=admin_headers)
            assert created.status_code == 201, created.text
            await asyncio.sleep(0.5)
            with caplog.at_level(logging.WARNING, logger="conflictdb.horizon"):
                stalled = [await client.get("/ready") for _ in range(3)]
            projections = (await client.get("/projections")).json()
            metrics = (await client.get("/metrics")).text
            pid = blocker.get_server_pid()
            await blocker.execute("ROLLBACK")
            after = await client.get("/ready")
    finally:
        await blocker.close()
    assert before.status_code == 200, before.text
    body: dict[str, Any] = stalled[0].json()
    assert stalled[0].status_code == 503 and body["status"] == "degraded"
    assert body["blocker"]["pid"] == pid and body["blocker"]["application_name"] == "forgotten-psql"
    assert body["blocker"]["state"] == "idle in transaction" and body["hidden_events"] >= 1
    assert f"pid {pid}" in body["detail"] and body["feed_stalled_s"] >= 0.3
    warnings = [r.getMessage() for r in caplog.records if r.name == "conflictdb.horizon"]
    assert len(warnings) == 1 and f"pid {pid}" in warnings[0], warnings
    assert projections["horizon"]["blocker"]["pid"] == pid and projections["horizon"]["hidden_events"] >= 1
    assert _gauge(metrics, "conflictdb_feed_hidden_events") >= 1
    assert _gauge(metrics, "conflictdb_oldest_transaction_age_seconds") > 0
    assert after.json()["status"] != "degraded" and after.json()["hidden_events"] == 0


async def test_the_service_sessions_time_out_when_left_idle_in_a_transaction(clean_db: str) -> None:
    settings = load_settings({}, database_url=clean_db, idle_in_transaction_timeout_s=0.2, statement_timeout_s=0.5)
    async with open_services(settings, clean_db) as services, services.pool.acquire() as conn:
        timeouts = await conn.fetchrow(
            "SELECT current_setting('idle_in_transaction_session_timeout') AS idle,"
            " current_setting('statement_timeout') AS statement"
        )
        with pytest.raises(asyncpg.QueryCanceledError):
            await conn.execute("SELECT pg_sleep(2)")
        with pytest.raises((asyncpg.PostgresError, asyncpg.InterfaceError, ConnectionError)):
            async with conn.transaction():
                await conn.fetchval("SELECT pg_current_xact_id()")
                await asyncio.sleep(0.6)  # idle inside the transaction past the timeout: the server ends it
                await conn.fetchval("SELECT 1")
    assert timeouts["idle"] == "200ms" and timeouts["statement"] == "500ms"


def _gauge(text: str, name: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise AssertionError(f"no {name} in the metrics")
