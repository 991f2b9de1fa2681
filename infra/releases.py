"""Releases over the event store (`ReleaseStore`) and the versioned read model's checkpoint
(`Positions`): a release is the event `ReleaseCreated` in the stream `release-<name>`."""

from __future__ import annotations

import asyncpg
import msgspec

from domain import streams
from domain.errors import ConcurrencyError
from domain.events.releases import ReleaseCreated
from infra.codec import to_new_event
from infra.event_store import NO_STREAM, EventStore, Position

_ALL = """SELECT data::text FROM events WHERE category = $1 AND event_type = 'ReleaseCreated'
          ORDER BY tx_id, global_position"""
_ONE = "SELECT data::text FROM events WHERE stream_id = $1 AND event_type = 'ReleaseCreated' LIMIT 1"
# What a release can name: the log as far as the versioned read model has applied it.
_PROJECTED = """SELECT tx_id::text::bigint AS tx_id, global_position FROM checkpoints
                WHERE subscriber = 'projection:event_versions'"""
_decode = msgspec.json.Decoder(ReleaseCreated)


class ReleaseEvents:
    def __init__(self, store: EventStore) -> None:
        self.store = store

    async def add(self, release: ReleaseCreated) -> bool:
        try:
            await self.store.append(streams.release_stream(release.name), [to_new_event(release)], NO_STREAM)
        except ConcurrencyError:
            return False
        return True

    async def all(self) -> list[ReleaseCreated]:
        return [_decode.decode(r[0]) for r in await self.store.pool.fetch(_ALL, streams.RELEASE)]

    async def get(self, name: str) -> ReleaseCreated | None:
        raw = await self.store.pool.fetchval(_ONE, streams.release_stream(name))
        return None if raw is None else _decode.decode(raw)


class ProjectedPositions:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def projected(self) -> str:
        row = await self.pool.fetchrow(_PROJECTED)
        return (Position() if row is None else Position(row["tx_id"], row["global_position"])).encode()

    def check(self, raw: str) -> str:
        return (Position() if raw.strip() == "0" else Position.decode(raw.strip())).encode()

    def after(self, a: str, b: str) -> bool:
        return Position.decode(a) > Position.decode(b)
