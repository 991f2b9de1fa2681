"""`conflictdb release create NAME [--position P] [--note TEXT]` and `conflictdb release list`:
name a log position as a dataset version to cite, as `POST /releases` does."""

from __future__ import annotations

import argparse
import asyncio
import getpass
from typing import Any

from api.commands.common import add_database_options, prepare_database, settings_from
from api.services import open_services
from application import releases
from application.releases import ReleaseInput
from infra.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("release", help="name a log position as a release, or list the releases")
    actions = parser.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="name the read models' current position (or --position)")
    create.add_argument("name")
    create.add_argument("--position", help="a log position '<tx>-<position>' [what the read models hold now]")
    create.add_argument("--note")
    add_database_options(create)
    listing = actions.add_parser("list", help="every release, oldest first")
    add_database_options(listing)
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    url = prepare_database(settings)
    return asyncio.run(_release(settings, url, args))


async def _release(settings: Settings, url: str, args: argparse.Namespace) -> int:
    async with open_services(settings, url, max_size=2) as services:
        if args.action == "create":
            data = ReleaseInput(name=args.name, position=args.position, note=args.note)
            made = await releases.create_release(
                services.releases, services.positions, services.clock, data, created_by=getpass.getuser()
            )
            print(f"{made.name}\t{made.position}\t{made.created_at.isoformat()}")
            return 0
        for release in await releases.list_releases(services.releases):
            print(f"{release.name}\t{release.position}\t{release.created_at.isoformat()}\t{release.note or ''}")
    return 0
