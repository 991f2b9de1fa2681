"""Idempotency-Key claims in PostgreSQL: one holder at a time, a lease that lapses when the
holder died, and a late holder that cannot overwrite the reply of the one that took over."""

from __future__ import annotations

import asyncio

import asyncpg

from infra.idempotency import StoredReplies


async def test_a_held_claim_is_refused_to_others_until_it_is_answered(pool: asyncpg.Pool) -> None:
    replies = StoredReplies(pool)
    first = await replies.claim("client", "k", "hash-a", lease_s=60)
    while_running = await replies.claim("client", "k", "hash-a", lease_s=60)
    assert first.token is not None and while_running.token is None and while_running.reply is None
    await replies.remember("client", "k", first.token, 201, {"id": 1})
    answered = await replies.claim("client", "k", "hash-b", lease_s=60)
    assert answered.token is None and answered.fingerprint == "hash-a"
    assert answered.reply is not None and (answered.reply.status, answered.reply.body) == (201, {"id": 1})


async def test_a_crashed_request_leaves_its_key_free_once_the_lease_lapses(pool: asyncpg.Pool) -> None:
    replies = StoredReplies(pool)
    crashed = await replies.claim("client", "k", "hash-a", lease_s=0.05)  # never answered, never released
    await asyncio.sleep(0.1)
    retry = await replies.claim("client", "k", "hash-b", lease_s=60)
    assert crashed.token is not None and retry.token is not None and retry.token != crashed.token
    kept = await replies.remember("client", "k", retry.token, 201, {"by": "retry"})
    late = await replies.remember("client", "k", crashed.token, 201, {"by": "crashed"})
    assert kept.body == late.body == {"by": "retry"}
