"""Reports written for these tests (not from the devset): `report(...)` builds one compactly."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest

from domain.events import (
    Actor,
    Casualties,
    CeasefireAnnounced,
    ConflictEvent,
    Evidence,
    Location,
    Occurred,
    OffensiveLaunched,
    ResolutionBlocked,
    TalksHeld,
)
from domain.events.common import PlacePrecision, Role
from domain.incidents import Report

TYPES: dict[str, type[ConflictEvent]] = {
    "TalksHeld": TalksHeld,
    "CeasefireAnnounced": CeasefireAnnounced,
    "OffensiveLaunched": OffensiveLaunched,
    "ResolutionBlocked": ResolutionBlocked,
}

# name -> (country, lat, lon, precision)
PLACES: dict[str, tuple[str, float, float, PlacePrecision]] = {
    "Geneva": ("CH", 46.2044, 6.1432, "city"),
    "Aleppo": ("SY", 36.2021, 37.1343, "city"),
    "Homs": ("SY", 34.7324, 36.7137, "city"),
    "Syria": ("SY", 34.8021, 38.9968, "country"),
    "New York": ("US", 40.7128, -74.0060, "city"),
    "Sanaa": ("YE", 15.3694, 44.1910, "city"),
    "Damascus": ("SY", 33.5138, 36.2765, "city"),
    "Idlib Province": ("SY", 35.93, 36.63, "region"),
    "Khan Shaykhun": ("SY", 35.4417, 36.6506, "city"),
    "Vienna": ("AT", 48.2082, 16.3738, "city"),
    "Aleppo Airport": ("SY", 36.1807, 37.2244, "city"),  # 8 km east of Aleppo's centre
    "Soledar": ("UA", 48.6783, 38.0875, "city"),  # 11 km from Bakhmut
    "Bakhmut": ("UA", 48.5950, 38.0008, "city"),
    "Lysychansk": ("UA", 48.9167, 38.4333, "city"),  # 40 km from Bakhmut
    "Paris": ("FR", 48.8566, 2.3522, "city"),
}

ReportFactory = Callable[..., Report]


@pytest.fixture
def report() -> ReportFactory:
    positions = iter(range(1, 10_000))

    def make(
        kind: str,
        *,
        article: str,
        day: str,
        until: str | None = None,
        place: str | None = None,
        actors: tuple[tuple[str, Role], ...] = (),
        killed: int | None = None,
        outlet: str | None = None,
        published: str | None = None,
        confidence: float = 0.6,
        event: str | None = None,
    ) -> Report:
        start = dt.date.fromisoformat(day)
        location = None
        if place is not None:
            country, lat, lon, precision = PLACES[place]
            location = Location(name=place, country=country, lat=lat, lon=lon, precision=precision)
        position = next(positions)
        body = TYPES[kind](
            occurred=Occurred(start=start, end=dt.date.fromisoformat(until or day), precision="day"),
            location=location,
            actors=tuple(Actor(name=code, code=code, role=role) for code, role in actors),
            casualties=None if killed is None else Casualties(killed=killed),
            evidence=Evidence(text="A sentence written for this test.", start=0, end=33),
            confidence=confidence,
        )
        return Report(
            event_id=uuid.uuid5(uuid.NAMESPACE_URL, event or f"{article}#{position}"),
            article_id=uuid.uuid5(uuid.NAMESPACE_URL, article),
            outlet=outlet or article,
            published=dt.date.fromisoformat(published or until or day),
            position=position,
            event=body,
        )

    return make
