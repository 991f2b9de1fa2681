"""Every command finds the same database whatever folder it runs in, and says which one it used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from infra.db import redact

DATABASE_LINE = "conflictdb: database: "


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    inherited = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CONFLICTDB_DATA_DIR"}}
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        cwd=cwd,
        env=inherited | (env or {}),
        capture_output=True,
        text=True,
        timeout=120,
    )


def database_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith(DATABASE_LINE)]


def test_a_command_names_the_database_url_it_used(database_url: str, tmp_path: Path) -> None:
    result = run_cli("migrate", cwd=tmp_path, env={"DATABASE_URL": database_url})
    assert database_lines(result) == [DATABASE_LINE + redact(database_url)]
    assert not (tmp_path / ".conflictdb").exists()


def test_commands_in_a_subfolder_use_the_projects_embedded_database(tmp_path: Path) -> None:
    project, subfolder = tmp_path / "project", tmp_path / "project" / "articles"
    subfolder.mkdir(parents=True)
    (project / ".conflictdb").mkdir()
    created = run_cli("apikey", "create", "--name", "from-a-subfolder", cwd=subfolder)
    listed = run_cli("apikey", "list", cwd=project)
    expected = [f"{DATABASE_LINE}embedded PostgreSQL in {(project / '.conflictdb').resolve()}"]
    assert database_lines(created) == expected and database_lines(listed) == expected
    assert "from-a-subfolder" in listed.stdout
    assert not (subfolder / ".conflictdb").exists()
    assert not (project / ".conflictdb" / "pg" / "postmaster.pid").exists()  # each command stopped its server
