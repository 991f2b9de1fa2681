"""Read models: SQL per model (same module names as domain/projections) and their registry."""

from __future__ import annotations

from infra.read_models import actors, articles, conflict_events, event_versions, incidents, places, timeline
from infra.read_models.base import ReadModel

READ_MODELS: dict[str, ReadModel] = {
    m.name: m
    for m in (
        conflict_events.READ_MODEL,
        articles.READ_MODEL,
        actors.READ_MODEL,
        places.READ_MODEL,
        timeline.READ_MODEL,
        event_versions.READ_MODEL,
        incidents.READ_MODEL,
    )
}

__all__ = ["READ_MODELS", "ReadModel"]
