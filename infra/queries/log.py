"""Reads of the raw event log for replication: envelopes in global order."""

from __future__ import annotations

from domain.errors import ValidationError
from infra.event_store import START, EventStore, Position, RecordedEvent
from infra.queries.common import BIGINT_MAX, check_text

MAX_LIMIT = 1000


def parse_after(raw: str | None) -> Position:
    """The position to read after: a position a previous page or event carried, or the start."""
    if raw is None:
        return START
    try:
        position = Position.decode(check_text("after", raw, 60))
    except ValidationError as exc:
        raise ValidationError(f"after: {exc}") from None
    if max(position.tx_id, position.global_position) > BIGINT_MAX:
        raise ValidationError(f"after: {raw!r} is beyond any log position")
    return position


async def read_log(store: EventStore, after: Position, limit: int) -> tuple[list[RecordedEvent], Position | None]:
    """Up to `limit` committed events after `after`, and where the next page starts (None when
    fewer than `limit` came back: the reader has caught up for now)."""
    events = await store.read_all(after, limit)
    following = events[-1].position if len(events) == limit else None
    return events, following
