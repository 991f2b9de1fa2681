"""Background tasks of a process: stopped together, within a bound, at shutdown."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

log = logging.getLogger(__name__)


async def stop_tasks(tasks: list[asyncio.Task[Any]], timeout_s: float = 10.0) -> None:
    """Cancel background tasks and wait a bounded time for them to finish."""
    for task in tasks:
        task.cancel()
    if tasks:
        _, pending = await asyncio.wait(tasks, timeout=timeout_s)
        if pending:
            log.warning("%d background task(s) did not stop within %.0f s", len(pending), timeout_s)
