"""The dispatcher: claim due deliveries, send them signed, record what happened.

Claiming is one statement (its own transaction): due rows are locked FOR UPDATE SKIP
LOCKED, leased (next_attempt_at moves a lease ahead, lease_id marks the claim) and
committed before any HTTP call, because a transaction held across the network would
pin the log's visibility horizon. Dispatchers in several processes never claim the
same row while its lease runs; one that dies mid-call loses nothing, as the row falls
due again when the lease expires (at-least-once; receivers de-duplicate on webhook-id).
Outcomes are written in a new short transaction, fenced by lease_id so a dispatcher
whose lease ran out cannot overwrite a newer claim.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg
import httpx
import msgspec
from standardwebhooks import Webhook

from domain.webhooks import (
    RESPONSE_EXCERPT_BYTES,
    classify,
    honours_retry_after,
    next_delay,
    retry_after_seconds,
    should_disable,
    signing_secrets,
    webhook_id,
)
from infra import metrics
from infra.event_store import RecordedEvent, recorded_from_row
from infra.listen import Listener
from infra.redaction import redact_url
from infra.settings import Settings
from infra.webhooks import subscriptions
from infra.webhooks.fanout import DELIVERIES_CHANNEL
from infra.webhooks.payload import wire_bytes
from infra.webhooks.ssrf import http_client

log = logging.getLogger("conflictdb.webhooks")

T = TypeVar("T")
DEADLOCK_TRIES = 3

# Serialises claims across dispatch loops and processes (an arbitrary constant: "whclaim" in ASCII).
CLAIM_LOCK = 0x776863_6C61696D

_CLAIM = """
WITH due AS (
    SELECT d.delivery_id FROM wh_deliveries d
    JOIN wh_subscriptions s ON s.subscription_id = d.subscription_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND NOT s.paused AND s.disabled_at IS NULL
      AND NOT EXISTS (
          SELECT 1 FROM wh_deliveries b
          WHERE b.subscription_id = d.subscription_id AND b.lane = d.lane AND b.delivery_id < d.delivery_id
            AND b.status = 'pending' AND b.next_attempt_at > now())
    ORDER BY d.delivery_id
    LIMIT $1
    FOR UPDATE OF d SKIP LOCKED
), claimed AS (
    UPDATE wh_deliveries d SET next_attempt_at = now() + make_interval(secs => $2), lease_id = $3
    FROM due WHERE d.delivery_id = due.delivery_id
    RETURNING d.delivery_id, d.subscription_id, d.schedule_step, d.manual, d.event_id, d.event_type, d.tx_id,
              d.global_position, d.payload, d.created_at
)
SELECT c.delivery_id, c.subscription_id, c.schedule_step, c.manual, s.url, s.secrets, s.grace_until,
       c.payload, c.payload::jsonb ->> 'incident_id' AS incident_id,
       coalesce(e.global_position, c.global_position) AS global_position,
       coalesce(e.tx_id::text::bigint, c.tx_id) AS tx_id, c.event_id, e.stream_id, e.stream_version,
       coalesce(e.event_type, c.event_type) AS event_type, e.schema_version, e.data::text AS data,
       e.metadata::text AS metadata, coalesce(e.recorded_at, c.created_at) AS recorded_at
FROM claimed c
JOIN wh_subscriptions s ON s.subscription_id = c.subscription_id
LEFT JOIN events e ON c.payload IS NULL AND e.event_id = c.event_id
WHERE c.payload IS NOT NULL OR e.event_id IS NOT NULL"""

_NEXT_DUE = """
SELECT EXTRACT(EPOCH FROM min(d.next_attempt_at) - now())::float8 FROM wh_deliveries d
JOIN wh_subscriptions s ON s.subscription_id = d.subscription_id
WHERE d.status = 'pending' AND NOT s.paused AND s.disabled_at IS NULL"""


class Claimed(msgspec.Struct, frozen=True, kw_only=True):
    delivery_id: int
    subscription_id: uuid.UUID
    lease_id: uuid.UUID
    schedule_step: int
    manual: bool
    url: str
    secrets: tuple[str, ...]
    grace_until: dt.datetime | None
    # A log event; an incident change travels as a message of the stream `incident-<id>` (its lane) whose
    # data is `payload`, the body stored in the outbox, at the position of the event that caused it.
    event: RecordedEvent
    payload: bytes | None = None


class Attempt(msgspec.Struct, frozen=True, kw_only=True):
    status_code: int | None
    duration_ms: int
    excerpt: str | None
    error: str | None
    retry_after: str | None


def _claimed(row: asyncpg.Record, lease_id: uuid.UUID) -> Claimed:
    payload = None if row["payload"] is None else str(row["payload"]).encode()
    event = recorded_from_row(row) if payload is None else _change_message(row, payload)
    return Claimed(
        delivery_id=row["delivery_id"],
        subscription_id=row["subscription_id"],
        lease_id=lease_id,
        schedule_step=row["schedule_step"],
        manual=row["manual"],
        url=row["url"],
        secrets=tuple(row["secrets"]),
        grace_until=row["grace_until"],
        event=event,
        payload=payload,
    )


def _change_message(row: asyncpg.Record, payload: bytes) -> RecordedEvent:
    return RecordedEvent(
        global_position=row["global_position"],
        tx_id=row["tx_id"],
        event_id=row["event_id"],
        stream_id=f"incident-{row['incident_id']}",
        stream_version=0,
        event_type=row["event_type"],
        schema_version=1,
        data=payload,
        metadata={},
        recorded_at=row["recorded_at"],
    )


async def claim(pool: asyncpg.Pool, limit: int, lease_s: float) -> list[Claimed]:
    """A batch of due deliveries, leased. Claims take turns (a transaction lock) so that each sees
    the leases of the one before: a delivery whose lane has an earlier one in flight or waiting
    for a retry stays behind it, and a lane's due deliveries come in one batch, in creation order."""
    lease_id = uuid.uuid4()
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", CLAIM_LOCK)
        rows = await conn.fetch(_CLAIM, limit, lease_s, lease_id)
    return [_claimed(r, lease_id) for r in rows]


def signed_request(claimed: Claimed, now: dt.datetime) -> tuple[bytes, dict[str, str]]:
    """Body and Standard Webhooks headers; every live secret signs (rotation grace)."""
    body = claimed.payload if claimed.payload is not None else wire_bytes(claimed.event)
    msg_id = webhook_id(str(claimed.event.event_id))
    text = body.decode()
    live = signing_secrets(claimed.secrets, claimed.grace_until, now)
    signature = " ".join(Webhook(secret).sign(msg_id, now, text) for secret in live)
    headers = {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signature,
        "user-agent": "conflictdb-webhooks/1",
    }
    return body, headers


async def send(client: httpx.AsyncClient, claimed: Claimed) -> Attempt:
    body, headers = signed_request(claimed, dt.datetime.now(dt.UTC))
    started = time.perf_counter()
    try:
        async with client.stream("POST", claimed.url, content=body, headers=headers) as response:
            excerpt = await _excerpt(response)
        return Attempt(
            status_code=response.status_code,
            duration_ms=_ms(started),
            excerpt=excerpt,
            error=None if response.is_success else f"HTTP {response.status_code}",
            retry_after=response.headers.get("retry-after"),
        )
    except httpx.TimeoutException as exc:
        return Attempt(
            status_code=None,
            duration_ms=_ms(started),
            excerpt=None,
            error=f"timeout ({type(exc).__name__})",
            retry_after=None,
        )
    except httpx.HTTPError as exc:
        return Attempt(
            status_code=None,
            duration_ms=_ms(started),
            excerpt=None,
            error=f"{type(exc).__name__}: {exc}",
            retry_after=None,
        )


async def _excerpt(response: httpx.Response) -> str:
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= RESPONSE_EXCERPT_BYTES:
            break
    return b"".join(chunks)[:RESPONSE_EXCERPT_BYTES].decode("utf-8", "replace")


def _ms(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)


_LOG_ATTEMPT = """
INSERT INTO wh_attempts (delivery_id, trigger, status_code, duration_ms, response_excerpt, error)
SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM wh_deliveries WHERE delivery_id = $1)"""

_SUCCEEDED = """
UPDATE wh_deliveries SET status = 'succeeded', attempt_count = attempt_count + 1, schedule_step = 0,
    last_attempt_at = now(), last_status_code = $3, last_error = NULL, delivered_at = now(),
    lease_id = NULL, manual = false
WHERE delivery_id = $1 AND lease_id = $2"""

_FAILED = """
UPDATE wh_deliveries SET status = $3, attempt_count = attempt_count + 1, schedule_step = schedule_step + 1,
    next_attempt_at = now() + make_interval(secs => $4), last_attempt_at = now(), last_status_code = $5,
    last_error = $6, lease_id = NULL, manual = false
WHERE delivery_id = $1 AND lease_id = $2"""

_FAILING_SINCE = """
UPDATE wh_subscriptions SET first_failure_at = coalesce(first_failure_at, now())
WHERE subscription_id = $1 RETURNING first_failure_at, now() AS now"""


async def record(
    pool: asyncpg.Pool, claimed: Claimed, attempt: Attempt, settings: Settings, rng: random.Random
) -> None:
    """Write the outcome (and the attempt log), then disable the endpoint if it must be."""
    verdict = classify(attempt.status_code)

    async def write() -> tuple[bool, str | None]:
        async with pool.acquire() as conn, conn.transaction():
            await _log_attempt(conn, claimed, attempt)
            if verdict != "delivered":
                return await _failed(conn, claimed, attempt, settings, rng, gone=verdict == "gone")
            await conn.execute(_SUCCEEDED, claimed.delivery_id, claimed.lease_id, attempt.status_code)
            await conn.execute(
                "UPDATE wh_subscriptions SET first_failure_at = NULL "
                "WHERE subscription_id = $1 AND first_failure_at IS NOT NULL",
                claimed.subscription_id,
            )
            return False, None

    dead, disable_reason = await deadlock_retried(write)
    if verdict != "delivered":
        metrics.WEBHOOK_DELIVERIES.labels("dead_letter" if dead and verdict == "retry" else verdict).inc()
    if dead and verdict == "retry":
        log.warning(
            "webhook delivery %s (subscription %s) dead-lettered, retries exhausted: %s",
            claimed.delivery_id,
            claimed.subscription_id,
            attempt.error,
        )
    if disable_reason is not None and await subscriptions.disable(pool, claimed.subscription_id, disable_reason):
        log.warning("webhook subscription %s disabled: %s", claimed.subscription_id, disable_reason)


async def _log_attempt(conn: asyncpg.Connection, claimed: Claimed, attempt: Attempt) -> None:
    trigger = "manual" if claimed.manual else "scheduled"
    await conn.execute(
        _LOG_ATTEMPT,
        claimed.delivery_id,
        trigger,
        attempt.status_code,
        attempt.duration_ms,
        attempt.excerpt,
        attempt.error,
    )


async def _failed(
    conn: asyncpg.Connection, claimed: Claimed, attempt: Attempt, settings: Settings, rng: random.Random, *, gone: bool
) -> tuple[bool, str | None]:
    """Schedule the retry or dead-letter; (dead-lettered, the reason to disable the endpoint if any)."""
    now = dt.datetime.now(dt.UTC)
    hint = retry_after_seconds(attempt.retry_after, now) if honours_retry_after(attempt.status_code) else None
    delay = None if gone else next_delay(claimed.schedule_step + 1, settings.webhook_retry_schedule, rng.random(), hint)
    status = "failed" if delay is None else "pending"
    await conn.execute(
        _FAILED, claimed.delivery_id, claimed.lease_id, status, delay or 0.0, attempt.status_code, attempt.error
    )
    dead = status == "failed"
    if gone:
        return dead, "gone_410: the endpoint answered 410 Gone"
    row = await conn.fetchrow(_FAILING_SINCE, claimed.subscription_id)
    if row is not None and should_disable(row["first_failure_at"], row["now"], settings.webhook_disable_after_s):
        since = row["first_failure_at"].isoformat(timespec="seconds")
        return dead, f"failing: no successful delivery since {since} (last error: {attempt.error})"
    return dead, None


_SUCCEEDED_MANY = """
WITH done AS (
    UPDATE wh_deliveries d SET status = 'succeeded', attempt_count = attempt_count + 1, schedule_step = 0,
        last_attempt_at = now(), last_status_code = u.code, last_error = NULL, delivered_at = now(),
        lease_id = NULL, manual = false
    FROM unnest($1::bigint[], $2::int[]) AS u(id, code)
    WHERE d.delivery_id = u.id AND d.lease_id = $3
    RETURNING d.subscription_id
)
UPDATE wh_subscriptions SET first_failure_at = NULL
WHERE subscription_id IN (SELECT subscription_id FROM done) AND first_failure_at IS NOT NULL"""

_LOG_MANY = """
INSERT INTO wh_attempts (delivery_id, trigger, status_code, duration_ms, response_excerpt, error)
SELECT u.id, u.trig, u.code, u.ms, u.excerpt, NULL
FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::text[]) AS u(id, trig, code, ms, excerpt)
WHERE EXISTS (SELECT 1 FROM wh_deliveries d WHERE d.delivery_id = u.id)"""


async def deadlock_retried(write: Callable[[], Awaitable[T]]) -> T:
    """Run an outcome's transaction again when PostgreSQL aborted it to break a deadlock with another
    dispatcher's (it rolled back whole, so running it again is safe). Dropping the outcomes instead
    leaves the sent deliveries leased, to be sent again when the lease runs out: bench/soak.py saw a
    batch of 42 arrive twice so, the second time 60 s after a `deadlock detected` between two loops."""
    for tries in range(1, DEADLOCK_TRIES + 1):
        try:
            return await write()
        except asyncpg.DeadlockDetectedError:
            if tries == DEADLOCK_TRIES:
                raise
            log.info("webhook outcome deadlocked with another dispatcher's, writing it again")
            await asyncio.sleep(0.01 * tries)
    raise AssertionError("unreachable")


async def record_successes(pool: asyncpg.Pool, done: list[tuple[Claimed, Attempt]]) -> None:
    """All the batch's successes in one transaction (the common case, kept cheap)."""
    if done:
        await deadlock_retried(lambda: _record_successes(pool, done))


async def _record_successes(pool: asyncpg.Pool, done: list[tuple[Claimed, Attempt]]) -> None:
    ids = [c.delivery_id for c, _ in done]
    codes = [a.status_code for _, a in done]
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute(
            _LOG_MANY,
            ids,
            ["manual" if c.manual else "scheduled" for c, _ in done],
            codes,
            [a.duration_ms for _, a in done],
            [a.excerpt for _, a in done],
        )
        await conn.execute(_SUCCEEDED_MANY, ids, codes, done[0][0].lease_id)


async def _record_one(
    pool: asyncpg.Pool, claimed: Claimed, attempt: Attempt, settings: Settings, rng: random.Random
) -> None:
    with contextlib.suppress(asyncpg.ForeignKeyViolationError):  # subscription deleted meanwhile
        await record(pool, claimed, attempt, settings, rng)


async def dispatch_once(
    pool: asyncpg.Pool, client: httpx.AsyncClient, settings: Settings, rng: random.Random | None = None
) -> int:
    """Claim one batch, send it (lanes concurrently, each in log order), record the outcomes; the number claimed."""
    batch = await claim(pool, settings.webhook_batch, settings.webhook_lease_s)
    if not batch:
        return 0
    rng = rng or random.Random()
    outcomes, unsent = await send_in_order(client, batch)
    for claimed, attempt in outcomes:
        _observe(claimed, attempt)
    with contextlib.suppress(asyncpg.ForeignKeyViolationError):
        await record_successes(pool, [(c, a) for c, a in outcomes if classify(a.status_code) == "delivered"])
    failed = [(c, a) for c, a in outcomes if classify(a.status_code) != "delivered"]
    await asyncio.gather(*(_record_one(pool, c, a, settings, rng) for c, a in failed))
    await release(pool, unsent)
    return len(batch)


def in_log_order(batch: list[Claimed]) -> list[list[Claimed]]:
    """The batch in lanes: one per subscription and stream, each in log order. A receiver
    gets an article's event before its retraction or review, an incident's changes in the order
    they happened; lanes run concurrently."""
    lanes: dict[tuple[uuid.UUID, str], list[Claimed]] = {}
    for claimed in batch:
        lanes.setdefault((claimed.subscription_id, claimed.event.stream_id), []).append(claimed)
    return [sorted(lane, key=lambda c: (c.event.position, c.delivery_id)) for lane in lanes.values()]


async def send_in_order(
    client: httpx.AsyncClient, batch: list[Claimed]
) -> tuple[list[tuple[Claimed, Attempt]], list[Claimed]]:
    """The attempts made, and the deliveries not tried: a lane stops at its first failure, so
    nothing overtakes a delivery that waits for its retry."""

    async def run_lane(lane: list[Claimed]) -> tuple[list[tuple[Claimed, Attempt]], list[Claimed]]:
        outcomes: list[tuple[Claimed, Attempt]] = []
        for index, claimed in enumerate(lane):
            attempt = await send(client, claimed)
            outcomes.append((claimed, attempt))
            if classify(attempt.status_code) != "delivered":
                return outcomes, lane[index + 1 :]
        return outcomes, []

    lanes = await asyncio.gather(*(run_lane(lane) for lane in in_log_order(batch)))
    return [o for outcomes, _ in lanes for o in outcomes], [c for _, unsent in lanes for c in unsent]


_RELEASE = """
UPDATE wh_deliveries SET next_attempt_at = now(), lease_id = NULL
FROM unnest($1::bigint[]) AS u(id) WHERE delivery_id = u.id AND lease_id = $2"""


async def release(pool: asyncpg.Pool, unsent: list[Claimed]) -> None:
    """Give back the leases of deliveries not tried; they queue behind their lane's retry."""
    if unsent:
        async with pool.acquire() as conn:
            await conn.execute(_RELEASE, [c.delivery_id for c in unsent], unsent[0].lease_id)


def _observe(claimed: Claimed, attempt: Attempt) -> None:
    """Per-call detail at DEBUG only; state changes (dead letters, disabling) log at WARNING."""
    metrics.WEBHOOK_DURATION.observe(attempt.duration_ms / 1000)
    if classify(attempt.status_code) == "delivered":
        metrics.WEBHOOK_DELIVERIES.labels("delivered").inc()
    log.debug(
        "webhook delivery %s to %s: %s in %d ms",
        claimed.delivery_id,
        redact_url(claimed.url),
        attempt.status_code if attempt.error is None else attempt.error,
        attempt.duration_ms,
    )


async def seconds_until_due(pool: asyncpg.Pool, cap: float) -> float:
    async with pool.acquire() as conn:
        due = await conn.fetchval(_NEXT_DUE)
    return cap if due is None else min(cap, max(0.005, float(due)))


def request_timeout(settings: Settings) -> float:
    """Within the lease, so a slow endpoint never outlives its claim."""
    return min(settings.webhook_timeout_s, settings.webhook_lease_s / 2)


async def run_dispatcher(pool: asyncpg.Pool, listener: Listener, settings: Settings) -> None:
    """Dispatch forever, woken by the fan-out's NOTIFY or when the next retry falls due."""
    rng = random.Random()
    async with (
        listener.subscribe(DELIVERIES_CHANNEL) as wake,
        http_client(allow_private=settings.webhook_allow_private, timeout=request_timeout(settings)) as client,
    ):
        while True:
            try:
                claimed = await dispatch_once(pool, client, settings, rng)
                pause = (
                    0.0
                    if claimed >= settings.webhook_batch
                    else await seconds_until_due(pool, settings.poll_interval_s)
                )
            except (OSError, asyncpg.PostgresError) as exc:
                log.warning("webhook dispatch failed, retrying: %s", exc)
                pause = settings.poll_interval_s
            if pause > 0:
                await listener.wait(wake, pause)
