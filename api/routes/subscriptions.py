"""Webhook subscriptions: register, inspect, pause/resume, rotate the secret, see and
retry deliveries, replay history. Every route needs an API key with the "admin" scope."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import msgspec
from litestar import Controller, delete, get, patch, post
from litestar.openapi.spec import OpenAPIType, Schema
from litestar.params import JSONBody, PathParameter, QueryParameter

from api.auth import require_scope
from api.body import reject_nul, require_json
from api.schemas import AT_LEAST_ZERO, COUNTRY_CODES, JSON_INT_MAX, LOG_POSITION_PATTERN, items_one_of
from api.services import ServicesDep
from application import subscriptions as use_cases
from application.queries import BIGINT_MAX, deliveries, filters, subscriptions, totals
from domain.articles import NO_NUL_PATTERN, declared
from domain.errors import ValidationError
from domain.events.subscriptions import SubscriptionFilter
from domain.webhooks import DELIVERABLE_TYPES, MAX_URL_LENGTH

# reject_nul refuses U+0000 in any field (PostgreSQL cannot store it): declared, not enforced here.
Description = Annotated[str, msgspec.Meta(max_length=500, extra_json_schema=declared(NO_NUL_PATTERN))]
# A webhook URL as the declared pattern takes it (infra.webhooks.ssrf.check_url_syntax checks it, naming what
# is wrong): http(s), a host name of at most six labels of at most 41 letters, digits, '_' or '-' each (so
# within DNS' 253 characters) or an IPv4 address, a port up to 65535, then printable ASCII; no user info. The
# server also takes IPv6 literals and longer host names, which the pattern leaves out.
_LABEL = r"[A-Za-z0-9_]([A-Za-z0-9_-]{0,39}[A-Za-z0-9_])?"
_PORT = r"(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}|0)"
WEBHOOK_URL_PATTERN = rf"^[Hh][Tt][Tt][Pp][Ss]?://{_LABEL}(\.{_LABEL}){{0,5}}(:{_PORT})?([/?#][!-~]*)?$"
Url = Annotated[
    str,
    msgspec.Meta(
        min_length=1,
        max_length=MAX_URL_LENGTH,
        description="The endpoint: http(s), no credentials; a private or loopback address only where "
        "CONFLICTDB_WEBHOOK_ALLOW_PRIVATE allows it",
        extra_json_schema=declared(WEBHOOK_URL_PATTERN),
    ),
]
MAX_ACTOR = 100
Cursor = Annotated[str | None, QueryParameter(min_length=1, description="`next_cursor` of the previous page")]
Limit = Annotated[int, QueryParameter(ge=1, le=500, description="page size")]
# Ids are parsed from `:str` path segments so a malformed one is a 400 naming it, not a bare 404.
SubscriptionId = Annotated[uuid.UUID, PathParameter(description="The subscription's id (a UUID)")]
DeliveryId = Annotated[int, PathParameter(ge=1, le=JSON_INT_MAX, description="The delivery's id")]


# Litestar reads `extra` into the OpenAPI; the server checks the same set (validate_event_types).
EventTypes = Annotated[
    list[str], msgspec.Meta(min_length=1, extra_json_schema={"extra": items_one_of(DELIVERABLE_TYPES)})
]


Longitude = Annotated[float, msgspec.Meta(ge=-180, le=180)]
Latitude = Annotated[float, msgspec.Meta(ge=-90, le=90)]
_LON_DOC, _LAT_DOC = (
    Schema(type=OpenAPIType.NUMBER, minimum=-180, maximum=180),
    Schema(type=OpenAPIType.NUMBER, minimum=-90, maximum=90),
)
# Litestar declares neither a fixed tuple's length nor its items' bounds: stated here, as msgspec checks them.
_BBOX_DOC = {"extra": {"min_items": 4, "max_items": 4, "prefix_items": [_LON_DOC, _LAT_DOC, _LON_DOC, _LAT_DOC]}}


class FilterInput(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A subscription's `filter` as a request gives it (stored as a SubscriptionFilter, the country as its
    alpha-2 code): what the OpenAPI declares of each field is what the server checks."""

    actor: Annotated[str, msgspec.Meta(max_length=MAX_ACTOR, extra_json_schema=declared(NO_NUL_PATTERN))] | None = None
    country: Annotated[str, msgspec.Meta(extra_json_schema={"extra": {"enum": [*COUNTRY_CODES, None]}})] | None = None
    # [west, south, east, north]: west > east crosses the antimeridian, the latitudes come in either order.
    bbox: (
        Annotated[tuple[Longitude, Latitude, Longitude, Latitude], msgspec.Meta(extra_json_schema=_BBOX_DOC)] | None
    ) = None
    min_confidence: Annotated[float, msgspec.Meta(ge=0, le=1, extra_json_schema={"extra": AT_LEAST_ZERO})] | None = None


class CreateSubscription(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    url: Url
    event_types: EventTypes | None = None
    filter: FilterInput | None = None
    description: Description | None = None


class PatchSubscription(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    paused: bool | msgspec.UnsetType = msgspec.UNSET
    event_types: EventTypes | msgspec.UnsetType | None = msgspec.UNSET
    filter: FilterInput | msgspec.UnsetType | None = msgspec.UNSET
    description: Description | msgspec.UnsetType | None = msgspec.UNSET


class Replay(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    # The log position to re-send from (inclusive), as the API issues them; 0 or absent: the whole log. The
    # pattern is declared only: the replay parses the position and says what it expected.
    from_position: (
        Annotated[str, msgspec.Meta(max_length=60, extra_json_schema={"extra": {"pattern": LOG_POSITION_PATTERN}})]
        | None
    ) = None


class CreatedSubscription(msgspec.Struct, kw_only=True):
    subscription: subscriptions.Subscription
    secret: str  # shown once


class Secret(msgspec.Struct, kw_only=True):
    id: uuid.UUID
    secret: str  # shown once


class Replayed(msgspec.Struct, kw_only=True):
    enqueued: int


class AttemptList(msgspec.Struct, kw_only=True):
    items: list[deliveries.AttemptView]


class SubscriptionController(Controller):
    path = "/subscriptions"
    tags = ["subscriptions"]  # noqa: RUF012 (Litestar's declaration style)
    guards = [require_scope("admin")]  # noqa: RUF012

    @post("/", guards=[require_json], summary="Subscribe an endpoint; the signing secret is returned only here")
    async def create(self, services: ServicesDep, data: JSONBody[CreateSubscription]) -> CreatedSubscription:
        reject_nul(data)
        subscription, secret = await use_cases.subscribe(
            services.subscriptions,
            url=data.url,
            event_types=data.event_types,
            filter=_stored_filter(data.filter),
            description=data.description,
            allow_private=services.settings.webhook_allow_private,
        )
        return CreatedSubscription(subscription=subscription, secret=secret)

    @get("/", summary="List subscriptions")
    async def list_all(
        self, services: ServicesDep, cursor: Cursor = None, limit: Limit = 100
    ) -> totals.Page[subscriptions.Subscription]:
        after = _uuid_cursor(cursor)
        items = await subscriptions.list_page(services.pool, after=after, limit=limit)
        total = await subscriptions.count(services.pool)
        return totals.page(items, _next_cursor(items, limit), total)

    @get("/{subscription_id:str}", summary="One subscription, with its status and any disabled reason")
    async def show(self, services: ServicesDep, subscription_id: SubscriptionId) -> subscriptions.Subscription:
        return await subscriptions.get(services.pool, subscription_id)

    @patch(
        "/{subscription_id:str}",
        guards=[require_json],
        summary="Pause/resume ({'paused': bool}) or change what it receives",
    )
    async def change(
        self, services: ServicesDep, subscription_id: SubscriptionId, data: JSONBody[PatchSubscription]
    ) -> subscriptions.Subscription:
        reject_nul(data)
        changes: dict[str, Any] = {
            name: getattr(data, name)
            for name in ("event_types", "filter", "description")
            if getattr(data, name) is not msgspec.UNSET
        }
        if "filter" in changes:
            changes["filter"] = _stored_filter(changes["filter"])
        paused = None if data.paused is msgspec.UNSET else data.paused
        return await use_cases.change(services.subscriptions, subscription_id, paused=paused, changes=changes)

    @delete("/{subscription_id:str}", summary="Unsubscribe (its deliveries go with it)")
    async def remove(self, services: ServicesDep, subscription_id: SubscriptionId) -> None:
        await use_cases.unsubscribe(services.subscriptions, subscription_id)

    @post("/{subscription_id:str}/rotate-secret", status_code=200, summary="New signing secret, returned once")
    async def rotate(self, services: ServicesDep, subscription_id: SubscriptionId) -> Secret:
        secret = await use_cases.rotate_secret(services.subscriptions, subscription_id)
        return Secret(id=subscription_id, secret=secret)

    @get("/{subscription_id:str}/deliveries", summary="Deliveries, newest first")
    async def list_deliveries(
        self,
        services: ServicesDep,
        subscription_id: SubscriptionId,
        status: Annotated[str | None, QueryParameter(pattern="^(pending|succeeded|failed|cancelled)$")] = None,
        cursor: Cursor = None,
        limit: Limit = 100,
    ) -> totals.Page[deliveries.Delivery]:
        before = _int_cursor(cursor)
        items = await deliveries.list_page(services.pool, subscription_id, status=status, before=before, limit=limit)
        total = await deliveries.count(services.pool, subscription_id, status=status)
        return totals.page(items, _next_cursor(items, limit), total)

    @get("/{subscription_id:str}/deliveries/{delivery_id:str}/attempts", summary="Every attempt of a delivery")
    async def list_attempts(
        self, services: ServicesDep, subscription_id: SubscriptionId, delivery_id: DeliveryId
    ) -> AttemptList:
        return AttemptList(items=await deliveries.attempts(services.pool, subscription_id, delivery_id))

    @post(
        "/{subscription_id:str}/deliveries/{delivery_id:str}/retry",
        status_code=202,
        summary="Send a delivery again now",
    )
    async def retry(
        self, services: ServicesDep, subscription_id: SubscriptionId, delivery_id: DeliveryId
    ) -> deliveries.Delivery:
        return await use_cases.retry_delivery(services.deliveries, subscription_id, delivery_id)

    @post(
        "/{subscription_id:str}/replay",
        guards=[require_json],
        status_code=202,
        summary="Re-send matching history from a log position",
    )
    async def replay(self, services: ServicesDep, subscription_id: SubscriptionId, data: JSONBody[Replay]) -> Replayed:
        return Replayed(enqueued=await use_cases.replay(services.deliveries, subscription_id, data.from_position))


def _stored_filter(flt: FilterInput | None) -> SubscriptionFilter | None:
    """The filter as the subscription keeps it: the country as the alpha-2 code events carry (SYR -> SY)."""
    if flt is None:
        return None
    code = filters.country(flt.country, "filter.country")
    return SubscriptionFilter(actor=flt.actor, country=code, bbox=flt.bbox, min_confidence=flt.min_confidence)


def _next_cursor(items: list[subscriptions.Subscription] | list[deliveries.Delivery], limit: int) -> str | None:
    """The last item's id when the page is full (a next page may follow)."""
    return str(items[-1].id) if len(items) == limit else None


def _uuid_cursor(cursor: str | None) -> uuid.UUID | None:
    if cursor is None:
        return None
    try:
        return uuid.UUID(cursor)
    except ValueError:
        raise ValidationError(f"cursor: {cursor[:40]!r} is not a cursor this endpoint issued") from None


def _int_cursor(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    if not (cursor.isascii() and cursor.isdigit()) or int(cursor) > BIGINT_MAX:
        raise ValidationError(f"cursor: {cursor[:40]!r} is not a cursor this endpoint issued")
    return int(cursor)
