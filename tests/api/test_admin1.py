"""First-level administrative divisions over HTTP: `/places` gives each place's GeoNames id and admin1,
and `admin1=` filters /places, /events (live and pinned to a release), /incidents and /stats."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from domain.gazetteer import admin1_places
from tests.api.test_end_to_end import caught_up

Client = AsyncTestClient[Litestar]
PALMYRA = {"name": "Palmyra", "country": "SY", "lat": 34.5600, "lon": 38.2800, "precision": "city"}


def in_aleppo(place: dict[str, Any] | None) -> bool:
    return place is not None and place["country"] == "SY" and place["name"] in admin1_places("SY.09")


async def ids(client: Client, query: str) -> set[str]:
    response = await client.get(f"/events?limit=500&{query}")
    assert response.status_code == 200, response.text
    return {e["id"] for e in response.json()["items"]}


async def test_places_carry_their_geonames_id_and_division(client: Client, seeded: list[dict[str, Any]]) -> None:
    places = {p["name"]: p for p in (await client.get("/places")).json()["items"]}
    assert (places["Aleppo"]["geonameid"], places["Aleppo"]["admin1"]) == (170063, "SY.09")
    assert (places["Palmyra"]["geonameid"], places["Palmyra"]["admin1"]) == (163808, "SY.11")
    assert (places["Dabiq"]["geonameid"], places["Dabiq"]["admin1"]) == (None, "SY.09")  # a village: its division
    page = (await client.get("/places?admin1=sy.09")).json()
    assert {p["name"] for p in page["items"]} == {"Aleppo", "Al-Bab", "Dabiq"} and page["total"] == 3


async def test_events_filter_by_division_live_and_in_a_release(
    client: Client, seeded: list[dict[str, Any]], admin_headers: dict[str, str], reviewer: dict[str, str]
) -> None:
    expected = {e["id"] for e in seeded if in_aleppo(e["location"])}
    assert expected and expected != {e["id"] for e in seeded}
    assert await ids(client, "admin1=SY.09") == expected
    assert await ids(client, "admin1=SY.09&type=TalksHeld") == set()
    assert (await client.get("/events?admin1=SY.09&limit=1")).json()["total"] == len(expected)

    assert (await client.post("/releases", json={"name": "r1"}, headers=admin_headers)).status_code == 201
    moved = next(iter(sorted(expected)))
    body = {"verdict": "corrected", "changes": {"location": PALMYRA}}
    assert (await client.post(f"/events/{moved}/review", json=body, headers=reviewer)).status_code == 200
    await caught_up(client)
    assert await ids(client, "admin1=SY.09") == expected - {moved}
    assert moved in await ids(client, "admin1=SY.11")
    assert await ids(client, "admin1=SY.09&release=r1") == expected  # the release keeps the place it had

    stats = (await client.get("/stats?admin1=SY.11")).json()["items"]
    assert sum(item["count"] for item in stats) == len(await ids(client, "admin1=SY.11"))


async def test_incidents_filter_by_the_division_of_their_place(client: Client, seeded: list[dict[str, Any]]) -> None:
    everything = (await client.get("/incidents?limit=500")).json()["items"]
    page = (await client.get("/incidents?limit=500&admin1=SY.09")).json()
    assert {i["id"] for i in page["items"]} == {i["id"] for i in everything if in_aleppo(i["place"])}
    assert page["items"] and page["total"] == len(page["items"]) < len(everything)


@pytest.mark.parametrize(
    ("path", "value", "detail"),
    [
        ("/events", "SY-09", "admin1"),
        ("/events", "SY.99", "no place of the gazetteer lies in 'SY.99'"),
        ("/incidents", "XX.01", "no place of the gazetteer"),
        ("/places", "Aleppo", "admin1"),
    ],
)
async def test_an_unknown_or_malformed_division_is_a_problem(
    client: Client, path: str, value: str, detail: str
) -> None:
    response = await client.get(path, params={"admin1": value})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert detail in response.json().get("detail", "") or detail in response.text
