"""Query benchmark: a filtered GET /events over ≥1,000,000 synthetic read-model rows.

Figures (one JSON line each): requests/s, p50 and p99 latency through the running app
(uvicorn in a subprocess on 127.0.0.1, driven by httpx with a fixed concurrency), each
beside a floor measured in the same run: the same SQL through bare asyncpg at the same
concurrency. Uses DATABASE_URL when set, else a throwaway embedded PostgreSQL.

    .venv/bin/python bench/query.py [--rows 1000000] [--seconds 10] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg
import httpx

from bench._common import bench_database, report
from infra.queries.events import build_query, page_sql

PARAMS = {"type": "OffensiveLaunched", "country": "SY", "from": "2016-01-01", "limit": "100"}

# One INSERT … SELECT generate_series (run in two halves at once); `search` is a generated column.
_FILL = """
INSERT INTO rm_conflict_events (event_id, article_id, type, occurred_start, occurred_end, occurred_precision,
    location_name, country, lat, lon, actor_codes, killed, evidence_text, confidence, tx_id, global_position,
    recorded_at, body)
SELECT event_id, article_id, type, o_start, o_end, 'day', place, country, lat, lon, ARRAY[a1, a2], killed,
       evidence, confidence, i, i, recorded_at,
       jsonb_build_object(
         'type', type,
         'occurred', jsonb_build_object('start', o_start, 'end', o_end, 'precision', 'day', 'text', NULL),
         'location', jsonb_build_object('name', place, 'country', country, 'lat', lat, 'lon', lon,
                                        'precision', 'city'),
         'actors', jsonb_build_array(jsonb_build_object('name', a1, 'code', a1, 'role', 'attacker'),
                                     jsonb_build_object('name', a2, 'code', a2, 'role', 'target')),
         'casualties', jsonb_build_object('killed', killed, 'injured', NULL, 'civilians_killed', NULL,
                                          'children_killed', NULL),
         'evidence', jsonb_build_object('text', evidence, 'start', 0, 'end', length(evidence)),
         'confidence', confidence, 'id', event_id, 'article_id', article_id,
         'position', i || '-' || i, 'recorded_at', recorded_at)
FROM (
  SELECT i, gen_random_uuid() AS event_id, md5((i / 4)::text)::uuid AS article_id,
         (ARRAY['TalksHeld', 'CeasefireAnnounced', 'OffensiveLaunched', 'ResolutionBlocked'])[1 + i % 4] AS type,
         date '2011-01-01' + d AS o_start, date '2011-01-01' + d + i % 3 AS o_end,
         (ARRAY['Aleppo', 'Mosul', 'Geneva', 'Astana', 'Al-Bab', 'Raqqa', 'Idlib', 'Homs', 'Kobani', 'Damascus'])
           [1 + (i / 4) % 10] AS place,
         (ARRAY['SY', 'IQ', 'CH', 'KZ', 'SY', 'SY', 'SY', 'SY', 'SY', 'SY'])[1 + (i / 4) % 10] AS country,
         30 + (i % 997) / 100.0 AS lat, 35 + (i % 991) / 100.0 AS lon,
         (ARRAY['RUS', 'USA', 'TUR', 'IRN', 'SYR', 'SYR-REB', 'SYR-KRD', 'ISIL', 'JFS', 'HEZ', 'UN', 'FRA', 'GBR'])
           [1 + i % 13] AS a1,
         (ARRAY['RUS', 'USA', 'TUR', 'IRN', 'SYR', 'SYR-REB', 'SYR-KRD', 'ISIL', 'JFS', 'HEZ', 'UN', 'FRA', 'GBR'])
           [1 + (i / 13) % 13] AS a2,
         CASE WHEN i % 5 = 0 THEN i % 40 END AS killed,
         'Die Armee startete eine Offensive auf die Stadt, ' || (i % 1000) || ' Menschen flohen.' AS evidence,
         ((i % 100) / 100.0)::real AS confidence,
         timestamptz '2017-01-01' + i * interval '1 second' AS recorded_at
  FROM generate_series($1::int, $2::int) AS i, LATERAL (SELECT ((i::bigint * 7919) % 3650)::int AS d) AS day
) AS s"""

_SECONDARY_INDEXES = """
SELECT indexname, indexdef FROM pg_indexes
WHERE tablename = 'rm_conflict_events' AND indexname <> 'rm_conflict_events_pkey'"""


def main() -> int:
    args = _arguments()
    with bench_database() as url:
        asyncio.run(_fill(url, args.rows))
        query = build_query(types=[PARAMS["type"]], country=PARAMS["country"], occurred_from=PARAMS["from"])
        sql, sql_args = page_sql(query, None, int(PARAMS["limit"]))
        floor = asyncio.run(_measure_sql(url, sql, sql_args, args.seconds, args.concurrency))
        with _server(url) as base:
            app = asyncio.run(_measure_http(base, args.seconds, args.concurrency))
    _report(app, floor, args.rows)
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="measuring time per side")
    parser.add_argument("--concurrency", type=int, default=8)
    return parser.parse_args()


async def _fill(url: str, rows: int) -> None:
    conn = await asyncpg.connect(url)
    try:
        if await conn.fetchval("SELECT count(*) FROM rm_conflict_events") >= rows:
            return
        started = time.perf_counter()
        await conn.execute("TRUNCATE rm_conflict_events")
        # Building the migration's indexes once after the load beats updating them row by row.
        indexes = await conn.fetch(_SECONDARY_INDEXES)
        for index in indexes:
            await conn.execute(f'DROP INDEX "{index["indexname"]}"')
        await _fill_in_parallel(url, rows)
        await conn.execute("SET maintenance_work_mem = '256MB'")
        for index in indexes:
            await conn.execute(index["indexdef"])
        await conn.execute("VACUUM ANALYZE rm_conflict_events")
        print(f"# filled {rows:,} rows in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    finally:
        await conn.close()


async def _fill_in_parallel(url: str, rows: int, parts: int = 2) -> None:
    """The INSERT split over `parts` connections: computing `search` and `body` is CPU-bound."""
    bounds = [(rows * k // parts + 1, rows * (k + 1) // parts) for k in range(parts)]

    async def fill(first: int, last: int) -> None:
        conn = await asyncpg.connect(url)
        try:
            await conn.execute(_FILL, first, last)
        finally:
            await conn.close()

    await asyncio.gather(*(fill(first, last) for first, last in bounds))


class Sample:
    """Latencies (s) of completed requests over a measured wall-clock span."""

    def __init__(self, latencies: list[float], elapsed: float) -> None:
        self.latencies, self.elapsed = sorted(latencies), elapsed

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.elapsed

    def percentile_ms(self, p: float) -> float:
        return 1000 * self.latencies[min(len(self.latencies) - 1, int(p * len(self.latencies)))]


async def _drive(call: Callable[[], Awaitable[None]], seconds: float, concurrency: int) -> Sample:
    """Run `call` from `concurrency` workers: one warm-up second, then `seconds` measured."""
    latencies: list[float] = []
    start = time.perf_counter()
    measure_from, stop = start + 1.0, start + 1.0 + seconds

    async def worker() -> None:
        while (now := time.perf_counter()) < stop:
            await call()
            if now >= measure_from:
                latencies.append(time.perf_counter() - now)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Sample(latencies, time.perf_counter() - measure_from)


async def _measure_sql(url: str, sql: str, args: list[object], seconds: float, concurrency: int) -> Sample:
    pool = await asyncpg.create_pool(url, min_size=concurrency, max_size=concurrency)
    try:

        async def call() -> None:
            rows = await pool.fetch(sql, *args)
            assert rows, "the benchmark query matched nothing"

        return await _drive(call, seconds, concurrency)
    finally:
        await pool.close()


async def _measure_http(base: str, seconds: float, concurrency: int) -> Sample:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def call() -> None:
            response = await client.get("/events", params=PARAMS)
            # A byte check, not a JSON parse: the client shares the CPUs with the server.
            assert response.status_code == 200 and b'"items":[{' in response.content, response.text[:200]

        return await _drive(call, seconds, concurrency)


@contextlib.contextmanager
def _server(url: str) -> Iterator[str]:
    """The app under uvicorn in a subprocess (no background workers); yields its base URL."""
    port = _free_port()
    code = (
        "import uvicorn; from api.app import create_app; from infra.settings import load_settings; "
        f"s = load_settings({{}}, database_url={url!r}, run_workers=False); "
        f"uvicorn.run(create_app(s, {url!r}), host='127.0.0.1', port={port}, log_level='warning', access_log=False)"
    )
    root = Path(__file__).resolve().parent.parent
    process = subprocess.Popen([sys.executable, "-c", code], cwd=root)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the app exited during start-up")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        time.sleep(0.2)
    raise SystemExit("the app did not come up within 30 s")


def _report(app: Sample, floor: Sample, rows: int) -> None:
    baseline = "bare asyncpg same SQL"
    print(f"# {rows:,} rows; GET /events?{'&'.join(f'{k}={v}' for k, v in PARAMS.items())}", file=sys.stderr)
    report("query", "events_filtered_rps", app.rps, "req/s", baseline, floor.rps)
    for name, p in (("p50", 0.50), ("p99", 0.99)):
        app_ms, floor_ms = app.percentile_ms(p), floor.percentile_ms(p)
        report("query", f"events_filtered_{name}_latency", app_ms, "ms", baseline, floor_ms, higher_is_better=False)


if __name__ == "__main__":
    raise SystemExit(main())
