"""Leadership of the log followers: one session advisory lock per follower, taken over when
its holder's session ends."""

from __future__ import annotations

import asyncpg

from infra.leadership import LOCK_CLASS, Leadership, leader_name, leaders
from infra.read_models.status import list_statuses

NAMES = ["projection:actors", "projection:places", "fanout"]


async def test_the_first_process_leads_every_follower_and_the_second_none(pool: asyncpg.Pool, clean_db: str) -> None:
    first, second = Leadership(clean_db, retry_s=0), Leadership(clean_db, retry_s=0)
    try:
        assert await first.led(NAMES) == frozenset(NAMES)
        assert await second.led(NAMES) == frozenset()
        async with pool.acquire() as conn:
            shown = await leaders(conn, NAMES)
    finally:
        await first.close()
        await second.close()
    assert shown == dict.fromkeys(NAMES, leader_name())


async def test_another_process_takes_over_once_the_leaders_session_ends(clean_db: str) -> None:
    first, second = Leadership(clean_db, retry_s=0), Leadership(clean_db, retry_s=0)
    try:
        await first.led(NAMES)
        assert await second.led(NAMES) == frozenset()
        await first.close()
        assert await second.led(NAMES) == frozenset(NAMES)
    finally:
        await first.close()
        await second.close()


async def test_a_leader_whose_session_was_terminated_takes_the_locks_again_on_a_new_session(
    pool: asyncpg.Pool, clean_db: str
) -> None:
    leadership = Leadership(clean_db, retry_s=0)
    holders = "SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1"
    try:
        await leadership.led(NAMES)
        [before] = [r["pid"] for r in await pool.fetch(holders, LOCK_CLASS)]
        await pool.execute("SELECT pg_terminate_backend($1, 5000)", before)
        assert await leadership.led(NAMES) == frozenset(NAMES)
        after = [r["pid"] for r in await pool.fetch(holders, LOCK_CLASS)]
    finally:
        await leadership.close()
    assert len(after) == 1 and after != [before]


async def test_the_projections_status_names_the_process_leading_each_projection(
    pool: asyncpg.Pool, clean_db: str
) -> None:
    leadership = Leadership(clean_db, retry_s=0)
    try:
        await leadership.led(["projection:actors"])
        statuses = {s.name: s.leader for s in await list_statuses(pool)}
    finally:
        await leadership.close()
    assert statuses["actors"] == leader_name()
    assert statuses["places"] is None
