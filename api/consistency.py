"""Read your own writes: `min_position` on read routes.

A write answers with the log position it reached (`position`, and the `Log-Position`
header). A read given that position waits, bounded by CONFLICTDB_READ_WAIT, until every
read model has applied it, so a GET right after a 201 sees what the POST stored; past the
bound it answers 503 with Retry-After rather than an answer that looks final but is stale.

With DATABASE_READ_URL the read routes query a streaming replica, so the wait is on the
replica's checkpoints (replayed with its read models): what they show is what it will answer.
A position past the end of the log is a 409, and that end is the primary's: a replica that lags
has not seen the last writes yet, and a position it does not hold may be one the primary does.
"""

from __future__ import annotations

import math
from typing import Annotated

from litestar.di import NamedDependency
from litestar.exceptions import HTTPException
from litestar.params import QueryParameter

from api.schemas import LOG_POSITION_PATTERN
from api.services import ServicesDep
from application.queries import log

POSITION_HEADER = "Log-Position"
RETRY_AFTER_S = 1

MinPosition = Annotated[
    str | None,
    QueryParameter(
        name="min_position",
        min_length=1,
        max_length=60,
        pattern=LOG_POSITION_PATTERN,
        description="Answer only once the read models have applied this log position (the `position` "
        "a write replied with); waits at most CONFLICTDB_READ_WAIT seconds, then 503 with Retry-After "
        "(409 for a position past the end of the log)",
    ),
]


async def read_after(services: ServicesDep, min_position: MinPosition = None) -> None:
    """The dependency every read route declares (as `read_after: ReadAfter`)."""
    if min_position is None:
        return
    position = log.parse_position("min_position", min_position)
    if await services.wait_for_read_models(position, services.settings.read_wait_s):
        return
    # Checked only once the wait failed (the usual read pays one query, not two), and on the
    # primary (`store`): a lagging replica's log ends before positions writes replied with.
    if not await services.store.holds(position):
        raise HTTPException(
            status_code=409,
            detail=f"min_position {min_position} is past the end of the log: no write replied with it",
        )
    raise HTTPException(
        status_code=503,
        detail=f"the read models have not reached log position {min_position} yet; retry shortly",
        headers={"Retry-After": str(max(RETRY_AFTER_S, math.ceil(services.settings.read_wait_s / 5)))},
    )


ReadAfter = NamedDependency[None]
