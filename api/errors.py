"""ONE mapping from errors to RFC 9457 problem+json responses. No input may produce a bare 500."""

from __future__ import annotations

import logging
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from domain.errors import (
    AuthError,
    ConcurrencyError,
    ConflictDBError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("conflictdb.api")

_STATUS: tuple[tuple[type[ConflictDBError], int, str], ...] = (
    (ValidationError, 400, "Bad Request"),
    (NotFoundError, 404, "Not Found"),
    (ConcurrencyError, 409, "Conflict"),
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
    response = problem_response(exc.status_code, _title(exc.status_code), exc.detail, request)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


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
    Exception: _unexpected,
}
