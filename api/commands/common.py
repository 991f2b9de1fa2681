"""Options and start-up steps shared by the commands that need the database."""

from __future__ import annotations

import argparse
import signal
from pathlib import Path
from typing import Any

from api.services import prepare_database
from infra.settings import Settings, load_settings

__all__ = ["add_database_options", "exit_cleanly_on_sigterm", "prepare_database", "settings_from"]


def add_database_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="embedded PostgreSQL data dir [CONFLICTDB_DATA_DIR; else the nearest .conflictdb in this folder "
        "or a parent, else ./.conflictdb]",
    )
    parser.add_argument("--database-url", help="use this PostgreSQL instead of the embedded one [DATABASE_URL]")


def settings_from(args: argparse.Namespace, **extra: Any) -> Settings:
    """Settings from the environment, with the command line's options winning."""
    return load_settings(
        None, data_dir=getattr(args, "data_dir", None), database_url=getattr(args, "database_url", None), **extra
    )


def exit_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit so `finally` blocks and atexit handlers (which stop the
    embedded PostgreSQL) run. uvicorn re-raises the signal it caught after its own shutdown."""

    def _exit(signum: int, frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _exit)
