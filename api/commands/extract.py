"""`conflictdb extract`: run the extractor on a file or a JSONL stream (owned by the extraction work)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser("extract", help="extract events from an article or JSONL")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    raise NotImplementedError("extraction CLI is being built")
