"""GET /events/stream over a real socket (the in-process test client buffers whole
responses, so the app runs under uvicorn on an ephemeral port)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import uvicorn

from api.app import create_app
from domain.events import Evidence, TalksHeld
from infra.codec import to_new_event
from infra.event_store import START, EventStore
from infra.listen import Listener
from infra.metrics import REGISTRY
from infra.settings import load_settings
from infra.webhooks.stream import LiveLog, StreamItem


@contextlib.asynccontextmanager
async def serving(database_url: str, **overrides: Any) -> AsyncIterator[tuple[str, Any]]:
    settings = load_settings({}, database_url=database_url, run_workers=False, poll_interval_s=0.2, **overrides)
    app = create_app(settings, database_url)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # noqa: ASYNC110 (uvicorn offers no event to await)
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}", app
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 10)
        sock.close()


async def append_talks(store: EventStore) -> str:
    new = to_new_event(TalksHeld(evidence=Evidence(text="Talks.", start=0, end=6)))
    await store.append(f"article-{uuid.uuid4()}", [new])
    return str(new.event_id)


async def read_events(response: httpx.Response, count: int) -> list[dict[str, str]]:
    messages: list[dict[str, str]] = []
    fields: dict[str, str] = {}
    async with asyncio.timeout(10):
        async for line in response.aiter_lines():
            if line:
                name, _, value = line.partition(":")
                fields[name] = value.strip()
                continue
            if "data" in fields:
                messages.append(fields)
                if len(messages) == count:
                    return messages
            fields = {}
    return messages


async def test_the_stream_yields_new_events_and_resumes_after_last_event_id(clean_db: str, store: EventStore) -> None:
    async with serving(clean_db) as (base, app), httpx.AsyncClient(base_url=base, timeout=10) as client:
        async with client.stream("GET", "/events/stream") as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            first, second = await append_talks(store), await append_talks(store)
            live = await read_events(response, 2)
        third = await append_talks(store)
        resumed_headers = {"Last-Event-ID": live[0]["id"]}
        async with client.stream("GET", "/events/stream", headers=resumed_headers) as response:
            resumed = await read_events(response, 2)
        for _ in range(100):  # the shared LISTEN connection closes once no stream is open
            if app.state.services.listener._conn is None:
                break
            await asyncio.sleep(0.05)
        assert app.state.services.listener._conn is None
    assert [json.loads(m["data"])["id"] for m in live] == [first, second]
    assert [m["event"] for m in live] == ["TalksHeld", "TalksHeld"]
    assert [json.loads(m["data"])["id"] for m in resumed] == [second, third]
    assert json.loads(resumed[1]["data"])["position"] == resumed[1]["id"]


async def test_after_zero_replays_the_stream_from_the_start(clean_db: str, store: EventStore) -> None:
    stored = [await append_talks(store), await append_talks(store)]
    async with serving(clean_db) as (base, _), httpx.AsyncClient(base_url=base, timeout=10) as client:
        async with client.stream("GET", "/events/stream", params={"after": "0"}) as response:
            replayed = await read_events(response, 2)
        bad = await client.get("/events/stream", params={"after": "1"})
    assert [json.loads(m["data"])["id"] for m in replayed] == stored
    assert bad.status_code == 400 and "0 means the start" in bad.json()["detail"]


async def test_event_ids_under_events_still_reach_the_event_route(clean_db: str) -> None:
    async with serving(clean_db) as (base, _), httpx.AsyncClient(base_url=base, timeout=10) as client:
        response = await client.get(f"/events/{uuid.uuid4()}")
        bad = await client.get("/events/stream?after=nonsense")
    assert response.status_code == 404 and bad.status_code == 400


def _reads() -> float:
    return REGISTRY.get_sample_value("conflictdb_stream_log_reads_total") or 0.0


async def _collect(items: AsyncIterator[StreamItem], count: int, into: list[StreamItem]) -> None:
    async for item in items:
        if item.data is not None:
            into.append(item)
            if len(into) == count:
                return


async def test_many_idle_streams_cost_the_database_one_read_per_new_event(clean_db: str, store: EventStore) -> None:
    listener = Listener(clean_db)
    live = LiveLog(store, listener, poll_s=30.0)  # no polling during the count: NOTIFY wakes the follower
    received: list[list[StreamItem]] = [[] for _ in range(150)]
    start = await store.head()
    tasks = [
        asyncio.create_task(_collect(live.follow(start, {"TalksHeld"}, keepalive_s=60), 3, got)) for got in received
    ]
    try:
        while live.open_streams < len(tasks):  # noqa: ASYNC110 (the streams start as their tasks run)
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.2)
        before = _reads()
        ids = [await append_talks(store) for _ in range(3)]
        async with asyncio.timeout(10):
            await asyncio.gather(*tasks)
        reads = _reads() - before
    finally:
        for task in tasks:
            task.cancel()
        await live.close()
        await listener.close()
    assert all([json.loads(i.data or "")["id"] for i in got] == ids for got in received)
    assert reads <= 2 * len(ids), f"{reads} reads of the log for {len(ids)} events and {len(tasks)} streams"


async def test_a_stream_behind_the_shared_follower_catches_up_then_follows_it(clean_db: str, store: EventStore) -> None:
    listener = Listener(clean_db)
    live = LiveLog(store, listener, poll_s=0.2)
    early = [await append_talks(store), await append_talks(store)]
    current: list[StreamItem] = []
    replayed: list[StreamItem] = []
    ahead = asyncio.create_task(_collect(live.follow(await store.head(), {"TalksHeld"}, keepalive_s=60), 1, current))
    while live.open_streams < 1:  # noqa: ASYNC110
        await asyncio.sleep(0.01)
    behind = asyncio.create_task(_collect(live.follow(START, {"TalksHeld"}, keepalive_s=60), 3, replayed))
    await asyncio.sleep(0.2)
    late = await append_talks(store)
    try:
        async with asyncio.timeout(10):
            await asyncio.gather(ahead, behind)
    finally:
        await live.close()
        await listener.close()
    assert [json.loads(i.data or "")["id"] for i in current] == [late]
    assert [json.loads(i.data or "")["id"] for i in replayed] == [*early, late]


async def test_streams_past_the_configured_cap_get_503_problem_json(clean_db: str) -> None:
    async with serving(clean_db, max_streams=2) as (base, _), httpx.AsyncClient(base_url=base, timeout=10) as client:
        async with client.stream("GET", "/events/stream") as first, client.stream("GET", "/events/stream") as second:
            await asyncio.sleep(0.3)  # both streams are being served
            refused = await client.get("/events/stream")
        assert first.status_code == second.status_code == 200
    assert refused.status_code == 503 and refused.headers["content-type"].startswith("application/problem+json")
    assert "CONFLICTDB_MAX_STREAMS" in refused.json()["detail"] and refused.headers["Retry-After"]
