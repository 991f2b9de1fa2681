"""The ports the use cases need, as Protocols: infra's modules are the adapters that satisfy them.

Adapters never import this module (infra must not depend on application): they satisfy the
Protocols structurally, and the values that cross a port are domain types, builtins, or
read-only Protocols of their own (`Stored`, `Reply`). The composition root (api/services.py)
is the one place that picks the adapters.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from domain.articles import KeyKind
from domain.events import DomainEvent
from domain.events.subscriptions import SubscriptionFilter

# What an adapter answers with (its own read-model Struct): the use case passes it through.
View = TypeVar("View", covariant=True)


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class Pending(Protocol):
    """An event on its way into an article's stream, with the id and metadata it will be stored with."""

    @property
    def event_id(self) -> uuid.UUID: ...
    @property
    def event(self) -> DomainEvent: ...
    @property
    def metadata(self) -> dict[str, Any]: ...


class Stored(Protocol):
    """An event as an article's stream holds it: decoded, with its envelope facts."""

    @property
    def event_id(self) -> uuid.UUID: ...
    @property
    def event(self) -> DomainEvent: ...
    @property
    def stream_version(self) -> int: ...
    @property
    def position(self) -> str: ...  # the opaque log position, encoded
    @property
    def recorded_at(self) -> dt.datetime: ...


class ArticleStore(Protocol):
    """Article streams and their de-duplication keys (the event store plus `article_keys`)."""

    async def find(self, keys: Sequence[tuple[KeyKind, str]]) -> uuid.UUID | None:
        """The stored article holding any of these keys."""

    async def append_new(
        self, article_id: uuid.UUID, keys: Sequence[tuple[KeyKind, str]], events: Sequence[Pending]
    ) -> Sequence[Stored]:
        """Start the article's stream and claim its keys in one transaction; a ConcurrencyError
        when another submission holds the stream or a key."""

    async def append(self, article_id: uuid.UUID, events: Sequence[Pending], expected_version: int) -> Sequence[Stored]:
        """Append to the article's stream at `expected_version` (ConcurrencyError otherwise)."""

    async def read(self, article_id: uuid.UUID) -> Sequence[Stored]:
        """The article's whole stream, oldest first (empty when there is none)."""

    async def article_of_event(self, event_id: uuid.UUID) -> uuid.UUID | None:
        """The article whose stream holds this event (None: no such event in an article stream)."""

    async def article_ids(self) -> list[uuid.UUID]: ...

    async def has_articles(self) -> bool: ...


class Reply(Protocol):
    @property
    def status(self) -> int: ...
    @property
    def body(self) -> Any: ...


class KeyClaim(Protocol):
    """Who holds an Idempotency-Key: this request (`token` set), a finished request (`reply`
    set), or one still running (neither); `fingerprint` is that request's."""

    @property
    def fingerprint(self) -> str: ...
    @property
    def token(self) -> uuid.UUID | None: ...
    @property
    def reply(self) -> Reply | None: ...


class Replies(Protocol):
    """Idempotency-Key claims and replies, per (owner, key)."""

    async def claim(self, owner: str, key: str, fingerprint: str, lease_s: float) -> KeyClaim:
        """Claim the key for `lease_s` seconds unless another request holds it or has answered it."""

    async def remember(self, owner: str, key: str, token: uuid.UUID, status: int, body: Any) -> Reply:
        """Keep this reply and end the claim; return the kept reply (a later claimant's, if the lease lapsed)."""

    async def release(self, owner: str, key: str, token: uuid.UUID) -> None:
        """Give the key up without a reply (the request failed)."""


class Subscriptions(Protocol[View]):
    """Webhook subscription state: the adapter records each change as an event of the
    subscription's stream and updates its row in the same transaction."""

    async def create(
        self,
        *,
        url: str,
        event_types: Sequence[str] | None,
        filter: SubscriptionFilter | None,
        description: str | None,
        allow_private: bool,
    ) -> tuple[View, str]: ...

    async def patch(self, subscription_id: uuid.UUID, *, paused: bool | None, changes: dict[str, Any]) -> View: ...

    async def rotate_secret(self, subscription_id: uuid.UUID) -> str: ...

    async def delete(self, subscription_id: uuid.UUID) -> None: ...


class Deliveries(Protocol[View]):
    """The webhook outbox of one subscription's deliveries."""

    async def retry(self, subscription_id: uuid.UUID, delivery_id: int) -> View: ...

    async def replay(self, subscription_id: uuid.UUID, from_position: str | None) -> int:
        """Enqueue the matching history after `from_position` (all of it when None); how many."""


class Projections(Protocol[View]):
    async def request_rebuild(self, name: str) -> View: ...


class ApiKeys(Protocol[View]):
    async def create(self, name: str, scopes: str | Sequence[str]) -> tuple[View, str]: ...

    async def revoke(self, ident: str) -> View: ...
