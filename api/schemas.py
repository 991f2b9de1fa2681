"""Request and response Structs of the HTTP API (shared: add yours in a section of your own)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Annotated, Any

import msgspec
from litestar.openapi.spec import OpenAPIType, Schema
from litestar.params import HeaderParameter, PathParameter, QueryParameter

from application.queries import articles, filters, timeline
from domain.articles import NOT_BLANK_PATTERN
from domain.events import CONFLICT_TYPE_NAMES
from domain.incidents.projection import IncidentView
from domain.review import REVIEW_STATUSES
from domain.wire import WireEvent

# --- read side: events, articles, catalog, log -------------------------------------------


class ArticleSummary(msgspec.Struct, kw_only=True):
    id: uuid.UUID
    title: str
    url: str | None
    source: str | None
    published_at: str | None


class EventItem(WireEvent, frozen=True, kw_only=True):
    """An event as `GET /events` serves it: with its incident (null until the projection links it)."""

    incident_id: uuid.UUID | None = None


class EventDetail(EventItem, frozen=True, kw_only=True):
    """The event with a summary of the article it was extracted from."""

    article: ArticleSummary | None


class ArticleWithEvents(articles.ArticleView, kw_only=True):
    events: list[WireEvent]


class Timeline(msgspec.Struct, kw_only=True):
    interval: str
    items: list[timeline.TimelineBucket]


class LogEntry(msgspec.Struct, kw_only=True):
    """One stored event's envelope; `data` is the stored JSON as is."""

    position: str
    event_id: uuid.UUID
    stream_id: str
    stream_version: int
    type: str
    schema_version: int
    data: msgspec.Raw
    metadata: dict[str, Any]
    recorded_at: dt.datetime


# --- incidents ---------------------------------------------------------------------------


class IncidentArticle(msgspec.Struct, kw_only=True):
    id: uuid.UUID
    outlet: str
    published: dt.date | None
    title: str | None
    url: str | None
    source: str | None


class IncidentDetail(IncidentView, frozen=True, kw_only=True):
    """An incident with its member events (evidence included), its articles and outlets, and the
    linking decisions (open, join, merge, leave) with their rule and reason."""

    events: list[EventItem]
    articles: list[IncidentArticle]
    decisions: list[dict[str, Any]]


# --- wire constraints the routes declare (so the OpenAPI states what the server checks) -------

# A log position as the API issues it ('<tx>-<global_position>'), or 0 for the start of the log.
# 18 digits each: every value stays below PostgreSQL's bigint (and JSON's exact integers) by far.
LOG_POSITION_PATTERN = r"^(0|[0-9]{1,18}-[0-9]{1,18})$"
# Where a parameter's own parser gives a better message than a failed regex, its pattern is declared with
# `schema_extra` (OpenAPI only): each pattern is a subset of what the parser takes.
# Where /incidents/stream resumes: 0, a log position, or a change's id '<tx>-<position>-<seq>'.
STREAM_KEY_PATTERN = r"^(0|[0-9]{1,18}-[0-9]{1,18}(-[0-9]{1,18})?)$"
# An actor code (RUS, SYR-REB, UN), any case.
ACTOR_CODE_PATTERN = r"^[A-Za-z0-9]{2,10}(-[A-Za-z0-9]{2,10})*$"
# An opaque page cursor: base64url without padding.
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"
# Litestar leaves a bound of 0 out of the OpenAPI (`ge=0` declares no `minimum`: it skips falsy values), so a
# parameter or field with `ge=0` states it again with this as its schema_extra.
AT_LEAST_ZERO: dict[str, Any] = {"minimum": 0}
# A bbox query value, minLon,minLat,maxLon,maxLat in decimal degrees (filters.bbox also takes exponents and
# spaces around the numbers): minLon > maxLon crosses the antimeridian, the latitudes come in either order.
_LON = r"-?(180(\.0+)?|(1[0-7][0-9]|[1-9]?[0-9])(\.[0-9]+)?)"
_LAT = r"-?(90(\.0+)?|[1-8]?[0-9](\.[0-9]+)?)"
BBOX_PATTERN = f"^{_LON},{_LAT},{_LON},{_LAT}$"
# The largest integer JSON carries exactly (a bigint's 2**63 - 1 rounds up as a JSON number).
JSON_INT_MAX = 2**53 - 1


def items_one_of(values: Iterable[str]) -> dict[str, Any]:
    """`schema_extra` of a repeatable parameter (or a list field) whose every item is one of `values`."""
    return {"items": Schema(type=OpenAPIType.STRING, enum=sorted(values))}


EventTypesParam = Annotated[
    list[str] | None,
    QueryParameter(name="type", description="Event type (repeatable)", schema_extra=items_one_of(CONFLICT_TYPE_NAMES)),
]
ActorsParam = Annotated[
    list[str] | None,
    QueryParameter(
        description="Actor code (repeatable: any of them), e.g. RUS",
        schema_extra={"items": Schema(type=OpenAPIType.STRING, pattern=ACTOR_CODE_PATTERN)},
    ),
]

ActorCodePath = Annotated[
    str, PathParameter(pattern=ACTOR_CODE_PATTERN, description="An actor code, any case (e.g. RUS, SYR-REB, UN)")
]


def last_event_id(pattern: str, what: str) -> Any:
    """The `Last-Event-ID` header of an SSE route (a reconnecting EventSource sends it back). `pattern` is
    declared, not enforced: the route's own parser checks the value and says what it expected."""
    return HeaderParameter(
        name="Last-Event-ID",
        required=False,
        min_length=1,
        max_length=60,
        # A header is a string or absent: never null (Litestar would declare `str | None` as either).
        schema_extra={"pattern": pattern, "one_of": None, "type": OpenAPIType.STRING},
        description=f"Resume after this {what} (the `id:` of the last message seen); wins over `after`",
    )


# Every country code the filters take (filters.country checks them and names a wrong one).
COUNTRY_CODES = filters.country_codes()
CountryParam = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        schema_extra={"enum": COUNTRY_CODES},
        description="ISO 3166-1 alpha-2 or alpha-3, any case, e.g. SY or SYR (Kosovo: XK or XKX)",
    ),
]


BBoxParam = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        schema_extra={"pattern": BBOX_PATTERN},  # filters.bbox checks it and says what is wrong
        description="minLon,minLat,maxLon,maxLat in WGS84 degrees (e.g. 35,35,40,38); minLon > maxLon crosses the "
        "antimeridian, the latitudes may come in either order",
    ),
]


def text_param(description: str | None = None) -> Any:
    """A free-text filter: what filters.text takes (one character not a space, no NUL, at most MAX_TEXT), declared;
    the parser checks it and names the parameter."""
    return QueryParameter(
        min_length=1,
        schema_extra={"pattern": NOT_BLANK_PATTERN, "max_length": filters.MAX_TEXT},
        description=description,
    )


_STATUS = "(" + "|".join(REVIEW_STATUSES) + ")"
ReviewStatusParam = Annotated[
    list[str] | None,
    QueryParameter(
        description=f"{', '.join(REVIEW_STATUSES)} (repeat or comma-separate; any case)",
        schema_extra={"items": Schema(type=OpenAPIType.STRING, pattern=f"^{_STATUS}(,{_STATUS})*$")},
    ),
]
UuidText = Annotated[str | None, QueryParameter(min_length=1, format="uuid")]
