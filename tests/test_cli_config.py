"""Bad configuration stops `conflictdb` with one line naming the cause, not a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args], cwd=REPO, env=full_env, capture_output=True, text=True, timeout=60
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_database_url() -> None:
    result = run_cli("migrate", env={"DATABASE_URL": "postgresql://u:secret@127.0.0.1:1/db"})
    assert_one_line_error(result, "cannot reach the database at postgresql://u:***@127.0.0.1:1/db")


def test_data_dir_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run_cli("migrate", "--data-dir", str(blocker / "sub"))
    assert_one_line_error(result, "cannot be written")


def test_port_in_use(database_url: str) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--port", str(port), "--database-url", database_url)
    assert_one_line_error(result, f"port {port} on 127.0.0.1 is in use")


def test_bad_environment_value() -> None:
    result = run_cli("migrate", env={"CONFLICTDB_PORT": "eighty"})
    assert_one_line_error(result, "CONFLICTDB_PORT")
