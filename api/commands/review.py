"""`conflictdb review`: record people's decisions on extracted events from a script.

One decision: `conflictdb review EVENT_ID confirmed|rejected|corrected [--changes JSON] [--note TEXT]`;
many: `conflictdb review --file decisions.jsonl` (one {"event_id", "verdict", "changes"?, "note"?}
per line; each is stored on its own, a bad one is reported and does not stop the others).
Every decision names its reviewer (`--reviewer`, default the login name).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
import uuid
from pathlib import Path
from typing import Any

import msgspec

from api.commands.common import add_database_options, prepare_database, settings_from
from api.services import open_services
from application import review
from application.review import ReviewInput
from domain.errors import ConflictDBError, ValidationError
from infra.settings import Settings


class Decision(ReviewInput, kw_only=True, forbid_unknown_fields=True):
    event_id: uuid.UUID


def register(sub: Any) -> None:
    parser = sub.add_parser("review", help="confirm, reject or correct extracted events (one, or a JSONL file)")
    parser.add_argument("event_id", nargs="?", help="the event's id")
    parser.add_argument("verdict", nargs="?", choices=("confirmed", "rejected", "corrected"))
    parser.add_argument("--changes", help='for corrected: a JSON object, e.g. \'{"location": {"name": "Aleppo"}}\'')
    parser.add_argument("--note", help="why (required for rejected)")
    parser.add_argument("--file", type=Path, help="a JSONL file of decisions instead of one on the command line")
    parser.add_argument("--reviewer", default=None, help="the name recorded with each decision [login name]")
    add_database_options(parser)
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    decisions = _from_file(args.file) if args.file else [_from_args(args)]
    settings = settings_from(args)
    url = prepare_database(settings)
    return asyncio.run(_review(settings, url, decisions, args.reviewer or getpass.getuser()))


def _from_args(args: argparse.Namespace) -> tuple[str, Decision | ConflictDBError]:
    if not args.event_id or not args.verdict:
        raise ValidationError("name an event id and a verdict (confirmed, rejected, corrected), or pass --file")
    raw: dict[str, Any] = {"event_id": args.event_id, "verdict": args.verdict, "note": args.note}
    if args.changes is not None:
        try:
            raw["changes"] = msgspec.json.decode(args.changes)
        except msgspec.DecodeError as exc:
            raise ValidationError(f"--changes is not JSON: {exc}") from None
    return args.event_id, _decision(raw)


def _from_file(path: Path) -> list[tuple[str, Decision | ConflictDBError]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"cannot read {path}: {exc}") from None
    found: list[tuple[str, Decision | ConflictDBError]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                found.append((f"{path}:{number}", _decision(msgspec.json.decode(line))))
            except msgspec.DecodeError as exc:
                found.append((f"{path}:{number}", ValidationError(f"not JSON: {exc}")))
    return found


def _decision(raw: Any) -> Decision | ConflictDBError:
    try:
        return msgspec.convert(raw, Decision)
    except msgspec.ValidationError as exc:
        return ValidationError(str(exc))


async def _review(
    settings: Settings, url: str, decisions: list[tuple[str, Decision | ConflictDBError]], reviewer: str
) -> int:
    failed = 0
    async with open_services(settings, url, max_size=2) as services:
        for label, decision in decisions:
            try:
                if isinstance(decision, ConflictDBError):
                    raise decision
                event = await review.review_event(services.articles, decision.event_id, decision, reviewer=reviewer)
            except ConflictDBError as exc:
                failed += 1
                print(f"conflictdb review: {label}: {exc}", file=sys.stderr)
                continue
            print(f"{event.id}\t{event.review_status}")
    print(f"decisions stored: {len(decisions) - failed}; failed: {failed}")
    return 1 if failed else 0
