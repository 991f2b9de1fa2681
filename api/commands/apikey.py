"""`conflictdb apikey create|list|revoke`: manage API keys (the secret is printed once)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from api.commands.common import add_database_options, prepare_database, settings_from
from infra.api_keys import SCOPES, ApiKey, create_api_key, list_api_keys, revoke_api_key
from infra.db import create_pool

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


def _with_pool(args: argparse.Namespace, work: Callable[[Any], Awaitable[T]]) -> T:
    url = prepare_database(settings_from(args))

    async def run() -> T:
        pool = await create_pool(url, max_size=2)
        try:
            return await work(pool)
        finally:
            await pool.close()

    return asyncio.run(run())


def _create(args: argparse.Namespace) -> int:
    key, secret = _with_pool(args, lambda pool: create_api_key(pool, args.name, args.scopes))
    print(secret)
    note = f"created key {key.key_id} ({key.name}; scopes {','.join(key.scopes)}); it is shown only now"
    print(note, file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    for key in _with_pool(args, list_api_keys):
        print(_describe(key))
    return 0


def _revoke(args: argparse.Namespace) -> int:
    key = _with_pool(args, lambda pool: revoke_api_key(pool, args.key))
    print(f"revoked {_describe(key)}")
    return 0


def _describe(key: ApiKey) -> str:
    state = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "live"
    created = f"{key.created_at:%Y-%m-%d %H:%M}"
    return f"{key.key_id}\t{key.name}\t{key.prefix}…\t{','.join(key.scopes)}\t{created}\t{state}"
