"""Shutdown helpers: a connection never given back does not hold the pool's close forever."""

from __future__ import annotations

import asyncio

import pytest

from infra.db import close_pool, create_pool, stop_tasks


async def test_a_pool_with_a_connection_never_released_still_closes(
    clean_db: str, caplog: pytest.LogCaptureFixture
) -> None:
    pool = await create_pool(clean_db, min_size=1, max_size=2)
    await pool.acquire()
    await asyncio.wait_for(close_pool(pool, timeout_s=0.3), 5)
    assert pool.is_closing()
    assert any("did not close" in r.getMessage() for r in caplog.records)


async def test_a_task_slow_to_stop_does_not_hold_the_shutdown() -> None:
    async def slow_to_stop() -> None:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            await asyncio.sleep(1)  # cleanup that outlasts the bound

    task = asyncio.create_task(slow_to_stop())
    await asyncio.sleep(0)
    await asyncio.wait_for(stop_tasks([task], timeout_s=0.1), 5)
    assert not task.done()
    await task
