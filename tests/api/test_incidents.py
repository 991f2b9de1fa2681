"""GET /incidents and /incidents/{id} over the real app: the seeds ingested twice (a reprint under
other article ids and another outlet) give each incident once, with two sources."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.api.test_end_to_end import caught_up, seed_articles

Client = AsyncTestClient[Litestar]
REPRINT_NOTE = "\n\n(Nachdruck mit freundlicher Genehmigung der Redaktion.)"


def reprints() -> list[dict[str, Any]]:
    return [
        {**a, "text": a["text"] + REPRINT_NOTE, "external_id": "reprint-" + a["external_id"], "source": "Reprint Wire"}
        for a in seed_articles()
    ]


async def post_all(client: Client, articles: list[dict[str, Any]], headers: dict[str, str]) -> list[str]:
    ids = []
    for article in articles:
        response = await client.post("/articles", json=article, headers=headers)
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    return ids


async def all_incidents(client: Client, query: str = "") -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        suffix = f"&cursor={cursor}" if cursor else ""
        response = await client.get(f"/incidents?limit=3{query}{suffix}")
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items


@pytest.fixture
async def twice(client: Client, admin_headers: dict[str, str]) -> tuple[list[str], list[str]]:
    originals = await post_all(client, seed_articles(), admin_headers)
    await caught_up(client)
    copies = await post_all(client, reprints(), admin_headers)
    await caught_up(client)
    return originals, copies


async def test_seeds_ingested_twice_give_each_incident_once_with_two_sources(
    client: Client, admin_headers: dict[str, str]
) -> None:
    originals = await post_all(client, seed_articles(), admin_headers)
    await caught_up(client)
    once = {i["id"]: set(i["article_ids"]) for i in await all_incidents(client)}
    copies = await post_all(client, reprints(), admin_headers)
    await caught_up(client)
    twice = await all_incidents(client)
    twin = dict(zip(originals, copies, strict=True))
    # The same incidents, under the same ids, each now with the reprint of every article it had.
    assert {i["id"]: set(i["article_ids"]) for i in twice} == {
        incident_id: articles | {twin[a] for a in articles} for incident_id, articles in once.items()
    }
    single = [i for i in twice if len(once[i["id"]]) == 1]
    assert single and all(i["sources"] == {**i["sources"], "articles": 2, "outlets": 2} for i in single)
    # Where two seed articles report one occurrence (the Aleppo offensive), the incident has both.
    assert all(i["sources"]["articles"] == 2 * len(once[i["id"]]) for i in twice)


async def test_every_event_carries_its_incident(client: Client, twice: tuple[list[str], list[str]]) -> None:
    events = (await client.get("/events?limit=500")).json()["items"]
    assert all(uuid.UUID(e["incident_id"]) for e in events)
    one = (await client.get(f"/events/{events[0]['id']}")).json()
    assert one["incident_id"] == events[0]["incident_id"]


async def test_collapse_gives_one_row_per_incident(client: Client, twice: tuple[list[str], list[str]]) -> None:
    everything = (await client.get("/events?limit=500")).json()
    collapsed = (await client.get("/events?limit=500&collapse=incident")).json()
    incidents = {e["incident_id"] for e in everything["items"]}
    assert sorted(e["incident_id"] for e in collapsed["items"]) == sorted(incidents)
    assert collapsed["total"] == len(incidents) < everything["total"]
    csv_rows = (await client.get("/events?collapse=incident&format=csv")).text.strip().splitlines()
    assert len(csv_rows) == 1 + len(incidents)
    assert (await client.get("/events?collapse=article")).status_code == 400
    assert (await client.get("/events?collapse=incident&as_of=0")).status_code == 400


async def test_an_incident_shows_its_events_articles_outlets_and_decisions(
    client: Client, twice: tuple[list[str], list[str]]
) -> None:
    listed = next(i for i in await all_incidents(client) if i["sources"]["articles"] == 2)
    detail = (await client.get(f"/incidents/{listed['id']}")).json()
    assert detail["id"] == listed["id"] and len(detail["events"]) == 2
    assert {e["incident_id"] for e in detail["events"]} == {listed["id"]}
    assert all(e["evidence"]["text"] for e in detail["events"])
    assert {a["outlet"] for a in detail["articles"]} == set(detail["outlets"]) and len(detail["outlets"]) == 2
    assert [d["decision"] for d in detail["decisions"]] == ["IncidentOpened", "EventJoined"]


async def test_incidents_filter_and_sort_by_sources_and_fatalities(
    client: Client, twice: tuple[list[str], list[str]]
) -> None:
    everything = await all_incidents(client)
    deadly = await all_incidents(client, "&min_fatalities=1&sort=fatalities&order=desc")
    bests = [i["casualties"]["best"] for i in deadly]
    assert bests == sorted(bests, reverse=True) and all(b >= 1 for b in bests)
    assert len(deadly) == sum(1 for i in everything if ((i["casualties"] or {}).get("best") or 0) >= 1)
    offensives = await all_incidents(client, "&type=OffensiveLaunched&country=SY")
    assert offensives and all(i["type"] == "OffensiveLaunched" for i in offensives)
    corroborated = await all_incidents(client, "&min_sources=3&sort=sources")
    assert corroborated and {i["id"] for i in corroborated} == {
        i["id"] for i in everything if i["sources"]["articles"] >= 3
    }
    page = (await client.get("/incidents?limit=1&sort=sources")).json()
    assert page["total"] == len(everything)


async def test_an_unknown_incident_is_a_404_problem_and_a_bad_id_a_400(client: Client) -> None:
    missing = await client.get(f"/incidents/{uuid.uuid4()}")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/problem+json")
    bad = await client.get("/incidents/not-an-id")
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("application/problem+json")
    assert (await client.get("/incidents?sort=loudness")).status_code == 400
    assert (await client.get("/incidents?cursor=garbage")).status_code == 400
