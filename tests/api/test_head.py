"""HEAD answers like GET without a body, also for endless streams."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
from litestar import Litestar, get
from litestar.response import Stream

from api.head import head_as_get


@get("/thing")
async def thing() -> dict[str, str]:
    return {"hello": "world"}


@get("/endless")
async def endless() -> Stream:
    async def chunks() -> AsyncIterator[bytes]:
        while True:
            yield b"data: tick\n\n"

    return Stream(chunks(), media_type="text/event-stream")


def client() -> httpx.AsyncClient:
    app = head_as_get(Litestar([thing, endless]))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_head_has_the_get_status_and_headers_but_no_body() -> None:
    async with client() as http:
        got, head = await http.get("/thing"), await http.head("/thing")
    assert head.status_code == got.status_code == 200
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.content == b""


async def test_head_on_an_endless_stream_returns_at_once() -> None:
    async with client() as http:
        head = await http.head("/endless")
    assert head.status_code == 200 and head.headers["content-type"].startswith("text/event-stream")


async def test_head_on_an_unknown_path_is_404() -> None:
    async with client() as http:
        assert (await http.head("/nope")).status_code == 404
