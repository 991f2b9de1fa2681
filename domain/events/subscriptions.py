"""The webhook subscription family: created, updated, paused, resumed, deleted, secret rotated."""

from __future__ import annotations

import uuid

import msgspec


class SubscriptionFilter(msgspec.Struct, frozen=True, kw_only=True):
    actor: str | None = None
    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_confidence: float | None = None


class SubscriptionCreated(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="SubscriptionCreated"):
    """A subscriber registered an endpoint. The signing secret is never stored in the log."""

    subscription_id: uuid.UUID
    url: str
    event_types: tuple[str, ...] | None = None
    filter: SubscriptionFilter | None = None
    description: str | None = None


class SubscriptionUpdated(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="SubscriptionUpdated"):
    """What the subscription receives changed; the fields hold the new values in full."""

    subscription_id: uuid.UUID
    event_types: tuple[str, ...] | None = None
    filter: SubscriptionFilter | None = None
    description: str | None = None


class SubscriptionPaused(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="SubscriptionPaused"):
    """Delivery stopped: by the owner ("manual"), or by the dispatcher when the endpoint
    answered 410 Gone ("gone_410") or kept failing ("failing: ...")."""

    subscription_id: uuid.UUID
    reason: str = "manual"


class SubscriptionResumed(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="SubscriptionResumed"):
    subscription_id: uuid.UUID


class SubscriptionDeleted(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="SubscriptionDeleted"):
    subscription_id: uuid.UUID


class SubscriptionSecretRotated(
    msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="SubscriptionSecretRotated"
):
    subscription_id: uuid.UUID


SubscriptionEvent = (
    SubscriptionCreated
    | SubscriptionUpdated
    | SubscriptionPaused
    | SubscriptionResumed
    | SubscriptionDeleted
    | SubscriptionSecretRotated
)
SUBSCRIPTION_EVENT_TYPES: tuple[type, ...] = (
    SubscriptionCreated,
    SubscriptionUpdated,
    SubscriptionPaused,
    SubscriptionResumed,
    SubscriptionDeleted,
    SubscriptionSecretRotated,
)
