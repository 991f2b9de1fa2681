"""ONE mapping from errors to RFC 9457 problem+json responses. No input may produce a bare 500."""

from __future__ import annotations

import logging
from typing import Any

import asyncpg
import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.openapi.datastructures import ResponseSpec
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from domain.errors import (
    AuthError,
    ConcurrencyError,
    ConflictDBError,
    NotFoundError,
    NotReachedError,
    PermissionDeniedError,
    ValidationError,
)

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("conflictdb.api")

_STATUS: tuple[tuple[type[ConflictDBError], int, str], ...] = (
    (ValidationError, 400, "Bad Request"),
    (NotFoundError, 404, "Not Found"),
    (ConcurrencyError, 409, "Conflict"),
    (NotReachedError, 409, "Conflict"),
    (AuthError, 401, "Unauthorized"),
    (PermissionDeniedError, 403, "Forbidden"),
)


class Problem(msgspec.Struct, kw_only=True, omit_defaults=True):
    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None


def problem_response(status: int, title: str, detail: str | None, request: Request[Any, Any, Any]) -> Response[Any]:
    body = Problem(title=title, status=status, detail=detail, instance=request.url.path)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return Response(content=body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _domain_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    for cls, status, title in _STATUS:
        if isinstance(exc, cls):
            return problem_response(status, title, str(exc), request)
    return _unexpected(request, exc)


def _validation_error(request: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    extra = exc.extra if isinstance(exc.extra, list) else None
    detail = exc.detail
    if extra:
        detail = "; ".join(_describe(e) for e in extra) or detail
    body = Problem(title="Bad Request", status=400, detail=detail, instance=request.url.path, errors=extra)
    return Response(content=body, status_code=400, media_type=PROBLEM_JSON)


def _describe(error: Any) -> str:
    if isinstance(error, dict):
        key, message = error.get("key"), error.get("message", "")
        return f"{key}: {message}" if key else str(message)
    return str(error)


def _http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    detail = exc.detail
    if detail == _title(exc.status_code):  # Litestar's own errors carry only the status phrase
        detail = _default_detail(request, exc)
    response = problem_response(exc.status_code, _title(exc.status_code), detail, request)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


def _default_detail(request: Request[Any, Any, Any], exc: HTTPException) -> str:
    path = request.url.path
    if exc.status_code == 404:
        return f"nothing is served at {path}: no such route, or a path segment of the wrong kind (see /schema)"
    if exc.status_code == 405:
        allowed = (exc.headers or {}).get("allow", "")
        return f"{request.method} is not allowed on {path}; allowed: {allowed or 'none'}"
    if exc.status_code == 413:
        limit = request.app.request_max_body_size
        return f"the request body is larger than the limit of {limit} bytes (CONFLICTDB_MAX_BODY_BYTES)"
    return str(exc.detail)


def _not_utf8(request: Request[Any, Any, Any], exc: UnicodeDecodeError) -> Response[Any]:
    # Raised while decoding a request body (or a query string) that is not UTF-8.
    detail = f"the request is not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"
    return problem_response(400, "Bad Request", detail, request)


def _data_error(request: Request[Any, Any, Any], exc: asyncpg.DataError) -> Response[Any]:
    # PostgreSQL refused a value (SQLSTATE class 22: NUL in text, out of range, ...). Inputs are
    # validated before they reach SQL; this is the net under that validation, never a 500.
    log.warning("database refused a value on %s %s: %s", request.method, request.url.path, exc)
    return problem_response(400, "Bad Request", f"a value in the request cannot be stored or compared: {exc}", request)


def _unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        HTTP_500_INTERNAL_SERVER_ERROR, "Internal Server Error", "an unexpected error occurred; it was logged", request
    )


def _title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    ConflictDBError: _domain_error,
    ValidationException: _validation_error,
    HTTPException: _http_error,
    UnicodeDecodeError: _not_utf8,
    asyncpg.DataError: _data_error,
    Exception: _unexpected,
}

_PROBLEM_DOC = {
    400: "The request is malformed: a bad parameter, body, date, cursor or id (`detail` says which)",
    401: "No API key, or one that is not valid or revoked",
    403: "The API key lacks the scope this operation needs",
    404: "No such resource",
    406: "None of the Accept header's media types can be served",
    409: "Conflicts with the current state (an Idempotency-Key reused with another body, a concurrent change, "
    "a log position past what the read models hold yet)",
    413: "The request body is larger than the configured limit (CONFLICTDB_MAX_BODY_BYTES)",
    415: "The body is not JSON (send Content-Type: application/json, uncompressed)",
    503: "Not available now: the read models have not reached `min_position`, or too many live streams are open "
    "(retry after Retry-After seconds)",
}


def problem_responses(*statuses: int) -> dict[int, ResponseSpec]:
    """OpenAPI declarations of the RFC 9457 problem responses an operation can give."""
    return {
        status: ResponseSpec(
            data_container=Problem, media_type=PROBLEM_JSON, description=_PROBLEM_DOC[status], generate_examples=False
        )
        for status in statuses
    }
