"""The embedded PostgreSQL's lifecycle across processes: a process killed with -9 must not
leave the server unstoppable; the next process adopts it and stops it when it exits cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil  # type: ignore[import-untyped]
import pytest

from tests.conftest import REPO

# A process that uses the embedded server under argv[1]; it says "ready" and, with argv[2] = "stay", waits.
USER = """
import sys, time
from pathlib import Path
from infra.db import start_embedded
start_embedded(Path(sys.argv[1]))
print("ready", flush=True)
if sys.argv[2] == "stay":
    time.sleep(120)
"""


def _user(data_dir: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", USER, str(data_dir), mode], cwd=REPO, stdout=subprocess.PIPE, text=True
    )


def _postmaster(data_dir: Path) -> int:
    return int((data_dir / "pg" / "postmaster.pid").read_text().splitlines()[0])


def _stopped(pid: int, within_s: float = 10.0) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
def test_after_a_kill_9_the_next_clean_exit_stops_the_embedded_server(tmp_path: Path) -> None:
    killed = _user(tmp_path, "stay")
    try:
        assert killed.stdout is not None and killed.stdout.readline().strip() == "ready"
        server = _postmaster(tmp_path)
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(10)
        assert psutil.pid_exists(server), "the server outlives a killed user"
        nxt = _user(tmp_path, "exit")
        out, _ = nxt.communicate(timeout=60)
        assert nxt.returncode == 0 and out.strip() == "ready"
        assert _stopped(server), "the next clean exit stops the server it adopted"
        again = _user(tmp_path, "exit")  # and the one after that starts it afresh, then stops it too
        out, _ = again.communicate(timeout=60)
        assert again.returncode == 0 and out.strip() == "ready"
        assert not (tmp_path / "pg" / "postmaster.pid").exists()
    finally:
        killed.kill()
        pid_file = tmp_path / "pg" / "postmaster.pid"
        if pid_file.exists():  # never leave a server behind, whatever failed
            with_pid = _postmaster(tmp_path)
            if psutil.pid_exists(with_pid):
                os.kill(with_pid, signal.SIGTERM)
