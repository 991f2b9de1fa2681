"""Value types returned by the gazetteers."""

from __future__ import annotations

from typing import Literal

import msgspec

ActorKind = Literal["state", "person", "group", "body", "demonym"]


class Place(msgspec.Struct, frozen=True, kw_only=True):
    name: str  # canonical English name
    country: str | None  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    precision: Literal["city", "region", "country"]


class ActorMention(msgspec.Struct, frozen=True, kw_only=True):
    start: int
    end: int
    surface: str  # the text's own wording
    code: str  # codebook actor code: RUS, SYR-REB, ISIL, UN, UNSC ...
    kind: ActorKind  # a state name, a person (Putin), a group, a body, or an adjective/demonym ("russische")


class PlaceMention(msgspec.Struct, frozen=True, kw_only=True):
    start: int
    end: int
    surface: str
    place: Place
