"""Reads of the raw event log for replication: envelopes in global order."""

from __future__ import annotations

from domain.errors import ValidationError
from infra.event_store import START, EventStore, Position, RecordedEvent
from infra.queries.common import BIGINT_MAX, check_text

MAX_LIMIT = 1000


def parse_after(raw: str | None) -> Position:
    """The position to read after: a position a previous page or event carried, or the start."""
    return START if raw is None else parse_position("after", raw)


def parse_position(name: str, raw: str) -> Position:
    """A log position a client sent back, or `0` for the start of the log (before any event).

    Errors name the parameter (`name`) and are ValidationErrors, so HTTP answers them with a 400."""
    text = check_text(name, raw, 60).strip()
    if text == "0":
        return START
    try:
        position = Position.decode(text)
    except ValidationError as exc:
        raise ValidationError(f"{name}: {exc}; 0 means the start of the log") from None
    if max(position.tx_id, position.global_position) > BIGINT_MAX:
        raise ValidationError(f"{name}: {raw!r} is beyond any log position")
    return position


async def read_log(store: EventStore, after: Position, limit: int) -> tuple[list[RecordedEvent], Position | None]:
    """Up to `limit` committed events after `after`, and where the next page starts (None when
    fewer than `limit` came back: the reader has caught up for now)."""
    events = await store.read_all(after, limit)
    following = events[-1].position if len(events) == limit else None
    return events, following
