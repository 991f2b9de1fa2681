"""Human review: POST /events/{id}/review, PATCH /articles/{id}, GET /events/{id}/history.

A decision names its reviewer (the API key's name) and is stored as an event in the article's
stream; `review` scope (or admin) is needed to decide, `read` to see the history.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from litestar import Request, get, patch, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from api.auth import current_key, require_scope
from api.body import require_json
from api.errors import problem_responses
from api.services import ServicesDep
from application import review
from application.ingest import Reextraction
from application.queries import decode_cursor, review_queue, totals
from application.review import History, ReviewInput
from domain.articles import ArticlePatch
from domain.wire import WireEvent

EventId = Annotated[uuid.UUID, PathParameter(description="The extracted event's id (a UUID)")]
ArticleId = Annotated[uuid.UUID, PathParameter(description="The article's id (a UUID)")]
REVIEW_GUARDS = [require_scope("review"), require_json]


@post(
    "/events/{event_id:str}/review",
    guards=REVIEW_GUARDS,
    tags=["review"],
    status_code=200,
    summary="Confirm, reject (note: the reason) or correct (changes: type, location, actors, occurred, "
    "casualties) an extracted event; answers the event as it now stands",
    responses=problem_responses(404, 409),
)
async def review_event(
    event_id: EventId, data: JSONBody[ReviewInput], request: Request[Any, Any, Any], services: ServicesDep
) -> WireEvent:
    return await review.review_event(services.articles, event_id, data, reviewer=_reviewer(request))


@patch(
    "/articles/{article_id:str}",
    guards=REVIEW_GUARDS,
    tags=["review"],
    summary="Correct an article's publication date, language, source or title; extraction re-runs with it",
    responses=problem_responses(404, 409),
)
async def correct_article(
    article_id: ArticleId, data: JSONBody[ArticlePatch], request: Request[Any, Any, Any], services: ServicesDep
) -> Reextraction:
    return await review.correct_article(
        services.articles, article_id, data, reviewer=_reviewer(request), origin="review"
    )


@get(
    "/events/{event_id:str}/history",
    guards=[require_scope("read")],
    tags=["review"],
    summary="An extracted event's history: extracted, flagged, reviewed, retracted, each with its log position",
    responses=problem_responses(404),
)
async def event_history(event_id: EventId, services: ServicesDep) -> History:
    return await review.event_history(services.articles, event_id)


@get(
    "/review/queue",
    guards=[require_scope("review")],
    tags=["review"],
    summary="Events most worth a review first: flagged by a re-extraction, low confidence, high fatalities",
    description="Unreviewed and flagged events by `score` (see `reasons`); each item carries the event as "
    "/events serves it. Rejected events are never queued.",
)
async def review_queue_page(
    services: ServicesDep,
    limit: Annotated[int, QueryParameter(ge=1, le=500, description="Page size")] = 50,
    cursor: Annotated[
        str | None, QueryParameter(min_length=1, description="`next_cursor` of the previous page")
    ] = None,
) -> totals.Page[review_queue.QueueItem]:
    after = None if cursor is None else decode_cursor(cursor, review_queue.QueueCursor)
    return await review_queue.queue(services.pool, after, limit)


def _reviewer(request: Request[Any, Any, Any]) -> str:
    key = current_key(request)
    return key.name if key is not None else "unknown"


ROUTES = [review_event, correct_article, event_history, review_queue_page]
