"""GET /log: the raw event log (envelopes) in global order, for replication and replay."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Request, get
from litestar.params import QueryParameter

from api.auth import ScopeGuard, require_scope
from api.schemas import LOG_POSITION_PATTERN, LogEntry
from api.services import ServicesDep
from application.queries import RecordedEvent, log, totals

_AFTER_DOC = (
    "Read events after this position ('<tx>-<position>': an event's `position` or a `next_cursor`); "
    "0 or absent: from the start"
)
_CATEGORY_DOC = (
    "Which streams: `article` (default: articles and their conflict events and retractions), "
    "`subscription` (webhook subscriptions' history: URLs, filters, descriptions) or `all`; "
    "the last two need an API key with the admin scope"
)


@get(
    "/log",
    tags=["log"],
    summary="Stored events in global order",
    description="Pages of committed events. `next_cursor` is null once a page comes back short: "
    "to follow the log, keep passing the last item's `position` as `after`. The public log holds "
    "article streams only (articles, their conflict events and retractions); subscription history "
    "(`category=subscription` or `all`) is for admin keys.",
    guards=[require_scope("read")],
)
async def get_log(
    request: Request[Any, Any, Any],
    services: ServicesDep,
    after: Annotated[
        str | None, QueryParameter(min_length=1, pattern=LOG_POSITION_PATTERN, description=_AFTER_DOC)
    ] = None,
    limit: Annotated[int, QueryParameter(ge=1, le=log.MAX_LIMIT)] = 100,
    category: Annotated[log.LogCategory, QueryParameter(description=_CATEGORY_DOC)] = log.PUBLIC_CATEGORY,
) -> totals.Page[LogEntry]:
    if category != log.PUBLIC_CATEGORY:
        await ScopeGuard("admin")(request, request.route_handler)
    events, following = await log.read_log(services.store, log.parse_after(after), limit, category)
    total = await log.count_log(services.store, category)
    return totals.page([_entry(e) for e in events], None if following is None else following.encode(), total)


def _entry(event: RecordedEvent) -> LogEntry:
    return LogEntry(
        position=event.position.encode(),
        event_id=event.event_id,
        stream_id=event.stream_id,
        stream_version=event.stream_version,
        type=event.event_type,
        schema_version=event.schema_version,
        data=msgspec.Raw(event.data),
        metadata=event.metadata,
        recorded_at=event.recorded_at,
    )


ROUTES = [get_log]
