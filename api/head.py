"""HEAD wherever GET works (RFC 9110 §9.3.2): the GET response's status and headers, no body.

The request goes to the app as a GET; the response ends with the first body chunk, so an
endless stream (SSE) answers HEAD at once, and later chunks are dropped.
"""

from __future__ import annotations

import asyncio
from typing import Any

from litestar.types import ASGIApp, Message, Receive, Send


def head_as_get(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Any, receive: Receive, send: Send) -> None:  # ASGI scopes are plain dicts
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await app(scope, receive, send)
            return
        finished = False

        async def send_headers_only(message: Message) -> None:
            nonlocal finished
            if finished:
                await asyncio.sleep(0)  # let the app see the disconnect and stop a stream
                return
            if message["type"] == "http.response.body":
                finished = True
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        as_get: Any = {**scope, "method": "GET"}
        await app(as_get, receive, send_headers_only)

    return middleware
