"""GET /events?format=csv|geojson|ndjson: complete, streamed exports of every matching event.

Events are appended to the event store and projected (no extraction), so a few thousand
are quick to set up while the export still reads what the projection wrote.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections.abc import Sequence

import asyncpg
import httpx
import msgspec
from litestar import Litestar
from litestar.testing import AsyncTestClient

from domain.events import (
    Actor,
    ArticleSubmitted,
    Casualties,
    ConflictEvent,
    Evidence,
    Location,
    Occurred,
    OffensiveLaunched,
    TalksHeld,
)
from infra.codec import to_new_event
from infra.event_store import EventStore
from infra.projection_runner import ProjectionRunner
from infra.queries.events import MAX_LIMIT
from tests.api.conftest import ClientFactory

Client = AsyncTestClient[Litestar]
MATCHING = 1_351  # above the JSON page maximum and above one export batch (1,000)
EXTRACTOR = "test-extractor-1"


def offensive(day: int, *, located: bool = True) -> OffensiveLaunched:
    evidence = f"Truppen rückten am {day}. Tag gegen die Stadt vor."
    return OffensiveLaunched(
        occurred=Occurred(
            start=dt.date(2017, 2, 1) + dt.timedelta(days=day % 20), end=dt.date(2017, 3, 1), precision="week"
        ),
        location=Location(name="Al-Bab", country="SY", lat=36.37, lon=37.52) if located else None,
        actors=(
            Actor(name="IS-Kämpfer", code="ISIL", role="target"),
            Actor(name="türkische Armee", code="TUR", role="attacker"),
        ),
        casualties=Casualties(killed=4, injured=9, civilians_killed=2, children_killed=None),
        evidence=Evidence(text=evidence, start=0, end=len(evidence)),
        confidence=0.75,
    )


def talks() -> TalksHeld:
    evidence = "Die Delegationen trafen sich in Genf."
    return TalksHeld(
        location=Location(name="Geneva", country="CH", lat=46.2, lon=6.15),
        actors=tuple(Actor(name=c.lower(), code=c, role="participant") for c in ("RUS", "USA", "TUR", "IRN", "SYR")),
        evidence=Evidence(text=evidence, start=0, end=len(evidence)),
    )


async def append_article(store: EventStore, events: Sequence[ConflictEvent]) -> uuid.UUID:
    article_id = uuid.uuid4()
    submitted = ArticleSubmitted(
        article_id=article_id,
        title="Lagebericht",
        text="Ein selbst geschriebener Lagebericht.",
        url=f"https://news.example.org/{article_id}",
        source="Example News",
        published_at="2017-02-20",
        content_hash=f"h-{article_id}",
    )
    metadata = {"extractor_version": EXTRACTOR}
    await store.append(
        f"article-{article_id}",
        [to_new_event(submitted)] + [to_new_event(e, metadata=metadata) for e in events],
    )
    return article_id


async def project(pool: asyncpg.Pool) -> None:
    await ProjectionRunner(pool).run_until_caught_up()


def csv_records(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


async def test_csv_exports_every_match_beyond_the_page_maximum_and_limit_caps_it(
    make_client: ClientFactory, store: EventStore, pool: asyncpg.Pool
) -> None:
    await append_article(store, [offensive(n) for n in range(MATCHING)])
    await append_article(store, [talks() for _ in range(30)])
    await project(pool)
    async with make_client(run_workers=False) as client:
        every = csv_records(await client.get("/events", params={"format": "csv", "type": "OffensiveLaunched"}))
        assert len(every) == MATCHING > MAX_LIMIT
        assert len({r["event_id"] for r in every}) == MATCHING
        capped = await client.get("/events", params={"format": "csv", "type": "OffensiveLaunched", "limit": "700"})
        assert len(csv_records(capped)) == 700
        small = await client.get("/events", params={"format": "csv", "limit": "3"})
        assert len(csv_records(small)) == 3


async def test_csv_columns_flatten_dates_place_actors_casualties_and_provenance(
    make_client: ClientFactory, store: EventStore, pool: asyncpg.Pool
) -> None:
    article_id = await append_article(store, [offensive(3), talks()])
    await project(pool)
    async with make_client(run_workers=False) as client:
        response = await client.get("/events", params={"format": "csv", "sort": "occurred", "order": "asc"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    header = response.text.splitlines()[0].split(",")
    assert "actor4_role" in header and "actor5" not in header
    fight, meeting = csv_records(response)
    assert (fight["type"], fight["event_date"], fight["date_start"], fight["date_end"]) == (
        "OffensiveLaunched", "2017-02-04", "2017-02-04", "2017-03-01",
    )  # fmt: skip
    assert fight["time_precision"] == "week"
    assert (fight["place"], fight["country"], fight["country_name"]) == ("Al-Bab", "SY", "Syria")
    assert (fight["latitude"], fight["longitude"], fight["geo_precision"]) == ("36.37", "37.52", "city")
    # the place as /places gives it: GeoNames id and first-level division (Aleppo governorate)
    assert (fight["admin1"], fight["geonameid"]) == ("SY.09", "174018")
    assert (meeting["admin1"], meeting["geonameid"]) == ("CH.GE", "2660646")
    # attackers come before targets (the codebook's role order), whatever order the extractor gave
    assert [fight[f"actor1{f}"] for f in ("", "_code", "_role")] == ["türkische Armee", "TUR", "attacker"]
    assert [fight[f"actor2{f}"] for f in ("", "_code", "_role")] == ["IS-Kämpfer", "ISIL", "target"]
    assert fight["actor3"] == fight["actor3_code"] == ""
    casualties = [fight[c] for c in ("fatalities", "injured", "civilians_killed", "children_killed")]
    assert casualties == ["4", "9", "2", ""]
    assert (fight["source"], fight["published_at"]) == ("Example News", "2017-02-20")
    assert fight["source_url"] == f"https://news.example.org/{article_id}"
    assert (fight["article_id"], fight["extractor_version"], fight["confidence"]) == (
        str(article_id),
        EXTRACTOR,
        "0.75",
    )
    assert fight["evidence"].startswith("Truppen rückten am 3. Tag")
    assert meeting["event_date"] == meeting["date_start"] == ""
    assert meeting["country_name"] == "Switzerland"
    assert [meeting[f"actor{n}_code"] for n in range(1, 5)] == ["RUS", "USA", "TUR", "IRN"]


async def test_geojson_streams_a_feature_collection_of_every_match(
    make_client: ClientFactory, store: EventStore, pool: asyncpg.Pool
) -> None:
    await append_article(store, [offensive(n, located=n % 100 != 0) for n in range(MATCHING)])
    await project(pool)
    async with make_client(run_workers=False) as client:
        response = await client.get("/events", params={"format": "geojson"})
        capped = await client.get("/events", headers={"Accept": "application/geo+json"}, params={"limit": "5"})
    assert response.headers["content-type"] == "application/geo+json"
    collection = msgspec.json.decode(response.content)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == MATCHING
    unplaced = [f for f in features if f["geometry"] is None]
    assert len(unplaced) == 14  # n = 0, 100, ..., 1300
    assert features[1]["geometry"] == {"type": "Point", "coordinates": [37.52, 36.37]}
    assert features[1]["properties"]["type"] == "OffensiveLaunched"
    assert len(msgspec.json.decode(capped.content)["features"]) == 5


async def test_an_export_with_no_match_is_still_well_formed(client: Client) -> None:
    csv_response = await client.get("/events", params={"format": "csv", "type": "TalksHeld"})
    assert csv_response.text.splitlines()[0].startswith("event_id,type,event_date,")
    assert csv_records(csv_response) == []
    geo = await client.get("/events", params={"format": "geojson"})
    assert msgspec.json.decode(geo.content) == {"type": "FeatureCollection", "features": []}
    assert (await client.get("/events", params={"format": "ndjson"})).content == b""


async def test_json_pages_stay_bounded_while_exports_take_any_limit(client: Client) -> None:
    too_big = await client.get("/events", params={"limit": str(MAX_LIMIT + 1)})  # a full page, no more
    assert too_big.status_code == 200 and len(too_big.json()["items"]) <= MAX_LIMIT
    assert (await client.get("/events", params={"limit": "5000", "format": "csv"})).status_code == 200
