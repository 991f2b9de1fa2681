"""The `conflictdb` command against a real database: apikey, ingest, reextract."""

from __future__ import annotations

import asyncpg
import pytest

from api.cli import main


async def _fetch(url: str, sql: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(url)
    try:
        return list(await conn.fetch(sql))
    finally:
        await conn.close()


def test_apikey_create_prints_the_secret_once_and_stores_its_hash(
    clean_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["apikey", "create", "--name", "ci", "--scopes", "ingest,admin", f"--database-url={clean_db}"]) == 0
    secret = capsys.readouterr().out.strip()
    assert secret.startswith("cdb_")
    assert main(["apikey", "list", f"--database-url={clean_db}"]) == 0
    listing = capsys.readouterr().out
    assert "ci" in listing and "ingest,admin" in listing and secret not in listing


def test_apikey_revoke_by_name_and_bad_scopes_fail_cleanly(clean_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["apikey", "create", "--name", "old", f"--database-url={clean_db}"]) == 0
    assert main(["apikey", "revoke", "old", f"--database-url={clean_db}"]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["apikey", "create", "--name", "x", "--scopes", "root", f"--database-url={clean_db}"]) == 2
    assert "scopes" in capsys.readouterr().err
