"""Idempotency-Key replies in PostgreSQL: the adapter behind the application's `Replies` port
(application/idempotency.py holds the rule)."""

from __future__ import annotations

from typing import Any

import asyncpg
import msgspec

from domain.errors import ConcurrencyError

_RECALL = "SELECT request_hash, status, response FROM idempotency_keys WHERE owner = $1 AND key = $2"
_REMEMBER = """INSERT INTO idempotency_keys (owner, key, request_hash, status, response)
VALUES ($1, $2, $3, $4, $5) ON CONFLICT (owner, key) DO NOTHING"""


class IdempotencyKeyReusedError(ConcurrencyError):
    """The key was already used for a request with a different body."""


class StoredReply(msgspec.Struct, frozen=True, kw_only=True):
    status: int
    body: Any


class StoredReplies:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def recall(self, owner: str, key: str, fingerprint: str) -> StoredReply | None:
        row = await self.pool.fetchrow(_RECALL, owner, key)
        if row is None:
            return None
        if row["request_hash"] != fingerprint:
            raise IdempotencyKeyReusedError("this Idempotency-Key was already used with a different request body")
        return StoredReply(status=row["status"], body=row["response"])

    async def remember(self, owner: str, key: str, fingerprint: str, status: int, body: Any) -> StoredReply:
        """Store the reply unless a concurrent request with the key stored one first; return the kept one."""
        await self.pool.execute(_REMEMBER, owner, key, fingerprint, status, msgspec.json.encode(body))
        kept = await self.recall(owner, key, fingerprint)
        return kept if kept is not None else StoredReply(status=status, body=body)
