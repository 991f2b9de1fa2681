"""SQL for the incidents read model: candidates looked up in SQL, the decision taken in the domain.

For each extracted event, in log order: the members of its type whose span lies within the
type's window and whose place can be compatible (same country, same name, near, or unknown)
name the candidate incidents; their members are read back, `domain.incidents.link` decides,
`apply` gives the changed incident, and its row, its members and the decision are written. A
retraction makes its event leave (`domain.incidents.leave`). A batch decides exactly as one event
at a time would, in a handful of round trips instead of about fourteen per event (`_Batch`): its
reads are taken once at its start (which of its events are linked, its articles' facts, every
report's candidate members and those incidents' members, all as before the batch), each later
read is answered from the batch's own state (a member the batch moved, deleted or inserted, an
incident it merged away or closed; its own new members matched by the candidate predicate in
Python, `_Query.matches`), and its writes are flushed at its end, the deletions first. A test
holds that a batch of 500 and batches of one event write identical rows.

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

import datetime as dt
import math
import uuid
from collections.abc import Sequence
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
    incident_id_for,
    leave,
    link,
    projection,
    truces_of,
)
from domain.incidents.changes import IncidentChange, Touches
from domain.incidents.linking import compatible_member
from domain.incidents.projection import ArticleSeen, Extracted, IncidentView, view_of
from infra.read_models.base import ReadModel, Tables

# Reads, all of a batch's at its start (the log's pre-batch state): which of its events are linked,
# its articles' facts, PostgreSQL's lower() of its place names, its reports' candidates, and the
# members of every candidate incident. Everything after is answered from the batch's own state.
_LINKED = "SELECT event_id, incident_id FROM {rm_incident_members} WHERE event_id = ANY($1::uuid[])"

_ARTICLE_FACTS = "SELECT article_id, outlet, published FROM {rm_incident_articles} WHERE article_id = ANY($1::uuid[])"

_LOWER = "SELECT n, lower(n) AS lowered FROM unnest($1::text[]) AS n"

# A superset of the incidents `link` can join (the domain decides on each): a place unknown on
# either side, the same name, near (a box around the report), or one side wider than a town in
# the same country (containment). One row per matching member of each query `n` (a report and its
# type, or a report and the truce type): the batch maps each member to the incident it is in now.
# The place test is an OR of terms; each term is a branch of the union (an index probe by type and
# name, box or country: migration 0018), so a member may come twice (the batch keeps a set).
# `_Query.matches` is the same predicate in Python, for the members the batch itself wrote.
_CANDIDATE_SPAN = """daterange(span_start, span_end, '[]')
              && daterange(q.day_start - q.window_days, q.day_end + q.window_days, '[]') AND type = q.type"""
_CANDIDATE_PLACES = (
    "location_name IS NULL",
    "q.name IS NULL",
    "lower(location_name) = lower(q.name)",
    "lat BETWEEN q.lat - q.dlat AND q.lat + q.dlat AND lon BETWEEN q.lon - q.dlon AND q.lon + q.dlon",
    "country = q.country AND place_precision <> 'city'",
    "country = q.country AND q.precision <> 'city'",
)
_CANDIDATES = (
    """
SELECT q.n, m.incident_id, m.event_id
FROM unnest($1::int[], $2::text[], $3::date[], $4::date[], $5::int[], $6::text[], $7::text[],
            $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::text[])
     AS q(n, type, day_start, day_end, window_days, country, name, lat, lon, dlat, dlon, precision)
JOIN LATERAL ("""
    + "\n    UNION ALL\n".join(
        f"""
    SELECT incident_id, event_id FROM {{rm_incident_members}}
    WHERE {_CANDIDATE_SPAN}
      AND {place}"""
        for place in _CANDIDATE_PLACES
    )
    + """
) AS m ON true"""
)

_MEMBERS = """
SELECT incident_id, rule, report::text AS report FROM {rm_incident_members}
WHERE incident_id = ANY($1::uuid[]) ORDER BY global_position"""

# Writes, all of a batch's at its end, in an order that gives the rows one event at a time gives:
# members and incidents deleted in the batch go first (one may come back: a correction's new form).
_DELETE_MEMBERS = "DELETE FROM {rm_incident_members} WHERE event_id = ANY($1::uuid[])"

_MOVE_MEMBERS = """
UPDATE {rm_incident_members} AS m SET incident_id = u.incident_id
FROM unnest($1::uuid[], $2::uuid[]) AS u(event_id, incident_id) WHERE m.event_id = u.event_id"""

_UPSERT_MEMBERS = """
INSERT INTO {rm_incident_members} (event_id, incident_id, article_id, type, global_position, span_start, span_end,
                                   location_name, country, lat, lon, place_precision, rule, report)
SELECT u.event_id, u.incident_id, u.article_id, u.type, u.global_position, u.span_start, u.span_end,
       u.location_name, u.country, u.lat, u.lon, u.place_precision, u.rule, u.report::jsonb
FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int8[], $6::date[], $7::date[], $8::text[],
            $9::text[], $10::float8[], $11::float8[], $12::text[], $13::text[], $14::text[])
     AS u(event_id, incident_id, article_id, type, global_position, span_start, span_end, location_name,
          country, lat, lon, place_precision, rule, report)
ON CONFLICT (event_id) DO UPDATE SET incident_id = EXCLUDED.incident_id"""

_DELETE_INCIDENTS = "DELETE FROM {rm_incidents} WHERE incident_id = ANY($1::uuid[])"

# actor_codes travel as a JSON array per row (unnest would flatten a text[][]).
_UPSERT_INCIDENTS = """
INSERT INTO {rm_incidents} (incident_id, type, opened_at, occurred_start, occurred_end, location_name, country,
                            lat, lon, actor_codes, killed_low, killed_best, killed_high, article_count,
                            outlet_count, first_reported, last_reported, confidence, updated_at, body)
SELECT u.incident_id, u.type, u.opened_at, u.occurred_start, u.occurred_end, u.location_name, u.country,
       u.lat, u.lon,
       ARRAY(SELECT c.code FROM jsonb_array_elements_text(u.actor_codes::jsonb) WITH ORDINALITY AS c(code, o)
             ORDER BY c.o),
       u.killed_low, u.killed_best, u.killed_high, u.article_count, u.outlet_count, u.first_reported,
       u.last_reported, u.confidence, u.updated_at, u.body::jsonb
FROM unnest($1::uuid[], $2::text[], $3::int8[], $4::date[], $5::date[], $6::text[], $7::text[], $8::float8[],
            $9::float8[], $10::text[], $11::int4[], $12::int4[], $13::int4[], $14::int4[], $15::int4[],
            $16::date[], $17::date[], $18::real[], $19::int8[], $20::text[])
     AS u(incident_id, type, opened_at, occurred_start, occurred_end, location_name, country, lat, lon,
          actor_codes, killed_low, killed_best, killed_high, article_count, outlet_count, first_reported,
          last_reported, confidence, updated_at, body)
ON CONFLICT (incident_id) DO UPDATE SET
    opened_at = EXCLUDED.opened_at, occurred_start = EXCLUDED.occurred_start,
    occurred_end = EXCLUDED.occurred_end, location_name = EXCLUDED.location_name, country = EXCLUDED.country,
    lat = EXCLUDED.lat, lon = EXCLUDED.lon, actor_codes = EXCLUDED.actor_codes,
    killed_low = EXCLUDED.killed_low, killed_best = EXCLUDED.killed_best, killed_high = EXCLUDED.killed_high,
    article_count = EXCLUDED.article_count, outlet_count = EXCLUDED.outlet_count,
    first_reported = EXCLUDED.first_reported, last_reported = EXCLUDED.last_reported,
    confidence = EXCLUDED.confidence, updated_at = EXCLUDED.updated_at, body = EXCLUDED.body"""

_DECISIONS = """
INSERT INTO {rm_incident_decisions} (global_position, event_id, decision, incident_id, rule, reason, body)
SELECT u.global_position, u.event_id, u.decision, u.incident_id, u.rule, u.reason, u.body::jsonb
FROM unnest($1::int8[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[])
     AS u(global_position, event_id, decision, incident_id, rule, reason, body)"""

_CHANGES = """
INSERT INTO {rm_incident_changes} (tx_id, global_position, seq, change_id, change_type, incident_id, body)
SELECT u.tx_id, u.global_position, u.seq, u.id, u.type, u.incident, u.body::jsonb
FROM unnest($1::int8[], $2::int8[], $3::int[], $4::uuid[], $5::text[], $6::uuid[], $7::text[])
     AS u(tx_id, global_position, seq, id, type, incident, body)"""

_ARTICLES = """
INSERT INTO {rm_incident_articles} (article_id, outlet, published)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[])
ON CONFLICT (article_id) DO NOTHING"""

CHANGES_CHANNEL = "conflictdb_incidents"  # told after the projection committed (its followers re-read)
_encode = msgspec.json.encode
_reports = msgspec.json.Decoder(Report)
KM_PER_DEGREE = 111.0
# Member row columns (`_member_row`) the candidate predicate reads.
_INCIDENT, _TYPE, _SPAN_START, _SPAN_END, _NAME, _COUNTRY, _LAT, _LON, _PRECISION = 1, 3, 5, 6, 7, 8, 9, 10, 11


async def write(conn: asyncpg.Connection, changes: list[Any], tables: Tables) -> None:
    batch = await _Batch.read(conn, changes, tables)
    key, touches = (0, 0), Touches()
    for n, change in enumerate(changes):
        if isinstance(change, ArticleSeen):
            batch.articles_seen.append(change)
            continue
        if (change.tx_id, change.position) != key:
            batch.record_changes(key, touches)
            key, touches = (change.tx_id, change.position), Touches()
        if isinstance(change, Extracted):
            await batch.link(n, change, touches)
        elif isinstance(change, Retraction):
            await batch.leave(change, touches)
    batch.record_changes(key, touches)
    await batch.flush()


class _Query(msgspec.Struct, frozen=True):
    """One candidate lookup: the members of `type` near a report in time and place, by the report's
    type's window (the parameters of `_CANDIDATES`, and its predicate for the batch's own members)."""

    type: str
    day_start: dt.date | None
    day_end: dt.date | None
    window: int
    country: str | None
    name: str | None
    lat: float | None
    lon: float | None
    dlat: float
    dlon: float
    precision: str | None

    @classmethod
    def of(cls, report: Report, type_: str) -> _Query:
        days, location = projection.span(report), report.event.location
        lat = location.lat if location is not None else None
        dlat = projection.max_km(report.type) / KM_PER_DEGREE
        return cls(
            type=type_,
            day_start=days[0] if days else None,
            day_end=days[1] if days else None,
            window=projection.window_days(report.type),
            country=location.country if location is not None else None,
            name=location.name if location is not None else None,
            lat=lat,
            lon=location.lon if location is not None else None,
            dlat=dlat,
            dlon=dlat / max(math.cos(math.radians(lat)), 0.1) if lat is not None else dlat,
            precision=location.precision if location is not None else None,
        )

    def matches(self, row: list[Any], lower: dict[str, str]) -> bool:
        """`_CANDIDATES`' WHERE on one member row (SQL's NULLs: a comparison with NULL is not true;
        `lower` is PostgreSQL's lower() of the names)."""
        if row[_TYPE] != self.type:
            return False
        start, end = row[_SPAN_START], row[_SPAN_END]
        if start is not None and end is not None and self.day_start is not None and self.day_end is not None:
            window = self.window
            if start.toordinal() > self.day_end.toordinal() + window:
                return False
            if self.day_start.toordinal() - window > end.toordinal():
                return False
        name = row[_NAME]
        if name is None or self.name is None or lower[name] == lower[self.name]:
            return True
        lat, lon = row[_LAT], row[_LON]
        if (
            lat is not None
            and lon is not None
            and self.lat is not None
            and self.lon is not None
            and self.lat - self.dlat <= lat <= self.lat + self.dlat
            and self.lon - self.dlon <= lon <= self.lon + self.dlon
        ):
            return True
        precision = row[_PRECISION]
        return (
            self.country is not None
            and row[_COUNTRY] == self.country
            and (
                (precision is not None and precision != "city")
                or (self.precision is not None and self.precision != "city")
            )
        )


class _Member:
    """A member row as this batch left it: `fresh` (inserted by it), `moved` (a row from before the
    batch given another incident) or `deleted` (row and member None)."""

    __slots__ = ("kind", "member", "row")

    def __init__(self, kind: str, row: list[Any] | None, member: Member | None) -> None:
        self.kind, self.row, self.member = kind, row, member


class _Batch:
    """One batch's reads (taken at its start) and writes (flushed at its end), and what it changed in
    between: `link` and `leave` see the rows as one event at a time would have written them."""

    def __init__(self, conn: asyncpg.Connection, tables: Tables) -> None:
        self.conn, self.tables = conn, tables
        self.linked_before: dict[uuid.UUID, uuid.UUID] = {}
        self.reports: dict[int, Report] = {}  # by index of the change
        self.queries: dict[int, list[_Query]] = {}  # the report's own type, then the truces where it has campaigns
        self.hits: dict[tuple[int, int], list[tuple[uuid.UUID, uuid.UUID]]] = {}  # (change, query) -> (incident, event)
        self.lower: dict[str, str] = {}
        self.stored: dict[uuid.UUID, list[Member]] = {}  # candidate incidents' members before the batch
        self.cache: dict[uuid.UUID, Incident] = {}  # incidents as they stand now
        self.members: dict[uuid.UUID, _Member] = {}
        self.fresh: dict[str, dict[uuid.UUID, _Member]] = {}  # by type
        self.deleted_members: set[uuid.UUID] = set()
        self.incidents: dict[uuid.UUID, list[Any] | None] = {}
        self.deleted_incidents: set[uuid.UUID] = set()
        self.decisions: list[list[Any]] = []
        self.changes: list[IncidentChange] = []
        self.change_keys: list[tuple[int, int]] = []
        self.articles_seen: list[ArticleSeen] = []

    def sql(self, statement: str) -> str:
        return statement.format_map(self.tables)

    @classmethod
    async def read(cls, conn: asyncpg.Connection, changes: list[Any], tables: Tables) -> _Batch:
        batch = cls(conn, tables)
        event_ids = list({c.event_id for c in changes if isinstance(c, Extracted | Retraction)})
        if event_ids:
            rows = await conn.fetch(batch.sql(_LINKED), event_ids)
            batch.linked_before = {r["event_id"]: r["incident_id"] for r in rows}
        article_ids = list({c.article_id for c in changes if isinstance(c, Extracted)})
        stored_facts: dict[uuid.UUID, ArticleSeen] = {}
        if article_ids:
            for r in await conn.fetch(batch.sql(_ARTICLE_FACTS), article_ids):
                stored_facts[r["article_id"]] = ArticleSeen(
                    article_id=r["article_id"], outlet=r["outlet"], published=r["published"]
                )
        seen: dict[uuid.UUID, ArticleSeen] = {}  # the batch's own, the last of an article as it goes
        for n, change in enumerate(changes):
            if isinstance(change, ArticleSeen):
                seen[change.article_id] = change
            elif isinstance(change, Extracted):
                report = change.report(seen.get(change.article_id) or stored_facts.get(change.article_id))
                batch.reports[n] = report
                batch.queries[n] = [_Query.of(report, report.type)] + (
                    [_Query.of(report, TRUCE_TYPE)] if RULES[report.type].campaign_days else []
                )
        names = {q.name for qs in batch.queries.values() for q in qs if q.name is not None}
        if names:
            rows = await conn.fetch(_LOWER, list(names))
            batch.lower = {r["n"]: r["lowered"] for r in rows}
        await batch._read_candidates()
        retracted = {batch.linked_before.get(c.event_id) for c in changes if isinstance(c, Retraction)}
        wanted = {i for hits in batch.hits.values() for i, _ in hits} | (retracted - {None})
        if wanted:
            for r in await conn.fetch(batch.sql(_MEMBERS), list(wanted)):
                batch.stored.setdefault(r["incident_id"], []).append(
                    Member(report=_reports.decode(r["report"]), rule=r["rule"])
                )
        return batch

    async def _read_candidates(self) -> None:
        keys = [(n, k) for n, qs in self.queries.items() for k in range(len(qs))]
        if not keys:
            return
        queries = [self.queries[n][k] for n, k in keys]
        rows = await self.conn.fetch(
            self.sql(_CANDIDATES),
            list(range(len(keys))),
            [q.type for q in queries],
            [q.day_start for q in queries],
            [q.day_end for q in queries],
            [q.window for q in queries],
            [q.country for q in queries],
            [q.name for q in queries],
            [q.lat for q in queries],
            [q.lon for q in queries],
            [q.dlat for q in queries],
            [q.dlon for q in queries],
            [q.precision for q in queries],
        )
        for r in rows:
            self.hits.setdefault(keys[r["n"]], []).append((r["incident_id"], r["event_id"]))

    # --- the batch's state ------------------------------------------------------------------------

    def linked(self, event_id: uuid.UUID) -> uuid.UUID | None:
        """The incident the event is in now (None: in none)."""
        member = self.members.get(event_id)
        if member is None:
            return self.linked_before.get(event_id)
        return None if member.row is None else member.row[_INCIDENT]

    def candidate_ids(self, n: int, k: int) -> list[uuid.UUID]:
        """The incidents `_CANDIDATES` would name now for query k of change n: its hits among the rows
        from before the batch, in the incident each is in now, and the batch's own members that match."""
        found: set[uuid.UUID] = set()
        for incident_id, event_id in self.hits.get((n, k), ()):
            member = self.members.get(event_id)
            if member is None:
                found.add(incident_id)
            elif member.kind == "moved" and member.row is not None:
                found.add(member.row[_INCIDENT])
        query = self.queries[n][k]
        for member in self.fresh.get(query.type, {}).values():
            if member.row is not None and query.matches(member.row, self.lower):
                found.add(member.row[_INCIDENT])
        return sorted(found)

    async def incidents_of(
        self, ids: list[uuid.UUID], joining: tuple[Report, list[Report]] | None = None
    ) -> dict[uuid.UUID, Incident]:
        """The incidents `ids` as they stand now, in the order `link` sees them. `joining` (a report and the
        truces it is linked with): only those `link` may join it to, and the one of the id it would open
        (building every candidate's aggregate, most of which `link` passes over, was most of the time)."""
        opens = incident_id_for(joining[0].event_id) if joining is not None else None
        kept: list[uuid.UUID] = []
        for i in ids:
            if i in self.cache:
                if joining is None or i == opens or _may_join(self.cache[i].members, *joining):
                    kept.append(i)
                continue
            members = self.stored.get(i)
            if members is None:  # not a candidate read at the start (not expected): as before the batch
                members = [
                    Member(report=_reports.decode(r["report"]), rule=r["rule"])
                    for r in await self.conn.fetch(self.sql(_MEMBERS), [i])
                ]
            if i in self.incidents:  # merged away or closed in this batch: the member rows left with its id
                members = self.rows_of(i, members)
            if members and (joining is None or i == opens or _may_join(members, *joining)):
                self.cache[i] = build_incident(members, incident_id=i)
                kept.append(i)
        found = sorted((self.cache[i] for i in kept), key=_first_reported_position)
        return {incident.id: incident for incident in found}

    def rows_of(self, incident_id: uuid.UUID, before: list[Member]) -> list[Member]:
        """The members whose rows name the incident now (`_MEMBERS`' answer): of `before` (its rows
        before the batch) those the batch left alone, and those the batch wrote with its id."""
        kept = [m for m in before if m.report.event_id not in self.members]
        written = [
            m.member
            for m in self.members.values()
            if m.row is not None and m.member is not None and m.row[_INCIDENT] == incident_id
        ]
        return sorted([*kept, *written], key=lambda m: m.report.position)

    def put_member(self, event_id: uuid.UUID, row: list[Any], member: Member, *, exists: bool) -> None:
        """An upsert of the member row (`exists`: the event has a row, from before the batch or not)."""
        held = self.members.get(event_id)
        if held is not None and held.row is not None:
            held.row[_INCIDENT] = row[_INCIDENT]  # ON CONFLICT: only the incident changes
            return
        if held is None and exists:
            self.members[event_id] = _Member("moved", row, member)
            return
        fresh = self.members[event_id] = _Member("fresh", row, member)
        self.fresh.setdefault(row[_TYPE], {})[event_id] = fresh

    def delete_member(self, event_id: uuid.UUID) -> None:
        member = self.members.get(event_id)
        if member is not None and member.kind == "fresh" and member.row is not None:
            self.fresh[member.row[_TYPE]].pop(event_id, None)
        self.members[event_id] = _Member("deleted", None, None)
        self.deleted_members.add(event_id)

    def delete_incident(self, incident_id: uuid.UUID) -> None:
        self.incidents[incident_id] = None
        self.deleted_incidents.add(incident_id)
        self.cache.pop(incident_id, None)

    # --- one change at a time ---------------------------------------------------------------------

    async def link(self, n: int, change: Extracted, touches: Touches) -> None:
        if self.linked(change.event_id) is not None:
            return  # linked once, never relinked
        report = self.reports[n]
        truces = (
            truces_of((await self.incidents_of(self.candidate_ids(n, 1))).values()) if len(self.queries[n]) > 1 else []
        )
        held = await self.incidents_of(self.candidate_ids(n, 0), joining=(report, truces))
        decision = link(held.values(), report, truces=truces)
        after = apply(held, report, decision)
        into = decision.into if isinstance(decision, IncidentsMerged) else decision.incident_id
        if isinstance(decision, IncidentsMerged):
            for merged in decision.merged:
                self.delete_incident(merged)
        previous = held.get(into)
        saved = self.save(after[into], report.position, already=previous, new=report.event_id)
        self.cache[into] = after[into]
        self.record(decision)
        touches.touch(into, view_of(previous) if previous else None, saved, report.event_id)
        for merged in decision.merged if isinstance(decision, IncidentsMerged) else ():
            touches.touch(merged, view_of(held[merged]), None, report.event_id, merged_into=into)

    async def leave(self, retraction: Retraction, touches: Touches) -> None:
        incident_id = self.linked(retraction.event_id)
        if incident_id is None:
            return
        before = await self.incidents_of([incident_id])
        after, left = leave(before, retraction)
        if left is None:
            return
        self.delete_member(retraction.event_id)
        if left.incident_closed:
            self.delete_incident(incident_id)
        else:
            self.cache[incident_id] = after[incident_id]
        remaining = (
            None
            if left.incident_closed
            else self.save(after[incident_id], retraction.position, already=before[incident_id], new=None)
        )
        self.record(left)
        touches.touch(incident_id, view_of(before[incident_id]), remaining, retraction.event_id)

    def save(self, incident: Incident, position: int, already: Incident | None, new: uuid.UUID | None) -> IncidentView:
        """The incident and the members it did not hold as `already` (rewriting every member on each
        join made a long campaign's projection quadratic); the incident as served. `new`: the event
        joining now (it has no row; every other member has one)."""
        held = set(already.event_ids) if already is not None else set()
        for member in incident.members:
            event_id = member.report.event_id
            if event_id not in held:
                self.put_member(event_id, _member_row(incident.id, member), member, exists=event_id != new)
        view = view_of(incident)
        row, held_row = _incident_row(incident, view, position), self.incidents.get(incident.id)
        if held_row is not None:
            row[1] = held_row[1]  # ON CONFLICT sets every column but the type: it stays the inserted one
        self.incidents[incident.id] = row
        return view

    def record(self, decision: Decision) -> None:
        incident_id = decision.into if isinstance(decision, IncidentsMerged) else decision.incident_id
        rule = None if isinstance(decision, EventLeft) else decision.rule
        kind = type(decision).__struct_config__.tag
        self.decisions.append(
            [decision.position, decision.event_id, kind, incident_id, rule, decision.reason, _encode(decision).decode()]
        )

    def record_changes(self, key: tuple[int, int], touches: Touches) -> None:
        """The incident changes one log event caused (at `key`, its log position)."""
        for found in touches.changes(f"{key[0]}-{key[1]}"):
            self.changes.append(found)
            self.change_keys.append(key)

    # --- the batch's writes -----------------------------------------------------------------------

    async def flush(self) -> None:
        conn = self.conn
        articles = list({a.article_id: a for a in reversed(self.articles_seen)}.values())[::-1]  # the first wins
        if articles:
            await conn.execute(
                self.sql(_ARTICLES),
                [a.article_id for a in articles],
                [a.outlet for a in articles],
                [a.published for a in articles],
            )
        if self.deleted_members:
            await conn.execute(self.sql(_DELETE_MEMBERS), list(self.deleted_members))
        moved = [(e, m.row[_INCIDENT]) for e, m in self.members.items() if m.kind == "moved" and m.row is not None]
        if moved:
            await conn.execute(self.sql(_MOVE_MEMBERS), [e for e, _ in moved], [i for _, i in moved])
        fresh = [m.row for m in self.members.values() if m.kind == "fresh" and m.row is not None]
        if fresh:
            await conn.execute(self.sql(_UPSERT_MEMBERS), *_columns(fresh, 14))
        if self.deleted_incidents:
            await conn.execute(self.sql(_DELETE_INCIDENTS), list(self.deleted_incidents))
        incidents = [row for row in self.incidents.values() if row is not None]
        if incidents:
            columns = _columns(incidents, 20)
            columns[9] = [_encode(codes).decode() for codes in columns[9]]
            await conn.execute(self.sql(_UPSERT_INCIDENTS), *columns)
        if self.decisions:
            await conn.execute(self.sql(_DECISIONS), *_columns(self.decisions, 7))
        if self.changes:
            found = self.changes
            await conn.execute(
                self.sql(_CHANGES),
                [k[0] for k in self.change_keys],
                [k[1] for k in self.change_keys],
                [c.seq for c in found],
                [c.id for c in found],
                [c.type for c in found],
                [c.incident_id for c in found],
                [_encode(c).decode() for c in found],
            )


def _columns(rows: list[list[Any]], width: int) -> list[list[Any]]:
    return [[row[i] for row in rows] for i in range(width)]


def _may_join(members: Sequence[Member], report: Report, truces: list[Report]) -> bool:
    """Whether `link` finds the report a candidate in an incident of these members (its type is its
    first member's, as `build_incident` gives it)."""
    if not members or members[0].report.type != report.type:
        return False
    if any(m.report.article_id == report.article_id for m in members):
        return False
    return compatible_member(members, report, truces=truces) is not None


def _first_reported_position(incident: Incident) -> int:
    """The order `link` sees candidates in: by their earliest member in the log (ties go to the first)."""
    return min(m.report.position for m in incident.members)


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
