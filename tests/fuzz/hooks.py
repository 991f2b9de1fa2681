"""Schemathesis hooks of the fuzz tier (loaded through SCHEMATHESIS_HOOKS).

A page cursor is opaque: the schema states its alphabet, but only the server can say which
strings it issued (a key of the ordering that made it). Where a schema-valid case carries a
cursor, it gets one shaped as the server issues them, as a client paging would send it back;
cases meant to be invalid keep the fuzzer's cursor, so refusals of bad cursors stay exercised.

OpenAPI states each parameter on its own; it cannot say that two exclude each other or that one
needs another. A schema-valid case may break such a rule (`release` with `as_of` or
`changed_since`, `collapse` with any of them, `/stats?unit=incidents` with `release` or `as_of`,
`min_sources` without it, `from` after `to`), and the server's 400 is then right, not "rejected
valid input": a positive case is made to keep those rules, as a client reading the parameters'
descriptions would.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import schemathesis

from infra.queries.actors import ActorCursor
from infra.queries.common import encode_cursor
from infra.queries.events import EventCursor
from infra.queries.incidents import IncidentCursor
from infra.queries.places import PlaceCursor
from infra.queries.review_queue import QueueCursor

_EVENT_ID = uuid.UUID("3b7a1c7e-0000-4000-8000-000000000001")


def issued_cursor(path: str, query: dict[str, Any]) -> str | None:
    """A cursor of the shape `path` issues for `query`; None where the path has no cursor."""
    if path == "/events":
        sort, order = query.get("sort", "recorded"), query.get("order", "desc")
        occurred = dt.date(2016, 10, 5) if sort == "occurred" else None
        return encode_cursor(
            EventCursor(sort=sort, order=order, tx_id=7, position=42, occurred=occurred, event_id=_EVENT_ID)
        )
    if path == "/incidents":
        sort, order = query.get("sort", "date"), query.get("order", "desc")
        key = dt.date(2016, 10, 5) if sort == "date" else 3
        return encode_cursor(IncidentCursor(sort=sort, order=order, key=key, incident_id=_EVENT_ID))
    if path == "/actors":
        return encode_cursor(ActorCursor(event_count=3, code="RUS"))
    if path == "/places":
        return encode_cursor(PlaceCursor(event_count=3, name="Aleppo", country="SY"))
    if path == "/review/queue":
        return encode_cursor(QueueCursor(score=0.5, event_id=_EVENT_ID))
    if path == "/subscriptions":
        return str(_EVENT_ID)
    if path.endswith("/deliveries"):
        return "42"
    return None


def keep_parameter_rules(path: str, query: dict[str, Any]) -> None:
    """Make `query` keep the rules between parameters that the schema cannot state."""
    if "release" in query:
        query.pop("as_of", None)  # a read is pinned by a release or by a position, not both
    if "as_of" in query or "release" in query:
        query.pop("changed_since", None)  # a release is read whole, or as changes
    if any(name in query for name in ("release", "as_of", "changed_since")):
        query.pop("collapse", None)  # incidents are live: no versions to collapse into
    if path == "/stats" and query.get("unit") != "incidents":
        query.pop("min_sources", None)  # counts an incident's articles
    if path == "/stats" and query.get("unit") == "incidents":
        query.pop("release", None)  # the incidents keep no versions
        query.pop("as_of", None)
    start, end = query.get("from"), query.get("to")
    if isinstance(start, str) and isinstance(end, str) and start > end:
        query["from"], query["to"] = end, start


@schemathesis.hook
def map_case(context: Any, case: Any) -> Any:
    query = case.query
    meta = case.meta
    if not query or meta is None or not meta.generation.mode.is_positive:
        return case
    keep_parameter_rules(case.operation.path, query)
    cursor = issued_cursor(case.operation.path, query) if "cursor" in query else None
    if cursor is not None:
        query["cursor"] = cursor
    return case
