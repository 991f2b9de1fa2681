"""`conflictdb project`: run the projection runner alone, until interrupted (or until caught up)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from typing import Any

from api.commands.common import add_database_options, prepare_database, settings_from
from infra.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("project", help="run the projections alone (keeps the read models caught up)")
    add_database_options(parser)
    parser.add_argument("--until-caught-up", action="store_true", help="exit once every projection is caught up")
    parser.add_argument("--batch-size", type=int, default=500, help="events per transaction [500]")
    parser.set_defaults(func=run_project)


def run_project(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    url = prepare_database(settings)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_project(settings, url, args.batch_size, once=args.until_caught_up))
    return 0


async def _project(settings: Settings, url: str, batch_size: int, *, once: bool) -> None:
    from api.services import open_services, projection_runner

    async with open_services(settings, url, max_size=2) as services:
        runner = projection_runner(services, batch_size=batch_size)
        if once:
            processed = await runner.run_until_caught_up()
            print(f"conflictdb: {len(runner.models)} projections caught up ({processed} events applied)", flush=True)
        else:
            print("conflictdb: projecting (Ctrl-C to stop)", flush=True)
            await runner.run_forever()
