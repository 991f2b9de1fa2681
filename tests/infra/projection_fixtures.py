"""Hand-built article streams for projection tests: an ArticleSubmitted plus extracted events."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from domain.events import (
    Actor,
    ArticleSubmitted,
    ConflictEvent,
    EventRetracted,
    Evidence,
    Location,
    Occurred,
    OffensiveLaunched,
    TalksHeld,
)
from infra.codec import to_new_event
from infra.event_store import EventStore, NewEvent


def article(article_id: uuid.UUID, title: str = "Syrien") -> ArticleSubmitted:
    return ArticleSubmitted(article_id=article_id, title=title, text="Text.", content_hash=f"h-{article_id}")


def talks(day: dt.date | None = dt.date(2017, 1, 23), *codes: str) -> TalksHeld:
    actors = tuple(Actor(name=f"name-{c}", code=c, role="participant") for c in codes or ("RUS", "TUR"))
    occurred = Occurred(start=day, end=day, precision="day") if day else None
    return TalksHeld(
        occurred=occurred,
        location=Location(name="Astana", country="KZ", lat=51.17, lon=71.45),
        actors=actors,
        evidence=Evidence(text="Die Gespräche in Astana begannen.", start=0, end=33),
        confidence=0.8,
    )


def offensive(day: dt.date = dt.date(2017, 2, 15)) -> OffensiveLaunched:
    return OffensiveLaunched(
        occurred=Occurred(start=day, end=day, precision="day"),
        location=Location(name="Al-Bab", country="SY", lat=36.37, lon=37.51),
        actors=(
            Actor(name="türkische Armee", code="TUR", role="attacker"),
            Actor(name="Türkei", code="TUR", role="attacker"),
            Actor(name="IS", code="ISIL", role="target"),
        ),
        evidence=Evidence(text="Die Offensive auf Al-Bab läuft.", start=0, end=31),
    )


def retraction(event_id: uuid.UUID) -> EventRetracted:
    return EventRetracted(retracted_event_id=event_id, reason="no longer extracted", extractor_version="test")


async def submit(
    store: EventStore, events: Sequence[ConflictEvent], article_id: uuid.UUID | None = None
) -> tuple[uuid.UUID, list[uuid.UUID]]:
    """Append an article stream; returns the article id and the extracted events' ids."""
    article_id = article_id or uuid.uuid4()
    new: list[NewEvent] = [to_new_event(article(article_id))] + [to_new_event(e) for e in events]
    await store.append(f"article-{article_id}", new)
    return article_id, [e.event_id for e in new[1:]]


async def retract(store: EventStore, article_id: uuid.UUID, *event_ids: uuid.UUID) -> None:
    await store.append(f"article-{article_id}", [to_new_event(retraction(i)) for i in event_ids])
