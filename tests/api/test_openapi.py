"""/schema/openapi.json tells the truth: the media types served, the key each operation
needs, and no invented examples."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import AsyncTestClient

from api import formats
from api.routes.subscriptions import WEBHOOK_URL_PATTERN
from api.schemas import ACTOR_CODE_PATTERN, BBOX_PATTERN, CURSOR_PATTERN, LOG_POSITION_PATTERN, STREAM_KEY_PATTERN
from domain.articles import NO_NUL_PATTERN, NOT_BLANK_PATTERN
from domain.events import CONFLICT_TYPE_NAMES
from domain.gazetteer import admin1_places
from domain.webhooks import DELIVERABLE_TYPES, INCIDENT_TYPES, LOG_TYPES, MAX_URL_LENGTH
from infra.webhooks.ssrf import check_url_syntax
from tests.api.conftest import ClientFactory

Client = AsyncTestClient[Litestar]
BEARER = [{"bearerAuth": []}]
OPTIONAL_BEARER = [{}, {"bearerAuth": []}]
READ_METHODS = {"get", "head"}
# Litestar/polyfactory fill in strings like "aRrVLsGZikpQmmFEvCba": letters only, case
# flipping at random. Domain words and codes flip case at most at word starts.
_RANDOM_WORD = re.compile(r"[A-Za-z]{8,}")


def operations(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in {"get", "head", "post", "put", "patch", "delete"}:
                yield method, path, operation


def examples(node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"example", "examples"}:
                yield value
            yield from examples(value)
    elif isinstance(node, list):
        for value in node:
            yield from examples(value)


def strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def looks_random(text: str) -> bool:
    for word in _RANDOM_WORD.findall(text):
        flips = sum(1 for a, b in pairwise(word) if a.islower() and b.isupper())
        if flips >= 2:
            return True
    return False


async def schema_of(client: Client) -> dict[str, Any]:
    response = await client.get("/schema/openapi.json")
    assert response.status_code == 200
    schema: dict[str, Any] = response.json()
    return schema


async def test_events_declares_every_media_type_it_serves(client: Client) -> None:
    schema = await schema_of(client)
    declared = set(schema["paths"]["/events"]["get"]["responses"]["200"]["content"])
    assert declared == set(formats.MEDIA_TYPES.values())
    for fmt in formats.MEDIA_TYPES:
        served = (await client.get("/events", params={"format": fmt})).headers["content-type"]
        assert served.split(";")[0].strip() in declared, fmt


async def test_writes_need_a_bearer_key_and_reads_take_one_optionally(client: Client) -> None:
    schema = await schema_of(client)
    assert schema["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schema["components"]["securitySchemes"]["bearerAuth"]["description"],
    }
    writes = [(m, p, op) for m, p, op in operations(schema) if m not in READ_METHODS]
    assert len(writes) >= 10
    for method, path, operation in writes:
        assert operation.get("security") == BEARER, (method, path)
        assert "401" in operation["responses"], (method, path)
    assert schema["paths"]["/events"]["get"]["security"] == OPTIONAL_BEARER
    assert schema["paths"]["/subscriptions"]["get"]["security"] == BEARER  # admin scope, even to read
    assert "security" not in schema["paths"]["/health"]["get"]


async def test_reads_declare_the_key_required_when_read_keys_are_required(make_client: ClientFactory) -> None:
    async with make_client(run_workers=False, read_keys_required=True) as client:
        schema = await schema_of(client)
    for method, path, operation in operations(schema):
        if path not in {"/health", "/ready", "/metrics"}:  # /metrics has a key of its own (CONFLICTDB_METRICS_KEY)
            assert operation.get("security") == BEARER, (method, path)


async def test_no_example_in_the_schema_looks_random(client: Client) -> None:
    schema = await schema_of(client)
    random_looking = [s for example in examples(schema) for s in strings(example) if looks_random(s)]
    assert random_looking == []


def test_the_randomness_check_tells_generated_strings_from_domain_text() -> None:
    assert looks_random("aRrVLsGZikpQmmFEvCba")
    assert looks_random("Actor(name='sdnjxheBhfgKPQDHNwAL', code='GFHBlpJvStIgpSjGbFxU')")
    for domain in ("OffensiveLaunched", "SYR-REB", "Die türkische Armee griff Al-Bab an.", "CeasefireAnnounced"):
        assert not looks_random(domain), domain


LIST_ROUTES = {
    "/events": "EventItem",
    "/incidents": "IncidentView",
    "/log": "LogEntry",
    "/actors": "ActorView",
    "/places": "PlaceView",
    "/subscriptions": "Subscription",
    "/subscriptions/{subscription_id}/deliveries": "Delivery",
}


async def test_each_list_route_declares_a_page_of_its_item_type(client: Client) -> None:
    schema = await schema_of(client)
    components = schema["components"]["schemas"]
    for path, item in LIST_ROUTES.items():
        ok = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        page = components[ok["$ref"].removeprefix("#/components/schemas/")]
        assert page["title"] == f"Page[{item}]", path
        assert page["required"] == ["items", "next_cursor", "total", "total_is_estimate"], path
        assert page["properties"]["items"]["items"] == {"$ref": f"#/components/schemas/{item}"}, path
        assert components[item]["properties"], path


CLOSED_BODIES = [
    ("post", "/releases"),
    ("post", "/events/{event_id}/review"),
    ("post", "/subscriptions"),
    ("patch", "/subscriptions/{subscription_id}"),
    ("post", "/subscriptions/{subscription_id}/replay"),
    ("patch", "/articles/{article_id}"),
]


async def test_bodies_that_refuse_unknown_fields_declare_no_additional_properties(
    client: Client, admin_headers: dict[str, str]
) -> None:
    schema = await schema_of(client)
    components = schema["components"]["schemas"]
    for method, path in CLOSED_BODIES:
        body = schema["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
        assert components[body["$ref"].removeprefix("#/components/schemas/")]["additionalProperties"] is False, path
    refused = await client.post("/releases", json={"name": "r1", "extra": 1}, headers=admin_headers)
    assert refused.status_code == 400 and "extra" in refused.json()["detail"]
    article = schema["paths"]["/articles"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert "additionalProperties" not in components[article["$ref"].removeprefix("#/components/schemas/")]


async def test_published_at_declares_the_shapes_the_articles_routes_accept(
    client: Client, admin_headers: dict[str, str]
) -> None:
    components = (await schema_of(client))["components"]["schemas"]
    for body in ("ArticleInput", "ArticlePatch"):
        declared = components[body]["properties"]["published_at"]["anyOf"]
        assert [alternative.get("format") for alternative in declared] == ["date", "date-time", None], body
    article = {"title": "Talks", "text": "Delegations of Armenia and Azerbaijan held talks in Geneva on Tuesday."}
    for n, published in enumerate(("2016-10-05", "2016-10-05T08:00:00+00:00", "2016-10")):
        created = await client.post(
            "/articles",
            json=article | {"text": f"{article['text']} Report {n}.", "published_at": published},
            headers=admin_headers,
        )
        assert created.status_code == 201, (published, created.text)
    refused = await client.post("/articles", json=article | {"published_at": "0"}, headers=admin_headers)
    assert refused.status_code == 400 and "published_at" in refused.json()["detail"]


def _param(schema: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name)
    return found["schema"]


async def test_repeatable_types_and_actors_declare_the_items_the_server_accepts(client: Client) -> None:
    schema = await schema_of(client)
    conflict_types = sorted(CONFLICT_TYPE_NAMES)
    for path in ("/events", "/incidents", "/stats", "/stats/timeline"):
        assert _param(schema, path, "type")["items"]["enum"] == conflict_types, path
        assert _param(schema, path, "actor")["items"]["pattern"] == ACTOR_CODE_PATTERN, path
    assert _param(schema, "/events/stream", "type")["items"]["enum"] == sorted(LOG_TYPES)
    assert _param(schema, "/incidents/stream", "type")["items"]["enum"] == sorted(INCIDENT_TYPES)
    body = schema["components"]["schemas"]["CreateSubscription"]["properties"]["event_types"]
    assert body["items"]["enum"] == sorted(DELIVERABLE_TYPES)
    listed = await client.get("/events", params={"type": conflict_types, "actor": ["rus", "SYR-REB"]})
    refused = await client.get("/events", params={"actor": ""})
    assert listed.status_code == 200 and refused.status_code == 400


def _header(schema: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(
        p for p in schema["paths"][path]["get"]["parameters"] if p["in"] == "header" and p["name"] == name
    )
    return found["schema"]


async def test_log_positions_declare_the_forms_the_server_parses(client: Client, admin_headers: dict[str, str]) -> None:
    schema = await schema_of(client)
    for path in ("/events", "/actors", "/places", "/stats", "/stats/timeline", "/articles/{article_id}"):
        assert _param(schema, path, "min_position")["pattern"] == LOG_POSITION_PATTERN, path
    assert _param(schema, "/events/stream", "after")["pattern"] == LOG_POSITION_PATTERN
    assert _header(schema, "/events/stream", "Last-Event-ID")["pattern"] == LOG_POSITION_PATTERN
    assert _param(schema, "/incidents/stream", "after")["pattern"] == STREAM_KEY_PATTERN
    assert _header(schema, "/incidents/stream", "Last-Event-ID")["pattern"] == STREAM_KEY_PATTERN
    for path in ("/events/stream", "/incidents/stream"):  # a header is a string or absent, never null
        assert _header(schema, path, "Last-Event-ID")["type"] == "string" and "oneOf" not in _header(
            schema, path, "Last-Event-ID"
        )
    assert schema["components"]["schemas"]["Replay"]["properties"]["from_position"]["pattern"] == LOG_POSITION_PATTERN
    for path in ("/events/stream", "/incidents/stream"):
        for refused in (
            await client.get(path, params={"after": "00"}),
            await client.get(path, headers={"Last-Event-ID": "x"}),
        ):
            assert refused.status_code == 400 and refused.headers["content-type"] == "application/problem+json", path


async def test_country_filters_declare_the_codes_the_server_knows(
    client: Client, admin_headers: dict[str, str]
) -> None:
    schema = await schema_of(client)
    for path in ("/events", "/incidents", "/places", "/stats", "/stats/timeline"):
        codes = _param(schema, path, "country")["enum"]
        assert {"SY", "SYR", "sy", "syr", "XK", "XKX", "UA"} <= set(codes) and "AA" not in codes, path
    body = schema["components"]["schemas"]["FilterInput"]["properties"]["country"]["enum"]
    assert "UKR" in body and None in body and "ABC" not in body
    for code in ("sy", "SYR", "xkx"):
        assert (await client.get("/events", params={"country": code})).status_code == 200, code
    refused = await client.get("/places", params={"country": "AA"})
    assert refused.status_code == 400 and refused.headers["content-type"] == "application/problem+json"


async def test_admin1_filters_declare_the_divisions_the_gazetteer_has_places_in(client: Client) -> None:
    schema = await schema_of(client)
    for path in ("/events", "/incidents", "/places", "/stats"):
        divisions = _param(schema, path, "admin1")["enum"]
        assert "SY.09" in divisions and "AA.0" not in divisions, path
        assert all(admin1_places(code) for code in divisions), path
    assert (await client.get("/places", params={"admin1": "sy.09"})).status_code == 200
    refused = await client.get("/places", params={"admin1": "AA.0"})
    assert refused.status_code == 400 and refused.headers["content-type"] == "application/problem+json"


def _bounded(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "maximum" in node:
            yield node
        for value in node.values():
            yield from _bounded(value)
    elif isinstance(node, list):
        for value in node:
            yield from _bounded(value)


async def test_a_lower_bound_of_zero_is_declared_too(client: Client) -> None:
    """Litestar leaves `ge=0` out of the schema (a falsy bound); every bounded number states its minimum."""
    schema = await schema_of(client)
    bounded = list(_bounded(schema["paths"])) + list(_bounded(schema["components"]["schemas"]["FilterInput"]))
    assert len(bounded) >= 10
    assert [node for node in bounded if "minimum" not in node and "exclusiveMinimum" not in node] == []
    assert _param(schema, "/events", "fatalities_min")["minimum"] == 0
    assert _param(schema, "/events", "min_confidence")["minimum"] == 0
    refused = await client.get("/events", params={"fatalities_min": "-1"})
    assert refused.status_code == 400 and refused.headers["content-type"] == "application/problem+json"


async def test_stats_declares_dates_positions_and_the_404_of_an_unknown_release(
    client: Client, admin_headers: dict[str, str]
) -> None:
    schema = await schema_of(client)
    for name in ("from", "to"):
        assert _param(schema, "/stats", name)["format"] == "date", name
    assert _param(schema, "/stats", "as_of")["pattern"] == LOG_POSITION_PATTERN
    assert "404" in schema["paths"]["/stats"]["get"]["responses"]
    unknown = await client.get("/stats", params={"release": "nope"})
    assert unknown.status_code == 404 and unknown.headers["content-type"] == "application/problem+json"
    note = schema["components"]["schemas"]["ReleaseInput"]["properties"]["note"]
    assert note["maxLength"] == 2000


async def test_a_position_past_the_read_models_is_a_409_not_a_400(
    client: Client, admin_headers: dict[str, str]
) -> None:
    for answer in (
        await client.get("/events", params={"as_of": "900000-900000"}),
        await client.get("/stats", params={"as_of": "900000-900000"}),
        await client.post("/releases", json={"name": "later", "position": "900000-900000"}, headers=admin_headers),
    ):
        assert answer.status_code == 409, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert "retry later" in answer.json()["detail"]


async def test_free_text_declares_what_the_server_refuses(client: Client, admin_headers: dict[str, str]) -> None:
    """No NUL anywhere (PostgreSQL cannot store it); a value refused when blank declares a non-space character;
    a correction names a field to change; a rejection gives its reason."""
    components = (await schema_of(client))["components"]["schemas"]
    patch, article, review = components["ArticlePatch"], components["ArticleInput"], components["ReviewInput"]
    for body, field in [(patch, "note"), (patch, "title"), (patch, "source"), (article, "title"), (article, "text")]:
        assert body["properties"][field]["pattern"] == NOT_BLANK_PATTERN, field
    for body, field in [(article, "source"), (article, "external_id"), (review, "note")]:
        assert body["properties"][field]["pattern"] == NO_NUL_PATTERN, field
    for field in ("actor",):
        assert components["FilterInput"]["properties"][field]["pattern"] == NO_NUL_PATTERN
    assert components["CreateSubscription"]["properties"]["description"]["pattern"] == NO_NUL_PATTERN
    blank = re.compile(NOT_BLANK_PATTERN)
    assert [bool(blank.search(v)) for v in ("", " ", "\u00a0\t", "a\x00", " typo ")] == [False] * 4 + [True]
    assert [alternative["required"] for alternative in patch["anyOf"]] == [
        ["published_at"],
        ["language"],
        ["source"],
        ["title"],
    ]
    assert review["anyOf"][0] == {"properties": {"verdict": {"not": {"const": "rejected"}}}}
    assert review["anyOf"][1]["required"] == ["note"]
    text = {"title": "Talks", "text": "Delegations of Armenia and Azerbaijan held talks in Geneva on Tuesday."}
    created = await client.post("/articles", json=text, headers=admin_headers)
    assert created.status_code == 201, created.text
    path = f"/articles/{created.json()['id']}"
    corrected = await client.patch(path, json={"title": "Talks in Geneva", "note": "typo"}, headers=admin_headers)
    assert corrected.status_code == 200, corrected.text
    blank_note = await client.patch(path, json={"title": "Talks", "note": " "}, headers=admin_headers)
    assert blank_note.status_code == 400 and blank_note.headers["content-type"] == "application/problem+json"
    url = re.compile(components["ArticleInput"]["properties"]["url"]["pattern"])
    assert url.search("https://www.example.com/a?b#c") and not url.search("http://:80/") and not url.search("http://[")


async def test_bbox_declares_four_numbers_in_range_and_the_server_takes_every_box_it_allows(
    make_client: ClientFactory, admin_headers: dict[str, str]
) -> None:
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        await _bbox_checks(client, admin_headers)


async def _bbox_checks(client: Client, admin_headers: dict[str, str]) -> None:
    schema = await schema_of(client)
    for path in ("/events", "/stats"):
        assert _param(schema, path, "bbox")["pattern"] == BBOX_PATTERN, path
    declared = re.compile(BBOX_PATTERN)
    boxes = ("35,35,40,38", "170,-20,-170,-10", "10,50,0,40", "-180,-90,180,90", "0.5,-0,180.0,90.00")
    assert all(declared.search(box) for box in boxes)
    assert not any(declared.search(box) for box in ("1,2,3", "181,0,0,0", "0,91,0,0", "a,b,c,d"))
    for box in boxes:  # west > east crosses the antimeridian; the latitudes come in either order
        assert (await client.get("/events", params={"bbox": box})).status_code == 200, box
    body = schema["components"]["schemas"]["FilterInput"]["properties"]["bbox"]
    assert (body["minItems"], body["maxItems"]) == (4, 4)
    bounds = [(item["minimum"], item["maximum"]) for item in body["prefixItems"]]
    assert bounds == [(-180, 180), (-90, 90), (-180, 180), (-90, 90)]
    hook = {"url": "http://127.0.0.1:9/hook", "filter": {"bbox": [170, 10, -170, -10]}}
    created = await client.post("/subscriptions", json=hook, headers=admin_headers)
    assert created.status_code == 201, created.text
    assert created.json()["subscription"]["filter"]["bbox"] == [170, -10, -170, 10]
    refused = await client.post("/subscriptions", json={**hook, "filter": {"bbox": []}}, headers=admin_headers)
    assert refused.status_code == 400 and refused.headers["content-type"] == "application/problem+json"


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(url=st.from_regex(WEBHOOK_URL_PATTERN, fullmatch=True).filter(lambda u: len(u) <= MAX_URL_LENGTH))
def test_every_webhook_url_the_pattern_allows_passes_the_servers_syntax_check(url: str) -> None:
    check_url_syntax(url)


async def test_subscription_url_declares_its_pattern(make_client: ClientFactory, admin_headers: dict[str, str]) -> None:
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        url = (await schema_of(client))["components"]["schemas"]["CreateSubscription"]["properties"]["url"]
        refused = await client.post("/subscriptions", json={"url": "0"}, headers=admin_headers)
        created = await client.post(
            "/subscriptions", json={"url": "HTTPS://hooks.eu.example.com:8443/in?x=1"}, headers=admin_headers
        )
    assert url["pattern"] == WEBHOOK_URL_PATTERN
    pattern = re.compile(WEBHOOK_URL_PATTERN)
    assert not any(pattern.search(u) for u in ("0", "ftp://x/", "http://u:p@x/", "http://x:65536/", "http://x /"))
    assert refused.status_code == 400 and refused.headers["content-type"] == "application/problem+json"
    assert created.status_code == 201, created.text


async def test_free_text_filters_declare_a_non_blank_value_and_ids_their_format(client: Client) -> None:
    schema = await schema_of(client)
    for path, name in [("/events", "q"), ("/events", "place"), ("/stats", "q"), ("/actors", "q"), ("/places", "q")]:
        declared = _param(schema, path, name)
        assert (declared["pattern"], declared["maxLength"]) == (NOT_BLANK_PATTERN, 500), (path, name)
    assert _param(schema, "/events", "article_id")["format"] == "uuid"
    assert _param(schema, "/stats", "group_by")["maxItems"] == 3
    statuses = re.compile(_param(schema, "/events", "review_status")["items"]["pattern"])
    assert statuses.search("confirmed,rejected") and not statuses.search("maybe")
    for path, params in [
        ("/events", {"review_status": "confirmed,rejected", "q": "talks", "place": "Aleppo"}),
        ("/stats", {"review_status": ["unreviewed", "corrected"], "group_by": ["type", "country", "actor"]}),
    ]:
        assert (await client.get(path, params=params)).status_code == 200, path
    for path, params in [("/events", {"q": " "}), ("/events", {"article_id": "0"}), ("/actors", {"q": "\u00a0"})]:
        refused = await client.get(path, params=params)
        assert refused.status_code == 400 and refused.headers["content-type"] == "application/problem+json", params


async def test_a_json_limit_past_the_page_size_gives_full_pages_and_cursors_declare_their_alphabet(
    client: Client,
) -> None:
    schema = await schema_of(client)
    assert _param(schema, "/incidents", "cursor")["pattern"] == CURSOR_PATTERN
    for path in ("/events", "/incidents"):
        assert _param(schema, path, "limit")["maximum"] > 500, path
        answer = await client.get(path, params={"limit": "100000"})
        assert answer.status_code == 200 and answer.json()["items"] == [], path
