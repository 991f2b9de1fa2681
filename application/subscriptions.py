"""The webhook subscription use cases: subscribe, change (pause/resume), rotate the secret,
delete, retry a delivery, replay history. The SQL is in infra/webhooks (the adapters)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

from application.ports import Deliveries, Subscriptions
from domain.events.subscriptions import SubscriptionFilter

View = TypeVar("View")


async def subscribe(
    subscriptions: Subscriptions[View],
    *,
    url: str,
    event_types: Sequence[str] | None,
    filter: SubscriptionFilter | None,
    description: str | None,
    allow_private: bool,
) -> tuple[View, str]:
    """Register an endpoint; the signing secret is returned only here."""
    return await subscriptions.create(
        url=url, event_types=event_types, filter=filter, description=description, allow_private=allow_private
    )


async def change(
    subscriptions: Subscriptions[View], subscription_id: uuid.UUID, *, paused: bool | None, changes: dict[str, Any]
) -> View:
    """Change what it receives (`changes`: event_types, filter, description), then pause or
    resume (`paused`; resuming also re-enables a subscription the dispatcher disabled)."""
    return await subscriptions.patch(subscription_id, paused=paused, changes=changes)


async def pause(subscriptions: Subscriptions[View], subscription_id: uuid.UUID) -> View:
    return await subscriptions.patch(subscription_id, paused=True, changes={})


async def resume(subscriptions: Subscriptions[View], subscription_id: uuid.UUID) -> View:
    return await subscriptions.patch(subscription_id, paused=False, changes={})


async def rotate_secret(subscriptions: Subscriptions[Any], subscription_id: uuid.UUID) -> str:
    """A new signing secret, returned once; the previous one keeps signing for a grace period."""
    return await subscriptions.rotate_secret(subscription_id)


async def unsubscribe(subscriptions: Subscriptions[Any], subscription_id: uuid.UUID) -> None:
    """Delete it with its deliveries; its event stream stays."""
    await subscriptions.delete(subscription_id)


async def retry_delivery(deliveries: Deliveries[View], subscription_id: uuid.UUID, delivery_id: int) -> View:
    return await deliveries.retry(subscription_id, delivery_id)


async def replay(deliveries: Deliveries[Any], subscription_id: uuid.UUID, from_position: str | None) -> int:
    """Re-send the matching history from a log position (the whole log when None); how many."""
    return await deliveries.replay(subscription_id, from_position)
