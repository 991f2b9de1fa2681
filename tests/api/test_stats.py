"""GET /stats and /stats/timeline with country and actor: counts and fatality sums of the events
themselves, under the filters /events takes."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.api.readmodel import event_row, insert_events

Client = AsyncTestClient[Litestar]
KYIV = ("Kyiv", "UA", 50.45, 30.52)


async def rows(clean_db: str) -> None:
    await insert_events(
        clean_db,
        event_row(occurred=("2017-02-15", "2017-02-15"), killed=10, actors=(("TUR", "attacker"), ("ISIL", "target"))),
        event_row(occurred=("2017-02-20", "2017-02-20"), killed=5, actors=(("SYR", "attacker"),)),
        event_row(occurred=("2017-03-02", "2017-03-02"), actors=(("TUR", "attacker"),)),
        event_row("TalksHeld", occurred=("2017-03-05", "2017-03-05"), place=KYIV, actors=(("RUS", "participant"),)),
        event_row(occurred=None, killed=2),
    )


def buckets(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def test_without_grouping_one_total_of_events_and_fatalities(client: Client, clean_db: str) -> None:
    await rows(clean_db)
    assert buckets(await client.get("/stats")) == [{"count": 5, "fatalities": 17}]


async def test_grouped_by_country_and_by_actor_under_a_filter(client: Client, clean_db: str) -> None:
    await rows(clean_db)
    by_country = buckets(await client.get("/stats?group_by=country"))
    assert by_country == [
        {"country": "SY", "count": 4, "fatalities": 17},
        {"country": "UA", "count": 1, "fatalities": 0},
    ]
    by_actor = buckets(await client.get("/stats?group_by=actor&type=OffensiveLaunched&actor=TUR"))
    assert by_actor == [
        {"actor": "ISIL", "count": 1, "fatalities": 10},
        {"actor": "TUR", "count": 3, "fatalities": 12},  # the undated one is TUR's too
    ]


async def test_by_month_and_type_leaves_undated_events_out(client: Client, clean_db: str) -> None:
    await rows(clean_db)
    body = (await client.get("/stats?group_by=interval&group_by=type&interval=month")).json()
    assert body["group_by"] == ["interval", "type"] and body["interval"] == "month"
    assert body["items"] == [
        {"start": "2017-02-01", "type": "OffensiveLaunched", "count": 2, "fatalities": 15},
        {"start": "2017-03-01", "type": "OffensiveLaunched", "count": 1, "fatalities": 0},
        {"start": "2017-03-01", "type": "TalksHeld", "count": 1, "fatalities": 0},
    ]
    quarters = buckets(await client.get("/stats?group_by=interval&interval=quarter"))
    assert quarters == [{"start": "2017-01-01", "count": 4, "fatalities": 15}]


async def test_the_timeline_honours_country_and_actor(client: Client, clean_db: str) -> None:
    await rows(clean_db)
    ukraine = (await client.get("/stats/timeline?interval=month&country=UA")).json()["items"]
    assert ukraine == [{"start": "2017-03-01", "type": "TalksHeld", "count": 1}]
    turkey = (await client.get("/stats/timeline?interval=month&actor=TUR")).json()["items"]
    assert [(b["start"], b["count"]) for b in turkey] == [("2017-02-01", 1), ("2017-03-01", 1)]


async def test_bad_grouping_is_a_problem(client: Client) -> None:
    for params in ("group_by=planet", "interval=decade&group_by=interval", "country=XX"):
        response = await client.get(f"/stats?{params}")
        assert response.status_code == 400, params
        assert response.headers["content-type"].startswith("application/problem+json")
