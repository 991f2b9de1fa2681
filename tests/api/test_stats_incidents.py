"""GET /stats?unit=incidents: each real-world occurrence counted once, under every filter, whatever
the number of articles that report it (the seeds ingested twice: every incident has two reports)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.api.test_end_to_end import caught_up, seed_articles
from tests.api.test_incidents import all_incidents, post_all, reprints

Client = AsyncTestClient[Litestar]


@pytest.fixture(autouse=True)
async def twice(client: Client, admin_headers: dict[str, str]) -> None:
    for articles in (seed_articles(), reprints()):
        await post_all(client, articles, admin_headers)
        await caught_up(client)


def best(incident: dict[str, Any]) -> int:
    return int((incident["casualties"] or {}).get("best") or 0)


async def stats(client: Client, query: str) -> list[dict[str, Any]]:
    response = await client.get(f"/stats?{query}")
    assert response.status_code == 200, response.text
    assert response.json()["unit"] == ("incidents" if "unit=incidents" in query else "events")
    return list(response.json()["items"])


async def test_incidents_are_counted_once_where_events_count_every_report(client: Client) -> None:
    incidents = await all_incidents(client)
    [total] = await stats(client, "unit=incidents")
    assert total["count"] == len(incidents)
    assert total["fatalities"] == sum(best(i) for i in incidents) > 0
    assert total["fatalities_low"] <= total["fatalities"] <= total["fatalities_high"]
    [reports] = await stats(client, "")
    # Every occurrence reported at least by an article and its reprint, one event per article.
    assert reports["count"] == sum(i["sources"]["articles"] for i in incidents) >= 2 * len(incidents)


@pytest.mark.parametrize(
    "query",
    ["", "&type=OffensiveLaunched", "&actor=RUS", "&country=SY", "&from=2016-10-01&to=2017-12-31", "&min_sources=3"],
)
async def test_by_country_type_and_actor_as_the_incidents_list_gives_them(client: Client, query: str) -> None:
    incidents = await all_incidents(client, query)
    by_country = await stats(client, f"unit=incidents&group_by=country{query}")
    countries: Counter[str | None] = Counter((i["place"] or {}).get("country") for i in incidents)
    assert {b.get("country"): b["count"] for b in by_country} == dict(countries)
    by_type = await stats(client, f"unit=incidents&group_by=type{query}")
    assert {b["type"]: (b["count"], b["fatalities"]) for b in by_type} == tally(incidents, lambda i: [i["type"]])
    by_actor = await stats(client, f"unit=incidents&group_by=actor{query}")
    expected = tally(incidents, lambda i: sorted({a["code"] for a in i["actors"]}))
    assert {b["actor"]: (b["count"], b["fatalities"]) for b in by_actor} == expected


def tally(incidents: list[dict[str, Any]], keys: Any) -> dict[str, tuple[int, int]]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for incident in incidents:
        for key in keys(incident):
            counts[key][0] += 1
            counts[key][1] += best(incident)
    return {k: (n, f) for k, (n, f) in counts.items()}


async def test_by_month_counts_dated_incidents_by_their_start(client: Client) -> None:
    incidents = [i for i in await all_incidents(client) if i["occurred"]]
    months = tally(incidents, lambda i: [dt.date.fromisoformat(i["occurred"]["start"]).replace(day=1).isoformat()])
    by_month = await stats(client, "unit=incidents&group_by=interval&interval=month")
    assert {b["start"]: (b["count"], b["fatalities"]) for b in by_month} == months


async def test_report_filters_keep_incidents_with_a_matching_member(client: Client) -> None:
    incidents = await all_incidents(client)
    events = (await client.get("/events?q=Aleppo&limit=500")).json()["items"]
    matching = {e["incident_id"] for e in events}
    [found] = await stats(client, "unit=incidents&q=Aleppo")
    assert 0 < found["count"] == len(matching) < len(incidents)
    deadly = [i for i in incidents if best(i) >= 10]
    [over_ten] = await stats(client, "unit=incidents&fatalities_min=10")
    assert over_ten["count"] == len(deadly)
    assert await stats(client, "unit=incidents&review_status=rejected") == [
        {"count": 0, "fatalities": 0, "fatalities_low": 0, "fatalities_high": 0}
    ]


async def test_pinned_reads_and_min_sources_of_events_are_problems(client: Client) -> None:
    for query in ("unit=incidents&as_of=0-0", "unit=incidents&release=2026.12", "min_sources=2", "unit=reports"):
        response = await client.get(f"/stats?{query}")
        assert response.status_code == 400, query
        assert response.headers["content-type"].startswith("application/problem+json")
