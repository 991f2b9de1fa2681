"""The read side, exposed to api as thin pass-throughs to infra's query modules.

Why no read-model port: a query has no use-case logic to keep apart from its SQL (it
parses a filter, runs one statement, shapes rows) and the read models are already
denormalised views; cosmicpython's `views.py` reads with plain SQL for the same reason.
A Protocol per query would only repeat each signature. So this module names, in one
place, which read modules and view types api may use, and api reaches them only here.
This is the one module of application that imports infra (the architecture test lists it).
"""

from __future__ import annotations

from infra.api_keys import SCOPES, ApiKey, find_by_secret, list_api_keys
from infra.event_store import RecordedEvent
from infra.horizon import Blocker, Horizon
from infra.queries import (
    actors,
    articles,
    events,
    filters,
    incidents,
    log,
    places,
    review_queue,
    stats,
    timeline,
    totals,
)
from infra.queries.common import BIGINT_MAX, decode_cursor
from infra.read_models.status import ProjectionStatus, list_statuses
from infra.replica import ReplicaLag
from infra.webhooks import deliveries, incident_stream, subscriptions

__all__ = [
    "BIGINT_MAX",
    "SCOPES",
    "ApiKey",
    "Blocker",
    "Horizon",
    "ProjectionStatus",
    "RecordedEvent",
    "ReplicaLag",
    "actors",
    "articles",
    "decode_cursor",
    "deliveries",
    "events",
    "filters",
    "find_by_secret",
    "incident_stream",
    "incidents",
    "list_api_keys",
    "list_statuses",
    "log",
    "places",
    "review_queue",
    "stats",
    "subscriptions",
    "timeline",
    "totals",
]
