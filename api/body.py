"""Request bodies: a guard that admits only a non-empty, uncompressed JSON body of a sane shape.

Runs after the API-key guards and before anything parses the body, so a client learns
what is wrong with the request itself (empty, not JSON, compressed, nested too deep, too
many members) in plain words, and a hostile shape never reaches a recursive decoder.
"""

from __future__ import annotations

import re
from typing import Any, get_origin

import msgspec
from litestar import Request
from litestar.connection import ASGIConnection
from litestar.exceptions import HTTPException
from litestar.handlers.base import BaseRouteHandler

from domain.errors import ValidationError


async def require_json(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """415 for a body that is not declared JSON or is content-encoded; 400 for an empty body."""
    expected = expected_body(handler)
    encoding = connection.headers.get("content-encoding", "").strip().lower()
    if encoding not in ("", "identity"):
        raise HTTPException(
            status_code=415, detail=f"Content-Encoding {encoding!r} is not supported: send {expected} uncompressed"
        )
    if isinstance(connection, Request):
        body = await connection.body()
        if not body.strip():
            raise ValidationError(f"the request body is empty: send {expected} (Content-Type: application/json)")
        require_utf8(body)
        require_sane_shape(body)
    media = connection.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        detail = f"send the body as JSON with 'Content-Type: application/json' (got {media or 'no content type'})"
        raise HTTPException(status_code=415, detail=detail)


def require_utf8(body: bytes) -> None:
    """400 naming the first bad byte, whatever the JSON decoder would have said about it."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        detail = f"the request body is not valid UTF-8 (byte 0x{body[exc.start]:02x} at offset {exc.start})"
        raise ValidationError(detail) from None


MAX_DEPTH = 32  # the deepest body a route takes is a batch of articles: 3 levels
MAX_MEMBERS = 10_000  # per array or object (a batch holds 500 articles)
MAX_VALUES = 200_000  # members of all arrays and objects together

# A string (escapes included) or one structural character: scanning these skips string contents in C.
_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]')


def require_sane_shape(body: bytes) -> None:
    """400 for JSON nested deeper than MAX_DEPTH or with more members than allowed, found by
    scanning the bytes (msgspec would recurse, and a 2 KB body of brackets is a RecursionError)."""
    open_members: list[int] = []
    values = 0
    for match in _TOKENS.finditer(body):
        token = match.group()
        if token in (b"[", b"{"):
            open_members.append(1)
            if len(open_members) > MAX_DEPTH:
                raise ValidationError(f"the request body is nested deeper than {MAX_DEPTH} levels")
        elif token in (b"]", b"}"):
            if open_members:
                open_members.pop()
        elif token == b"," and open_members:
            open_members[-1] += 1
            values += 1
            if open_members[-1] > MAX_MEMBERS:
                raise ValidationError(f"an array or object in the request body has more than {MAX_MEMBERS} members")
            if values > MAX_VALUES:
                raise ValidationError(f"the request body holds more than {MAX_VALUES} values")


def expected_body(handler: BaseRouteHandler) -> str:
    """What the handler's `data` must be, in words: 'a JSON object with title and text'."""
    field = handler.parsed_fn_signature.parameters.get("data")
    annotation = field.annotation if field is not None else None
    if get_origin(annotation) is list:
        return "a JSON array"
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        required = [f.encode_name for f in msgspec.structs.fields(annotation) if f.required]
        return "a JSON object" + (f" with {' and '.join(required)}" if required else "")
    return "a JSON value"


def reject_nul(value: Any, name: str = "body") -> None:
    """PostgreSQL text cannot hold U+0000: refuse it up front, naming the field."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValidationError(f"{name} must not contain NUL (U+0000) characters")
    elif isinstance(value, dict):
        for key, item in value.items():
            reject_nul(item, f"{name}.{key}" if name != "body" else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            reject_nul(item, f"{name}[{index}]")
    elif isinstance(value, msgspec.Struct):
        reject_nul(msgspec.to_builtins(value), name)
