"""The Idempotency-Key rule over the real PostgreSQL adapter: a failed request keeps no reply."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from application import idempotency
from domain.errors import ValidationError
from infra.idempotency import StoredReplies


async def test_a_refused_request_gives_its_key_back(pool: asyncpg.Pool) -> None:
    replies = StoredReplies(pool)

    async def refused() -> tuple[int, object]:
        raise ValidationError("text is empty")

    async def accepted() -> tuple[int, object]:
        return 201, {"ok": True}

    with pytest.raises(ValidationError):
        await idempotency.once(replies, "client", "k", "hash-a", refused, lease_s=60)
    reply = await idempotency.once(replies, "client", "k", "hash-b", accepted, lease_s=60)
    assert (reply.status, reply.body) == (201, {"ok": True})
    assert await pool.fetchval("SELECT count(*) FROM idempotency_keys WHERE claim_token IS NOT NULL") == 0


async def test_another_body_with_an_answered_key_is_refused(pool: asyncpg.Pool) -> None:
    replies = StoredReplies(pool)

    async def accepted() -> tuple[int, object]:
        return 201, {"ok": True}

    await idempotency.once(replies, "client", "k", "hash-a", accepted, lease_s=60)
    with pytest.raises(idempotency.IdempotencyKeyReusedError):
        await idempotency.once(replies, "client", "k", "hash-b", accepted, lease_s=60)


async def test_a_key_held_by_a_request_that_died_is_free_once_its_lease_lapses(pool: asyncpg.Pool) -> None:
    replies = StoredReplies(pool)

    async def accepted() -> tuple[int, object]:
        return 201, {"by": "retry"}

    await replies.claim("client", "k", "hash-a", lease_s=0.2)  # the request that died holding the key
    with pytest.raises(idempotency.IdempotencyKeyInUseError) as in_use:
        await idempotency.once(replies, "client", "k", "hash-a", accepted, lease_s=0.2)
    assert in_use.value.retry_after_s >= 1
    await asyncio.sleep(0.3)
    reply = await idempotency.once(replies, "client", "k", "hash-a", accepted, lease_s=0.2)
    assert (reply.status, reply.body) == (201, {"by": "retry"})
