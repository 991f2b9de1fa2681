"""GET /events/stream: conflict events as Server-Sent Events, resumable with Last-Event-ID.

Each message's `id:` is the event's log position, so a reconnecting client (browsers do it
by themselves) resumes exactly after the last event it saw. Every stream of the process is fed
by one follower of the log (`services.live`), so idle streams cost the database nothing each;
CONFLICTDB_MAX_STREAMS caps how many are open (503 past it).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from litestar import get
from litestar.exceptions import HTTPException
from litestar.params import QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

from api.auth import require_scope
from api.errors import problem_responses
from api.schemas import LOG_POSITION_PATTERN, items_one_of, last_event_id
from api.services import ServicesDep
from application.queries import log
from domain.webhooks import LOG_TYPES, validate_event_types

KEEPALIVE_S = 15.0
RETRY_AFTER_S = 5

TypesParam = Annotated[
    list[str] | None,
    QueryParameter(
        name="type",
        description="Event types (repeatable); default the four conflict types and EventRetracted",
        schema_extra=items_one_of(LOG_TYPES),
    ),
]
AfterParam = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        max_length=60,
        schema_extra={"pattern": LOG_POSITION_PATTERN},  # log.parse_position checks it
        description="Start after this log position (Last-Event-ID wins); 0 replays from the start; default: now",
    ),
]
LastEventId = Annotated[str | None, last_event_id(LOG_POSITION_PATTERN, "log position")]


@get(
    "/events/stream",
    tags=["events"],
    summary="Live conflict events (Server-Sent Events); resume with Last-Event-ID",
    media_type="text/event-stream",
    responses=problem_responses(503),
    guards=[require_scope("read")],
)
async def event_stream(
    services: ServicesDep, after: AfterParam = None, types: TypesParam = None, resume_from: LastEventId = None
) -> ServerSentEvent:
    refuse_past_the_limit(services)
    resume = resume_from or after
    start = log.parse_position("Last-Event-ID/after", resume) if resume else await services.store.head()
    wanted = validate_event_types(tuple(types) if types else None, LOG_TYPES) or tuple(LOG_TYPES)
    items = services.live.follow(start, frozenset(wanted), keepalive_s=KEEPALIVE_S)
    return sse(items)


def refuse_past_the_limit(services: ServicesDep) -> None:
    if services.open_streams >= services.settings.max_streams:
        raise HTTPException(
            status_code=503,
            detail=f"{services.open_streams} live streams are open: the limit (CONFLICTDB_MAX_STREAMS)",
            headers={"Retry-After": str(RETRY_AFTER_S)},
        )


def sse(items: AsyncIterator[Any]) -> ServerSentEvent:
    return ServerSentEvent(_messages(items), headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


async def _messages(items: AsyncIterator[Any]) -> AsyncIterator[ServerSentEventMessage]:
    async for item in items:
        if item.data is None:
            yield ServerSentEventMessage(comment="keep-alive")
        else:
            yield ServerSentEventMessage(data=item.data, id=item.position, event=item.event_type)
