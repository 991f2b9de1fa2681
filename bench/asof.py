"""As-of benchmark: what reading a release costs against the live read model.

Fills rm_conflict_events with ≥1,000,000 synthetic rows (as bench/query.py does) and
rm_event_versions with one version per row plus a closed earlier version for every tenth
(a corrected or re-extracted event), then runs the same filtered page of /events as SQL through
bare asyncpg: `as_of=<a position in the middle of the log>` on the versions against the live
query on rm_conflict_events (the floor), at the same concurrency. One JSON line per figure.

    .venv/bin/python bench/asof.py [--rows 1000000] [--seconds 10] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg

from bench._common import bench_database, report
from bench.query import PARAMS, Sample, _fill, _measure_sql
from infra.event_store import Position
from infra.queries.events import EventQuery, build_query, page_sql

_COLUMNS = """SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
              WHERE table_name = 'rm_conflict_events' AND column_name <> 'search'"""


def main() -> int:
    args = _arguments()
    with bench_database() as url:
        asyncio.run(_fill(url, args.rows))
        middle = asyncio.run(_fill_versions(url, args.rows))
        live_sql, live_args = page_sql(_query(None), None, int(PARAMS["limit"]))
        as_of_sql, as_of_args = page_sql(_query(middle.encode()), None, int(PARAMS["limit"]))
        live = asyncio.run(_measure_sql(url, live_sql, live_args, args.seconds, args.concurrency))
        pinned = asyncio.run(_measure_sql(url, as_of_sql, as_of_args, args.seconds, args.concurrency))
    _report(pinned, live, args.rows)
    return 0


def _query(as_of: str | None) -> EventQuery:
    return build_query(types=[PARAMS["type"]], country=PARAMS["country"], occurred_from=PARAMS["from"], as_of=as_of)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="measuring time per side")
    parser.add_argument("--concurrency", type=int, default=8)
    return parser.parse_args()


async def _fill_versions(url: str, rows: int) -> Position:
    """One open version per live row (valid from its own position), and for every tenth row a closed
    earlier version (valid from the row's position minus a half-log, closed at the row's position)."""
    conn = await asyncpg.connect(url)
    try:
        middle = Position(rows // 2, rows // 2)
        if await conn.fetchval("SELECT count(*) FROM rm_event_versions") >= rows:
            return middle
        started = time.perf_counter()
        columns = await conn.fetchval(_COLUMNS)
        await conn.execute("TRUNCATE rm_event_versions")
        await conn.execute(
            f"""INSERT INTO rm_event_versions ({columns}, valid_from_tx, valid_from_pos)
                SELECT {columns}, tx_id, global_position FROM rm_conflict_events"""
        )
        await conn.execute(
            f"""INSERT INTO rm_event_versions ({columns}, valid_from_tx, valid_from_pos, valid_to_tx, valid_to_pos)
                SELECT {columns}, greatest(tx_id - {rows // 2}, 0), greatest(global_position - {rows // 2}, 0) - 1,
                       tx_id, global_position
                FROM rm_conflict_events WHERE global_position % 10 = 0"""
        )
        await conn.execute("VACUUM ANALYZE rm_event_versions")
        print(f"# versions filled in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        return middle
    finally:
        await conn.close()


def _report(pinned: Sample, live: Sample, rows: int) -> None:
    baseline = "same page on the live read model"
    print(f"# {rows:,} rows (+10% closed versions); as_of = the middle of the log", file=sys.stderr)
    report("asof", "as_of_page_rps", pinned.rps, "queries/s", baseline, live.rps)
    for name, p in (("p50", 0.50), ("p99", 0.99)):
        report(
            "asof",
            f"as_of_page_{name}_latency",
            pinned.percentile_ms(p),
            "ms",
            baseline,
            live.percentile_ms(p),
            higher_is_better=False,
        )


if __name__ == "__main__":
    raise SystemExit(main())
