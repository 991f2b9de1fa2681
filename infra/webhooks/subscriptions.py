"""Subscriptions: every change is an event in `subscription-<id>` plus the state table.

Each change runs in one transaction: the event append first (its stream CAS must be the
transaction's first write; it also serialises concurrent changes to one subscription),
then the `wh_subscriptions` row. Signing secrets live only in the table: they are
returned once, by create and rotate, and never logged or read back out.
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets as random_secrets
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import asyncpg
import msgspec

from domain.errors import ConcurrencyError, NotFoundError
from domain.events import DomainEvent
from domain.events.subscriptions import (
    SubscriptionCreated,
    SubscriptionDeleted,
    SubscriptionFilter,
    SubscriptionPaused,
    SubscriptionResumed,
    SubscriptionSecretRotated,
    SubscriptionUpdated,
)
from domain.streams import subscription_stream
from domain.webhooks import SECRET_GRACE_S, Spec, validate_event_types, validate_filter
from infra.codec import to_new_event
from infra.event_store import ANY, NO_STREAM, AppendResult, EventStore, ExpectedVersion, notify
from infra.queries.common import Where
from infra.queries.totals import Total, count_matches
from infra.webhooks.ssrf import check_url

T = TypeVar("T")
_RETRIES = 5


class Subscription(msgspec.Struct, frozen=True, kw_only=True):
    """A subscription as the API shows it (no secrets)."""

    id: uuid.UUID
    url: str
    event_types: tuple[str, ...] | None
    filter: SubscriptionFilter | None
    description: str | None
    status: str  # active | paused | disabled
    paused: bool
    disabled_at: dt.datetime | None
    disabled_reason: str | None
    failing_since: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def spec(self) -> Spec:
        return Spec(event_types=self.event_types, filter=self.filter)


# Named as Subscription's fields.
_COLUMNS = """subscription_id AS id, url, event_types, filter, description, paused, disabled_at,
    disabled_reason, first_failure_at AS failing_since, created_at, updated_at"""


def _row(row: asyncpg.Record) -> Subscription:
    status = "disabled" if row["disabled_at"] else "paused" if row["paused"] else "active"
    return msgspec.convert({**dict(row), "status": status}, Subscription)


def new_secret() -> str:
    return "whsec_" + base64.b64encode(random_secrets.token_bytes(24)).decode()


async def _record(
    pool: asyncpg.Pool,
    subscription_id: uuid.UUID,
    events: Sequence[DomainEvent],
    write: Callable[[asyncpg.Connection, AppendResult], Awaitable[T]],
    expected: ExpectedVersion = ANY,
) -> T:
    """Append `events` then run `write` in the same transaction; retry lost CAS races."""
    store, stream = EventStore(pool), subscription_stream(subscription_id)
    for attempt in range(_RETRIES):
        async with pool.acquire() as conn:
            try:
                async with conn.transaction():
                    result = await store.append_in(conn, stream, [to_new_event(e) for e in events], expected)
                    value = await write(conn, result)
            except ConcurrencyError:
                if expected != ANY or attempt == _RETRIES - 1:
                    raise
                continue
            await notify(conn, stream)
            return value
    raise AssertionError("unreachable")


async def create(
    pool: asyncpg.Pool,
    *,
    url: str,
    event_types: Sequence[str] | None = None,
    filter: SubscriptionFilter | None = None,
    description: str | None = None,
    allow_private: bool = False,
) -> tuple[Subscription, str]:
    """Validate and register an endpoint; returns it and its signing secret (shown once)."""
    spec = _spec(event_types, filter)
    await check_url(url, allow_private=allow_private)
    subscription_id, secret = uuid.uuid4(), new_secret()
    event = SubscriptionCreated(
        subscription_id=subscription_id,
        url=url,
        event_types=spec.event_types,
        filter=spec.filter,
        description=description,
    )

    async def write(conn: asyncpg.Connection, result: AppendResult) -> Subscription:
        row = await conn.fetchrow(
            f"""INSERT INTO wh_subscriptions (subscription_id, url, secrets, event_types, filter, description,
                    created_tx_id, created_position)
                VALUES ($1, $2, ARRAY[$3], $4, $5, $6, pg_current_xact_id()::text::bigint, $7)
                RETURNING {_COLUMNS}""",
            subscription_id,
            url,
            secret,
            list(spec.event_types) if spec.event_types is not None else None,
            msgspec.to_builtins(spec.filter) if spec.filter is not None else None,
            description,
            result.positions[0],
        )
        return _row(row)

    return await _record(pool, subscription_id, [event], write, NO_STREAM), secret


async def get(pool: asyncpg.Pool, subscription_id: uuid.UUID) -> Subscription:
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            f"SELECT {_COLUMNS} FROM wh_subscriptions WHERE subscription_id = $1", subscription_id
        )
    if row is None:
        raise NotFoundError(f"no subscription {subscription_id}")
    return _row(row)


async def list_page(pool: asyncpg.Pool, *, after: uuid.UUID | None, limit: int) -> list[Subscription]:
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            f"""SELECT {_COLUMNS} FROM wh_subscriptions
                WHERE $1::uuid IS NULL OR subscription_id > $1
                ORDER BY subscription_id LIMIT $2""",
            after,
            limit,
        )
    return [_row(r) for r in rows]


async def _returning(conn: asyncpg.Connection, sql: str, *args: Any) -> Subscription:
    row = await conn.fetchrow(f"{sql} RETURNING {_COLUMNS}", *args)
    if row is None:
        raise NotFoundError(f"no subscription {args[0]}")  # rolls the appended event back
    return _row(row)


def _spec(event_types: Sequence[str] | None, flt: SubscriptionFilter | None) -> Spec:
    types = validate_event_types(tuple(event_types) if event_types is not None else None)
    return Spec(event_types=types, filter=validate_filter(flt))


async def patch(
    pool: asyncpg.Pool, subscription_id: uuid.UUID, *, paused: bool | None, changes: dict[str, Any]
) -> Subscription:
    """Apply a PATCH: `changes` may hold event_types, filter and description (None clears);
    `paused` pauses or resumes (resuming also re-enables a disabled subscription)."""
    current = await get(pool, subscription_id)
    if changes:
        spec = _spec(
            changes.get("event_types", current.event_types),
            changes.get("filter", current.filter),
        )
        current = await update(
            pool, subscription_id, spec=spec, description=changes.get("description", current.description)
        )
    if paused is True and not current.paused:
        current = await pause(pool, subscription_id)
    elif paused is False and (current.paused or current.disabled_at is not None):
        current = await resume(pool, subscription_id)
    return current


async def update(
    pool: asyncpg.Pool, subscription_id: uuid.UUID, *, spec: Spec, description: str | None
) -> Subscription:
    """Replace what the subscription receives and its description."""
    event = SubscriptionUpdated(
        subscription_id=subscription_id, event_types=spec.event_types, filter=spec.filter, description=description
    )

    async def write(conn: asyncpg.Connection, _: AppendResult) -> Subscription:
        return await _returning(
            conn,
            """UPDATE wh_subscriptions SET event_types = $2, filter = $3, description = $4, updated_at = now()
               WHERE subscription_id = $1""",
            subscription_id,
            list(spec.event_types) if spec.event_types is not None else None,
            msgspec.to_builtins(spec.filter) if spec.filter is not None else None,
            description,
        )

    await get(pool, subscription_id)  # 404 before appending to a stream that has no row
    return await _record(pool, subscription_id, [event], write)


async def pause(pool: asyncpg.Pool, subscription_id: uuid.UUID) -> Subscription:
    """Stop sending; matching events keep queueing and go out on resume."""

    async def write(conn: asyncpg.Connection, _: AppendResult) -> Subscription:
        return await _returning(
            conn,
            "UPDATE wh_subscriptions SET paused = true, updated_at = now() WHERE subscription_id = $1",
            subscription_id,
        )

    await get(pool, subscription_id)
    return await _record(pool, subscription_id, [SubscriptionPaused(subscription_id=subscription_id)], write)


async def resume(pool: asyncpg.Pool, subscription_id: uuid.UUID) -> Subscription:
    """Send again; also re-enables a subscription the dispatcher disabled."""

    async def write(conn: asyncpg.Connection, _: AppendResult) -> Subscription:
        return await _returning(
            conn,
            """UPDATE wh_subscriptions SET paused = false, disabled_at = NULL, disabled_reason = NULL,
                   first_failure_at = NULL, updated_at = now()
               WHERE subscription_id = $1""",
            subscription_id,
        )

    await get(pool, subscription_id)
    return await _record(pool, subscription_id, [SubscriptionResumed(subscription_id=subscription_id)], write)


async def delete(pool: asyncpg.Pool, subscription_id: uuid.UUID) -> None:
    """Remove it with its deliveries and attempt log; its event stream stays."""

    async def write(conn: asyncpg.Connection, _: AppendResult) -> None:
        if await conn.fetchval("DELETE FROM wh_subscriptions WHERE subscription_id = $1 RETURNING 1", subscription_id):
            return
        raise NotFoundError(f"no subscription {subscription_id}")

    await get(pool, subscription_id)
    await _record(pool, subscription_id, [SubscriptionDeleted(subscription_id=subscription_id)], write)


async def rotate_secret(pool: asyncpg.Pool, subscription_id: uuid.UUID) -> str:
    """A new signing secret; the previous one also signs for SECRET_GRACE_S."""
    secret = new_secret()

    async def write(conn: asyncpg.Connection, _: AppendResult) -> None:
        await _returning(
            conn,
            """UPDATE wh_subscriptions SET secrets = ARRAY[$2, secrets[1]],
                   grace_until = now() + make_interval(secs => $3), updated_at = now()
               WHERE subscription_id = $1""",
            subscription_id,
            secret,
            SECRET_GRACE_S,
        )

    await get(pool, subscription_id)
    await _record(pool, subscription_id, [SubscriptionSecretRotated(subscription_id=subscription_id)], write)
    return secret


async def disable(pool: asyncpg.Pool, subscription_id: uuid.UUID, reason: str) -> bool:
    """Switch a failing endpoint off and cancel what it still had pending; False when it
    was already disabled or is gone."""
    current = await _disabled_state(pool, subscription_id)
    if current is None or current:
        return False

    async def write(conn: asyncpg.Connection, _: AppendResult) -> bool:
        done = await conn.fetchval(
            """UPDATE wh_subscriptions SET disabled_at = now(), disabled_reason = $2, updated_at = now()
               WHERE subscription_id = $1 AND disabled_at IS NULL RETURNING true""",
            subscription_id,
            reason,
        )
        if not done:
            raise NotFoundError("already disabled")  # a concurrent dispatcher won: roll back our event
        await conn.execute(
            """UPDATE wh_deliveries SET status = 'cancelled', next_attempt_at = now(), lease_id = NULL
               WHERE subscription_id = $1 AND status = 'pending'""",
            subscription_id,
        )
        return True

    paused = SubscriptionPaused(subscription_id=subscription_id, reason=reason)
    try:
        return await _record(pool, subscription_id, [paused], write)
    except NotFoundError:
        return False


async def _disabled_state(pool: asyncpg.Pool, subscription_id: uuid.UUID) -> bool | None:
    async with pool.acquire() as conn:
        row = await conn.fetchrow(
            "SELECT disabled_at IS NOT NULL AS disabled FROM wh_subscriptions WHERE subscription_id = $1",
            subscription_id,
        )
    return None if row is None else bool(row["disabled"])


async def count(pool: asyncpg.Pool) -> Total:
    """How many subscriptions `list_page` pages through."""
    return await count_matches(pool, "wh_subscriptions", Where())


class SubscriptionRepository:
    """The application's `Subscriptions` port over the functions above."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def create(
        self,
        *,
        url: str,
        event_types: Sequence[str] | None,
        filter: SubscriptionFilter | None,
        description: str | None,
        allow_private: bool,
    ) -> tuple[Subscription, str]:
        return await create(
            self.pool,
            url=url,
            event_types=event_types,
            filter=filter,
            description=description,
            allow_private=allow_private,
        )

    async def patch(self, subscription_id: uuid.UUID, *, paused: bool | None, changes: dict[str, Any]) -> Subscription:
        return await patch(self.pool, subscription_id, paused=paused, changes=changes)

    async def rotate_secret(self, subscription_id: uuid.UUID) -> str:
        return await rotate_secret(self.pool, subscription_id)

    async def delete(self, subscription_id: uuid.UUID) -> None:
        await delete(self.pool, subscription_id)
