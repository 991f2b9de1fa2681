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
from infra.event_store import EventStore
from infra.settings import load_settings


@contextlib.asynccontextmanager
async def serving(database_url: str) -> AsyncIterator[tuple[str, Any]]:
    app = create_app(load_settings({}, database_url=database_url, run_workers=False, poll_interval_s=0.2), database_url)
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
