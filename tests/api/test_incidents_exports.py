"""GET /incidents?format=csv|geojson|ndjson (or Accept): every matching incident, streamed in the
filter and sort of the JSON pages, each row the JSON page's incident."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from api.formats import INCIDENT_CSV_COLUMNS
from infra.queries import incidents as incident_queries
from tests.api.test_end_to_end import caught_up, seed_articles
from tests.api.test_incidents import all_incidents, post_all, reprints

Client = AsyncTestClient[Litestar]
QUERIES = ("", "&type=OffensiveLaunched&country=SY", "&min_sources=2&sort=sources&order=asc",
           "&min_fatalities=1&sort=fatalities", "&actor=RUS&from=2016-01-01&to=2016-12-31")  # fmt: skip


@pytest.fixture(autouse=True)
async def twice(client: Client, admin_headers: dict[str, str]) -> None:
    """The seeds and their reprints under other ids and another outlet, projected."""
    for articles in (seed_articles(), reprints()):
        await post_all(client, articles, admin_headers)
        await caught_up(client)


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exports read in batches of 3, so a few seed incidents cross several keyset batches."""
    monkeypatch.setattr(incident_queries, "EXPORT_BATCH", 3)


@pytest.mark.parametrize("query", QUERIES)
async def test_ndjson_export_is_every_json_page_item_in_order(client: Client, query: str) -> None:
    paged = await all_incidents(client, query)
    response = await client.get(f"/incidents?format=ndjson{query}")
    assert response.status_code == 200 and response.headers["content-type"] == "application/x-ndjson"
    assert [json.loads(line) for line in response.text.splitlines()] == paged


async def test_the_filters_narrow_the_export(client: Client) -> None:
    everything = await all_incidents(client)
    syria = await all_incidents(client, "&type=OffensiveLaunched&country=SY")
    assert syria and len(syria) < len(everything)


@pytest.mark.parametrize("query", QUERIES[:3])
async def test_csv_export_has_one_row_per_incident_matching_its_json(client: Client, query: str) -> None:
    paged = await all_incidents(client, query)
    response = await client.get(f"/incidents?format=csv{query}")
    assert response.headers["content-type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames or ()) == INCIDENT_CSV_COLUMNS
    rows = list(reader)
    assert [r["incident_id"] for r in rows] == [i["id"] for i in paged]
    places = await place_references(client)
    for row, incident in zip(rows, paged, strict=True):
        assert bool(row.pop("country_name")) == bool(row["country"])
        references = row.pop("admin1"), row.pop("geonameid")
        assert references == places.get((row["place"], row["country"]), ("", ""))
        assert row == csv_cells(incident)


async def place_references(client: Client) -> dict[tuple[str, str], tuple[str, str]]:
    """(admin1, geonameid) of every place /places lists, as CSV cells, by (name, country)."""
    found, after = {}, None
    while True:
        page = (await client.get("/places", params={"limit": 500} | ({"cursor": after} if after else {}))).json()
        for p in page["items"]:
            found[(p["name"], cell(p["country"]))] = (cell(p["admin1"]), cell(p["geonameid"]))
        if not (after := page.get("next_cursor")):
            return found


def cell(value: object) -> str:
    return "" if value is None else str(value)


def csv_cells(incident: dict[str, Any]) -> dict[str, str]:
    """What the CSV row of an incident holds (but the country's name), written from its JSON."""
    place, occurred, casualties = incident["place"] or {}, incident["occurred"] or {}, incident["casualties"] or {}
    sources = incident["sources"]
    return {
        "incident_id": incident["id"], "type": incident["type"],
        "date_start": cell(occurred.get("start")), "date_end": cell(occurred.get("end")),
        "time_precision": cell(occurred.get("precision")), "date_basis": cell(occurred.get("basis")),
        "place": cell(place.get("name")), "country": cell(place.get("country")),
        "latitude": cell(place.get("lat")), "longitude": cell(place.get("lon")),
        "geo_precision": cell(place.get("precision")),
        "actors": " ".join(f"{a['code']}:{a['role']}:{a['sources']}" for a in incident["actors"]),
        "killed_low": cell(casualties.get("low")), "killed_best": cell(casualties.get("best")),
        "killed_high": cell(casualties.get("high")),
        "articles": str(sources["articles"]), "outlets": str(sources["outlets"]),
        "first_reported": cell(sources["first_reported"]), "last_reported": cell(sources["last_reported"]),
        "confidence": str(incident["confidence"]), "event_ids": " ".join(incident["event_ids"]),
        "article_ids": " ".join(incident["article_ids"]), "outlet_names": " ".join(incident["outlets"]),
    }  # fmt: skip


async def test_geojson_export_is_a_feature_per_incident_at_its_best_place(client: Client) -> None:
    query = "&min_sources=2&sort=fatalities&order=asc"
    paged = await all_incidents(client, query)
    response = await client.get(f"/incidents?{query[1:]}", headers={"Accept": "application/geo+json"})
    assert response.headers["content-type"] == "application/geo+json"
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert [f["properties"] for f in collection["features"]] == paged
    for feature, incident in zip(collection["features"], paged, strict=True):
        place = incident["place"] or {}
        point = [place["lon"], place["lat"]] if place.get("lat") is not None else None
        assert feature["id"] == incident["id"]
        assert (feature["geometry"] or {}).get("coordinates") == point
    assert any(f["geometry"] for f in collection["features"])


async def test_an_export_honours_the_cursor_and_caps_at_limit(client: Client) -> None:
    paged = await all_incidents(client, "&sort=sources")
    first = (await client.get("/incidents?sort=sources&limit=2")).json()
    rest = await client.get(f"/incidents?sort=sources&format=ndjson&cursor={first['next_cursor']}&limit=4")
    assert [json.loads(line)["id"] for line in rest.text.splitlines()] == [i["id"] for i in paged[2:6]]
    many = await client.get("/incidents?format=ndjson&limit=100000")
    assert len(many.text.splitlines()) == len(paged)
    capped = await client.get("/incidents?limit=501")  # a JSON page holds at most 500: a larger limit fills it
    assert capped.status_code == 200 and len(capped.json()["items"]) <= 500


async def test_an_unserved_format_is_a_problem(client: Client) -> None:
    bad = await client.get("/incidents?format=xml")
    assert bad.status_code == 400 and bad.headers["content-type"] == "application/problem+json"
    refused = await client.get("/incidents", headers={"Accept": "image/png"})
    assert refused.status_code == 406 and refused.headers["content-type"] == "application/problem+json"
