"""Value objects shared by the extracted-event types (the codebook's wire format)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import msgspec

Precision = Literal["day", "week", "month", "year"]
PlacePrecision = Literal["city", "region", "country"]
Role = Literal["participant", "mediator", "announced_by", "party", "attacker", "target", "blocked_by", "sponsor"]


class Occurred(msgspec.Struct, frozen=True, kw_only=True):
    """When the event itself happened: an inclusive date range with a precision."""

    start: dt.date
    end: dt.date
    precision: Precision
    text: str | None = None


class Location(msgspec.Struct, frozen=True, kw_only=True):
    """Where it happened (for talks, the venue): canonical English name, ISO alpha-2, WGS84."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision = "city"


class Actor(msgspec.Struct, frozen=True, kw_only=True):
    """A party in a role; `name` is the article's wording, `code` the codebook's code."""

    name: str
    code: str
    role: Role


class Casualties(msgspec.Struct, frozen=True, kw_only=True):
    killed: int | None = None
    injured: int | None = None
    civilians_killed: int | None = None
    children_killed: int | None = None


class Evidence(msgspec.Struct, frozen=True, kw_only=True):
    """The sentence stating the event, with offsets into the article text as submitted."""

    text: str
    start: int
    end: int
