"""GET /metrics over the real app, database and a real webhook receiver: the series move."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from litestar import Litestar
from litestar.testing import AsyncTestClient
from prometheus_client.parser import text_string_to_metric_families

from infra.read_models import READ_MODELS
from tests.api.conftest import ClientFactory
from tests.infra.webhooks_receiver import Receiver

REPO = Path(__file__).resolve().parents[2]
ARTICLE = {
    "title": "Offensive in the north",
    "text": "The Turkish army launched an offensive on al-Bab on Tuesday.",
    "published_at": "2017-01-24",
    "language": "en",
}

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def _scrape(client: AsyncTestClient[Litestar], **headers: str) -> Samples:
    response = await client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def _value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def _moved(before: Samples, after: Samples, name: str, **labels: str) -> float:
    return _value(after, name, **labels) - _value(before, name, **labels)


async def _until_projected(client: AsyncTestClient[Litestar], within_s: float = 15.0) -> Samples:
    deadline = time.monotonic() + within_s
    while True:
        samples = await _scrape(client)
        lags = [_value(samples, "conflictdb_projection_lag_events", projection=name) for name in READ_MODELS]
        positions = [_value(samples, "conflictdb_projection_position", projection=name) for name in READ_MODELS]
        if all(lag == 0 for lag in lags) and all(p > 0 for p in positions):
            return samples
        assert time.monotonic() < deadline, f"projections did not catch up: lags {lags}, positions {positions}"
        await asyncio.sleep(0.1)


async def test_ingesting_and_delivering_move_the_series(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    receiver = Receiver()
    await receiver.start()
    try:
        async with make_client(webhook_allow_private=True, poll_interval_s=0.2) as client:
            before = await _scrape(client)
            subscribed = await client.post("/subscriptions", json={"url": receiver.url}, headers=admin_headers)
            created = await client.post("/articles", json=ARTICLE, headers=admin_headers)
            again = await client.post("/articles", json=ARTICLE, headers=admin_headers)
            await receiver.wait_for(2)  # the event, and the incident it opened (IncidentCreated)
            await _until_projected(client)
            event_id = created.json()["events"][0]["id"]
            shown = await client.get(f"/events/{event_id}")
            after = await _delivered(client, before, count=2)
    finally:
        await receiver.stop()
    assert subscribed.status_code == 201 and created.status_code == 201 and again.status_code == 200
    assert shown.status_code == 200
    requests = "conflictdb_http_requests_total"
    assert _moved(before, after, requests, method="POST", route="/articles", status="201") == 1
    assert _moved(before, after, requests, method="POST", route="/articles", status="200") == 1
    assert _moved(before, after, requests, method="GET", route="/events/{event_id}", status="200") == 1
    assert not any(event_id in str(labels) for _, labels in after), "a raw path leaked into a label"
    assert (
        _moved(before, after, "conflictdb_http_request_duration_seconds_count", method="POST", route="/articles") == 2
    )
    assert _moved(before, after, "conflictdb_events_appended_total", event_type="ArticleSubmitted") == 1
    assert _moved(before, after, "conflictdb_events_appended_total", event_type="OffensiveLaunched") == 1
    assert _moved(before, after, "conflictdb_events_appended_total", event_type="SubscriptionCreated") == 1
    assert _moved(before, after, "conflictdb_articles_ingested_total", outcome="created") == 1
    assert _moved(before, after, "conflictdb_articles_ingested_total", outcome="duplicate") == 1
    assert _moved(before, after, "conflictdb_extraction_duration_seconds_count") == 1
    assert _moved(before, after, "conflictdb_webhook_deliveries_total", outcome="delivered") >= 1
    assert _moved(before, after, "conflictdb_webhook_delivery_duration_seconds_count") >= 1
    assert all(_value(after, "conflictdb_projection_position", projection=name) > 0 for name in READ_MODELS)
    assert _value(after, "conflictdb_webhook_outbox_pending", state="pending") == 0
    size = _value(after, "conflictdb_db_pool_connections", state="size")
    in_use = _value(after, "conflictdb_db_pool_connections", state="in_use")
    idle = _value(after, "conflictdb_db_pool_connections", state="idle")
    assert size >= 1 and in_use + idle == size and _value(after, "conflictdb_db_pool_connections", state="max") == 20


async def _delivered(
    client: AsyncTestClient[Litestar], before: Samples, within_s: float = 10.0, count: int = 1
) -> Samples:
    """A scrape after the receiver's 2xx has been recorded as delivered (the dispatcher counts
    after the HTTP call returns, a moment after the receiver saw the request)."""
    deadline = time.monotonic() + within_s
    while True:
        samples = await _scrape(client)
        if _moved(before, samples, "conflictdb_webhook_deliveries_total", outcome="delivered") >= count:
            return samples
        assert time.monotonic() < deadline, "no delivery was counted"
        await asyncio.sleep(0.05)


async def test_requests_matching_no_route_count_under_one_label(make_client: ClientFactory) -> None:
    async with make_client(run_workers=False) as client:
        before = await _scrape(client)
        missing = [await client.get(f"/no/such/{n}") for n in range(3)]
        after = await _scrape(client)
    assert {r.status_code for r in missing} == {404}
    labels = {"method": "GET", "route": "unmatched", "status": "404"}
    assert _moved(before, after, "conflictdb_http_requests_total", **labels) == 3
    assert not any("/no/such" in str(key) for key in after)


async def test_metrics_need_the_key_when_one_is_set(make_client: ClientFactory) -> None:
    async with make_client(run_workers=False, metrics_key="scrape-me") as client:
        missing = await client.get("/metrics")
        wrong = await client.get("/metrics", headers={"Authorization": "Bearer not-it"})
        other_scheme = await client.get("/metrics", headers={"Authorization": "Basic scrape-me"})
        samples = await _scrape(client, Authorization="Bearer scrape-me")
        health = await client.get("/health")
    for refused in (missing, wrong, other_scheme):
        assert refused.status_code == 401
        assert refused.headers["content-type"].startswith("application/problem+json")
        problem: dict[str, Any] = refused.json()
        assert problem["status"] == 401 and "CONFLICTDB_METRICS_KEY" in problem["detail"]
    assert any(name == "conflictdb_http_requests_total" for name, _ in samples)
    assert health.status_code == 200


async def test_metrics_are_open_without_a_key(make_client: ClientFactory) -> None:
    async with make_client(run_workers=False) as client:
        samples = await _scrape(client)
    assert _value(samples, "conflictdb_db_pool_connections", state="size") >= 1


def test_the_worker_serves_its_own_metrics_behind_the_key(clean_db: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONFLICTDB_")}
    env |= {"DATABASE_URL": clean_db, "CONFLICTDB_METRICS_KEY": "worker-key"}
    command = [sys.executable, "-m", "api.cli", "worker", "--metrics-port", str(port)]
    worker = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/metrics"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert worker.poll() is None, worker.communicate()
            try:
                refused = httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the worker's metrics port never answered"
                time.sleep(0.1)
        scraped = httpx.get(url, headers={"Authorization": "Bearer worker-key"}, timeout=5)
    finally:
        worker.terminate()
        worker.communicate(timeout=30)
    assert refused.status_code == 401
    names = {s.name for family in text_string_to_metric_families(scraped.text) for s in family.samples}
    assert scraped.status_code == 200
    assert {"conflictdb_projection_lag_events", "conflictdb_db_pool_connections"} <= names
    assert worker.returncode == 0
