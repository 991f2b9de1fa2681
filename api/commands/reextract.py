"""`conflictdb reextract --all | ID...`: run the current extractor over stored articles."""

from __future__ import annotations

import argparse
import asyncio
import uuid
from typing import Any

from api.commands.common import add_database_options, prepare_database, settings_from
from api.services import open_services
from application.ingest import reextract_all
from domain.errors import ConflictDBError, ValidationError
from infra.settings import Settings


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
    settings = settings_from(args)
    url = prepare_database(settings)
    return asyncio.run(_reextract(settings, url, ids or None))


def _uuid(raw: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise ValidationError(f"not an article id: {raw!r}") from None


async def _reextract(settings: Settings, url: str, ids: list[uuid.UUID] | None) -> int:
    failed = changed = retracted = added = 0
    async with open_services(settings, url, max_size=2) as services:
        async for article_id, result in reextract_all(services.articles, ids, origin="cli"):
            if isinstance(result, ConflictDBError):
                failed += 1
                print(f"conflictdb reextract: {article_id}: {result}")
            elif result.retracted or result.added:
                changed += 1
                retracted, added = retracted + len(result.retracted), added + len(result.added)
                print(f"{article_id}: {len(result.retracted)} retracted, {len(result.added)} added")
    print(f"articles changed: {changed}; events retracted: {retracted}, added: {added}; failures: {failed}")
    return 1 if failed else 0
