"""GET /articles/{id}, /actors, /actors/{code}, /places and /stats/timeline over read-model rows."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.api.readmodel import article_row, event_row, insert_events, insert_rows

Client = AsyncTestClient[Litestar]


def actor(code: str, count: int, names: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"code": code, "names": list(names), "event_count": count, "first_seen": dt.date(2017, 1, 1),
            "last_seen": dt.date(2017, 2, 1)}  # fmt: skip


def place(name: str, country: str, count: int) -> dict[str, Any]:
    return {"name": name, "country": country, "lat": 36.2, "lon": 37.1, "precision": "city", "event_count": count}


async def test_article_comes_with_its_live_events(client: Client, clean_db: str) -> None:
    article = uuid.uuid4()
    first, second = event_row(article_id=article), event_row("TalksHeld", article_id=article)
    await insert_events(clean_db, first, second, event_row())
    await insert_rows(clean_db, "rm_articles", [article_row(article, event_count=2)])
    body = (await client.get(f"/articles/{article}")).json()
    assert (body["id"], body["title"], body["event_count"]) == (str(article), "Offensive auf Al-Bab", 2)
    assert [e["id"] for e in body["events"]] == [str(first["event_id"]), str(second["event_id"])]


async def test_unknown_and_malformed_article_ids(client: Client) -> None:
    assert (await client.get(f"/articles/{uuid.uuid4()}")).status_code == 404
    malformed = await client.get("/articles/12345")
    assert malformed.status_code == 400
    assert "article id" in malformed.json()["detail"]


async def test_actors_are_listed_by_count_and_paged(client: Client, clean_db: str) -> None:
    await insert_rows(clean_db, "rm_actors", [actor("RUS", 5, ("Russland",)), actor("TUR", 9), actor("USA", 5)])
    first = (await client.get("/actors", params={"limit": "2"})).json()
    assert [a["code"] for a in first["items"]] == ["TUR", "RUS"]
    rest = (await client.get("/actors", params={"limit": "2", "cursor": first["next_cursor"]})).json()
    assert ([a["code"] for a in rest["items"]], rest["next_cursor"]) == (["USA"], None)
    found = (await client.get("/actors", params={"q": "russ"})).json()["items"]
    assert [a["code"] for a in found] == ["RUS"]


async def test_an_actor_the_codebook_does_not_know_has_no_canonical_name(client: Client, clean_db: str) -> None:
    await insert_rows(clean_db, "rm_actors", [actor("XKQ-FOO", 1, ("Fremde",))])
    body = (await client.get("/actors/XKQ-FOO")).json()
    assert (body["name"], body["kind"], body["country"], body["names"]) == (None, None, None, ["Fremde"])


async def test_one_actor_by_code(client: Client, clean_db: str) -> None:
    await insert_rows(clean_db, "rm_actors", [actor("SYR-REB", 3, ("Rebellen",))])
    body = (await client.get("/actors/syr-reb")).json()
    assert body == {"code": "SYR-REB", "name": "Syrian rebels and armed opposition", "kind": "rebel_group",
                    "country": "SY", "names": ["Rebellen"], "event_count": 3, "first_seen": "2017-01-01",
                    "last_seen": "2017-02-01"}  # fmt: skip
    assert (await client.get("/actors/XYZ")).status_code == 404
    assert (await client.get("/actors/not a code")).status_code == 400


async def test_places_filter_by_country_and_name(client: Client, clean_db: str) -> None:
    await insert_rows(
        clean_db, "rm_places", [place("Aleppo", "SY", 7), place("Al-Bab", "SY", 2), place("Geneva", "CH", 4)]
    )
    in_syria = (await client.get("/places", params={"country": "SY"})).json()
    assert [p["name"] for p in in_syria["items"]] == ["Aleppo", "Al-Bab"]
    assert [p["name"] for p in (await client.get("/places", params={"q": "gen"})).json()["items"]] == ["Geneva"]
    paged = (await client.get("/places", params={"limit": "1"})).json()
    second = (await client.get("/places", params={"limit": "1", "cursor": paged["next_cursor"]})).json()
    assert [p["name"] for p in second["items"]] == ["Geneva"]


async def test_timeline_aggregates_days_into_weeks_and_months(client: Client, clean_db: str) -> None:
    days = [("OffensiveLaunched", "2017-02-13", 2), ("OffensiveLaunched", "2017-02-19", 1),
            ("OffensiveLaunched", "2017-02-20", 4), ("TalksHeld", "2017-02-14", 1)]  # fmt: skip
    rows = [{"type": t, "day": dt.date.fromisoformat(d), "event_count": n} for t, d, n in days]
    await insert_rows(clean_db, "rm_timeline", rows)
    weeks = (await client.get("/stats/timeline", params={"interval": "week", "type": "OffensiveLaunched"})).json()
    assert weeks["items"] == [
        {"start": "2017-02-13", "type": "OffensiveLaunched", "count": 3},
        {"start": "2017-02-20", "type": "OffensiveLaunched", "count": 4},
    ]
    months = (await client.get("/stats/timeline", params={"interval": "month", "from": "2017-02-14"})).json()
    assert months["items"] == [
        {"start": "2017-02-01", "type": "OffensiveLaunched", "count": 5},
        {"start": "2017-02-01", "type": "TalksHeld", "count": 1},
    ]


async def test_catalog_rejects_bad_input_with_problems(client: Client) -> None:
    for path, params in [
        ("/stats/timeline", {"interval": "fortnight"}),
        ("/stats/timeline", {"type": "Picnic"}),
        ("/stats/timeline", {"from": "yesterday"}),
        ("/actors", {"cursor": "%%%"}),
        ("/actors", {"limit": "0"}),
        ("/places", {"country": "Atlantis"}),
        ("/places", {"q": "\x00"}),
    ]:
        response = await client.get(path, params=params)
        assert response.status_code == 400, (path, params, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")


async def test_actor_and_place_pages_carry_their_totals(client: Client, clean_db: str) -> None:
    await insert_rows(clean_db, "rm_actors", [actor("RUS", 5, ("Russland",)), actor("TUR", 9), actor("USA", 5)])
    await insert_rows(
        clean_db, "rm_places", [place("Aleppo", "SY", 4), place("Al-Bab", "SY", 2), place("Genf", "CH", 1)]
    )
    actors_page = (await client.get("/actors", params={"limit": "1"})).json()
    assert (actors_page["total"], actors_page["total_is_estimate"]) == (3, False)
    assert (await client.get("/actors", params={"q": "russ"})).json()["total"] == 1
    places_page = (await client.get("/places", params={"country": "SY", "limit": "1"})).json()
    assert (len(places_page["items"]), places_page["total"], places_page["total_is_estimate"]) == (1, 2, False)
