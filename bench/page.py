"""Page benchmark: the analyst's page (`/`) loading over 10,000 events and 10,000 incidents, in
headless chromium.

Figures (one JSON line each): the page's load time (navigation to the first frame shown with
the map, the timeline and the list drawn: the page's `conflictdb:painted` mark; the median of
several loads in fresh browser contexts) beside floors measured in the same run, in the same
browser: a bare `GET /events` JSON page (100 events) and the NDJSON export of every event (the
data the page draws); then the same for the incidents view (`/?view=incidents`) beside one
`GET /incidents` page and every incident fetched page by page (500 each) as the page does.
The goal is under 2 s. Uses DATABASE_URL when set, else a throwaway
embedded PostgreSQL; needs Debian's chromium (`make browser`) and the front-end packages
(`make install`).

    .venv/bin/python bench/page.py [--events 10000] [--incidents 10000] [--loads 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import bench_database, report
from bench.query import _fill, _server
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP

# The page marks the first frame shown after it drew the map, timeline and list (web/js/main.js).
_PAINTED = "performance.getEntriesByName('conflictdb:painted')[0]?.startTime"
_FETCH = """async path => {
  const started = performance.now();
  const response = await fetch(path);
  await response.text();
  return performance.now() - started;
}"""
# Every incident as the page fetches them: JSON pages of 500, each after the previous one's cursor.
_FETCH_PAGES = """async path => {
  const started = performance.now();
  let cursor = null;
  do {
    const response = await fetch(cursor ? `${path}&cursor=${cursor}` : path);
    cursor = (await response.json()).next_cursor;
  } while (cursor);
  return performance.now() - started;
}"""

# 10,000 incidents straight into the read model (as bench/query.py fills events), each served as
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


def main() -> int:
    args = _arguments()
    from playwright.sync_api import sync_playwright

    with bench_database() as url:
        asyncio.run(_fill(url, args.events))
        asyncio.run(_fill_incidents(url, args.incidents))
        with _server(url) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                _load(browser, base, "/")  # a first load warms the server's caches and the browser
                loads = [_load(browser, base, "/") for _ in range(args.loads)]
                page_ms = [_fetch(browser, base, "/events") for _ in range(args.loads)]
                export_ms = [_fetch(browser, base, "/events?format=ndjson") for _ in range(args.loads)]
                _load(browser, base, "/?view=incidents")
                incident_loads = [_load(browser, base, "/?view=incidents") for _ in range(args.loads)]
                incident_page_ms = [_fetch(browser, base, "/incidents?limit=100") for _ in range(args.loads)]
                incident_all_ms = [
                    _fetch(browser, base, "/incidents?limit=500", _FETCH_PAGES) for _ in range(args.loads)
                ]
            finally:
                browser.close()
    load = statistics.median(loads)
    print(f"# {args.events:,} events; page loads (ms): {', '.join(f'{v:.0f}' for v in loads)}", file=sys.stderr)
    print(f"# goal: under 2000 ms: {'met' if load < 2000 else 'missed'}", file=sys.stderr)
    report("page", "page_load", load, "ms", "bare GET /events JSON page", statistics.median(page_ms), False)
    report("page", "page_load", load, "ms", "NDJSON export of every event", statistics.median(export_ms), False)
    incidents = statistics.median(incident_loads)
    shown = ", ".join(f"{v:.0f}" for v in incident_loads)
    print(f"# {args.incidents:,} incidents; incidents view loads (ms): {shown}", file=sys.stderr)
    print(f"# goal: under 2000 ms: {'met' if incidents < 2000 else 'missed'}", file=sys.stderr)
    floor = statistics.median(incident_page_ms)
    report("page", "incidents_view_load", incidents, "ms", "bare GET /incidents JSON page", floor, False)
    floor = statistics.median(incident_all_ms)
    report("page", "incidents_view_load", incidents, "ms", "every incident in JSON pages of 500", floor, False)
    return 0


async def _fill_incidents(url: str, rows: int) -> None:
    conn = await asyncpg.connect(url)
    try:
        if await conn.fetchval("SELECT count(*) FROM rm_incidents") >= rows:
            return
        started = time.perf_counter()
        await conn.execute("TRUNCATE rm_incidents")
        await conn.execute(_FILL_INCIDENTS, rows)
        await conn.execute("VACUUM ANALYZE rm_incidents")
        print(f"# filled {rows:,} incidents in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    finally:
        await conn.close()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--loads", type=int, default=5)
    return parser.parse_args()


def _load(browser: Any, base: str, path: str) -> float:
    """Milliseconds from navigation start until the page has drawn the map, timeline and list."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(f"{base}{path}", wait_until="commit")
        page.wait_for_function(_PAINTED, timeout=60_000)
        return float(page.evaluate(_PAINTED))
    finally:
        context.close()


def _fetch(browser: Any, base: str, path: str, script: str = _FETCH) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/health")
        return float(page.evaluate(script, path))
    finally:
        context.close()


if __name__ == "__main__":
    raise SystemExit(main())
