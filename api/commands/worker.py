"""`conflictdb worker`: the background work of `serve` (projections, webhook fan-out and
dispatch) without the HTTP API, for a separate worker process or container."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from typing import Any

from api.commands.common import add_database_options, exit_cleanly_on_sigterm, prepare_database, settings_from


def register(sub: Any) -> None:
    parser = sub.add_parser("worker", help="run projections and webhook dispatch without the API")
    add_database_options(parser)
    parser.set_defaults(func=run_worker)


def run_worker(args: argparse.Namespace) -> int:
    from api.observability import configure_logging

    settings = settings_from(args)
    configure_logging(settings)
    url = prepare_database(settings)
    exit_cleanly_on_sigterm()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_work(settings, url))
    return 0


async def _work(settings: Any, url: str) -> None:
    from api.app import background_workers
    from api.observability import announce
    from api.services import Services
    from infra.db import create_pool
    from infra.event_store import EventStore

    pool = await create_pool(url)
    try:
        services = Services(settings=settings, pool=pool, store=EventStore(pool), database_url=url)
        workers = background_workers(services)
        announce(settings, f"conflictdb: worker running {len(workers)} background task(s)")
        await asyncio.gather(*workers)
    finally:
        await pool.close()
