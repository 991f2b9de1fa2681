"""The incident changes the incidents projection records (rm_incident_changes): one per incident a log
event moved, classified as created, corroborated, updated, merged or closed, keyed in log order."""

from __future__ import annotations

from typing import Any

import asyncpg

from domain.events import Location
from domain.incidents import incident_id_for
from infra.event_store import EventStore
from tests.infra.read_models.test_incidents import HOMS, caught_up, publish, retract, strike

SYRIA = Location(name="Syria", country="SY", lat=35.0, lon=38.5, precision="country")


async def changes(pool: asyncpg.Pool) -> list[dict[str, Any]]:
    rows = await pool.fetch(
        "SELECT tx_id, global_position, seq, change_type, incident_id, body FROM rm_incident_changes "
        "ORDER BY tx_id, global_position, seq"
    )
    return [dict(r) for r in rows]


async def test_a_second_source_corroborates_and_its_withdrawal_updates(pool: asyncpg.Pool, store: EventStore) -> None:
    first_article, (first,) = await publish(
        store, [strike("2024-02-01", killed=12)], source="A", published="2024-02-01"
    )
    second_article, (second,) = await publish(
        store, [strike("2024-02-02", killed=15)], source="B", published="2024-02-02"
    )
    await caught_up(pool)
    await retract(store, second_article, second)
    await caught_up(pool)
    found = await changes(pool)
    incident = incident_id_for(first)
    assert [(c["change_type"], c["incident_id"]) for c in found] == [
        ("IncidentCreated", incident),
        ("IncidentCorroborated", incident),
        ("IncidentUpdated", incident),
    ]
    bodies = [c["body"] for c in found]
    assert bodies[1]["event_ids"] == [str(second)] and bodies[1]["incident"]["sources"]["articles"] == 2
    assert "casualties" in bodies[1]["changed"] and bodies[1]["incident"]["casualties"]["high"] == 15
    assert bodies[2]["incident"]["sources"]["articles"] == 1 and "sources" in bodies[2]["changed"]
    assert [b["position"] for b in bodies] == [f"{c['tx_id']}-{c['global_position']}" for c in found]
    assert len({b["id"] for b in bodies}) == 3 and first_article != second_article


async def test_a_bridging_report_merges_two_incidents_and_the_last_retraction_closes(
    pool: asyncpg.Pool, store: EventStore
) -> None:
    _, (aleppo,) = await publish(store, [strike("2024-02-01")], source="A", published="2024-02-01")
    _, (homs,) = await publish(store, [strike("2024-02-01", place=HOMS)], source="B", published="2024-02-01")
    bridge_article, (bridge,) = await publish(
        store, [strike("2024-02-01", place=SYRIA)], source="C", published="2024-02-02"
    )
    await caught_up(pool)
    merged = await changes(pool)
    into, absorbed = incident_id_for(aleppo), incident_id_for(homs)
    assert [(c["change_type"], c["incident_id"]) for c in merged] == [
        ("IncidentCreated", into),
        ("IncidentCreated", absorbed),
        ("IncidentCorroborated", into),
        ("IncidentMerged", absorbed),
    ]
    gone = merged[3]["body"]
    assert gone["merged_into"] == str(into) and gone["incident"]["event_ids"] == [str(homs)]
    # One log event (the bridging report) caused both, ranked by seq.
    assert [(c["global_position"], c["seq"]) for c in merged[2:]] == [
        (merged[2]["global_position"], 0),
        (merged[2]["global_position"], 1),
    ]
    assert gone["event_ids"] == [str(bridge)] and bridge_article


async def test_the_last_member_leaving_closes_the_incident(pool: asyncpg.Pool, store: EventStore) -> None:
    article, (only,) = await publish(store, [strike("2024-02-01")], source="A", published="2024-02-01")
    await retract(store, article, only)
    await caught_up(pool)
    found = await changes(pool)
    assert [c["change_type"] for c in found] == ["IncidentCreated", "IncidentClosed"]
    assert found[0]["global_position"] < found[1]["global_position"]
