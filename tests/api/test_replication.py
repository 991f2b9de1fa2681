"""On more than one machine, on one: a primary PostgreSQL and a streaming standby (tests/replication.py),
the API reading from the standby (DATABASE_READ_URL), and `conflictdb worker` processes sharing the
projections and webhooks, one of them killed with -9 while articles arrive."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import asyncpg
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from api.app import create_app
from domain.events.conflict import CONFLICT_TYPE_NAMES
from domain.webhooks import webhook_id
from infra.api_keys import create_api_key
from infra.db import create_pool
from infra.migrate import upgrade
from infra.projection_runner import ProjectionRunner
from infra.read_models import READ_MODELS
from infra.read_models.checkpoints import LIVE_PREFIX
from infra.read_models.status import request_rebuild
from infra.settings import load_settings
from infra.webhooks.fanout import FANOUT
from infra.webhooks.incidents import INCIDENT_FANOUT
from tests.api.test_end_to_end import caught_up, seed_articles
from tests.conftest import truncate_all
from tests.infra.webhooks_receiver import Receiver
from tests.replication import (
    Cluster,
    missing_reason,
    replayed,
    start_cluster,
    wait_for_leader,
    worker_output,
    workers,
)

pytestmark = pytest.mark.skipif(missing_reason() is not None, reason=missing_reason() or "")

FOLLOWERS = [LIVE_PREFIX + name for name in READ_MODELS] + [FANOUT, INCIDENT_FANOUT]
ARTICLES = 30  # six variants of each seed article, each its own article (its own content hash)
Client = AsyncTestClient[Litestar]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    started = start_cluster()
    try:
        upgrade(started.primary_url)
        yield started
    finally:
        started.stop()


@pytest.fixture
async def emptied(cluster: Cluster) -> Cluster:
    await truncate_all(cluster.primary_url)
    await replayed(cluster.primary_url, cluster.standby_url)
    return cluster


@contextlib.asynccontextmanager
async def api(cluster: Cluster, **overrides: Any) -> AsyncIterator[tuple[Client, dict[str, str]]]:
    """The app on the primary reading from the standby, and the headers of an ingest+admin key."""
    settings = load_settings({}, database_url=cluster.primary_url, database_read_url=cluster.standby_url, **overrides)
    pool = await create_pool(cluster.primary_url)
    try:
        _, secret = await create_api_key(pool, "replication-test", "ingest,admin")
    finally:
        await pool.close()
    async with AsyncTestClient(app=create_app(settings, cluster.primary_url)) as client:
        yield client, {"Authorization": f"Bearer {secret}"}


def article(index: int) -> dict[str, Any]:
    seeds = seed_articles()
    seed = seeds[index % len(seeds)]
    return seed | {
        "external_id": f"{seed['external_id']}-{index}",
        "text": f"{seed['text']}\n\nFassung {index}.",
    }


async def _pause_replay(cluster: Cluster, paused: bool) -> None:
    conn = await asyncpg.connect(cluster.standby_url)
    try:
        await conn.execute("SELECT pg_wal_replay_pause()" if paused else "SELECT pg_wal_replay_resume()")
    finally:
        await conn.close()


async def test_a_read_from_the_standby_with_min_position_returns_the_article_just_written(emptied: Cluster) -> None:
    async with api(emptied, poll_interval_s=0.1) as (client, headers):
        written = await client.post("/articles", json=article(0), headers=headers)
        assert written.status_code == 201, written.text
        reply = written.json()
        position = reply["position"]
        read = await client.get(f"/articles/{reply['id']}?min_position={position}")
        events = await client.get(f"/events?article_id={reply['id']}&min_position={position}")
        incidents = await client.get(f"/incidents?min_position={position}")
    assert read.status_code == 200, read.text
    assert [e["id"] for e in read.json()["events"]] == [e["id"] for e in reply["events"]]
    assert {e["id"] for e in events.json()["items"]} == {e["id"] for e in reply["events"]}
    assert incidents.status_code == 200 and incidents.json()["total"] >= 1


async def test_while_the_standby_lags_a_written_position_waits_and_answers_503_not_409(emptied: Cluster) -> None:
    async with api(emptied, poll_interval_s=0.1, read_wait_s=0.5, ready_max_replica_lag_s=0.3) as (client, headers):
        await _pause_replay(emptied, True)
        try:
            written = await client.post("/articles", json=article(1), headers=headers)
            position = written.json()["position"]
            await asyncio.sleep(0.6)  # past CONFLICTDB_READY_MAX_REPLICA_LAG
            stale = await client.get(f"/articles/{written.json()['id']}?min_position={position}")
            beyond = await client.get("/events?min_position=999999999-999999999")
            lagging = await client.get("/ready")
        finally:
            await _pause_replay(emptied, False)
        fresh = await client.get(f"/articles/{written.json()['id']}?min_position={position}")
        await caught_up(client)
        ready = await client.get("/ready")
    # The primary holds the position: the standby has not replayed it yet (503, retry), while a
    # position past the primary's log end is a 409 whatever the standby holds.
    assert stale.status_code == 503 and stale.headers["retry-after"], stale.text
    assert beyond.status_code == 409, beyond.text
    assert lagging.status_code == 503, lagging.text
    body = lagging.json()
    assert body["status"] == "degraded" and body["replica"] == "lagging" and body["replica_lag_s"] >= 0.3
    assert fresh.status_code == 200, fresh.text
    assert ready.status_code == 200 and ready.json()["replica"] == "ok" and ready.json()["replica_lag_s"] == 0


async def _snapshot(url: str) -> dict[str, list[str]]:
    """Every read model table's rows, as sorted JSON text."""
    conn = await asyncpg.connect(url)
    try:
        tables = [table for model in READ_MODELS.values() for table in model.tables]
        return {t: sorted(r[0] for r in await conn.fetch(f"SELECT to_jsonb(t)::text FROM {t} t")) for t in tables}
    finally:
        await conn.close()


async def _rebuild_everything(url: str) -> None:
    pool = await create_pool(url)
    try:
        for name in READ_MODELS:
            await request_rebuild(pool, name)
        await ProjectionRunner(pool).run_until_caught_up()
    finally:
        await pool.close()


async def _ingest(client: Client, headers: dict[str, str], indexes: range, written: list[dict[str, Any]]) -> None:
    for index in indexes:
        response = await client.post("/articles", json=article(index), headers=headers)
        assert response.status_code == 201, response.text
        written.append(response.json())


async def _log_facts(url: str) -> tuple[set[str], int, int]:
    """The webhook ids the log calls for, the outbox's rows and its distinct (subscription, event) pairs."""
    conn = await asyncpg.connect(url)
    try:
        ids = {webhook_id(str(r[0])) for r in await conn.fetch(
            "SELECT event_id FROM events WHERE event_type = ANY($1::text[])", sorted(CONFLICT_TYPE_NAMES)
        )}  # fmt: skip
        rows, pairs = await conn.fetchrow(
            "SELECT count(*), count(DISTINCT (subscription_id, event_id)) FROM wh_deliveries"
        )
    finally:
        await conn.close()
    return ids, int(rows), int(pairs)


async def _progress(url: str) -> tuple[int, int]:
    """(events past the conflict_events checkpoint, events in the log) on the primary, now."""
    conn = await asyncpg.connect(url)
    try:
        row = await conn.fetchrow(
            """SELECT (SELECT count(*) FROM events e WHERE (e.tx_id, e.global_position) > (c.tx_id, c.global_position)),
                      (SELECT count(*) FROM events)
               FROM checkpoints c WHERE c.subscriber = $1""",
            LIVE_PREFIX + "conflict_events",
        )
    finally:
        await conn.close()
    return int(row[0]), int(row[1])


async def test_killing_the_leading_worker_mid_work_loses_and_doubles_nothing(emptied: Cluster) -> None:
    started = time.monotonic()
    receiver = Receiver()
    await receiver.start()
    env = {
        "CONFLICTDB_WEBHOOK_ALLOW_PRIVATE": "true",
        "CONFLICTDB_WEBHOOK_LEASE": "3",  # a delivery the killed worker held is due again after 3 s
        "CONFLICTDB_WEBHOOK_RETRY_SCHEDULE": "0.2",
    }
    written: list[dict[str, Any]] = []
    try:
        async with api(emptied, run_workers=False, webhook_allow_private=True) as (client, headers):
            subscribed = await client.post(
                "/subscriptions",
                json={"url": receiver.url, "event_types": sorted(CONFLICT_TYPE_NAMES)},
                headers=headers,
            )
            assert subscribed.status_code == 201, subscribed.text
            with workers(emptied.primary_url, 1, **env) as first:
                leader = await wait_for_leader(emptied.primary_url, FOLLOWERS, first)
                with workers(emptied.primary_url, 1, **env) as second:
                    await _ingest(client, headers, range(ARTICLES // 2), written)
                    # Kill the leader as it projects the articles just written, while the next ones arrive.
                    ingesting = asyncio.create_task(_ingest(client, headers, range(ARTICLES // 2, ARTICLES), written))
                    await asyncio.sleep(0.05)
                    os.kill(leader, signal.SIGKILL)
                    killed_at = time.monotonic()
                    takeover = asyncio.create_task(wait_for_leader(emptied.primary_url, FOLLOWERS, second))
                    at_kill = await _progress(emptied.primary_url)
                    successor = await takeover
                    takeover_s = time.monotonic() - killed_at
                    await ingesting
                    await caught_up(client)
                    expected, outbox_rows, outbox_pairs = await _log_facts(emptied.primary_url)
                    await receiver.wait_for(len(expected), within_s=30)
                    last = max(written, key=lambda r: tuple(int(p) for p in r["position"].split("-")))
                    page = await client.get(f"/events?min_position={last['position']}&limit=500")
                    second[0].send_signal(signal.SIGTERM)
                    code = await asyncio.to_thread(second[0].wait, 30)
            assert first[0].returncode == -signal.SIGKILL
            assert code == 0, worker_output(second[0])
    finally:
        await receiver.stop()
    assert successor == second[0].pid
    # Reads from the standby, with the last write's position, see every event written.
    written_ids = {e["id"] for reply in written for e in reply["events"]}
    assert page.status_code == 200 and {e["id"] for e in page.json()["items"]} == written_ids
    # Webhooks: one outbox row per (subscription, event), every event's webhook received (at least once).
    assert outbox_rows == outbox_pairs == len(expected)
    assert set(receiver.ids()) == expected
    # The read models, on the primary and on the standby, equal a rebuild from the whole log.
    live = await _snapshot(emptied.primary_url)
    await replayed(emptied.primary_url, emptied.standby_url)
    replica = await _snapshot(emptied.standby_url)
    await _rebuild_everything(emptied.primary_url)
    rebuilt = await _snapshot(emptied.primary_url)
    assert sum(map(len, live.values())) > len(written_ids)
    assert live == rebuilt
    assert replica == live
    print(
        f"\n{len(written)} articles, {len(written_ids)} events, {len(expected)} webhooks "
        f"({sum(receiver.ids().values())} requests accepted) in {time.monotonic() - started:.1f} s; "
        f"at the kill: {at_kill[0]} of {at_kill[1]} logged events behind projection:conflict_events; "
        f"the other worker led {takeover_s:.2f} s after the kill"
    )
