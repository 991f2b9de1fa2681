"""Idempotency-Key replies: the first reply to (client, key) is kept and replayed.

A client retrying a request with the same key and the same body gets the stored
reply; the same key with a different body is refused (409, by the `Replies` adapter)
rather than guessed at.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec

from application.ports import Replies, Reply
from domain.errors import ValidationError

MAX_KEY_LENGTH = 255


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
    replies: Replies, owner: str, key: str, fingerprint: str, work: Callable[[], Awaitable[tuple[int, Any]]]
) -> Reply:
    """The reply kept for (owner, key): a stored one, else the one `work` gives (kept for next time)."""
    stored = await replies.recall(owner, key, fingerprint)
    if stored is not None:
        return stored
    status, body = await work()
    return await replies.remember(owner, key, fingerprint, status, msgspec.to_builtins(body))
