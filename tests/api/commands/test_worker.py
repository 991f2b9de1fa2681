"""`conflictdb worker` processes sharing the work: one leads each follower, another takes over
when it stops, and SIGTERM stops one cleanly."""

from __future__ import annotations

import asyncio
import signal
import time

from infra.read_models import READ_MODELS
from infra.read_models.checkpoints import LIVE_PREFIX
from infra.webhooks.fanout import FANOUT
from tests.replication import wait_for_leader, worker_output, workers

FOLLOWERS = [LIVE_PREFIX + name for name in READ_MODELS] + [FANOUT]


async def test_a_worker_stopped_by_sigterm_exits_cleanly_and_another_takes_over_its_followers(clean_db: str) -> None:
    with workers(clean_db, 1) as first:
        leader = await wait_for_leader(clean_db, FOLLOWERS, first)
        with workers(clean_db, 1) as second:
            await asyncio.sleep(1.0)  # the second one runs, and finds every follower led
            assert await wait_for_leader(clean_db, FOLLOWERS, first + second) == leader
            first[0].send_signal(signal.SIGTERM)
            started = time.monotonic()
            code = await asyncio.to_thread(first[0].wait, 30)
            stopped_s = time.monotonic() - started
            successor = await wait_for_leader(clean_db, FOLLOWERS, second, within_s=10)
            took_over_s = time.monotonic() - started
    assert code == 0, worker_output(first[0])
    assert "worker stopped" in worker_output(first[0])
    assert successor == second[0].pid
    assert stopped_s < 10 and took_over_s < 10, (stopped_s, took_over_s)
    print(f"\nstopped {stopped_s:.2f} s after SIGTERM; the other worker led {took_over_s:.2f} s after it")
