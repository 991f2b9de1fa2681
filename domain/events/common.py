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
    """Counts the article attributes to the event, as UCDP does: `killed` is the best estimate (the
    figure the source states; the low end of a range it gives), `killed_low`/`killed_high` the bounds
    the source states ("at least 30": low 30; "more than 30": low 31; "20 to 30": 20 and 30; "dozens":
    low 24 and no best). A bound the text does not state is null. Civilians and children are subgroups
    of the killed ("30 killed, including four children": 30 and 4)."""

    killed: int | None = None
    injured: int | None = None
    civilians_killed: int | None = None
    children_killed: int | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None


class Evidence(msgspec.Struct, frozen=True, kw_only=True):
    """The sentence stating the event, with offsets into the article text as submitted."""

    text: str
    start: int
    end: int
