"""Idempotency-Key replies: the first reply to (client, key) is kept and replayed.

The key is claimed before the work starts, so of any number of concurrent requests with
one key exactly one does the work. A client retrying with the same key and the same body
gets the stored reply; the same key with a different body, or while the first request is
still running, is refused (409, to be retried after RETRY_AFTER_S) rather than guessed at. A
claim is a lease: when a request dies mid-way its key is free again after `lease_s`
(CONFLICTDB_IDEMPOTENCY_LEASE_S; the retry then finds the article stored and answers 200, the
ordinary duplicate reply).
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec

from application.ports import Replies, Reply
from domain.errors import ConcurrencyError, ValidationError

MAX_KEY_LENGTH = 255
RETRY_AFTER_S = 1  # what a request finding its key in progress is told to wait


class IdempotencyKeyReusedError(ConcurrencyError):
    """The key was already used for a request with a different body."""


class IdempotencyKeyInUseError(ConcurrencyError):
    """A request with the key is still being answered: retry after `retry_after_s`."""

    retry_after_s = RETRY_AFTER_S


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


async def once(
    replies: Replies,
    owner: str,
    key: str,
    fingerprint: str,
    work: Callable[[], Awaitable[tuple[int, Any]]],
    *,
    lease_s: float,
) -> Reply:
    """The reply kept for (owner, key): a stored one, else the one `work` gives (kept for next time).
    `lease_s` bounds how long this request holds the key; it should far exceed the longest request."""
    claim = await replies.claim(owner, key, fingerprint, lease_s)
    if claim.fingerprint != fingerprint:
        raise IdempotencyKeyReusedError("this Idempotency-Key was already used with a different request body")
    if claim.reply is not None:
        return claim.reply
    if claim.token is None:
        raise IdempotencyKeyInUseError("a request with this Idempotency-Key is still in progress; retry shortly")
    try:
        status, body = await work()
    except BaseException:
        await replies.release(owner, key, claim.token)  # a refused or failed request keeps no reply
        raise
    return await replies.remember(owner, key, claim.token, status, msgspec.to_builtins(body))
