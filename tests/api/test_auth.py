"""API-key guard: 401 without a live key, 403 without the scope, reads open unless configured."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import asyncpg
from litestar import Litestar, get, post
from litestar.testing import AsyncTestClient

from api.app import create_app
from api.auth import require_scope
from infra.api_keys import create_api_key, revoke_api_key
from infra.settings import load_settings
from tests.api.conftest import HeadersFactory


@post("/_probe/ingest", guards=[require_scope("ingest")], status_code=200)
async def _ingest_probe() -> dict[str, str]:
    return {"ok": "ingest"}


@get("/_probe/read", guards=[require_scope("read")])
async def _read_probe() -> dict[str, str]:
    return {"ok": "read"}


ProbeClient = Callable[..., AbstractAsyncContextManager[AsyncTestClient[Litestar]]]


def _probe_client(clean_db: str) -> ProbeClient:
    @asynccontextmanager
    async def factory(**overrides: Any) -> AsyncIterator[AsyncTestClient[Litestar]]:
        app = create_app(load_settings({}, database_url=clean_db, run_workers=False, **overrides), clean_db)
        app.register(_ingest_probe)
        app.register(_read_probe)
        async with AsyncTestClient(app=app) as client:
            yield client

    return factory


async def test_write_without_a_key_is_401_problem(clean_db: str) -> None:
    async with _probe_client(clean_db)() as client:
        response = await client.post("/_probe/ingest")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["www-authenticate"] == "Bearer"


async def test_unknown_key_and_wrong_scheme_are_401(clean_db: str) -> None:
    async with _probe_client(clean_db)() as client:
        unknown = await client.post("/_probe/ingest", headers={"Authorization": "Bearer cdb_nope"})
        basic = await client.post("/_probe/ingest", headers={"Authorization": "Basic dXNlcjpwdw=="})
    assert (unknown.status_code, basic.status_code) == (401, 401)


async def test_key_with_the_scope_passes_and_admin_implies_it(clean_db: str, make_headers: HeadersFactory) -> None:
    async with _probe_client(clean_db)() as client:
        ingest = await client.post("/_probe/ingest", headers=await make_headers("ingest"))
        admin = await client.post("/_probe/ingest", headers=await make_headers("admin"))
    assert (ingest.status_code, admin.status_code) == (200, 200)


async def test_key_without_the_scope_is_403(clean_db: str, make_headers: HeadersFactory) -> None:
    async with _probe_client(clean_db)() as client:
        response = await client.post("/_probe/ingest", headers=await make_headers("read"))
    assert response.status_code == 403
    assert "ingest" in response.json()["detail"]


async def test_revoked_key_is_401(clean_db: str, pool: asyncpg.Pool) -> None:
    key, secret = await create_api_key(pool, "soon revoked", "ingest")
    await revoke_api_key(pool, str(key.key_id))
    async with _probe_client(clean_db)() as client:
        response = await client.post("/_probe/ingest", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


async def test_reads_are_open_by_default_and_closed_when_configured(
    clean_db: str, make_headers: HeadersFactory
) -> None:
    async with _probe_client(clean_db)() as client:
        assert (await client.get("/_probe/read")).status_code == 200
    async with _probe_client(clean_db)(read_keys_required=True) as client:
        assert (await client.get("/_probe/read")).status_code == 401
        assert (await client.get("/_probe/read", headers=await make_headers("ingest"))).status_code == 200


async def test_keys_are_stored_hashed(clean_db: str, pool: asyncpg.Pool) -> None:
    _, secret = await create_api_key(pool, "hashed", "read")
    stored = await pool.fetchval("SELECT key_hash FROM api_keys")
    assert secret not in stored and len(stored) == 64
