"""Operators' use cases: rebuild a projection, create and revoke API keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from application.ports import ApiKeys, Projections

View = TypeVar("View")


async def rebuild_projection(projections: Projections[View], name: str) -> View:
    """Rebuild from the start of the log into shadow tables, swapped in when caught up."""
    return await projections.request_rebuild(name)


async def create_api_key(api_keys: ApiKeys[View], name: str, scopes: str | Sequence[str]) -> tuple[View, str]:
    """A new key and its secret (shown once)."""
    return await api_keys.create(name, scopes)


async def revoke_api_key(api_keys: ApiKeys[View], ident: str) -> View:
    """Revoke a key by its id or its name."""
    return await api_keys.revoke(ident)
