"""Stopping a process's background tasks: bounded, whatever a task does when cancelled."""

from __future__ import annotations

import asyncio

from api.tasks import stop_tasks


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
