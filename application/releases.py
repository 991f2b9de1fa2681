"""The release use cases: name a log position as a dataset version, list the versions, and
resolve a name to its position for `?release=`.

A release is an event (`ReleaseCreated` in the stream `release-<name>`), appended only if that
stream does not exist yet, so a name is taken once and for ever.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Protocol

import msgspec

from application.ports import Clock
from domain.errors import ConcurrencyError, NotFoundError, NotReachedError, ValidationError
from domain.events.releases import ReleaseCreated

NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
_NAME = re.compile(NAME_PATTERN)


class ReleaseInput(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """POST /releases: the name, and the position it stands for (default: what the read models hold now)."""

    name: Annotated[str, msgspec.Meta(pattern=NAME_PATTERN)]
    position: Annotated[str, msgspec.Meta(pattern=r"^(0|[0-9]{1,18}-[0-9]{1,18})$")] | None = None
    note: Annotated[str, msgspec.Meta(max_length=2000)] | None = None


class Release(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    position: str
    created_at: dt.datetime
    created_by: str
    note: str | None = None


class ReleaseStore(Protocol):
    async def add(self, release: ReleaseCreated) -> bool:
        """Store the release; False when the name is taken."""

    async def all(self) -> list[ReleaseCreated]: ...

    async def get(self, name: str) -> ReleaseCreated | None: ...


class Positions(Protocol):
    async def projected(self) -> str:
        """The log position every read model has reached (the versions a release can name)."""

    def check(self, raw: str) -> str:
        """A valid encoded position, or ValidationError."""

    def after(self, a: str, b: str) -> bool:
        """Whether position `a` is later than `b`."""


async def create_release(
    releases: ReleaseStore, positions: Positions, clock: Clock, data: ReleaseInput, *, created_by: str
) -> Release:
    if not _NAME.fullmatch(data.name):
        raise ValidationError("name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
    projected = await positions.projected()
    position = projected if data.position is None else _checked(positions, "position", data.position)
    if positions.after(position, projected):
        raise NotReachedError(f"position: {position} is beyond what the read models hold ({projected}); retry later")
    note = data.note.strip() if data.note and data.note.strip() else None
    if note is not None and len(note) > 2000:
        raise ValidationError("note: at most 2000 characters")
    event = ReleaseCreated(name=data.name, position=position, created_by=created_by, created_at=clock.now(), note=note)
    if not await releases.add(event):
        raise ConcurrencyError(f"a release named {data.name!r} exists already (a release is never changed)")
    return _view(event)


async def list_releases(releases: ReleaseStore) -> list[Release]:
    return [_view(r) for r in await releases.all()]


async def get_release(releases: ReleaseStore, name: str) -> Release:
    found = await releases.get(name)
    if found is None:
        raise NotFoundError(f"no release {name!r} (GET /releases lists them)")
    return _view(found)


def _view(event: ReleaseCreated) -> Release:
    return Release(
        name=event.name,
        position=event.position,
        created_at=event.created_at,
        created_by=event.created_by,
        note=event.note,
    )


async def as_of_position(
    releases: ReleaseStore, positions: Positions, *, release: str | None, as_of: str | None
) -> str | None:
    """The position a read is pinned to (`release=` or `as_of=`), refused when the read models
    have not reached it yet (the answer would be incomplete); None for a live read."""
    if release is not None and as_of is not None:
        raise ValidationError("release and as_of: give one of them")
    if release is None and as_of is None:
        return None
    if release is not None:
        position = (await get_release(releases, release)).position
    else:
        position = _checked(positions, "as_of", as_of)
    projected = await positions.projected()
    if positions.after(position, projected):
        raise NotReachedError(f"as_of: {position} is beyond what the read models hold yet ({projected}); retry later")
    return position


def _checked(positions: Positions, name: str, raw: str | None) -> str:
    try:
        return positions.check(str(raw))
    except ValidationError as exc:
        raise ValidationError(f"{name}: {exc}") from None
