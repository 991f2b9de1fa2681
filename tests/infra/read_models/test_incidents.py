"""The incidents read model on a real PostgreSQL: linking across articles, decisions with their
reasons, retractions, the pure fold's partition, and a rebuild giving identical rows."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import asyncpg
import msgspec

from domain.events import (
    Actor,
    ArticleSubmitted,
    Casualties,
    CeasefireAnnounced,
    ConflictEvent,
    EventConfirmed,
    EventCorrected,
    EventRejected,
    EventRetracted,
    Evidence,
    Location,
    Occurred,
    OffensiveLaunched,
    TalksHeld,
)
from domain.incidents import Report, assign, incident_id_for
from infra.codec import to_new_event
from infra.event_store import EventStore, NewEvent
from infra.projection_runner import ProjectionRunner
from infra.read_models import READ_MODELS
from infra.read_models.status import request_rebuild

MODEL = READ_MODELS["incidents"]
ALEPPO = Location(name="Aleppo", country="SY", lat=36.20, lon=37.13, precision="city")
HOMS = Location(name="Homs", country="SY", lat=34.73, lon=36.71, precision="city")
GENEVA = Location(name="Geneva", country="CH", lat=46.20, lon=6.14, precision="city")


def strike(day: str, place: Location = ALEPPO, attacker: str = "SYR", killed: int | None = None) -> OffensiveLaunched:
    return OffensiveLaunched(
        occurred=Occurred(start=dt.date.fromisoformat(day), end=dt.date.fromisoformat(day), precision="day"),
        location=place,
        actors=(
            Actor(name=attacker, code=attacker, role="attacker"),
            Actor(name="rebels", code="SYR-REB", role="target"),
        ),
        casualties=None if killed is None else Casualties(killed=killed),
        evidence=Evidence(text="The army shelled the town, a sentence for this test.", start=0, end=52),
        confidence=0.7,
    )


def meeting(day: str, *codes: str) -> TalksHeld:
    return TalksHeld(
        occurred=Occurred(start=dt.date.fromisoformat(day), end=dt.date.fromisoformat(day), precision="day"),
        location=GENEVA,
        actors=tuple(Actor(name=c, code=c, role="participant") for c in codes),
        evidence=Evidence(text="The ministers met in Geneva, written for this test.", start=0, end=50),
        confidence=0.8,
    )


async def publish(
    store: EventStore, events: list[ConflictEvent], *, source: str, published: str
) -> tuple[uuid.UUID, list[uuid.UUID]]:
    article_id = uuid.uuid4()
    submitted = ArticleSubmitted(
        article_id=article_id,
        title="A test article",
        text="Text.",
        source=source,
        published_at=published,
        content_hash=f"h-{article_id}",
    )
    new: list[NewEvent] = [to_new_event(submitted)] + [to_new_event(e) for e in events]
    await store.append(f"article-{article_id}", new)
    return article_id, [e.event_id for e in new[1:]]


async def retract(store: EventStore, article_id: uuid.UUID, event_id: uuid.UUID) -> None:
    gone = EventRetracted(retracted_event_id=event_id, reason="re-extracted", extractor_version="test")
    await store.append(f"article-{article_id}", [to_new_event(gone)])


async def caught_up(pool: asyncpg.Pool, batch_size: int = 500) -> None:
    await ProjectionRunner(
        pool, models=[READ_MODELS["conflict_events"], MODEL], batch_size=batch_size
    ).run_until_caught_up()


async def incident_of(pool: asyncpg.Pool, event_id: uuid.UUID) -> uuid.UUID | None:
    value = await pool.fetchval("SELECT incident_id FROM rm_incident_members WHERE event_id = $1", event_id)
    return value if isinstance(value, uuid.UUID) else None


async def tables(pool: asyncpg.Pool) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for table in MODEL.tables:
        rows = await pool.fetch(f"SELECT * FROM {table}")
        out[table] = sorted(tuple(str(v) for v in r.values()) for r in rows)
    return out


async def test_two_articles_on_one_strike_give_one_incident_with_two_sources(
    pool: asyncpg.Pool, store: EventStore
) -> None:
    _, (first,) = await publish(store, [strike("2024-02-01", killed=12)], source="Outlet A", published="2024-02-01")
    _, (second,) = await publish(store, [strike("2024-02-02", killed=15)], source="Outlet B", published="2024-02-02")
    await caught_up(pool)
    incident_id = await incident_of(pool, first)
    assert incident_id is not None and incident_id == await incident_of(pool, second)
    row = await pool.fetchrow("SELECT * FROM rm_incidents WHERE incident_id = $1", incident_id)
    assert (row["article_count"], row["outlet_count"]) == (2, 2)
    assert (row["killed_low"], row["killed_best"], row["killed_high"]) == (12, 12, 15)
    decisions = await pool.fetch("SELECT decision, rule, reason FROM rm_incident_decisions ORDER BY global_position")
    assert [d["decision"] for d in decisions] == ["IncidentOpened", "EventJoined"]
    assert decisions[1]["rule"] == "offensive.same_front_same_attackers" and "near" in decisions[1]["reason"]


async def test_the_incident_id_derives_from_the_first_event_id(pool: asyncpg.Pool, store: EventStore) -> None:
    _, (first,) = await publish(store, [strike("2024-02-01")], source="A", published="2024-02-01")
    await publish(store, [strike("2024-02-01")], source="B", published="2024-02-01")
    await caught_up(pool)
    assert await incident_of(pool, first) == incident_id_for(first)


async def test_meetings_with_other_counterparts_stay_two_incidents(pool: asyncpg.Pool, store: EventStore) -> None:
    _, (one,) = await publish(store, [meeting("2024-03-04", "USA", "RUS")], source="A", published="2024-03-04")
    _, (two,) = await publish(store, [meeting("2024-03-04", "USA", "UKR")], source="B", published="2024-03-04")
    await caught_up(pool)
    assert await incident_of(pool, one) != await incident_of(pool, two)
    assert await pool.fetchval("SELECT count(*) FROM rm_incidents") == 2


async def test_a_retracted_event_leaves_its_incident_with_a_recorded_decision(
    pool: asyncpg.Pool, store: EventStore
) -> None:
    _, (first,) = await publish(store, [strike("2024-02-01")], source="A", published="2024-02-01")
    article_b, (second,) = await publish(store, [strike("2024-02-01")], source="B", published="2024-02-01")
    await caught_up(pool)
    await retract(store, article_b, second)
    await caught_up(pool)
    assert await incident_of(pool, second) is None
    incident_id = await incident_of(pool, first)
    assert await pool.fetchval("SELECT article_count FROM rm_incidents WHERE incident_id = $1", incident_id) == 1
    left = await pool.fetchrow("SELECT * FROM rm_incident_decisions WHERE decision = 'EventLeft'")
    assert left["event_id"] == second and left["reason"] == "re-extracted"


async def test_the_last_member_leaving_removes_the_incident(pool: asyncpg.Pool, store: EventStore) -> None:
    article_id, (only,) = await publish(store, [strike("2024-02-01")], source="A", published="2024-02-01")
    await caught_up(pool)
    await retract(store, article_id, only)
    await caught_up(pool)
    assert await pool.fetchval("SELECT count(*) FROM rm_incidents") == 0
    assert msgspec.json.decode(
        await pool.fetchval("SELECT body::text FROM rm_incident_decisions WHERE decision = 'EventLeft'")
    )["incident_closed"]


async def _a_mixed_log(store: EventStore) -> None:
    days = ["2024-02-01", "2024-02-03", "2024-02-20", "2024-04-01", "2024-04-02"]
    for n, day in enumerate(days):
        events: list[ConflictEvent] = [strike(day, ALEPPO if n % 2 else HOMS), meeting(day, "USA", "RUS")]
        article_id, ids = await publish(store, events, source=f"outlet {n % 3}", published=day)
        if n == 2:
            await retract(store, article_id, ids[0])


async def test_the_projection_partitions_events_as_the_pure_fold_does(pool: asyncpg.Pool, store: EventStore) -> None:
    await _a_mixed_log(store)
    await caught_up(pool, batch_size=3)
    rows = await pool.fetch(
        "SELECT incident_id, report::text AS report FROM rm_incident_members ORDER BY global_position"
    )
    reports = [msgspec.json.decode(r["report"], type=Report) for r in rows]
    folded = {r.event_id: i.id for i in assign(reports).incidents for r in (m.report for m in i.members)}
    assert {r["incident_id"] for r in rows} == set(folded.values())
    assert all(folded[rep.event_id] == row["incident_id"] for rep, row in zip(reports, rows, strict=True))


async def test_rebuilding_from_the_start_gives_identical_rows(pool: asyncpg.Pool, store: EventStore) -> None:
    await _a_mixed_log(store)
    await caught_up(pool, batch_size=2)
    live = await tables(pool)
    assert live["rm_incidents"] and live["rm_incident_decisions"] and live["rm_incident_changes"]
    await request_rebuild(pool, "incidents")
    await caught_up(pool, batch_size=5)
    assert await tables(pool) == live


def truce(day: str, place: Location = ALEPPO) -> CeasefireAnnounced:
    return CeasefireAnnounced(
        occurred=Occurred(start=dt.date.fromisoformat(day), end=dt.date.fromisoformat(day), precision="day"),
        location=place,
        actors=(Actor(name="SYR", code="SYR", role="party"), Actor(name="rebels", code="SYR-REB", role="party")),
        evidence=Evidence(text="Both sides agreed a truce, a sentence for this test.", start=0, end=50),
        confidence=0.8,
    )


async def test_a_truce_that_held_ends_the_campaign_in_the_database_as_in_the_pure_fold(
    pool: asyncpg.Pool, store: EventStore
) -> None:
    _, (first,) = await publish(store, [strike("2024-01-10")], source="outlet a", published="2024-01-10")
    await publish(store, [truce("2024-02-01")], source="outlet b", published="2024-02-01")
    _, (later,) = await publish(store, [strike("2024-05-01")], source="outlet c", published="2024-05-01")
    await caught_up(pool)
    assert await incident_of(pool, first) != await incident_of(pool, later)
    rows = await pool.fetch(
        "SELECT incident_id, report::text AS report FROM rm_incident_members ORDER BY global_position"
    )
    reports = [msgspec.json.decode(r["report"], type=Report) for r in rows]
    folded = {r.event_id: i.id for i in assign(reports).incidents for r in (m.report for m in i.members)}
    assert all(folded[rep.event_id] == row["incident_id"] for rep, row in zip(reports, rows, strict=True))


async def test_without_a_truce_a_campaign_at_one_town_is_one_incident(pool: asyncpg.Pool, store: EventStore) -> None:
    _, (first,) = await publish(store, [strike("2024-01-10")], source="outlet a", published="2024-01-10")
    _, (later,) = await publish(store, [strike("2024-05-01")], source="outlet c", published="2024-05-01")
    await caught_up(pool)
    assert await incident_of(pool, first) == await incident_of(pool, later)


async def _a_log_with_merges_retractions_and_campaigns(store: EventStore) -> None:
    """Links, merges, a truce, campaigns, retractions, a rejection brought back and a correction, most of
    them deciding on rows written earlier in the same batch."""
    syria = Location(name="Syria", country="SY", lat=35.0, lon=38.5, precision="country")
    # Talks at Geneva and at Lausanne (52 km) are two until one at Rolle (26 km from each) bridges them;
    # the next Lausanne round, 14 days on, is compatible only with the first Lausanne report, which has
    # moved into the Geneva incident: with batches of 4 that report is from an earlier batch.
    lausanne = Location(name="Lausanne", country="CH", lat=46.52, lon=6.63, precision="city")
    rolle = Location(name="Rolle", country="CH", lat=46.36, lon=6.385, precision="city")
    for day, place in (
        ("2024-03-01", GENEVA),
        ("2024-03-02", lausanne),
        ("2024-03-01", rolle),
        ("2024-03-16", lausanne),
    ):
        talks = msgspec.structs.replace(meeting(day, "USA", "RUS"), location=place)
        await publish(store, [talks], source=f"talks {place.name}", published=day)
    await publish(
        store, [strike("2024-01-10"), meeting("2024-01-10", "USA", "RUS")], source="a", published="2024-01-10"
    )
    await publish(store, [strike("2024-01-10", place=HOMS)], source="b", published="2024-01-11")
    bridge, (bridging,) = await publish(store, [strike("2024-01-10", place=syria)], source="c", published="2024-01-11")
    await publish(store, [truce("2024-02-01"), strike("2024-02-03", killed=4)], source="d", published="2024-02-03")
    later, (late, _) = await publish(
        store, [strike("2024-05-01"), meeting("2024-05-01", "USA")], source="a", published="2024-05-01"
    )
    await publish(store, [strike("2024-05-02", place=HOMS, killed=7)], source="e", published="2024-05-02")
    await retract(store, bridge, bridging)
    await publish(store, [strike("2024-05-01", place=syria)], source="f", published="2024-05-03")
    await store.append(f"article-{later}", [to_new_event(EventRejected(event_id=late, reviewer="ana", reason="no"))])
    await store.append(f"article-{later}", [to_new_event(EventConfirmed(event_id=late, reviewer="bob"))])
    corrected = strike("2024-01-11", place=HOMS, killed=9)
    await store.append(
        f"article-{later}",
        [to_new_event(EventCorrected(event_id=late, reviewer="ana", corrected=corrected, changed=("location",)))],
    )
    # A correction to another type of the event that opened an incident another event still holds: its
    # new form opens an incident of the same id (uuid5 of the event) while that row stands (its type stays).
    first, (opener,) = await publish(store, [strike("2024-07-01", place=HOMS)], source="h", published="2024-07-01")
    await publish(store, [strike("2024-07-01", place=HOMS)], source="i", published="2024-07-01")
    talks = meeting("2024-07-02", "USA", "RUS")
    await store.append(
        f"article-{first}",
        [to_new_event(EventCorrected(event_id=opener, reviewer="ana", corrected=talks, changed=("type",)))],
    )
    only, (alone,) = await publish(store, [strike("2024-09-01", place=GENEVA)], source="g", published="2024-09-01")
    await retract(store, only, alone)


async def test_a_batch_writes_the_rows_that_one_event_per_batch_writes(pool: asyncpg.Pool, store: EventStore) -> None:
    await _a_log_with_merges_retractions_and_campaigns(store)
    await caught_up(pool, batch_size=1)
    one_at_a_time = await tables(pool)
    decisions = {r[2] for r in one_at_a_time["rm_incident_decisions"]}
    assert {"IncidentOpened", "EventJoined", "IncidentsMerged", "EventLeft"} <= decisions
    changes = {r[4] for r in one_at_a_time["rm_incident_changes"]}
    assert {"IncidentCreated", "IncidentCorroborated", "IncidentUpdated", "IncidentMerged", "IncidentClosed"} <= changes
    for batch_size in (2, 3, 4, 500):  # rows from earlier batches moved, left and matched within a batch
        await request_rebuild(pool, "incidents")
        await caught_up(pool, batch_size=batch_size)
        assert await tables(pool) == one_at_a_time, batch_size
