"""API keys: random secrets shown once, stored as their SHA-256, with scopes and revocation.

A key is 32 random bytes (URL-safe base64) behind a `cdb_` prefix; with that much
entropy a plain SHA-256 is enough (no slow KDF needed) and lets a lookup be one
indexed equality.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from collections.abc import Iterable

import asyncpg
import msgspec

from domain.errors import NotFoundError, ValidationError

SCOPES: tuple[str, ...] = ("read", "ingest", "review", "admin")
KEY_PREFIX = "cdb_"


class ApiKey(msgspec.Struct, frozen=True, kw_only=True):
    key_id: uuid.UUID
    name: str
    prefix: str  # the first characters of the secret, to tell keys apart in listings
    scopes: tuple[str, ...]
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None

    def allows(self, scope: str) -> bool:
        """Admin may do everything; any key may read."""
        return scope in self.scopes or "admin" in self.scopes or scope == "read"


_COLUMNS = "key_id, name, prefix, scopes, created_at, revoked_at"


def parse_scopes(raw: str | Iterable[str]) -> tuple[str, ...]:
    parts = raw.split(",") if isinstance(raw, str) else list(raw)
    scopes = tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown or not scopes:
        raise ValidationError(f"scopes must be a comma-separated subset of {', '.join(SCOPES)}; got {raw!r}")
    return scopes


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _row(row: asyncpg.Record) -> ApiKey:
    return ApiKey(
        key_id=row["key_id"],
        name=row["name"],
        prefix=row["prefix"],
        scopes=tuple(row["scopes"]),
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
    )


async def create_api_key(pool: asyncpg.Pool, name: str, scopes: str | Iterable[str]) -> tuple[ApiKey, str]:
    """Store a new key; return it with its secret (the only time the secret exists in clear)."""
    if not name.strip():
        raise ValidationError("an API key needs a non-empty name")
    checked = parse_scopes(scopes)
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    row = await pool.fetchrow(
        f"""INSERT INTO api_keys (key_id, name, prefix, key_hash, scopes)
            VALUES ($1, $2, $3, $4, $5) RETURNING {_COLUMNS}""",
        uuid.uuid4(),
        name.strip(),
        secret[: len(KEY_PREFIX) + 6],
        hash_secret(secret),
        list(checked),
    )
    return _row(row), secret


async def find_by_secret(pool: asyncpg.Pool, secret: str) -> ApiKey | None:
    row = await pool.fetchrow(f"SELECT {_COLUMNS} FROM api_keys WHERE key_hash = $1", hash_secret(secret))
    return None if row is None else _row(row)


async def list_api_keys(pool: asyncpg.Pool) -> list[ApiKey]:
    rows = await pool.fetch(f"SELECT {_COLUMNS} FROM api_keys ORDER BY created_at, name")
    return [_row(r) for r in rows]


async def revoke_api_key(pool: asyncpg.Pool, ident: str) -> ApiKey:
    """Revoke by key id, or by name when exactly one live key has it. Revoking twice is a no-op."""
    async with pool.acquire() as conn, conn.transaction():
        key_id = await _resolve(conn, ident)
        row = await conn.fetchrow(
            f"""UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
                WHERE key_id = $1 RETURNING {_COLUMNS}""",
            key_id,
        )
    return _row(row)


async def _resolve(conn: asyncpg.Connection, ident: str) -> uuid.UUID:
    try:
        key_id = uuid.UUID(ident)
    except ValueError:
        rows = await conn.fetch("SELECT key_id FROM api_keys WHERE name = $1 AND revoked_at IS NULL", ident)
        if len(rows) > 1:
            raise ValidationError(f"{len(rows)} live keys are named {ident!r}; revoke by key id") from None
        if not rows:
            raise NotFoundError(f"no live API key named {ident!r}") from None
        return uuid.UUID(str(rows[0]["key_id"]))
    if await conn.fetchval("SELECT 1 FROM api_keys WHERE key_id = $1", key_id) is None:
        raise NotFoundError(f"no API key with id {ident}")
    return key_id


class ApiKeyRepository:
    """The application's `ApiKeys` port over the functions above."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def create(self, name: str, scopes: str | Iterable[str]) -> tuple[ApiKey, str]:
        return await create_api_key(self.pool, name, scopes)

    async def revoke(self, ident: str) -> ApiKey:
        return await revoke_api_key(self.pool, ident)
