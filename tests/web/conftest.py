"""Browser fixtures: the real app (uvicorn, `conflictdb serve --ingest-seeds`) on the test
PostgreSQL and a free port, and Debian's chromium driven by Playwright.

One server and one browser per module; each test gets a fresh browser context whose requests
may only reach the app (anything else is aborted and recorded, so the page is shown offline).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import httpx
import pytest

from infra.api_keys import create_api_key
from infra.db import create_pool
from tests.conftest import REPO, truncate_all

T = TypeVar("T")

CHROMIUM = os.environ.get("CONFLICTDB_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


# Synthetic incidents straight into the read model (as bench/query.py fills events), each served as
# domain.incidents.projection.IncidentView: 1 to 4 articles, a few dozen places, ten years.
_FILL_INCIDENTS = """
INSERT INTO rm_incidents (incident_id, type, opened_at, occurred_start, occurred_end, location_name, country,
    lat, lon, actor_codes, killed_low, killed_best, killed_high, article_count, outlet_count, first_reported,
    last_reported, confidence, updated_at, body)
SELECT id, type, i, o_start, o_end, place, country, lat, lon, ARRAY[a1, a2], killed, killed, killed, articles,
       articles, o_start, o_end, 0.8, i,
       jsonb_build_object(
         'id', id, 'type', type,
         'place', jsonb_build_object('name', place, 'country', country, 'lat', lat, 'lon', lon, 'precision', 'city'),
         'occurred', jsonb_build_object('start', o_start, 'end', o_end, 'precision', 'day', 'basis', 'intersection'),
         'actors', jsonb_build_array(jsonb_build_object('code', a1, 'role', 'attacker', 'sources', articles),
                                     jsonb_build_object('code', a2, 'role', 'target', 'sources', 1)),
         'casualties', CASE WHEN killed IS NULL THEN NULL ELSE jsonb_build_object('low', killed, 'best', killed,
                                      'high', killed, 'figures', '[]'::jsonb) END,
         'sources', jsonb_build_object('outlets', articles, 'articles', articles, 'first_reported', o_start,
                                       'last_reported', o_end),
         'confidence', 0.8,
         'event_ids', (SELECT jsonb_agg(gen_random_uuid()) FROM generate_series(1, articles)),
         'article_ids', (SELECT jsonb_agg(gen_random_uuid()) FROM generate_series(1, articles)),
         'outlets', (SELECT jsonb_agg('outlet ' || n) FROM generate_series(1, articles) AS n))
FROM (
  SELECT i, gen_random_uuid() AS id,
         (ARRAY['TalksHeld', 'CeasefireAnnounced', 'OffensiveLaunched', 'ResolutionBlocked'])[1 + i % 4] AS type,
         date '2011-01-01' + (i * 7919) % 3650 AS o_start, date '2011-01-01' + (i * 7919) % 3650 + i % 3 AS o_end,
         'Town ' || i % 40 AS place, (ARRAY['SY', 'IQ', 'UA', 'SD'])[1 + i % 4] AS country,
         30 + (i % 997) / 100.0 AS lat, 35 + (i % 991) / 100.0 AS lon,
         (ARRAY['RUS', 'USA', 'TUR', 'SYR', 'SYR-REB', 'ISIL', 'UKR', 'IRQ'])[1 + i % 8] AS a1,
         (ARRAY['RUS', 'USA', 'TUR', 'SYR', 'SYR-REB', 'ISIL', 'UKR', 'IRQ'])[1 + (i / 8) % 8] AS a2,
         CASE WHEN i % 5 = 0 THEN i % 40 END AS killed, 1 + i % 4 AS articles
  FROM generate_series(1, $1::int) AS i
) AS s"""


async def fill_incidents(url: str, rows: int) -> None:
    """Add `rows` synthetic incidents (for bench/page.py and the paging test), unless there are."""
    conn = await asyncpg.connect(url)
    try:
        if await conn.fetchval("SELECT count(*) FROM rm_incidents") >= rows:
            return
        await conn.execute(_FILL_INCIDENTS, rows)
        await conn.execute("ANALYZE rm_incidents")
    finally:
        await conn.close()


@dataclass
class Server:
    base: str
    database_url: str

    def get(self, path: str, **params: Any) -> Any:
        response = httpx.get(f"{self.base}{path}", params=params, timeout=10)
        response.raise_for_status()
        return response.json()

    def all_events(self, **params: Any) -> list[dict[str, Any]]:
        response = httpx.get(f"{self.base}/events", params={**params, "format": "ndjson"}, timeout=10)
        response.raise_for_status()
        return [json.loads(line) for line in response.text.splitlines() if line]

    def api_key(self, scopes: str = "ingest", name: str = "web-test") -> str:
        async def create() -> str:
            pool = await create_pool(self.database_url, min_size=1, max_size=1)
            try:
                _, secret = await create_api_key(pool, name, scopes)
                return secret
            finally:
                await pool.close()

        return _run_apart(create())


def _conflictdb() -> list[str]:
    return [sys.executable, "-m", "api.cli"]


def _run_apart(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to its end on a loop of its own (pytest-asyncio may be running one here)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_seeds(base: str, process: subprocess.Popen[bytes]) -> None:
    """Until the app answers and the projections have caught up with the seeds."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the app exited during start-up")
        with contextlib.suppress(httpx.HTTPError):
            ready = httpx.get(f"{base}/ready", timeout=2)
            total = httpx.get(f"{base}/events", params={"limit": 1}, timeout=2).json().get("total", 0)
            if ready.status_code == 200 and total > 0:
                return
        time.sleep(0.2)
    raise RuntimeError("the app did not serve the seeds within 60 s")


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[Server]:
    if not (REPO / "node_modules").is_dir():
        pytest.fail("the page's front-end packages are missing: run make install (npm ci)")
    _run_apart(truncate_all(database_url))
    port = _free_port()
    env = {**os.environ, "CONFLICTDB_POLL_INTERVAL": "0.2", "CONFLICTDB_LOG_LEVEL": "warning"}
    command = [*_conflictdb(), "serve", "--ingest-seeds", "--port", str(port), "--database-url", database_url]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for_seeds(base, process)
        yield Server(base=base, database_url=database_url)
    finally:
        process.terminate()
        process.wait(timeout=15)


@pytest.fixture(scope="module")
def browser(server: Server) -> Iterator[Any]:  # after the server, so closed before it (no open streams)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        pytest.skip(f"playwright is not installed: {error}")
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        pytest.skip(f"no chromium at {CHROMIUM} (make browser installs Debian's)")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as error:
            pytest.skip(f"chromium cannot start: {str(error).splitlines()[0]}")
        yield browser
        browser.close()


@dataclass
class Visit:
    """A browser tab on the app: `outside` lists the requests that tried to leave it."""

    page: Any
    base: str
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str = "/") -> Any:
        self.page.goto(f"{self.base}{path}")
        self.wait_ready()
        return self.page

    def wait_ready(self) -> None:
        self.page.wait_for_selector("body[data-state=ready]", timeout=10_000)

    def wait_rerender(self, before: str) -> None:
        self.page.wait_for_function(
            "before => document.body.dataset.renders !== before && document.body.dataset.state === 'ready'",
            arg=before,
            timeout=10_000,
        )

    def renders(self) -> str:
        return str(self.page.evaluate("document.body.dataset.renders"))

    def data(self, selector: str, key: str) -> str:
        return str(self.page.eval_on_selector(selector, f"e => e.dataset.{key}"))


@pytest.fixture
def visit(browser: Any, server: Server) -> Iterator[Any]:
    """`tab = visit()` (or `visit(PHONE)`): a fresh context that can reach only the app."""
    contexts: list[Any] = []

    def open_tab(viewport: dict[str, int] = DESKTOP) -> Visit:
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        tab = Visit(page=page, base=server.base)

        def only_the_app(route: Any) -> None:
            if route.request.url.startswith(server.base):
                route.continue_()
            else:
                tab.outside.append(route.request.url)
                route.abort()

        context.route("**/*", only_the_app)
        page.on("pageerror", lambda error: tab.errors.append(str(error)))
        return tab

    yield open_tab
    for context in contexts:
        context.close()
