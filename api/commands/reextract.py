"""`conflictdb reextract --all | ID...`: run the current extractor over stored articles."""

from __future__ import annotations

import argparse
import asyncio
import uuid
from typing import Any

from api.commands.common import add_database_options, prepare_database, settings_from
from domain.errors import ConflictDBError, ValidationError
from infra.db import create_pool
from infra.event_store import EventStore
from infra.ingestion import article_ids, reextract


def register(sub: Any) -> None:
    parser = sub.add_parser("reextract", help="re-run the current extractor; retract stale events, add new ones")
    parser.add_argument("ids", nargs="*", metavar="ID", help="article ids")
    parser.add_argument("--all", action="store_true", help="every stored article")
    add_database_options(parser)
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    if bool(args.ids) == bool(args.all):
        raise ValidationError("name article ids or pass --all (not both)")
    ids = [_uuid(i) for i in args.ids]
    url = prepare_database(settings_from(args))
    return asyncio.run(_reextract(url, ids or None))


def _uuid(raw: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise ValidationError(f"not an article id: {raw!r}") from None


async def _reextract(url: str, ids: list[uuid.UUID] | None) -> int:
    pool = await create_pool(url, max_size=2)
    failed = changed = retracted = added = 0
    store = EventStore(pool)
    try:
        for article_id in ids if ids is not None else await article_ids(pool):
            try:
                result = await reextract(store, article_id, origin="cli")
            except ConflictDBError as exc:
                failed += 1
                print(f"conflictdb reextract: {article_id}: {exc}")
                continue
            if result.retracted or result.added:
                changed += 1
                retracted, added = retracted + len(result.retracted), added + len(result.added)
                print(f"{article_id}: {len(result.retracted)} retracted, {len(result.added)} added")
    finally:
        await store.close()
        await pool.close()
    print(f"articles changed: {changed}; events retracted: {retracted}, added: {added}; failures: {failed}")
    return 1 if failed else 0
