"""Idempotency-Key replies: the first reply to (client, key) is kept and replayed.

A client retrying a request with the same key and the same body gets the stored
reply; the same key with a different body is refused (409) rather than guessed at.
"""

from __future__ import annotations

import hashlib
from typing import Any

import asyncpg
import msgspec

from domain.errors import ConcurrencyError, ValidationError

MAX_KEY_LENGTH = 255


class IdempotencyKeyReusedError(ConcurrencyError):
    """The key was already used for a request with a different body."""


class StoredReply(msgspec.Struct, frozen=True, kw_only=True):
    status: int
    body: Any


def request_hash(method: str, path: str, body: bytes) -> str:
    """Fingerprint of a request; a body that is JSON is compared by value, not by formatting."""
    try:
        canonical = msgspec.json.encode(msgspec.json.decode(body), order="sorted")
    except msgspec.DecodeError:
        canonical = body
    return hashlib.sha256(f"{method} {path}\n".encode() + canonical).hexdigest()


def check_key(key: str) -> str:
    key = key.strip()
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise ValidationError(f"Idempotency-Key must be 1–{MAX_KEY_LENGTH} printable characters")
    return key


async def recall(pool: asyncpg.Pool, owner: str, key: str, fingerprint: str) -> StoredReply | None:
    row = await pool.fetchrow(
        "SELECT request_hash, status, response FROM idempotency_keys WHERE owner = $1 AND key = $2", owner, key
    )
    if row is None:
        return None
    if row["request_hash"] != fingerprint:
        raise IdempotencyKeyReusedError("this Idempotency-Key was already used with a different request body")
    return StoredReply(status=row["status"], body=row["response"])


async def remember(pool: asyncpg.Pool, owner: str, key: str, fingerprint: str, reply: StoredReply) -> StoredReply:
    """Store the reply unless a concurrent request with the key stored one first; return the kept one."""
    await pool.execute(
        """INSERT INTO idempotency_keys (owner, key, request_hash, status, response)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (owner, key) DO NOTHING""",
        owner,
        key,
        fingerprint,
        reply.status,
        msgspec.json.encode(reply.body),
    )
    kept = await recall(pool, owner, key, fingerprint)
    return kept if kept is not None else reply
