"""Reads of the raw event log for replication: envelopes in global order, of chosen stream
categories (the public log holds article streams only: a subscription's history carries its
webhook URL, filter and description, which only admin keys may read)."""

from __future__ import annotations

from typing import Final, Literal

from domain import streams
from domain.errors import ValidationError
from infra.event_store import START, EventStore, Position, RecordedEvent, recorded_from_row
from infra.queries.common import BIGINT_MAX, Where, check_text
from infra.queries.totals import Total, count_matches

MAX_LIMIT = 1000
LogCategory = Literal["article", "subscription", "all"]
PUBLIC_CATEGORY: Final[LogCategory] = "article"
_STREAM_CATEGORIES: Final[dict[str, tuple[str, ...]]] = {
    "article": (streams.ARTICLE,),
    "subscription": (streams.SUBSCRIPTION,),
}

# The event store's reader (committed events below the oldest open writer), of some categories.
_READ_OF_CATEGORIES = """
SELECT global_position, tx_id::text::bigint AS tx_id, event_id, stream_id, stream_version,
       event_type, schema_version, data::text AS data, metadata::text AS metadata, recorded_at
FROM events
WHERE (tx_id, global_position) > ($1::text::xid8, $2::bigint)
  AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
  AND category = ANY($4::text[])
ORDER BY tx_id, global_position
LIMIT $3"""


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


async def read_log(
    store: EventStore, after: Position, limit: int, category: LogCategory = PUBLIC_CATEGORY
) -> tuple[list[RecordedEvent], Position | None]:
    """Up to `limit` committed events of `category` after `after`, and where the next page starts
    (None when fewer than `limit` came back: the reader has caught up for now)."""
    if category == "all":
        events = await store.read_all(after, limit)
    else:
        args = (str(after.tx_id), after.global_position, limit, list(_STREAM_CATEGORIES[category]))
        async with store.pool.acquire() as conn:
            events = [recorded_from_row(r) for r in await conn.fetch(_READ_OF_CATEGORIES, *args)]
    following = events[-1].position if len(events) == limit else None
    return events, following


async def count_log(store: EventStore, category: LogCategory = PUBLIC_CATEGORY) -> Total:
    """Events of `category` in the log (committed or not yet visible: an upper bound for a moment)."""
    where = Where()
    if category != "all":
        where.add(f"category = ANY({where.arg(list(_STREAM_CATEGORIES[category]))}::text[])")
    return await count_matches(store.pool, "events", where)
