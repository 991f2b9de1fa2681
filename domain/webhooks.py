"""Webhook rules, pure: which events a subscription receives, what an HTTP outcome means,
when to try again. The clock and the randomness for jitter are passed in.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from typing import Final, Literal

import msgspec

from domain.errors import ValidationError
from domain.events import (
    CONFLICT_TYPE_NAMES,
    CeasefireAnnounced,
    ConflictEvent,
    DomainEvent,
    EventRetracted,
    OffensiveLaunched,
    ResolutionBlocked,
    TalksHeld,
)
from domain.events.subscriptions import SubscriptionFilter
from domain.incidents.changes import CHANGE_TYPES, IncidentChange
from domain.incidents.projection import IncidentView

RETRACTED: Final = "EventRetracted"
# A person's verdict on an event a subscriber may hold (confirmed, rejected, corrected, flagged).
REVIEWED: Final = frozenset({"EventConfirmed", "EventRejected", "EventCorrected", "EventFlaggedForRereview"})
# The log's events a subscriber can get: the conflict events, their retractions and reviews, so a subscriber
# that holds an event learns when a re-extraction withdraws it or a person rejects or corrects it.
LOG_TYPES: Final = frozenset(CONFLICT_TYPE_NAMES) | {RETRACTED} | REVIEWED
# The incident changes (domain.incidents.changes), derived by the incidents projection, not in the log.
INCIDENT_TYPES: Final = CHANGE_TYPES
# Delivered by default: both.
DEFAULT_TYPES: Final = LOG_TYPES | INCIDENT_TYPES
DELIVERABLE_TYPES: Final = DEFAULT_TYPES
JITTER: Final = 0.2  # ±20 % around each scheduled delay
SECRET_GRACE_S: Final = 24 * 3600.0  # a rotated-out secret keeps signing this long
RESPONSE_EXCERPT_BYTES: Final = 20_000
MAX_URL_LENGTH: Final = 2048

Verdict = Literal["delivered", "gone", "retry"]


class Spec(msgspec.Struct, frozen=True, kw_only=True):
    """What a subscription asks for: event types (None = DEFAULT_TYPES) and a filter."""

    event_types: tuple[str, ...] | None = None
    filter: SubscriptionFilter | None = None


def validate_event_types(
    types: tuple[str, ...] | None, allowed: frozenset[str] = DELIVERABLE_TYPES
) -> tuple[str, ...] | None:
    if types is None:
        return None
    unknown = sorted(set(types) - allowed)
    if unknown:
        raise ValidationError(f"unknown event types {unknown}; choose from {sorted(allowed)}")
    if not types:
        raise ValidationError("event_types must not be empty (omit it for conflict events, retractions, reviews)")
    return tuple(sorted(set(types)))


def validate_filter(flt: SubscriptionFilter | None) -> SubscriptionFilter | None:
    if flt is None:
        return None
    if flt.country is not None and not (len(flt.country) == 2 and flt.country.isalpha()):
        raise ValidationError("filter.country must be an ISO 3166-1 alpha-2 code")
    if flt.min_confidence is not None and not 0.0 <= flt.min_confidence <= 1.0:
        raise ValidationError("filter.min_confidence must lie between 0 and 1")
    bbox = None if flt.bbox is None else _checked_bbox(flt.bbox)
    country = flt.country.upper() if flt.country else None
    return msgspec.structs.replace(flt, country=country, bbox=bbox)


def _checked_bbox(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """[west, south, east, north] in WGS84 degrees, as GET /events reads `bbox`: a west edge east of the
    east edge crosses the antimeridian; two latitudes bound the band between them, given in either order
    (kept south first)."""
    west, south, east, north = bbox
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise ValidationError("filter.bbox must be [west, south, east, north] in WGS84 degrees")
    return (west, min(south, north), east, max(south, north))


def wants_type(spec: Spec, event_type: str) -> bool:
    allowed = DEFAULT_TYPES if spec.event_types is None else frozenset(spec.event_types)
    return event_type in allowed


def matches(spec: Spec, event: DomainEvent) -> bool:
    """Does the subscription receive this event? Retractions and reviews bypass the content filter."""
    if isinstance(event, EventRetracted):
        return wants_type(spec, RETRACTED)
    if type(event).__name__ in REVIEWED:
        return wants_type(spec, type(event).__name__)
    if not isinstance(event, TalksHeld | CeasefireAnnounced | OffensiveLaunched | ResolutionBlocked):
        return False
    return wants_type(spec, type(event).__name__) and _passes(spec.filter, event)


def matches_change(spec: Spec, change: IncidentChange) -> bool:
    """Does the subscription receive this incident change? Its type, and the filter on the incident (its best
    place, its actors' codes, its confidence) as it stands after the change (a merged or closed one as it was)."""
    return wants_type(spec, change.type) and _passes_incident(spec.filter, change.incident)


def _passes_incident(flt: SubscriptionFilter | None, incident: IncidentView) -> bool:
    if flt is None:
        return True
    if flt.min_confidence is not None and incident.confidence < flt.min_confidence:
        return False
    if flt.actor is not None and flt.actor.casefold() not in {a.code.casefold() for a in incident.actors}:
        return False
    place = incident.place
    if flt.country is not None and (place is None or (place.country or "").upper() != flt.country):
        return False
    if flt.bbox is not None:
        return place is not None and _inside(flt.bbox, place.lon, place.lat)
    return True


def _passes(flt: SubscriptionFilter | None, event: ConflictEvent) -> bool:
    if flt is None:
        return True
    if flt.min_confidence is not None and event.confidence < flt.min_confidence:
        return False
    if flt.actor is not None and not _has_actor(event, flt.actor):
        return False
    location = event.location
    if flt.country is not None and (location is None or (location.country or "").upper() != flt.country):
        return False
    if flt.bbox is not None:
        return location is not None and _inside(flt.bbox, location.lon, location.lat)
    return True


def _has_actor(event: ConflictEvent, wanted: str) -> bool:
    key = wanted.casefold()
    return any(a.code.casefold() == key or a.name.casefold() == key for a in event.actors)


def _inside(bbox: tuple[float, float, float, float], lon: float | None, lat: float | None) -> bool:
    if lon is None or lat is None:
        return False
    west, south, east, north = bbox
    across = west > east  # the box crosses the antimeridian
    return (lon >= west or lon <= east if across else west <= lon <= east) and south <= lat <= north


def classify(status_code: int | None) -> Verdict:
    """2xx ends it; 410 Gone disables the subscription; anything else (3xx, 4xx, 5xx,
    a timeout or a network error: status None) is a failure to retry."""
    if status_code is not None and 200 <= status_code < 300:
        return "delivered"
    if status_code == 410:
        return "gone"
    return "retry"


def retry_after_seconds(header: str | None, now: dt.datetime) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None if absent or bad."""
    if not header:
        return None
    value = header.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


def next_delay(
    failures: int, schedule: tuple[float, ...], rand: float, retry_after: float | None = None
) -> float | None:
    """Seconds until the next attempt after `failures` failed attempts; None once the
    schedule is exhausted (dead letter). `rand` in [0, 1) drives the ±20 % jitter; a
    Retry-After (429/503) is honoured as a floor, capped at the schedule's longest delay."""
    if failures < 1 or failures > len(schedule):
        return None
    delay = schedule[failures - 1] * (1 + JITTER * (2 * rand - 1))
    if retry_after is not None:
        delay = max(delay, min(retry_after, max(schedule)))
    return delay


def honours_retry_after(status_code: int | None) -> bool:
    return status_code in (429, 503)


def should_disable(first_failure_at: dt.datetime | None, now: dt.datetime, disable_after_s: float) -> bool:
    """An endpoint failing without a single success for `disable_after_s` is switched off."""
    return first_failure_at is not None and (now - first_failure_at).total_seconds() >= disable_after_s


def signing_secrets(secrets: tuple[str, ...], grace_until: dt.datetime | None, now: dt.datetime) -> tuple[str, ...]:
    """The current secret, plus rotated-out ones while their grace period lasts."""
    if grace_until is not None and now < grace_until:
        return secrets
    return secrets[:1]


def webhook_id(event_id: str) -> str:
    """Stable across retries and replays, so receivers can de-duplicate."""
    return f"msg_{event_id}"
