"""Article submission: POST /articles, POST /articles/batch, POST /articles/{id}/reextract.

Parse → call the use case (application.ingest) → serialise. An `Idempotency-Key` header replays the
first reply given to the same client for the same key and body.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import msgspec
from litestar import Request, Response, post
from litestar.exceptions import HTTPException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import HeaderParameter, JSONBody, PathParameter

from api.auth import current_key, require_scope
from api.body import require_json
from api.consistency import POSITION_HEADER
from api.services import ServicesDep
from application import idempotency, ingest
from application.ingest import ItemResult, Outcome, Reextraction
from application.queries import log
from domain.articles import ArticleInput

R = TypeVar("R", bound=msgspec.Struct)
IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        required=False,
        min_length=1,
        max_length=idempotency.MAX_KEY_LENGTH,
        description="replays the first reply to the same key and body; the key with another body, "
        "or while the first request with it is still running, is a 409 (the latter with Retry-After)",
    ),
]

# Parsed from a `:str` path segment so a malformed id is a 400 naming it, not a bare 404.
ArticleId = Annotated[uuid.UUID, PathParameter(description="The article's id (a UUID)")]


class BatchReply(msgspec.Struct, frozen=True, kw_only=True):
    items: list[ItemResult]
    # The latest log position among the items: `min_position` to read them all back.
    position: str | None = None


@post(
    "/articles",
    guards=[require_scope("ingest"), require_json],
    tags=["articles"],
    summary="Submit an article: extract its events and store them (201), or find it already stored (200)",
    responses={200: ResponseSpec(data_container=Outcome, description="Already stored: its id, nothing appended")},
)
async def submit_article(
    data: JSONBody[ArticleInput],
    request: Request[Any, Any, Any],
    services: ServicesDep,
    idempotency_key: IdempotencyKey = None,
) -> Response[Outcome]:
    async def work() -> tuple[int, Outcome]:
        outcome = await ingest.submit_article(
            services.articles, services.clock, data, origin="http", correlation_id=_correlation(request)
        )
        return outcome.status, outcome

    return await _idempotent(request, services, idempotency_key, Outcome, work)


@post(
    "/articles/batch",
    guards=[require_scope("ingest"), require_json],
    tags=["articles"],
    status_code=200,
    summary="Submit up to 500 articles (a JSON array); the reply gives each item's status",
)
async def submit_batch(
    data: JSONBody[list[Any]],
    request: Request[Any, Any, Any],
    services: ServicesDep,
    idempotency_key: IdempotencyKey = None,
) -> Response[BatchReply]:
    async def work() -> tuple[int, BatchReply]:
        items = await ingest.submit_batch(
            services.articles, services.clock, data, origin="http", correlation_id=_correlation(request)
        )
        return 200, BatchReply(items=items, position=_latest([i.position for i in items if i.position]))

    return await _idempotent(request, services, idempotency_key, BatchReply, work)


@post(
    "/articles/{article_id:str}/reextract",
    guards=[require_scope("ingest")],
    tags=["articles"],
    status_code=200,
    summary="Re-run the current extractor: retract events that no longer stand, add new ones",
)
async def reextract_article(article_id: ArticleId, services: ServicesDep) -> Reextraction:
    return await ingest.reextract(services.articles, article_id, origin="http")


async def _idempotent(
    request: Request[Any, Any, Any],
    services: ServicesDep,
    key: str | None,
    reply_type: type[R],
    work: Callable[[], Awaitable[tuple[int, R]]],
) -> Response[R]:
    if key is None:
        status, body = await work()
        return Response(body, status_code=status, headers=_position_header(body))
    key = idempotency.check_key(key)
    owner = str(api_key.key_id) if (api_key := current_key(request)) else "anonymous"
    fingerprint = idempotency.request_hash(request.method, request.url.path, await request.body())
    try:
        stored = await idempotency.once(
            services.replies, owner, key, fingerprint, work, lease_s=services.settings.idempotency_lease_s
        )
    except idempotency.IdempotencyKeyInUseError as exc:
        raise HTTPException(str(exc), status_code=409, headers={"Retry-After": str(exc.retry_after_s)}) from None
    replayed = msgspec.convert(stored.body, reply_type)
    return Response(replayed, status_code=stored.status, headers={"Idempotency-Key": key, **_position_header(replayed)})


def _position_header(body: msgspec.Struct) -> dict[str, str]:
    position = getattr(body, "position", None)
    return {POSITION_HEADER: position} if position else {}


def _latest(positions: list[str]) -> str | None:
    return max(positions, key=lambda p: log.parse_position("position", p)) if positions else None


def _correlation(request: Request[Any, Any, Any]) -> str:
    given = request.headers.get("x-request-id", "").strip()
    return given[:200] if given else str(uuid.uuid4())
