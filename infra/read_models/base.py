"""What the projection runner needs of a read model: its pure projection, its SQL writer and
the event types it handles (the log is filtered by them in SQL).

A writer receives the table names to write to (`tables`: base name -> actual name), so
the same SQL fills the live tables or, during a rebuild, their `_shadow` copies.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import asyncpg

from domain.projections.envelope import Envelope

Tables = Mapping[str, str]
SHADOW_SUFFIX = "_shadow"


@dataclass(frozen=True)
class ReadModel:
    name: str
    tables: tuple[str, ...]  # every table the model owns; rebuilt and swapped together
    project: Callable[[Envelope], Sequence[Any]]
    write: Callable[[asyncpg.Connection, list[Any], Tables], Awaitable[None]]
    topics: frozenset[str] | None = None  # the event types `project` handles; None: every type
    notify: str | None = None  # a NOTIFY channel told after each live commit that wrote (and after a swap)

    def live_tables(self) -> dict[str, str]:
        return {table: table for table in self.tables}

    def shadow_tables(self) -> dict[str, str]:
        return {table: table + SHADOW_SUFFIX for table in self.tables}
