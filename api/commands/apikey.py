"""`conflictdb apikey create|list|revoke`: manage API keys (the secret is printed once)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from api.commands.common import add_database_options, prepare_database, settings_from
from api.services import Services, open_services
from application import admin
from application.queries import SCOPES, ApiKey, list_api_keys

T = TypeVar("T")


def register(sub: Any) -> None:
    parser = sub.add_parser("apikey", help="create, list or revoke API keys")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a key and print it once")
    create.add_argument("--name", required=True, help="who or what the key is for")
    create.add_argument("--scopes", default="ingest", help=f"comma-separated subset of {','.join(SCOPES)} [ingest]")
    create.set_defaults(func=_create)
    listing = actions.add_parser("list", help="list keys (never their secrets)")
    listing.set_defaults(func=_list)
    revoke = actions.add_parser("revoke", help="revoke a key by id or name")
    revoke.add_argument("key", help="the key id, or its name")
    revoke.set_defaults(func=_revoke)
    for action in (create, listing, revoke):
        add_database_options(action)


def _with_services(args: argparse.Namespace, work: Callable[[Services], Awaitable[T]]) -> T:
    settings = settings_from(args)
    url = prepare_database(settings)

    async def run() -> T:
        async with open_services(settings, url, max_size=2) as services:
            return await work(services)

    return asyncio.run(run())


def _create(args: argparse.Namespace) -> int:
    key, secret = _with_services(args, lambda s: admin.create_api_key(s.api_keys, args.name, args.scopes))
    print(secret)
    note = f"created key {key.key_id} ({key.name}; scopes {','.join(key.scopes)}); it is shown only now"
    print(note, file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    for key in _with_services(args, lambda s: list_api_keys(s.pool)):
        print(_describe(key))
    return 0


def _revoke(args: argparse.Namespace) -> int:
    key = _with_services(args, lambda s: admin.revoke_api_key(s.api_keys, args.key))
    print(f"revoked {_describe(key)}")
    return 0


def _describe(key: ApiKey) -> str:
    state = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "live"
    created = f"{key.created_at:%Y-%m-%d %H:%M}"
    return f"{key.key_id}\t{key.name}\t{key.prefix}…\t{','.join(key.scopes)}\t{created}\t{state}"
