"""Fan-out and dispatch together, as `conflictdb serve` and `conflictdb dispatch` run them."""

from __future__ import annotations

import asyncio

import asyncpg

from infra.settings import Settings
from infra.webhooks.dispatcher import run_dispatcher
from infra.webhooks.fanout import run_fanout
from infra.webhooks.listen import Listener

# Independent claim-send-record loops per process: one stuck on a slow endpoint (up to
# the request timeout) does not hold up deliveries to everybody else.
DISPATCH_LOOPS = 4


async def run_webhooks(pool: asyncpg.Pool, database_url: str, settings: Settings) -> None:
    """Run until cancelled; both loops share one LISTEN connection."""
    listener = Listener(database_url)
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(run_fanout(pool, listener, batch=500, poll_s=settings.poll_interval_s))
            for _ in range(DISPATCH_LOOPS):
                group.create_task(run_dispatcher(pool, listener, settings))
    finally:
        await listener.close()
