"""Page benchmark: the analyst's page (`/`) loading over 10,000 events, in headless chromium.

Figures (one JSON line each): the page's load time (navigation to the first frame shown with
the map, the timeline and the list drawn: the page's `conflictdb:painted` mark; the median of
several loads in fresh browser contexts) beside floors measured in the same run, in the same
browser: a bare `GET /events` JSON page (100 events) and the NDJSON export of every event (the
data the page draws). The goal is under 2 s. Uses DATABASE_URL when set, else a throwaway
embedded PostgreSQL; needs Debian's chromium (`make browser`) and the front-end packages
(`make install`).

    .venv/bin/python bench/page.py [--events 10000] [--loads 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path
from typing import Any

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


def main() -> int:
    args = _arguments()
    from playwright.sync_api import sync_playwright

    with bench_database() as url:
        asyncio.run(_fill(url, args.events))
        with _server(url) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                _load(browser, base)  # a first load warms the server's caches and the browser
                loads = [_load(browser, base) for _ in range(args.loads)]
                page_ms = [_fetch(browser, base, "/events") for _ in range(args.loads)]
                export_ms = [_fetch(browser, base, "/events?format=ndjson") for _ in range(args.loads)]
            finally:
                browser.close()
    load = statistics.median(loads)
    print(f"# {args.events:,} events; page loads (ms): {', '.join(f'{v:.0f}' for v in loads)}", file=sys.stderr)
    print(f"# goal: under 2000 ms: {'met' if load < 2000 else 'missed'}", file=sys.stderr)
    report("page", "page_load", load, "ms", "bare GET /events JSON page", statistics.median(page_ms), False)
    report("page", "page_load", load, "ms", "NDJSON export of every event", statistics.median(export_ms), False)
    return 0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--loads", type=int, default=5)
    return parser.parse_args()


def _load(browser: Any, base: str) -> float:
    """Milliseconds from navigation start until the page has drawn the map, timeline and list."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(f"{base}/", wait_until="commit")
        page.wait_for_function(_PAINTED, timeout=60_000)
        return float(page.evaluate(_PAINTED))
    finally:
        context.close()


def _fetch(browser: Any, base: str, path: str) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}/health")
        return float(page.evaluate(_FETCH, path))
    finally:
        context.close()


if __name__ == "__main__":
    raise SystemExit(main())
