"""The `conflictdb` command: one subcommand per module in `api/commands/`.

Each command module exposes `register(subparsers)`, which adds its parser and sets
`func` to a callable taking the parsed arguments and returning an exit status.
Errors the user can fix end as one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from api.commands import COMMAND_MODULES
from domain.errors import ConflictDBError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="conflictdb", description="Event-sourced conflict event database.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status: int = args.func(args)
    except ConflictDBError as exc:
        print(f"conflictdb {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
