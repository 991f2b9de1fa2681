"""API fixtures: the real app over a real (emptied) PostgreSQL, driven in-process."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from api.app import create_app
from infra.settings import load_settings

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
