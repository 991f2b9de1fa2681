"""GET /events/stream: conflict events as Server-Sent Events, resumable with Last-Event-ID.

Each message's `id:` is the event's log position, so a reconnecting client (browsers do it
by themselves) resumes exactly after the last event it saw. Streams wait on the process's
one LISTEN connection (`services.listener`), shared with the background workers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from litestar import Request, get
from litestar.params import QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

from api.auth import require_scope
from api.services import ServicesDep
from application.queries import follow, log
from domain.webhooks import DEFAULT_TYPES, validate_event_types

KEEPALIVE_S = 15.0

TypesParam = Annotated[
    list[str] | None,
    QueryParameter(name="type", description="Event types (repeatable); default the four conflict types"),
]
AfterParam = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        description="Start after this log position (Last-Event-ID wins); 0 replays from the start; default: now",
    ),
]


@get(
    "/events/stream",
    tags=["events"],
    summary="Live conflict events (Server-Sent Events); resume with Last-Event-ID",
    media_type="text/event-stream",
    guards=[require_scope("read")],
)
async def event_stream(
    request: Request[Any, Any, Any], services: ServicesDep, after: AfterParam = None, types: TypesParam = None
) -> ServerSentEvent:
    resume = request.headers.get("last-event-id") or after
    start = log.parse_position("Last-Event-ID/after", resume) if resume else await services.store.head()
    wanted = validate_event_types(tuple(types) if types else None) or tuple(DEFAULT_TYPES)
    items = follow(
        services.store,
        services.listener,
        start,
        frozenset(wanted),
        poll_s=services.settings.poll_interval_s,
        keepalive_s=KEEPALIVE_S,
    )
    return ServerSentEvent(_messages(items), headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


async def _messages(items: AsyncIterator[Any]) -> AsyncIterator[ServerSentEventMessage]:
    async for item in items:
        if item.data is None:
            yield ServerSentEventMessage(comment="keep-alive")
        else:
            yield ServerSentEventMessage(data=item.data, id=item.position, event=item.event_type)
