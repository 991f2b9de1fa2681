"""Throughput of the incidents projection beside the plain conflict_events projection, same run.

Fills the log with BENCH_INCIDENT_EVENTS synthetic conflict events (default 100,000) in article
streams of EVENTS_PER_ARTICLE, drawn with a fixed seed so occurrences recur across articles (a
few dozen places, three years, a handful of actors: every event has candidates to decide on).
Then runs each projection alone from the start of the log and reports conflict events per
second through it; the conflict_events projection is the baseline.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import random
import time
import uuid

import asyncpg
from _common import bench_database, report

from domain.events import (
    Actor,
    ArticleSubmitted,
    CeasefireAnnounced,
    ConflictEvent,
    Evidence,
    Location,
    Occurred,
    OffensiveLaunched,
    ResolutionBlocked,
    TalksHeld,
)
from infra.codec import to_new_event
from infra.db import create_pool
from infra.event_store import NO_STREAM, EventStore
from infra.projection_runner import ProjectionRunner
from infra.read_models import READ_MODELS

EVENTS = int(os.environ.get("BENCH_INCIDENT_EVENTS", "100000"))
EVENTS_PER_ARTICLE = 5
BATCH = 500
PLACES = [
    Location(name=f"Town {n}", country=("SY", "IQ", "UA", "SD")[n % 4], lat=30 + n * 0.4, lon=35 + n * 0.3)
    for n in range(40)
]
CODES = ["SYR", "SYR-REB", "RUS", "TUR", "ISIL", "USA", "IRQ", "UKR"]
TYPES: list[type[ConflictEvent]] = [TalksHeld, CeasefireAnnounced, OffensiveLaunched, ResolutionBlocked]
ROLES = {
    TalksHeld: ("participant", "participant"),
    CeasefireAnnounced: ("party", "party"),
    OffensiveLaunched: ("attacker", "target"),
    ResolutionBlocked: ("blocked_by", "sponsor"),
}
EVIDENCE = Evidence(text="A synthetic sentence for the benchmark.", start=0, end=39)
DAY0 = dt.date(2016, 1, 1)


def synthetic(rng: random.Random) -> ConflictEvent:
    kind = rng.choice(TYPES)
    first, second = rng.sample(CODES, 2)
    day = DAY0 + dt.timedelta(days=rng.randrange(3 * 365))
    roles = ROLES[kind]
    return kind(
        occurred=Occurred(start=day, end=day + dt.timedelta(days=rng.randrange(3)), precision="day"),
        location=rng.choice(PLACES),
        actors=(Actor(name=first, code=first, role=roles[0]), Actor(name=second, code=second, role=roles[1])),  # type: ignore[arg-type]
        evidence=EVIDENCE,
        confidence=0.7,
    )


async def fill(store: EventStore) -> None:
    rng = random.Random(14)
    for n in range(EVENTS // EVENTS_PER_ARTICLE):
        article_id = uuid.uuid4()
        submitted = ArticleSubmitted(
            article_id=article_id, title="Bench", text="Text.", source=f"outlet {n % 25}",
            published_at=str(DAY0 + dt.timedelta(days=n % 1000)), content_hash=f"h-{article_id}",
        )  # fmt: skip
        new = [to_new_event(submitted)] + [to_new_event(synthetic(rng)) for _ in range(EVENTS_PER_ARTICLE)]
        await store.append(f"article-{article_id}", new, NO_STREAM)


async def rate(pool: asyncpg.Pool, name: str) -> float:
    """Conflict events per second through the named projection alone, from the start of the log."""
    runner = ProjectionRunner(pool, models=[READ_MODELS[name]], batch_size=BATCH)
    start = time.perf_counter()
    await runner.run_until_caught_up()
    return EVENTS / (time.perf_counter() - start)


async def main(url: str) -> None:
    pool = await create_pool(url, max_size=4)
    try:
        await fill(EventStore(pool))
        plain = await rate(pool, "conflict_events")
        incidents = await rate(pool, "incidents")
        linked = await pool.fetchval("SELECT count(*) FROM rm_incidents WHERE article_count > 1")
        print(f"# {EVENTS} events, {await pool.fetchval('SELECT count(*) FROM rm_incidents')} incidents, "
              f"{linked} with more than one article")  # fmt: skip
        report("incidents", "incidents_projection_events_per_s", incidents, "events/s", "conflict_events", plain)
    finally:
        await pool.close()


if __name__ == "__main__":
    with bench_database() as database_url:
        asyncio.run(main(database_url))
