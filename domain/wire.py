"""The API's wire format of an event, shared by the read model, webhooks and the stream.

The codebook's extracted event (type, occurred, location, actors, casualties, evidence,
confidence) plus its envelope facts: id, article_id, position (the opaque log position)
and recorded_at.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import msgspec

from domain.events import DomainEvent

ARTICLE_STREAM_PREFIX = "article-"


def article_id_of(stream_id: str) -> uuid.UUID | None:
    """The article's id for a stream named `article-<uuid>`, else None."""
    if not stream_id.startswith(ARTICLE_STREAM_PREFIX):
        return None
    try:
        return uuid.UUID(stream_id[len(ARTICLE_STREAM_PREFIX) :])
    except ValueError:
        return None


def wire_event(
    event: DomainEvent,
    *,
    event_id: uuid.UUID,
    article_id: uuid.UUID | None,
    position: str,
    recorded_at: dt.datetime,
) -> dict[str, Any]:
    body: dict[str, Any] = msgspec.to_builtins(event)
    body.update(
        id=str(event_id),
        article_id=None if article_id is None else str(article_id),
        position=position,
        recorded_at=msgspec.to_builtins(recorded_at),
    )
    return body
