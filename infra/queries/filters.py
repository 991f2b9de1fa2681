"""Parse raw query-string values into typed filter values, naming the parameter on error."""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Iterable

import msgspec

from domain.errors import ValidationError
from domain.events import CONFLICT_TYPE_NAMES
from domain.gazetteer import ADMIN1, admin1_keys, admin1_places
from domain.review import REVIEW_STATUSES
from infra.event_store import Position
from infra.queries.common import MAX_TEXT as MAX_TEXT  # the longest free-text filter value (re-exported)
from infra.queries.common import check_text

_ACTOR_CODE = re.compile(r"[A-Z0-9]{2,10}(-[A-Z0-9]{2,10})*")
_COUNTRY = re.compile(r"[A-Z]{2,3}")
_USER_ASSIGNED = {"XK": "XK", "XKX": "XK"}  # Kosovo: in common use, not in ISO 3166-1


class BBox(msgspec.Struct, frozen=True):
    """WGS84 box; `min_lon > max_lon` means it crosses the antimeridian."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


def event_types(values: Iterable[str]) -> tuple[str, ...]:
    types = tuple(dict.fromkeys(values))
    for value in types:
        if value not in CONFLICT_TYPE_NAMES:
            known = ", ".join(sorted(CONFLICT_TYPE_NAMES))
            raise ValidationError(f"type: unknown event type {_quote(value)} (known: {known})")
    return types


def actor_codes(values: Iterable[str]) -> tuple[str, ...]:
    codes = tuple(dict.fromkeys(v.strip().upper() for v in values))
    for code in codes:
        if not _ACTOR_CODE.fullmatch(code):
            raise ValidationError(f"actor: {_quote(code)} is not an actor code (e.g. RUS, SYR-REB, UN)")
    return codes


def country(value: str | None, name: str = "country") -> str | None:
    """An ISO 3166-1 code, alpha-2 (`SY`) or alpha-3 (`SYR`), any case, as the alpha-2 code the
    read models store; a code ISO does not know is a ValidationError naming it."""
    if value is None:
        return None
    code = _alpha_2(value.strip().upper())
    if code is None:
        raise ValidationError(f"{name}: {_quote(value)} is not an ISO 3166-1 country code (e.g. SY or SYR)")
    return code


def country_codes() -> list[str]:
    """Every code `country` takes, upper case then lower case (it takes any case, and whitespace around):
    ISO 3166-1 alpha-2 and alpha-3, and Kosovo's XK and XKX. The OpenAPI lists them."""
    import pycountry

    upper = sorted(
        {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries} | set(_USER_ASSIGNED)
    )
    return upper + [code.lower() for code in upper]


def _alpha_2(code: str) -> str | None:
    if not _COUNTRY.fullmatch(code):
        return None
    if code in _USER_ASSIGNED:
        return _USER_ASSIGNED[code]
    import pycountry  # loaded on first use: its database is large

    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code)
    return None if found is None else str(found.alpha_2)


def admin1_codes() -> list[str]:
    """Every division `admin1` takes (GeoNames keys, upper case; it takes any case): the gazetteer's."""
    return admin1_keys()


def admin1(value: str | None) -> str | None:
    """A first-level division as GeoNames keys it (`SY.09`, any case) that a gazetteer place lies in."""
    if value is None:
        return None
    code = value.strip().upper()
    if not ADMIN1.fullmatch(code):
        raise ValidationError(f"admin1: {_quote(value)} is not a GeoNames admin1 key (e.g. SY.09; see /places)")
    if not admin1_places(code):
        raise ValidationError(f"admin1: no place of the gazetteer lies in {_quote(code)} (see /places)")
    return code


def text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = check_text(name, value).strip()
    if not value:
        raise ValidationError(f"{name}: must not be empty")
    return value


def iso_date(name: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(f"{name}: {_quote(value)} is not an ISO date (YYYY-MM-DD)") from None


def date_range(start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and start > end:
        raise ValidationError(f"from ({start}) is after to ({end})")


def uuid_value(name: str, value: str | None) -> uuid.UUID | None:
    return None if value is None else parse_uuid(name, value)


def parse_uuid(name: str, value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise ValidationError(f"{name}: {_quote(value)} is not a UUID") from None


def bbox(value: str | None) -> BBox | None:
    """minLon,minLat,maxLon,maxLat: minLon > maxLon crosses the antimeridian; the two latitudes bound the band
    between them, in either order."""
    if value is None:
        return None
    parts = value.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise ValidationError(f"bbox: {_quote(value)} is not minLon,minLat,maxLon,maxLat (four numbers)")
    west, south, east, north = numbers
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ValidationError("bbox: longitudes must lie within -180..180")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ValidationError("bbox: latitudes must lie within -90..90")
    return BBox(west, min(south, north), east, max(south, north))


def _quote(value: str) -> str:
    shown = value if len(value) <= 60 else value[:57] + "..."
    return repr(shown)


def review_statuses(values: Iterable[str]) -> tuple[str, ...]:
    """`review_status` values: unreviewed, confirmed, corrected, rejected (a repeated or comma list)."""
    statuses = tuple(dict.fromkeys(v.strip().lower() for raw in values for v in raw.split(",") if v.strip()))
    wrong = [s for s in statuses if s not in REVIEW_STATUSES]
    if wrong:
        raise ValidationError(f"review_status: {_quote(wrong[0])} is not one of {', '.join(REVIEW_STATUSES)}")
    return statuses


def position(name: str, value: str | None) -> Position | None:
    """A log position as the API writes them ('<tx>-<position>'; '0' and '0-0' are the start)."""
    if value is None:
        return None
    raw = value.strip()
    try:
        return Position() if raw == "0" else Position.decode(raw)
    except ValidationError as exc:
        raise ValidationError(f"{name}: {exc}") from None
