"""Shutting the pool down: a connection never given back does not hold the pool's close forever."""

from __future__ import annotations

import asyncio

import pytest

from infra.db import close_pool, create_pool


async def test_a_pool_with_a_connection_never_released_still_closes(
    clean_db: str, caplog: pytest.LogCaptureFixture
) -> None:
    pool = await create_pool(clean_db, min_size=1, max_size=2)
    await pool.acquire()
    await asyncio.wait_for(close_pool(pool, timeout_s=0.3), 5)
    assert pool.is_closing()
    assert any("did not close" in r.getMessage() for r in caplog.records)
