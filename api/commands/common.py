"""Options and start-up steps shared by the commands that need the database."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from pathlib import Path
from typing import Any

from infra.db import check_reachable, redact, start_embedded
from infra.migrate import upgrade
from infra.settings import Settings, data_dir_of, load_settings


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


def prepare_database(settings: Settings, *, migrate: bool = True) -> str:
    """Start the embedded server when no URL is given, check it answers, say on stderr which
    database this is (one line), migrate; return the URL."""
    if settings.database_url:
        url, where = settings.database_url, redact(settings.database_url)
    else:
        data_dir = data_dir_of(settings)
        url, where = start_embedded(data_dir), f"embedded PostgreSQL in {data_dir}"
    asyncio.run(check_reachable(url))
    if settings.log_format == "json":  # stderr carries JSON lines only: say it as a log record
        logging.getLogger("conflictdb.database").info("database: %s", where)
    else:
        print(f"conflictdb: database: {where}", file=sys.stderr, flush=True)
    if migrate:
        upgrade(url)
    return url


def exit_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit so `finally` blocks and atexit handlers (which stop the
    embedded PostgreSQL) run. uvicorn re-raises the signal it caught after its own shutdown."""

    def _exit(signum: int, frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _exit)
