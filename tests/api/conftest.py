"""API fixtures: the real app over a real (emptied) PostgreSQL, driven in-process."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import asyncpg
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from api.app import create_app
from infra.api_keys import create_api_key
from infra.settings import load_settings
from tests.api.test_end_to_end import caught_up, seed_articles

ClientFactory = Callable[..., AbstractAsyncContextManager[AsyncTestClient[Litestar]]]


@pytest.fixture
def make_client(clean_db: str) -> ClientFactory:
    """`async with make_client(run_workers=False) as client:` — settings overrides as keywords."""

    def factory(**overrides: Any) -> AbstractAsyncContextManager[AsyncTestClient[Litestar]]:
        settings = load_settings({}, database_url=clean_db, **overrides)
        return AsyncTestClient(app=create_app(settings, clean_db))

    return factory


@pytest.fixture
async def client(make_client: ClientFactory) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with make_client() as client:
        yield client


HeadersFactory = Callable[[str], Awaitable[dict[str, str]]]


@pytest.fixture
def make_headers(pool: asyncpg.Pool) -> HeadersFactory:
    """`await make_headers("ingest")`: headers carrying a fresh key with those scopes (comma-separated)."""

    async def factory(scopes: str) -> dict[str, str]:
        _, secret = await create_api_key(pool, f"test-{scopes}", scopes)
        return {"Authorization": f"Bearer {secret}"}

    return factory


@pytest.fixture
async def api_key(pool: asyncpg.Pool) -> str:
    """The secret of a fresh key with the ingest and admin scopes."""
    _, secret = await create_api_key(pool, "test", "ingest,admin")
    return secret


@pytest.fixture
def admin_headers(api_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"}


@pytest.fixture
async def reviewer(pool: asyncpg.Pool) -> dict[str, str]:
    """Headers of a key named "ana" with the review scope only."""
    _, secret = await create_api_key(pool, "ana", "review")
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
async def seeded(client: AsyncTestClient[Litestar], admin_headers: dict[str, str]) -> list[dict[str, Any]]:
    """The seed articles ingested and projected: their events as the API answered them."""
    events: list[dict[str, Any]] = []
    for seed in seed_articles():
        response = await client.post("/articles", json=seed, headers=admin_headers)
        assert response.status_code == 201, response.text
        events += response.json()["events"]
    await caught_up(client)
    return events
