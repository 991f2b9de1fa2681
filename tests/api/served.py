"""The real app behind a real HTTP server (uvicorn on an ephemeral port of 127.0.0.1), for tests
that need requests truly in parallel or a response read as it streams (the in-process test
client buffers whole responses)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import uvicorn

from api.app import create_app
from infra.settings import load_settings


@contextlib.asynccontextmanager
async def served(database_url: str, **overrides: Any) -> AsyncIterator[str]:
    """The app behind a real HTTP server on 127.0.0.1 (requests truly in parallel); its base URL."""
    settings = load_settings({}, database_url=database_url, **({"run_workers": False} | overrides))
    config = uvicorn.Config(create_app(settings, database_url), host="127.0.0.1", port=0, log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 (uvicorn signals its start only by this flag)
        await asyncio.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
