"""Country filters take ISO 3166-1 alpha-2 or alpha-3 codes in any case, wherever a country is filtered."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.api.conftest import ClientFactory
from tests.api.readmodel import event_row, insert_events, insert_rows

Client = AsyncTestClient[Litestar]


def names(response: Any, key: str) -> list[str]:
    assert response.status_code == 200, response.text
    return [str(item[key]) for item in response.json()["items"]]


@pytest.mark.parametrize("code", ["SY", "sy", "SYR", "syr", " Syr "])
async def test_events_filter_by_alpha_2_or_alpha_3(client: Client, clean_db: str, code: str) -> None:
    al_bab = event_row(place=("Al-Bab", "SY", 36.37, 37.52))
    await insert_events(clean_db, al_bab, event_row(place=("Geneva", "CH", 46.2, 6.15)))
    assert names(await client.get("/events", params={"country": code}), "id") == [str(al_bab["event_id"])]


async def test_places_filter_by_alpha_3(client: Client, clean_db: str) -> None:
    rows = [
        {"name": name, "country": country, "lat": 1.0, "lon": 2.0, "precision": "city", "event_count": n}
        for name, country, n in [("Aleppo", "SY", 3), ("Geneva", "CH", 2)]
    ]
    await insert_rows(clean_db, "rm_places", rows)
    assert names(await client.get("/places", params={"country": "che"}), "name") == ["Geneva"]


async def test_kosovo_is_accepted_as_xk_and_xkx(client: Client) -> None:
    for code in ("XK", "xkx"):
        assert (await client.get("/places", params={"country": code})).status_code == 200


@pytest.mark.parametrize(("path", "code"), [("/events", "XYZ"), ("/places", "QQ"), ("/events", "SYRIA")])
async def test_an_unknown_code_is_a_400_naming_it(client: Client, path: str, code: str) -> None:
    response = await client.get(path, params={"country": code})
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"country: {code!r} is not an ISO 3166-1 country code")


async def test_subscription_filters_store_the_alpha_2_code(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        body = {"url": "http://127.0.0.1:9/hook", "filter": {"country": "ukr"}}
        created = await client.post("/subscriptions", json=body, headers=admin_headers)
        sub = created.json()["subscription"]
        changed = await client.patch(
            f"/subscriptions/{sub['id']}", json={"filter": {"country": "Deu"}}, headers=admin_headers
        )
        unknown = await client.post(
            "/subscriptions", json={**body, "filter": {"country": "ABC"}}, headers=admin_headers
        )
    assert created.status_code == 201 and sub["filter"]["country"] == "UA"
    assert changed.status_code == 200 and changed.json()["filter"]["country"] == "DE"
    assert unknown.status_code == 400 and "filter.country: 'ABC'" in unknown.json()["detail"]
