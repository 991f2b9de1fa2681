"""Structured logs: JSON lines from the real `conflictdb serve`, the request id on every line of a
request, one access line per request, and no credentials in the output."""

from __future__ import annotations

import io
import json
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar import Request, get

from api.observability import configure_logging
from infra.settings import load_settings
from tests.api.conftest import ClientFactory
from tests.infra.webhooks_receiver import Receiver

REPO = Path(__file__).resolve().parents[2]
API_KEY = "cdb_never-in-the-logs-0123456789"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _access_lines(lines: list[dict[str, Any]], request_id: str) -> list[dict[str, Any]]:
    return [line for line in lines if line["logger"] == "conflictdb.access" and line.get("request_id") == request_id]


def _serve(database_url: str, port: int) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONFLICTDB_")}
    env |= {"DATABASE_URL": database_url, "CONFLICTDB_LOG_FORMAT": "json", "CONFLICTDB_PORT": str(port)}
    command = [sys.executable, "-m", "api.cli", "serve", "--no-workers"]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_until_up(base: str, server: subprocess.Popen[str], within_s: float = 60.0) -> None:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("conflictdb serve did not come up")


def test_served_logs_are_json_lines_with_one_access_line_per_request_and_no_credentials(clean_db: str) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(clean_db, port)
    try:
        _wait_until_up(base, server)
        auth = {"Authorization": f"Bearer {API_KEY}"}
        listed = httpx.get(f"{base}/events?limit=1", headers={"X-Request-ID": "list-1", **auth})
        refused = httpx.post(f"{base}/articles", json={}, headers={"X-Request-ID": "write-1", **auth})
        missing = httpx.get(f"{base}/no/such/thing", headers={"X-Request-ID": "missing-1"})
        insane = httpx.get(f"{base}/health", headers={"X-Request-ID": "not a token; " + "x" * 200})
    finally:
        server.terminate()
        stdout, stderr = server.communicate(timeout=30)
    assert listed.status_code == 200 and refused.status_code == 401 and missing.status_code == 404
    assert listed.headers["x-request-id"] == "list-1" and refused.headers["x-request-id"] == "write-1"
    generated = insane.headers["x-request-id"]
    assert generated and " " not in generated
    lines = _lines(stderr)  # every line must parse: json.loads raises on one that does not
    assert {"time", "level", "logger", "message"} <= set(lines[0])
    for request_id, route, status in [
        ("list-1", "/events", 200),
        ("write-1", "/articles", 401),
        ("missing-1", "unmatched", 404),
        (generated, "/health", 200),
    ]:
        (access,) = _access_lines(lines, request_id)
        assert access["route"] == route and access["status"] == status and access["client"] == "127.0.0.1"
        assert access["method"] in {"GET", "POST"} and isinstance(access["duration_ms"], float)
    assert not [line for line in lines if line["logger"].startswith("uvicorn.access")]
    assert API_KEY not in stdout + stderr and "never-in-the-logs" not in stdout + stderr


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Root logging as `conflictdb serve --log-format json` sets it up, into a buffer."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level, logging.getLogger("httpx").level, logging.getLogger("httpcore").level)
    buffer = io.StringIO()
    configure_logging(load_settings({"CONFLICTDB_LOG_FORMAT": "json"}), stream=buffer)
    try:
        yield buffer
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        logging.getLogger("httpx").setLevel(saved[2])
        logging.getLogger("httpcore").setLevel(saved[3])


@get("/probe/logs", include_in_schema=False)
async def _logging_probe(request: Request[Any, Any, Any]) -> str:
    """Logs as a handler would, including an Authorization header value and a credentialled URL."""
    probe = logging.getLogger("conflictdb.probe")
    probe.warning("handling %s", request.url.path)
    probe.warning("caller sent %s", request.headers.get("authorization"))
    probe.warning("calling https://user:hunter2@example.org/hook?token=abc123&page=2")
    return "ok"


async def test_every_line_of_a_request_carries_its_request_id(
    make_client: ClientFactory, captured: io.StringIO
) -> None:
    logging.getLogger("conflictdb.probe").warning("outside any request")
    async with make_client(run_workers=False) as client:
        client.app.register(_logging_probe)
        first = await client.get("/probe/logs", headers={"X-Request-ID": "req-a", "Authorization": f"Bearer {API_KEY}"})
        second = await client.get("/probe/logs", headers={"X-Request-ID": "req-b"})
    lines = _lines(captured.getvalue())
    assert first.headers["x-request-id"] == "req-a" and second.headers["x-request-id"] == "req-b"
    outside = [line for line in lines if line["message"] == "outside any request"]
    assert len(outside) == 1 and "request_id" not in outside[0]
    for request_id in ("req-a", "req-b"):
        own = [line for line in lines if line.get("request_id") == request_id]
        assert [line["logger"] for line in own] == ["conflictdb.probe"] * 3 + ["conflictdb.access"]
    output = captured.getvalue()
    assert API_KEY not in output and "hunter2" not in output and "abc123" not in output
    assert "Bearer ***" in output and "https://***@example.org/hook" in output


async def test_webhook_calls_log_no_line_per_call_at_info(
    make_client: ClientFactory, admin_headers: dict[str, str], captured: io.StringIO
) -> None:
    receiver = Receiver()
    await receiver.start()
    try:
        async with make_client(webhook_allow_private=True, poll_interval_s=0.2) as client:
            subscribed = await client.post("/subscriptions", json={"url": receiver.url}, headers=admin_headers)
            created = await client.post(
                "/articles",
                json={
                    "title": "A push",
                    "text": "The Turkish army launched an offensive on al-Bab on Tuesday.",
                    "language": "en",
                },
                headers=admin_headers,
            )
            await receiver.wait_for(1)
    finally:
        await receiver.stop()
    assert subscribed.status_code == 201 and created.status_code == 201 and created.json()["events"]
    lines = _lines(captured.getvalue())
    assert not [line for line in lines if line["logger"].startswith(("httpx", "httpcore"))]
    assert not [line for line in lines if line["logger"] == "conflictdb.webhooks" and line["level"] == "INFO"]
    assert str(receiver.port) not in captured.getvalue()
