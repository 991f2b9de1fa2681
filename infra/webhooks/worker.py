"""Fan-out and dispatch together, as `conflictdb dispatch` runs them; `serve` and `worker`
run the fan-out among the other log followers and start the dispatchers alone."""

from __future__ import annotations

import asyncio

import asyncpg

from infra.leadership import Leadership
from infra.listen import Listener
from infra.settings import Settings
from infra.webhooks.dispatcher import run_dispatcher
from infra.webhooks.fanout import run_fanout
from infra.webhooks.retention import run_retention

# Independent claim-send-record loops per process: one stuck on a slow endpoint (up to
# the request timeout) does not hold up deliveries to everybody else.
DISPATCH_LOOPS = 4


async def run_dispatchers(pool: asyncpg.Pool, listener: Listener, settings: Settings) -> None:
    """The delivery loops of one process, until cancelled, woken through `listener`."""
    async with asyncio.TaskGroup() as group:
        for _ in range(DISPATCH_LOOPS):
            group.create_task(run_dispatcher(pool, listener, settings))
        group.create_task(run_retention(pool, settings))


async def run_webhooks(pool: asyncpg.Pool, database_url: str, settings: Settings) -> None:
    """Run until cancelled; the fan-out and the dispatchers share one LISTEN connection."""
    listener = Listener(database_url)
    try:
        async with asyncio.TaskGroup() as group:
            leadership = Leadership(database_url, retry_s=settings.poll_interval_s)
            fanout = run_fanout(pool, listener, batch=500, poll_s=settings.poll_interval_s, leadership=leadership)
            group.create_task(fanout)
            group.create_task(run_dispatchers(pool, listener, settings))
    finally:
        await listener.close()
