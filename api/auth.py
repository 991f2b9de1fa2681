"""API-key access: `require_scope(scope)` is a Litestar guard.

Writes send `Authorization: Bearer <key>`; the key must be live and carry the scope
("admin" carries every scope). Reads (`require_scope("read")`) are open unless
settings.read_keys_required, in which case any live key passes.
Missing or unknown or revoked key → 401; a key without the scope → 403.
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from litestar.types import Guard

from api.services import Services
from application.queries import ApiKey, find_by_secret
from domain.errors import AuthError, PermissionDeniedError

_STATE_KEY = "api_key"


class ScopeGuard:
    """A guard letting through requests whose API key has `scope`. OPTIONS (the methods a
    resource allows, a CORS preflight) reveals nothing and needs no key."""

    def __init__(self, scope: str) -> None:
        self.scope = scope

    async def __call__(self, connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        if connection.scope.get("method") == "OPTIONS":
            return
        services: Services = connection.app.state.services
        if self.scope == "read" and not services.settings.read_keys_required:
            return
        key = await authenticate(connection, services)
        if not key.allows(self.scope):
            raise PermissionDeniedError(f"this API key lacks the {self.scope!r} scope")
        connection.state[_STATE_KEY] = key


def require_scope(scope: str) -> Guard:
    """A guard letting through requests whose API key has `scope`."""
    return ScopeGuard(scope)


async def authenticate(connection: ASGIConnection[Any, Any, Any, Any], services: Services) -> ApiKey:
    secret = _bearer(connection.headers.get("authorization"))
    key = await find_by_secret(services.pool, secret)
    if key is None:
        raise AuthError("the API key is not valid")
    if key.revoked_at is not None:
        raise AuthError("the API key has been revoked")
    return key


def current_key(connection: ASGIConnection[Any, Any, Any, Any]) -> ApiKey | None:
    """The key a guard accepted for this request, if any."""
    key: ApiKey | None = connection.state.get(_STATE_KEY)
    return key


def _bearer(header: str | None) -> str:
    if not header:
        raise AuthError("an API key is required: send 'Authorization: Bearer <key>'")
    scheme, _, secret = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise AuthError("the Authorization header must be 'Bearer <key>'")
    return secret.strip()
