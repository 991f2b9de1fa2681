"""Bad input of every kind gets a 4xx RFC 9457 problem+json with a clear detail, never a 500."""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.api.conftest import ClientFactory

PROBLEM = "application/problem+json"
JSON = {"Content-Type": "application/json"}
SUB = "e3e70682-c209-1cac-a29f-6fbed82c07cd"


@pytest.fixture
async def quiet(make_client: ClientFactory) -> AsyncIterator[AsyncTestClient[Litestar]]:
    """A client without background workers; private webhook targets allowed (no DNS in tests)."""
    async with make_client(run_workers=False, webhook_allow_private=True, max_body_bytes=100_000) as client:
        yield client


def problem(response: Any, status: int, *words: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    detail: str = response.json()["detail"]
    for word in words:
        assert word in detail, detail
    return detail


async def test_empty_bodies_say_what_the_body_must_be(quiet: AsyncTestClient[Litestar], admin_headers: Any) -> None:
    headers = {**admin_headers, **JSON}
    problem(await quiet.post("/articles", headers=headers), 400, "body is empty", "JSON object with title and text")
    problem(await quiet.post("/articles", headers=admin_headers), 400, "body is empty")
    problem(await quiet.post("/articles/batch", headers=headers), 400, "body is empty", "JSON array")
    problem(await quiet.post("/subscriptions", headers=headers), 400, "body is empty", "with url")
    problem(await quiet.post(f"/subscriptions/{SUB}/replay", headers=headers), 400, "body is empty")


async def test_bodies_that_are_not_plain_utf8_json(quiet: AsyncTestClient[Litestar], admin_headers: Any) -> None:
    headers = {**admin_headers, **JSON}
    body = b'{"title": "a\xff", "text": "b"}'
    problem(await quiet.post("/articles", content=body, headers=headers), 400, "not valid UTF-8")
    zipped = gzip.compress(b'{"title": "a", "text": "b"}')
    gz = {**headers, "Content-Encoding": "gzip"}
    problem(await quiet.post("/articles", content=zipped, headers=gz), 415, "Content-Encoding 'gzip'")
    form = {**admin_headers, "Content-Type": "text/plain"}
    problem(await quiet.post("/subscriptions", content=b'{"url": "http://x.org/"}', headers=form), 415, "text/plain")


async def test_an_oversize_body_is_413_naming_the_limit(quiet: AsyncTestClient[Litestar], admin_headers: Any) -> None:
    big = b'{"title": "t", "text": "' + b"a" * 200_000 + b'"}'
    response = await quiet.post("/articles", content=big, headers={**admin_headers, **JSON})
    problem(response, 413, "100000 bytes", "CONFLICTDB_MAX_BODY_BYTES")
    assert (await quiet.get("/health")).status_code == 200


async def test_unknown_routes_and_methods(quiet: AsyncTestClient[Litestar]) -> None:
    problem(await quiet.get("/nope"), 404, "nothing is served at /nope")
    response = await quiet.put("/events")
    problem(response, 405, "PUT is not allowed on /events", "GET")
    assert "GET" in response.headers["allow"]


async def test_options_lists_every_method_without_a_key(quiet: AsyncTestClient[Litestar]) -> None:
    response = await quiet.options("/subscriptions")
    assert response.status_code == 204
    assert response.headers["allow"] == "GET, OPTIONS, POST"
    response = await quiet.options(f"/subscriptions/{SUB}")
    assert response.headers["allow"] == "DELETE, GET, OPTIONS, PATCH"


@pytest.mark.parametrize(
    ("method", "path", "words"),
    [
        ("GET", "/subscriptions/null", ("subscription_id", "UUID")),
        ("POST", "/articles/nope/reextract", ("article_id", "UUID")),
        ("GET", f"/subscriptions/{SUB}/deliveries/99999999999999999999999/attempts", ("delivery_id",)),
        ("POST", f"/subscriptions/{SUB}/deliveries/99999999999999999999999/retry", ("delivery_id",)),
        ("GET", f"/subscriptions/{SUB}/deliveries?cursor=99999999999999999999", ("cursor",)),
        ("GET", "/subscriptions?cursor=x", ("cursor",)),
    ],
)
async def test_malformed_ids_and_cursors_are_400(
    quiet: AsyncTestClient[Litestar], admin_headers: Any, method: str, path: str, words: tuple[str, ...]
) -> None:
    problem(await quiet.request(method, path, headers=admin_headers), 400, *words)


async def test_log_positions_beyond_bigint_are_400(quiet: AsyncTestClient[Litestar], admin_headers: Any) -> None:
    created = await quiet.post("/subscriptions", json={"url": "http://127.0.0.1:9/"}, headers=admin_headers)
    sub = created.json()["subscription"]["id"]
    body = {"from_position": "1-99999999999999999999"}
    problem(await quiet.post(f"/subscriptions/{sub}/replay", json=body, headers=admin_headers), 400, "log position")
    stream = await quiet.get("/events/stream", headers={"Last-Event-ID": "1-99999999999999999999"})
    problem(stream, 400, "Last-Event-ID", "log position")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://example.com/x", "http or https"),
        ("http://", "name a host"),
        ("http://user:pw@example.com/", "credentials"),
        ("http://exa mple.com/", "spaces"),
        ("http://example.com/\x00", "NUL"),
        ("http://ex%00ample.com/", "not a valid host"),
        ("http://" + "a" * 300 + ".com/", "not a valid host"),
        ("http://[::1", "not valid"),
        ("http://example.com:99999/", "not valid"),
    ],
)
async def test_bad_webhook_urls(quiet: AsyncTestClient[Litestar], admin_headers: Any, url: str, words: str) -> None:
    problem(await quiet.post("/subscriptions", json={"url": url}, headers=admin_headers), 400, words)


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1]/",
        "http://10.0.0.1/",
        "http://169.254.169.254/",
        "http://127.0.0.1:8080/",
        "http://[::ffff:127.0.0.1]/",
    ],
)
async def test_private_webhook_targets_are_refused(make_client: ClientFactory, admin_headers: Any, url: str) -> None:
    async with make_client(run_workers=False) as client:
        response = await client.post("/subscriptions", json={"url": url}, headers=admin_headers)
    problem(response, 400, "non-public address")


async def test_nul_in_subscription_fields_is_400(quiet: AsyncTestClient[Litestar], admin_headers: Any) -> None:
    for body, field in [
        ({"url": "http://x.org/", "description": "a\x00"}, "description"),
        ({"url": "http://x.org/", "filter": {"actor": "R\x00"}}, "filter.actor"),
    ]:
        problem(await quiet.post("/subscriptions", json=body, headers=admin_headers), 400, field, "NUL")


async def test_openapi_declares_problem_responses(quiet: AsyncTestClient[Litestar]) -> None:
    paths = (await quiet.get("/schema/openapi.json")).json()["paths"]
    post = paths["/articles"]["post"]["responses"]
    for status in ("400", "401", "403", "409", "413", "415"):
        assert list(post[status]["content"]) == [PROBLEM]
    assert "404" in paths["/subscriptions/{subscription_id}"]["get"]["responses"]
    assert "406" in paths["/events"]["get"]["responses"]


# --- property: no JSON body makes a write endpoint fail with a 5xx ---------------------------

_floats = st.floats(allow_nan=False, allow_infinity=False)
_scalars = st.none() | st.booleans() | st.integers() | _floats | st.text(max_size=30)
_json = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip
_article = st.fixed_dictionaries(
    {"title": st.text(max_size=20), "text": st.text(max_size=60)},
    optional={"url": _scalars, "published_at": _scalars, "language": _scalars, "external_id": _scalars},
)
_subscription = st.fixed_dictionaries(
    {"url": st.text(max_size=40) | st.just("http://127.0.0.1:9/h")},
    optional={"event_types": _json, "filter": _json, "description": _scalars},
)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(path=st.sampled_from(["/articles", "/subscriptions"]), body=_json | _article | _subscription)
async def test_no_json_body_gives_a_server_error(
    quiet: AsyncTestClient[Litestar], admin_headers: Any, path: str, body: Any
) -> None:
    response = await quiet.post(path, json=body, headers=admin_headers)
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["detail"]


async def test_query_string_rules(quiet: AsyncTestClient[Litestar]) -> None:
    problem(await quiet.get("/events?q="), 400, "q")  # empty values are refused
    assert (await quiet.get("/events?bogus=1")).status_code == 200  # unknown parameters are ignored
    problem(await quiet.get("/events?limit=5&limit=0"), 400, "limit")  # the last value counts
