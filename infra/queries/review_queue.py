"""GET /review/queue: the events most worth a person's look, first.

The worth of a review, as a score (higher first), with the reasons that made it:
- a re-extraction disagrees with what a person decided (`needs_rereview`): 100;
- low confidence: up to 10 (10 × (1 − confidence));
- high fatalities: up to 10 (3 × ln(1 + killed), capped), since a wrong death toll misleads most.
Only unreviewed events and flagged ones are queued; rejected events never are.
"""

from __future__ import annotations

import uuid

import asyncpg
import msgspec

from infra.queries.common import Where, encode_cursor
from infra.queries.totals import Page, count_matches, page

REREVIEW_WEIGHT = 100.0
CONFIDENCE_WEIGHT = 10.0
FATALITY_WEIGHT, FATALITY_CAP = 3.0, 10.0
LOW_CONFIDENCE = 0.5

_SCORE = (
    f"(CASE WHEN needs_rereview THEN {REREVIEW_WEIGHT} ELSE 0 END"
    f" + {CONFIDENCE_WEIGHT} * (1 - confidence)"
    f" + LEAST({FATALITY_WEIGHT} * ln(1 + COALESCE(killed, 0)), {FATALITY_CAP}))::float8"
)
_QUEUED = "(review_status = 'unreviewed' OR (needs_rereview AND review_status <> 'rejected'))"


class QueueItem(msgspec.Struct, frozen=True, kw_only=True):
    score: float
    reasons: list[str]
    event: msgspec.Raw  # the event in the wire format, as /events serves it


class QueueCursor(msgspec.Struct, frozen=True, array_like=True):
    score: float = 0.0
    event_id: uuid.UUID | None = None


async def queue(pool: asyncpg.Pool, cursor: QueueCursor | None, limit: int) -> Page[QueueItem]:
    where = Where()
    where.add(_QUEUED)
    total = await count_matches(pool, "rm_conflict_events", where)
    if cursor is not None and cursor.event_id is not None:
        score, event_id = where.arg(cursor.score), where.arg(cursor.event_id)
        where.add(f"({_SCORE} < {score} OR ({_SCORE} = {score} AND event_id > {event_id}))")
    sql = f"""SELECT event_id, {_SCORE} AS score, needs_rereview, confidence, killed, body::text AS body
              FROM rm_conflict_events {where.sql()}
              ORDER BY score DESC, event_id LIMIT {where.arg(limit + 1)}"""
    rows = await pool.fetch(sql, *where.args)
    items = [_item(r) for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    following = None if last is None else encode_cursor(QueueCursor(last["score"], last["event_id"]))
    return page(items, following, total)


def _item(row: asyncpg.Record) -> QueueItem:
    reasons = []
    if row["needs_rereview"]:
        reasons.append("a re-extraction disagrees with the review")
    if row["confidence"] < LOW_CONFIDENCE:
        reasons.append(f"low confidence ({row['confidence']:.2f})")
    if row["killed"]:
        reasons.append(f"{row['killed']} killed")
    return QueueItem(score=round(row["score"], 3), reasons=reasons, event=msgspec.Raw(row["body"].encode()))
