"""Idempotency-Key claims and replies in PostgreSQL: the adapter behind the application's
`Replies` port (application/idempotency.py holds the rule).

A key is claimed by inserting its row before the work starts; the unique (owner, key) makes
concurrent claims queue on the index, so exactly one wins. The claim is a lease: a request
that dies mid-way leaves a row whose `claimed_until` passes, and the next request with the
key takes it over.
"""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import msgspec

from domain.errors import ConcurrencyError

_CLAIM = """INSERT INTO idempotency_keys (owner, key, request_hash, claim_token, claimed_until)
VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
ON CONFLICT (owner, key) DO UPDATE
    SET request_hash = EXCLUDED.request_hash, claim_token = EXCLUDED.claim_token,
        claimed_until = EXCLUDED.claimed_until, created_at = now()
    WHERE idempotency_keys.status IS NULL AND idempotency_keys.claimed_until < now()
RETURNING claim_token"""
_HELD = "SELECT request_hash, status, response FROM idempotency_keys WHERE owner = $1 AND key = $2"
_REMEMBER = """UPDATE idempotency_keys
SET status = $4, response = $5, claim_token = NULL, claimed_until = NULL
WHERE owner = $1 AND key = $2 AND claim_token = $3"""
_RELEASE = "DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2 AND claim_token = $3"
_ATTEMPTS = 3  # a claim released between our insert and our read is retried, not reported


class StoredReply(msgspec.Struct, frozen=True, kw_only=True):
    status: int
    body: Any


class KeyClaim(msgspec.Struct, frozen=True, kw_only=True):
    """Who holds a key: this request (`token`), a finished one (`reply`), or one still running."""

    fingerprint: str
    token: uuid.UUID | None = None
    reply: StoredReply | None = None


class StoredReplies:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def claim(self, owner: str, key: str, fingerprint: str, lease_s: float) -> KeyClaim:
        for _ in range(_ATTEMPTS):
            token = uuid.uuid4()
            if await self.pool.fetchval(_CLAIM, owner, key, fingerprint, token, lease_s) == token:
                return KeyClaim(fingerprint=fingerprint, token=token)
            held = await self._held(owner, key)
            if held is not None:
                return held
        raise ConcurrencyError("requests with this Idempotency-Key keep racing for it; retry")

    async def remember(self, owner: str, key: str, token: uuid.UUID, status: int, body: Any) -> StoredReply:
        """Keep the reply and end the claim; when the lease was lost to a later request, its reply wins."""
        done = await self.pool.execute(_REMEMBER, owner, key, token, status, msgspec.json.encode(body))
        kept = None if done == "UPDATE 1" else await self._held(owner, key)
        return kept.reply if kept is not None and kept.reply is not None else StoredReply(status=status, body=body)

    async def release(self, owner: str, key: str, token: uuid.UUID) -> None:
        await self.pool.execute(_RELEASE, owner, key, token)

    async def _held(self, owner: str, key: str) -> KeyClaim | None:
        row = await self.pool.fetchrow(_HELD, owner, key)
        if row is None:
            return None
        reply = None if row["status"] is None else StoredReply(status=row["status"], body=row["response"])
        return KeyClaim(fingerprint=row["request_hash"], reply=reply)
