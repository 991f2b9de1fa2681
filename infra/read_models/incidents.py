"""SQL for the incidents read model: candidates looked up in SQL, the decision taken in the domain.

For each extracted event, in log order: the members of its type whose span lies within the
type's window and whose place can be compatible (same country, same name, near, or unknown)
name the candidate incidents; their members are read back, `domain.incidents.link` decides,
`apply` gives the changed incident, and its row, its members and the decision are written. A
retraction makes its event leave (`domain.incidents.leave`). Each change is written before the
next is decided, so a batch decides exactly as one event at a time would.

Why the linking decisions are a deterministic projection and not events in the log: they are a
function of the log (the extracted events in log order) and of the rule (`RULES`, code). Stored
as events they would freeze one version of the rule into the log, and a better rule could then
only be applied by appending counter-decisions; as a projection, a rebuild re-decides from the
start under the current rule and gives identical rows for the same log and rule (a test holds
it), and every decision stays inspectable in `rm_incident_decisions` with its rule and reason.
An event never moves silently: it joins once, leaves only when retracted (re-extraction appends
a retraction and a new event, which links anew with its own decision).

Incident changes (domain.incidents.changes: created, corroborated, updated, merged, closed) are
rows of this read model too, `rm_incident_changes`, keyed by the log position of the event that
caused them (tx_id, global_position) and their rank among that event's changes (seq). Why rows
and not events appended to the log: they are derived, like the decisions, so appending them would
make the log hold the output of one version of the rule (and a rebuild would have to append them
again, or contradict them); the log stays what was reported and decided by people, immutable. Why
they can still be followed like the log: this writer applies the log in log order, one batch per
transaction serialised by its checkpoint, so the rows commit in key order and a reader that pages
by key after its last row never misses one (webhooks: infra.webhooks.fanout's incident follower;
SSE: infra.webhooks.incident_stream). A rebuild re-derives every row from the start (identical for
the same log and rule); whoever follows them keeps its position, so a rebuild never re-sends the
past and a new rule only shapes the changes after the follower's position.
"""

from __future__ import annotations

import math
import uuid
from typing import Any

import asyncpg
import msgspec

from domain.incidents import (
    RULES,
    TRUCE_TYPE,
    Decision,
    EventLeft,
    Incident,
    IncidentsMerged,
    Member,
    Report,
    Retraction,
    apply,
    build_incident,
    leave,
    link,
    projection,
    truces_of,
)
from domain.incidents.changes import Touches
from domain.incidents.projection import ArticleSeen, Extracted, IncidentView, view_of
from infra.read_models.base import ReadModel, Tables

_ARTICLE = """
INSERT INTO {rm_incident_articles} (article_id, outlet, published) VALUES ($1, $2, $3)
ON CONFLICT (article_id) DO NOTHING"""

_ARTICLE_FACTS = "SELECT outlet, published FROM {rm_incident_articles} WHERE article_id = $1"

_LINKED = "SELECT incident_id FROM {rm_incident_members} WHERE event_id = $1"

# A superset of the incidents `link` can join (the domain decides on each): a place unknown on
# either side, the same name, near (a box around the report), or one side wider than a town in
# the same country (containment).
_CANDIDATES = """
SELECT DISTINCT incident_id FROM {rm_incident_members}
WHERE daterange(span_start, span_end, '[]') && daterange($2::date - $4::int, $3::date + $4::int, '[]')
  AND type = $1
  AND (location_name IS NULL OR $6::text IS NULL OR lower(location_name) = lower($6::text)
       OR (lat BETWEEN $7::float8 - $9::float8 AND $7::float8 + $9::float8
           AND lon BETWEEN $8::float8 - $10::float8 AND $8::float8 + $10::float8)
       OR (country = $5::text AND (place_precision <> 'city' OR $11::text <> 'city')))"""

_MEMBERS = """
SELECT incident_id, rule, report::text AS report FROM {rm_incident_members}
WHERE incident_id = ANY($1::uuid[]) ORDER BY global_position"""

_UPSERT_MEMBER = """
INSERT INTO {rm_incident_members} (event_id, incident_id, article_id, type, global_position, span_start, span_end,
                                   location_name, country, lat, lon, place_precision, rule, report)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)
ON CONFLICT (event_id) DO UPDATE SET incident_id = EXCLUDED.incident_id"""

_DELETE_MEMBER = "DELETE FROM {rm_incident_members} WHERE event_id = $1"

_UPSERT_INCIDENT = """
INSERT INTO {rm_incidents} (incident_id, type, opened_at, occurred_start, occurred_end, location_name, country,
                            lat, lon, actor_codes, killed_low, killed_best, killed_high, article_count,
                            outlet_count, first_reported, last_reported, confidence, updated_at, body)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::jsonb)
ON CONFLICT (incident_id) DO UPDATE SET
    opened_at = EXCLUDED.opened_at, occurred_start = EXCLUDED.occurred_start,
    occurred_end = EXCLUDED.occurred_end, location_name = EXCLUDED.location_name, country = EXCLUDED.country,
    lat = EXCLUDED.lat, lon = EXCLUDED.lon, actor_codes = EXCLUDED.actor_codes,
    killed_low = EXCLUDED.killed_low, killed_best = EXCLUDED.killed_best, killed_high = EXCLUDED.killed_high,
    article_count = EXCLUDED.article_count, outlet_count = EXCLUDED.outlet_count,
    first_reported = EXCLUDED.first_reported, last_reported = EXCLUDED.last_reported,
    confidence = EXCLUDED.confidence, updated_at = EXCLUDED.updated_at, body = EXCLUDED.body"""

_DELETE_INCIDENT = "DELETE FROM {rm_incidents} WHERE incident_id = ANY($1::uuid[])"

_DECISION = """
INSERT INTO {rm_incident_decisions} (global_position, event_id, decision, incident_id, rule, reason, body)
VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)"""

_CHANGE = """
INSERT INTO {rm_incident_changes} (tx_id, global_position, seq, change_id, change_type, incident_id, body)
SELECT $1, $2, u.seq, u.id, u.type, u.incident, u.body::jsonb
FROM unnest($3::int[], $4::uuid[], $5::text[], $6::uuid[], $7::text[]) AS u(seq, id, type, incident, body)"""

CHANGES_CHANNEL = "conflictdb_incidents"  # told after the projection committed (its followers re-read)
_encode = msgspec.json.encode
_reports = msgspec.json.Decoder(Report)
KM_PER_DEGREE = 111.0
Cache = dict[uuid.UUID, Incident]


async def write(conn: asyncpg.Connection, changes: list[Any], tables: Tables) -> None:
    articles: dict[uuid.UUID, ArticleSeen] = {}
    key, touches = (0, 0), Touches()
    cache: Cache = {}  # incidents as this batch's transaction holds them: read back once, not per event
    for change in changes:
        if isinstance(change, ArticleSeen):
            articles[change.article_id] = change
            await conn.execute(_ARTICLE.format_map(tables), change.article_id, change.outlet, change.published)
            continue
        if (change.tx_id, change.position) != key:
            await _record_changes(conn, key, touches, tables)
            key, touches = (change.tx_id, change.position), Touches()
        if isinstance(change, Extracted):
            await _link(conn, change, articles.get(change.article_id), tables, touches, cache)
        elif isinstance(change, Retraction):
            await _leave(conn, change, tables, touches, cache)
    await _record_changes(conn, key, touches, tables)


async def _record_changes(conn: asyncpg.Connection, key: tuple[int, int], touches: Touches, tables: Tables) -> None:
    """The incident changes one log event caused (at `key`, its log position)."""
    found = touches.changes(f"{key[0]}-{key[1]}")
    if not found:
        return
    await conn.execute(
        _CHANGE.format_map(tables),
        key[0],
        key[1],
        [c.seq for c in found],
        [c.id for c in found],
        [c.type for c in found],
        [c.incident_id for c in found],
        [_encode(c).decode() for c in found],
    )


async def _link(
    conn: asyncpg.Connection,
    change: Extracted,
    article: ArticleSeen | None,
    tables: Tables,
    touches: Touches,
    cache: Cache,
) -> None:
    if await conn.fetchval(_LINKED.format_map(tables), change.event_id) is not None:
        return  # linked once, never relinked
    report = change.report(article or await _article_facts(conn, change.article_id, tables))
    held = await _incidents(conn, await _candidate_ids(conn, report, tables), tables, cache)
    decision = link(held.values(), report, truces=await _truces_near(conn, report, tables, cache))
    after = apply(held, report, decision)
    into = decision.into if isinstance(decision, IncidentsMerged) else decision.incident_id
    if isinstance(decision, IncidentsMerged):
        await conn.execute(_DELETE_INCIDENT.format_map(tables), list(decision.merged))
        for merged in decision.merged:
            cache.pop(merged, None)
    previous = held.get(into)
    saved = await _save(conn, after[into], report.position, tables, already=previous)
    cache[into] = after[into]
    await _record(conn, decision, tables)
    touches.touch(into, view_of(previous) if previous else None, saved, report.event_id)
    for merged in decision.merged if isinstance(decision, IncidentsMerged) else ():
        touches.touch(merged, view_of(held[merged]), None, report.event_id, merged_into=into)


async def _leave(
    conn: asyncpg.Connection, retraction: Retraction, tables: Tables, touches: Touches, cache: Cache
) -> None:
    incident_id = await conn.fetchval(_LINKED.format_map(tables), retraction.event_id)
    if incident_id is None:
        return
    before = await _incidents(conn, [incident_id], tables, cache)
    after, left = leave(before, retraction)
    if left is None:
        return
    await conn.execute(_DELETE_MEMBER.format_map(tables), retraction.event_id)
    if left.incident_closed:
        await conn.execute(_DELETE_INCIDENT.format_map(tables), [incident_id])
        cache.pop(incident_id, None)
    else:
        cache[incident_id] = after[incident_id]
    remaining = (
        None
        if left.incident_closed
        else await _save(conn, after[incident_id], retraction.position, tables, already=before[incident_id])
    )
    await _record(conn, left, tables)
    touches.touch(incident_id, view_of(before[incident_id]), remaining, retraction.event_id)


async def _article_facts(conn: asyncpg.Connection, article_id: uuid.UUID, tables: Tables) -> ArticleSeen | None:
    row = await conn.fetchrow(_ARTICLE_FACTS.format_map(tables), article_id)
    return None if row is None else ArticleSeen(article_id=article_id, outlet=row["outlet"], published=row["published"])


async def _truces_near(conn: asyncpg.Connection, report: Report, tables: Tables, cache: Cache) -> list[Report]:
    """The live truces that may end a campaign the report continues (as `assign` gives `link` them):
    ceasefire incidents at a compatible place within the campaign's window."""
    if not RULES[report.type].campaign_days:
        return []
    ids = await _candidate_ids(conn, report, tables, of_type=TRUCE_TYPE)
    return truces_of((await _incidents(conn, ids, tables, cache)).values())


async def _candidate_ids(
    conn: asyncpg.Connection, report: Report, tables: Tables, of_type: str | None = None
) -> list[uuid.UUID]:
    """Incidents of the report's type (or `of_type`) near it in time and place, by its type's window."""
    days, location = projection.span(report), report.event.location
    window = projection.window_days(report.type)
    lat = location.lat if location is not None else None
    lon = location.lon if location is not None else None
    dlat = projection.max_km(report.type) / KM_PER_DEGREE
    dlon = dlat / max(math.cos(math.radians(lat)), 0.1) if lat is not None else dlat
    rows = await conn.fetch(
        _CANDIDATES.format_map(tables),
        of_type or report.type,
        days[0] if days else None,
        days[1] if days else None,
        window,
        location.country if location is not None else None,
        location.name if location is not None else None,
        lat,
        lon,
        dlat,
        dlon,
        location.precision if location is not None else None,
    )
    return sorted(r["incident_id"] for r in rows)


async def _incidents(
    conn: asyncpg.Connection, ids: list[uuid.UUID], tables: Tables, cache: Cache
) -> dict[uuid.UUID, Incident]:
    """The incidents `ids` from the batch's cache or read back from their members."""
    missing = [i for i in ids if i not in cache]
    if missing:
        members: dict[uuid.UUID, list[Member]] = {}
        for row in await conn.fetch(_MEMBERS.format_map(tables), missing):
            members.setdefault(row["incident_id"], []).append(
                Member(report=_reports.decode(row["report"]), rule=row["rule"])
            )
        cache.update({i: build_incident(m, incident_id=i) for i, m in members.items()})
    found = sorted((cache[i] for i in ids if i in cache), key=_first_reported_position)
    return {incident.id: incident for incident in found}


def _first_reported_position(incident: Incident) -> int:
    """The order `link` sees candidates in: by their earliest member in the log (ties go to the first)."""
    return min(m.report.position for m in incident.members)


async def _save(
    conn: asyncpg.Connection, incident: Incident, position: int, tables: Tables, already: Incident | None
) -> IncidentView:
    """Write the incident and the members it did not hold as `already` (rewriting every member on each
    join made a long campaign's projection quadratic); the incident as served."""
    held = set(already.event_ids) if already is not None else set()
    rows = [_member_row(incident.id, m) for m in incident.members if m.report.event_id not in held]
    if rows:
        await conn.executemany(_UPSERT_MEMBER.format_map(tables), rows)
    view = view_of(incident)
    await conn.execute(_UPSERT_INCIDENT.format_map(tables), *_incident_row(incident, view, position))
    return view


def _member_row(incident_id: uuid.UUID, member: Member) -> list[Any]:
    report, location = member.report, member.report.event.location
    days = projection.span(report)
    return [
        report.event_id,
        incident_id,
        report.article_id,
        report.type,
        report.position,
        days[0] if days else None,
        days[1] if days else None,
        location.name if location else None,
        location.country if location else None,
        location.lat if location else None,
        location.lon if location else None,
        location.precision if location else None,
        member.rule,
        _encode(report).decode(),
    ]


def _incident_row(incident: Incident, view: IncidentView, position: int) -> list[Any]:
    place, occurred, casualties, sources = incident.place, incident.occurred, incident.casualties, incident.sources
    return [
        incident.id,
        incident.type,
        incident.opened_at,
        occurred.start if occurred else None,
        occurred.end if occurred else None,
        place.name if place else None,
        place.country if place else None,
        place.lat if place else None,
        place.lon if place else None,
        sorted({a.code for a in incident.actors}),
        casualties.low if casualties else None,
        casualties.best if casualties else None,
        casualties.high if casualties else None,
        sources.articles,
        sources.outlets,
        sources.first_reported,
        sources.last_reported,
        incident.confidence,
        position,
        _encode(view).decode(),
    ]


async def _record(conn: asyncpg.Connection, decision: Decision, tables: Tables) -> None:
    incident_id = decision.into if isinstance(decision, IncidentsMerged) else decision.incident_id
    rule = None if isinstance(decision, EventLeft) else decision.rule
    kind = type(decision).__struct_config__.tag
    await conn.execute(
        _DECISION.format_map(tables),
        decision.position,
        decision.event_id,
        kind,
        incident_id,
        rule,
        decision.reason,
        _encode(decision).decode(),
    )


READ_MODEL = ReadModel(
    name=projection.NAME,
    tables=(
        "rm_incidents",
        "rm_incident_members",
        "rm_incident_decisions",
        "rm_incident_articles",
        "rm_incident_changes",
    ),
    project=projection.project,
    write=write,
    topics=projection.TOPICS,
    notify=CHANGES_CHANNEL,
)
