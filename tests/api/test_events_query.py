"""GET /events and GET /events/{id} over rows written straight into the read model."""

from __future__ import annotations

import csv
import io
import uuid
from typing import Any

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import AsyncTestClient, TestClient

from api.app import create_app
from infra.settings import load_settings
from tests.api.readmodel import article_row, event_row, insert_events, insert_rows

Client = AsyncTestClient[Litestar]


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def id_of(row: dict[str, Any]) -> str:
    return str(row["event_id"])


async def test_type_filter_returns_only_that_type(client: Client, clean_db: str) -> None:
    offensive, talks = event_row("OffensiveLaunched"), event_row("TalksHeld")
    await insert_events(clean_db, offensive, talks)
    assert ids(await client.get("/events", params={"type": "TalksHeld"})) == [id_of(talks)]
    both = await client.get("/events", params=[("type", "TalksHeld"), ("type", "OffensiveLaunched")])
    assert ids(both) == [id_of(talks), id_of(offensive)]


async def test_events_are_served_in_their_wire_format(client: Client, clean_db: str) -> None:
    row = event_row()
    await insert_events(clean_db, row)
    [item] = (await client.get("/events")).json()["items"]
    # plus its incident: null while the incidents projection has not linked it
    assert item == {**msgspec.json.decode(msgspec.json.encode(row["body"])), "incident_id": None}
    assert item["position"] == f"{row['tx_id']}-{row['global_position']}"


async def test_unknown_type_is_a_problem_naming_it(client: Client) -> None:
    response = await client.get("/events", params={"type": "Picnic"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "'Picnic'" in response.json()["detail"]


async def test_actor_filter_matches_any_code(client: Client, clean_db: str) -> None:
    tur = event_row(actors=(("TUR", "attacker"), ("ISIL", "target")))
    rus = event_row(actors=(("RUS", "attacker"),))
    usa = event_row(actors=(("USA", "attacker"),))
    await insert_events(clean_db, tur, rus, usa)
    response = await client.get("/events", params=[("actor", "isil"), ("actor", "RUS")])
    assert sorted(ids(response)) == sorted([id_of(tur), id_of(rus)])


async def test_country_place_and_bbox_filters(client: Client, clean_db: str) -> None:
    al_bab = event_row(place=("Al-Bab", "SY", 36.37, 37.52))
    geneva = event_row(place=("Geneva", "CH", 46.2, 6.15))
    nowhere = event_row(place=None)
    await insert_events(clean_db, al_bab, geneva, nowhere)
    assert ids(await client.get("/events", params={"country": "sy"})) == [id_of(al_bab)]
    assert ids(await client.get("/events", params={"place": "geneva"})) == [id_of(geneva)]
    assert ids(await client.get("/events", params={"bbox": "35,35,40,38"})) == [id_of(al_bab)]


async def test_bbox_crossing_the_antimeridian(client: Client, clean_db: str) -> None:
    fiji = event_row(place=("Suva", "FJ", -18.1, 178.4))
    samoa = event_row(place=("Apia", "WS", -13.8, -171.8))
    geneva = event_row(place=("Geneva", "CH", 46.2, 6.15))
    await insert_events(clean_db, fiji, samoa, geneva)
    assert sorted(ids(await client.get("/events", params={"bbox": "170,-20,-170,-10"}))) == sorted(
        [id_of(fiji), id_of(samoa)]
    )


async def test_date_filters_select_overlapping_ranges(client: Client, clean_db: str) -> None:
    february = event_row(occurred=("2017-02-10", "2017-02-20"))
    march = event_row(occurred=("2017-03-05", "2017-03-05"))
    undated = event_row(occurred=None)
    await insert_events(clean_db, february, march, undated)
    assert ids(await client.get("/events", params={"from": "2017-02-20", "to": "2017-03-01"})) == [id_of(february)]
    assert ids(await client.get("/events", params={"from": "2017-03-01"})) == [id_of(march)]
    assert ids(await client.get("/events", params={"to": "2017-02-10"})) == [id_of(february)]


async def test_full_text_search_in_german_and_english(client: Client, clean_db: str) -> None:
    german = event_row(evidence="Die Armee startete eine Offensive auf die Stadt.")
    english = event_row(evidence="Rebels launched attacks on the besieged city.")
    await insert_events(clean_db, german, english)
    assert ids(await client.get("/events", params={"q": "Offensiven"})) == [id_of(german)]
    assert ids(await client.get("/events", params={"q": "attack"})) == [id_of(english)]
    assert ids(await client.get("/events", params={"q": '"the besieged city" -Armee'})) == [id_of(english)]


async def test_article_and_confidence_filters(client: Client, clean_db: str) -> None:
    article = uuid.uuid4()
    sure = event_row(article_id=article, confidence=0.9)
    unsure = event_row(article_id=article, confidence=0.3)
    other = event_row(confidence=0.95)
    await insert_events(clean_db, sure, unsure, other)
    assert ids(await client.get("/events", params={"article_id": str(article), "min_confidence": "0.5"})) == [
        id_of(sure)
    ]


async def test_pages_by_recorded_order_cover_every_event_once(client: Client, clean_db: str) -> None:
    rows = [event_row() for _ in range(5)]
    await insert_events(clean_db, *rows)
    for order, expected in (("desc", rows[::-1]), ("asc", rows)):
        seen, cursor = [], None
        while True:
            params = {"limit": "2", "order": order} | ({"cursor": cursor} if cursor else {})
            page = (await client.get("/events", params=params)).json()
            seen += [item["id"] for item in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == [id_of(r) for r in expected]


async def test_pages_by_occurred_put_undated_events_last(client: Client, clean_db: str) -> None:
    late, early = event_row(occurred=("2017-03-01", "2017-03-01")), event_row(occurred=("2016-01-01", "2016-01-02"))
    undated = [event_row(occurred=None) for _ in range(3)]
    await insert_events(clean_db, late, early, *undated)
    tail = sorted(undated, key=lambda r: r["event_id"])
    for order, expected in (("asc", [early, late, *tail]), ("desc", [late, early, *tail[::-1]])):
        seen, cursor = [], None
        while True:
            params = {"limit": "1", "sort": "occurred", "order": order} | ({"cursor": cursor} if cursor else {})
            page = (await client.get("/events", params=params)).json()
            seen += [item["id"] for item in page["items"]]
            if (cursor := page["next_cursor"]) is None:
                break
        assert seen == [id_of(r) for r in expected]


async def test_pages_by_fatalities_put_the_deadliest_first_and_unknown_tolls_last(
    client: Client, clean_db: str
) -> None:
    many, few, same = event_row(killed=40), event_row(killed=3), event_row(killed=3)
    unknown = [event_row() for _ in range(2)]
    await insert_events(clean_db, many, few, same, *unknown)
    threes = sorted([few, same], key=lambda r: r["event_id"], reverse=True)
    tail = sorted(unknown, key=lambda r: r["event_id"], reverse=True)
    seen, cursor = [], None
    while True:
        params = {"limit": "2", "sort": "fatalities"} | ({"cursor": cursor} if cursor else {})
        page = (await client.get("/events", params=params)).json()
        seen += [item["id"] for item in page["items"]]
        if (cursor := page["next_cursor"]) is None:
            break
    assert seen == [id_of(r) for r in [many, *threes, *tail]]
    at_least = await client.get("/events", params={"fatalities_min": "4"})
    assert ids(at_least) == [id_of(many)] and at_least.json()["total"] == 1
    assert (await client.get("/events", params={"fatalities_min": "-1"})).status_code == 400


async def test_bad_cursors_are_problems(client: Client, clean_db: str) -> None:
    await insert_events(clean_db, event_row(), event_row())
    cursor = (await client.get("/events", params={"limit": "1"})).json()["next_cursor"]
    for params in ({"cursor": "garbage!"}, {"cursor": cursor, "sort": "occurred"}, {"cursor": cursor[:-3]}):
        response = await client.get("/events", params=params)
        assert response.status_code == 400, params
        assert "cursor" in response.json()["detail"]


async def test_invalid_filters_are_problems_naming_the_parameter(client: Client) -> None:
    cases = {
        "bbox": "1,2,3",
        "country": "Syria",
        "from": "15.02.2017",
        "to": "2017-13-01",
        "article_id": "not-a-uuid",
        "min_confidence": "1.5",
        "limit": "0",
        "sort": "random",
        "actor": "R U S",
        "q": "a\x00b",
    }
    for name, value in cases.items():
        response = await client.get("/events", params={name: value})
        assert response.status_code == 400, (name, response.text)
        assert name in response.json()["detail"], (name, response.json())
    reversed_range = await client.get("/events", params={"from": "2017-03-01", "to": "2017-02-01"})
    assert reversed_range.status_code == 400
    capped = await client.get("/events", params={"limit": "501"})  # a JSON page holds at most 500: a full one
    assert capped.status_code == 200


async def test_csv_has_a_header_row_and_flat_columns(client: Client, clean_db: str) -> None:
    row = event_row(actors=(("ISIL", "target"), ("TUR", "attacker")), killed=3)
    await insert_events(clean_db, row)
    response = await client.get("/events", params={"format": "csv"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    [record] = list(csv.DictReader(io.StringIO(response.text)))
    assert record["event_id"] == id_of(row)
    assert (record["actor1_code"], record["actor1_role"], record["actor2_code"]) == ("TUR", "attacker", "ISIL")
    assert (record["country"], record["latitude"], record["fatalities"]) == ("SY", "36.37", "3")


async def test_geojson_is_a_feature_collection_with_null_geometry_when_unplaced(client: Client, clean_db: str) -> None:
    placed, unplaced = event_row(), event_row(place=None)
    await insert_events(clean_db, placed, unplaced)
    response = await client.get("/events", headers={"Accept": "application/geo+json"})
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    geometries = {f["id"]: f["geometry"] for f in collection["features"]}
    assert geometries == {id_of(placed): {"type": "Point", "coordinates": [37.52, 36.37]}, id_of(unplaced): None}


async def test_ndjson_streams_every_match_and_limit_caps_it(client: Client, clean_db: str) -> None:
    rows = [event_row() for _ in range(7)]
    await insert_events(clean_db, *rows, event_row("TalksHeld"))
    params = {"type": "OffensiveLaunched", "order": "asc"}
    every = await client.get("/events", params=params, headers={"Accept": "application/x-ndjson"})
    assert every.headers["content-type"].startswith("application/x-ndjson")
    lines = [msgspec.json.decode(line) for line in every.text.splitlines()]
    assert [line["id"] for line in lines] == [id_of(r) for r in rows]
    capped = await client.get("/events", params={**params, "limit": "2", "format": "ndjson"})
    assert [msgspec.json.decode(line)["id"] for line in capped.text.splitlines()] == [id_of(r) for r in rows[:2]]


async def test_format_negotiation_problems(client: Client) -> None:
    assert (await client.get("/events", params={"format": "xml"})).status_code == 400
    refused = await client.get("/events", headers={"Accept": "text/html"})
    assert refused.status_code == 406
    assert refused.headers["content-type"].startswith("application/problem+json")
    browser = await client.get("/events", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert browser.headers["content-type"].startswith("application/json")


async def test_one_event_comes_with_its_article(client: Client, clean_db: str) -> None:
    article = uuid.uuid4()
    row = event_row(article_id=article)
    await insert_events(clean_db, row)
    await insert_rows(clean_db, "rm_articles", [article_row(article, title="Offensive")])
    body = (await client.get(f"/events/{row['event_id']}")).json()
    assert body["evidence"] == row["body"]["evidence"]
    assert body["article"] == {
        "id": str(article),
        "title": "Offensive",
        "url": f"https://example.org/{article}",
        "source": "example",
        "published_at": "2017-02-16",
    }


async def test_unknown_and_malformed_event_ids(client: Client) -> None:
    assert (await client.get(f"/events/{uuid.uuid4()}")).status_code == 404
    malformed = await client.get("/events/not-a-uuid")
    assert malformed.status_code == 400
    assert malformed.headers["content-type"].startswith("application/problem+json")


_PARAMS = ("type", "actor", "country", "place", "bbox", "from", "to", "q", "article_id", "min_confidence")
_PARAMS += ("sort", "order", "limit", "cursor", "format")
_VALUES = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.sampled_from(["OffensiveLaunched", "SY", "2017-02-30", "1e308", "-0", "nan", "9" * 30, "0,0,0,0", "-1"]),
    st.integers().map(str),
    st.floats().map(str),
)


def test_no_query_input_produces_a_server_error(database_url: str) -> None:
    app = create_app(load_settings({}, database_url=database_url), database_url)
    with TestClient(app) as client:

        @settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
        @given(st.lists(st.tuples(st.sampled_from(_PARAMS), _VALUES), max_size=4))
        def check(params: list[tuple[str, str]]) -> None:
            response = client.get("/events", params=params)
            assert response.status_code < 500, (params, response.text)

        check()


async def test_reads_need_a_key_only_when_configured(make_client: Any, make_headers: Any) -> None:
    headers = await make_headers("ingest")
    async with make_client(read_keys_required=True) as closed:
        for path in ("/events", "/actors", "/places", "/stats/timeline", "/log", f"/articles/{uuid.uuid4()}"):
            refused = await closed.get(path)
            assert refused.status_code == 401, path
            assert refused.headers["content-type"].startswith("application/problem+json")
        assert (await closed.get("/events", headers=headers)).status_code == 200
    async with make_client() as open_client:
        assert (await open_client.get("/events")).status_code == 200


async def test_pages_carry_the_exact_total_of_the_filter(client: Client, clean_db: str) -> None:
    await insert_events(clean_db, *[event_row() for _ in range(5)], event_row("TalksHeld"))
    first = (await client.get("/events", params={"type": "OffensiveLaunched", "limit": "2"})).json()
    assert (len(first["items"]), first["total"], first["total_is_estimate"]) == (2, 5, False)
    second = (await client.get("/events", params={"type": "OffensiveLaunched", "cursor": first["next_cursor"]})).json()
    assert (len(second["items"]), second["total"]) == (3, 5)
    nothing = (await client.get("/events", params={"country": "CH"})).json()
    assert (nothing["items"], nothing["total"], nothing["total_is_estimate"]) == ([], 0, False)
