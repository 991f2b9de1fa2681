"""The places read model: per (place name, country), coordinates, event count, first/last day seen,
and the place's GeoNames id and first-level division (admin1) from the gazetteer's reference data.

Retractions emit the same sighting negated. Coordinates are those of the place's
first sighting while it has live events; the gazetteer gives one coordinate per
(name, country), so in practice they never differ.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from domain.gazetteer import place_reference
from domain.projections.envelope import LIVE_CHANGE_TOPICS, Envelope, day_of, live_changes

NAME = "places"
TOPICS = LIVE_CHANGE_TOPICS  # the event types it handles (read models filter the log by them)

PlaceKey = tuple[str, str]  # (name, country or "")


class Sighting(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    country: str  # "" when unknown
    lat: float | None
    lon: float | None
    precision: str
    day: dt.date
    delta: int
    geonameid: int | None = None  # None: a name the gazetteer does not know (a reviewer's own)
    admin1: str | None = None


def project(envelope: Envelope) -> list[Sighting]:
    sightings = []
    for target, event, delta in live_changes(envelope):
        if event.location is None:
            continue
        reference = place_reference(event.location.name, event.location.country)
        sightings.append(
            Sighting(
                name=event.location.name,
                country=event.location.country or "",
                lat=event.location.lat,
                lon=event.location.lon,
                precision=event.location.precision,
                day=day_of(target, event),
                delta=delta,
                geonameid=None if reference is None else reference.geonameid,
                admin1=None if reference is None else reference.admin1,
            )
        )
    return sightings


def net_days(sightings: list[Sighting]) -> dict[tuple[str, str, dt.date], int]:
    """Summed deltas per (name, country, day), zero sums dropped."""
    totals: dict[tuple[str, str, dt.date], int] = {}
    for s in sightings:
        totals[(s.name, s.country, s.day)] = totals.get((s.name, s.country, s.day), 0) + s.delta
    return {key: value for key, value in totals.items() if value}


def first_sightings(sightings: list[Sighting]) -> dict[PlaceKey, Sighting]:
    """The first appearing sighting per place, for its coordinates."""
    first: dict[PlaceKey, Sighting] = {}
    for s in sightings:
        if s.delta > 0:
            first.setdefault((s.name, s.country), s)
    return first
