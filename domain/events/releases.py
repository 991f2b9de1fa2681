"""The release family: an admin names a log position as a dataset version to cite."""

from __future__ import annotations

import datetime as dt

import msgspec


class ReleaseCreated(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="ReleaseCreated"):
    """`name` stands for the read models as they held at `position` (the stream `release-<name>`)."""

    name: str
    position: str  # an encoded log position '<tx>-<global_position>'
    created_by: str
    created_at: dt.datetime
    note: str | None = None
