"""`conflictdb serve`'s HTTP server: many idle or slow clients cannot take the service down."""

from __future__ import annotations

import asyncio
import contextlib
import resource
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import uvicorn

from api.app import create_app
from api.commands.serve import server_config
from infra.settings import load_settings

HALF_OPEN = 1100
PARTIAL_HEAD = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


@contextlib.asynccontextmanager
async def serve(database_url: str, **overrides: Any) -> AsyncIterator[int]:
    """The app behind `conflictdb serve`'s server configuration, on an ephemeral port; the port."""
    settings = load_settings({}, database_url=database_url, **({"run_workers": False} | overrides))
    config = server_config(create_app(settings, database_url), settings, host="127.0.0.1", port=0, log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 (uvicorn signals its start only by this flag)
        await asyncio.sleep(0.02)
    try:
        yield server.servers[0].sockets[0].getsockname()[1]
    finally:
        server.should_exit = True
        await task


def _allow_open_files(needed: int) -> None:
    """Raise this process's soft limit on open files to `needed`, or skip when the hard one is lower."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= needed:
        return
    if hard != resource.RLIM_INFINITY and hard < needed:
        pytest.skip(f"needs {needed} open files; the hard limit is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))


async def _half_open(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(PARTIAL_HEAD)
    await writer.drain()
    return reader, writer


async def test_health_answers_within_a_second_beside_1100_half_open_connections(clean_db: str) -> None:
    # Both ends of every connection live in this process, plus the pool and the test's own files.
    _allow_open_files(2 * HALF_OPEN + 500)
    async with serve(clean_db) as port:
        connections = [await _half_open(port) for _ in range(HALF_OPEN)]
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                started = time.monotonic()
                response = await client.get("/health", timeout=5)
                elapsed = time.monotonic() - started
            assert response.status_code == 200, response.text
            assert elapsed < 1.0, f"/health took {elapsed:.2f} s beside {HALF_OPEN} half-open connections"
            assert not any(reader.at_eof() for reader, _ in connections)  # they were all still open
        finally:
            for _, writer in connections:
                writer.close()


async def test_a_connection_that_never_finishes_its_request_head_is_closed(clean_db: str) -> None:
    async with serve(clean_db, http_header_timeout_s=0.5) as port:
        reader, writer = await _half_open(port)
        started = time.monotonic()
        try:
            assert await asyncio.wait_for(reader.read(), 5) == b""  # closed without an answer
        finally:
            writer.close()
        assert 0.4 < time.monotonic() - started < 3


async def test_a_keep_alive_connection_gets_a_fresh_deadline_for_each_request(clean_db: str) -> None:
    async with serve(clean_db, http_header_timeout_s=1.0) as port:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for _ in range(3):  # together longer than one deadline, each well within it
                await asyncio.sleep(0.5)
                writer.write(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                await writer.drain()
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
                assert head.startswith(b"HTTP/1.1 200"), head
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                )
                await reader.readexactly(length)
        finally:
            writer.close()
