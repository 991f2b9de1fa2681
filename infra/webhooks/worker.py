"""Fan-out and dispatch together, as `conflictdb serve` and `conflictdb dispatch` run them."""

from __future__ import annotations

import asyncio

import asyncpg

from infra.settings import Settings
from infra.webhooks.dispatcher import run_dispatcher
from infra.webhooks.fanout import run_fanout
from infra.webhooks.listen import Listener


async def run_webhooks(pool: asyncpg.Pool, database_url: str, settings: Settings) -> None:
    """Run until cancelled; both loops share one LISTEN connection."""
    listener = Listener(database_url)
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(run_fanout(pool, listener, batch=500, poll_s=settings.poll_interval_s))
            group.create_task(run_dispatcher(pool, listener, settings))
    finally:
        await listener.close()
