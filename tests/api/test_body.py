"""Hostile JSON shapes (deep nesting, huge arrays and objects) are refused with a 400 problem+json
before any decoder sees them, on every route that takes a JSON body."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from api.body import MAX_DEPTH, MAX_MEMBERS, require_sane_shape
from domain.errors import ValidationError
from tests.api.conftest import ClientFactory

SUB = "e3e70682-c209-1cac-a29f-6fbed82c07cd"
JSON_BODY_ROUTES = [
    ("POST", "/articles"),
    ("POST", "/articles/batch"),
    ("POST", "/subscriptions"),
    ("PATCH", f"/subscriptions/{SUB}"),
    ("POST", f"/subscriptions/{SUB}/replay"),
]
DEEP_ARRAYS = b"[" * 1000 + b"]" * 1000  # 2 KB
DEEP_OBJECTS = b'{"a":' * 1000 + b"1" + b"}" * 1000


@pytest.fixture
async def quiet(make_client: ClientFactory) -> AsyncIterator[AsyncTestClient[Litestar]]:
    async with make_client(run_workers=False, webhook_allow_private=True) as client:
        yield client


@pytest.mark.parametrize(("method", "path"), JSON_BODY_ROUTES)
@pytest.mark.parametrize("body", [DEEP_ARRAYS, DEEP_OBJECTS], ids=["arrays", "objects"])
async def test_a_body_nested_1000_levels_is_a_400_not_a_server_error(
    quiet: AsyncTestClient[Litestar],
    admin_headers: dict[str, str],
    caplog: pytest.LogCaptureFixture,
    method: str,
    path: str,
    body: bytes,
) -> None:
    headers = {**admin_headers, "Content-Type": "application/json"}
    with caplog.at_level(logging.ERROR):
        response = await quiet.request(method, path, content=body, headers=headers)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert f"deeper than {MAX_DEPTH} levels" in response.json()["detail"]
    assert "Traceback" not in caplog.text and "RecursionError" not in caplog.text


async def test_an_array_with_too_many_members_is_a_400(
    quiet: AsyncTestClient[Litestar], admin_headers: dict[str, str]
) -> None:
    body = b"[" + b",".join(b"0" for _ in range(MAX_MEMBERS + 1)) + b"]"
    response = await quiet.post(
        "/articles/batch", content=body, headers={**admin_headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 400 and f"more than {MAX_MEMBERS} members" in response.json()["detail"]


def test_brackets_and_commas_inside_strings_do_not_count() -> None:
    require_sane_shape(b'{"text": "' + b"[{," * 5000 + b'\\" ]]]", "title": "t"}')


def test_the_depth_limit_itself_is_allowed_and_one_more_is_not() -> None:
    require_sane_shape(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH)
    with pytest.raises(ValidationError, match="nested deeper"):
        require_sane_shape(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1))


def test_an_object_with_too_many_members_is_refused() -> None:
    members = b",".join(b'"k%d": 1' % i for i in range(MAX_MEMBERS + 1))
    with pytest.raises(ValidationError, match="members"):
        require_sane_shape(b"{" + members + b"}")
