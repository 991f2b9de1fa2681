"""`conflictdb dispatch`: webhook fan-out and delivery alone (no API, no projections).

Run as many as you like side by side: the fan-out checkpoint is held by one process at
a time and deliveries are claimed with FOR UPDATE SKIP LOCKED under a lease.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from typing import Any

from api.commands.common import add_database_options, prepare_database, settings_from
from infra.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("dispatch", help="run webhook fan-out and delivery only")
    add_database_options(parser)
    parser.set_defaults(func=run_dispatch)


def run_dispatch(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    url = prepare_database(settings)
    print("conflictdb: dispatching webhooks (Ctrl-C stops)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_dispatch(settings, url))
    return 0


async def _dispatch(settings: Settings, url: str) -> None:
    from api.services import open_services, webhook_workers

    async with open_services(settings, url) as services:
        await webhook_workers(services)
