"""Shared pieces of the read queries: opaque cursors, text checks, a WHERE builder."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Annotated, Any, TypeVar

import msgspec

from domain.errors import ValidationError
from domain.gazetteer import admin1_places

C = TypeVar("C", bound=msgspec.Struct)

MAX_TEXT = 500  # longest free-text filter value accepted
BIGINT_MAX = 2**63 - 1
INT_MAX = 2**31 - 1
Count = Annotated[int, msgspec.Meta(ge=0, le=INT_MAX)]  # an `integer` column's value in a cursor


def encode_cursor(cursor: msgspec.Struct) -> str:
    """An opaque cursor: base64url (no padding) of the key's compact JSON."""
    return base64.urlsafe_b64encode(msgspec.json.encode(cursor)).rstrip(b"=").decode()


def decode_cursor(raw: str, kind: type[C]) -> C:
    """The cursor's key, or ValidationError when it was not made by `encode_cursor(kind)`."""
    try:
        data = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
        return msgspec.json.decode(data, type=kind)
    except (binascii.Error, ValueError, msgspec.DecodeError):
        raise ValidationError(f"cursor: {_shorten(raw)!r} is not a cursor this endpoint issued") from None


def check_text(name: str, value: str, max_length: int = MAX_TEXT) -> str:
    """A filter value PostgreSQL can take: no NUL characters, bounded length."""
    if "\x00" in value:
        raise ValidationError(f"{name}: must not contain NUL characters")
    if len(value) > max_length:
        raise ValidationError(f"{name}: longer than {max_length} characters")
    return value


def _shorten(raw: str) -> str:
    return raw if len(raw) <= 60 else raw[:57] + "..."


class Where:
    """Collects `AND`ed conditions and their arguments, numbering `$n` placeholders in order."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.args: list[Any] = []

    def arg(self, value: Any) -> str:
        self.args.append(value)
        return f"${len(self.args)}"

    def add(self, condition: str) -> None:
        self.conditions.append(condition)

    def sql(self) -> str:
        return "WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def like_pattern(text: str) -> str:
    """An ILIKE pattern matching `text` anywhere, with LIKE's wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def shared_filters(
    where: Where,
    *,
    types: tuple[str, ...],
    actors: tuple[str, ...],
    country: str | None,
    occurred_from: dt.date | None,
    occurred_to: dt.date | None,
) -> None:
    """The filters events and incidents share (both tables name these columns alike): type, any of
    the actor codes, country, and a date range that overlaps the row's."""
    if types:
        where.add(f"type = ANY({where.arg(list(types))}::text[])")
    if actors:
        where.add(f"actor_codes && {where.arg(list(actors))}::text[]")
    if country is not None:
        where.add(f"country = {where.arg(country)}")
    if occurred_from is not None:
        where.add(f"occurred_end >= {where.arg(occurred_from)}")
    if occurred_to is not None:
        where.add(f"occurred_start <= {where.arg(occurred_to)}")


def admin1_filter(where: Where, admin1: str | None) -> None:
    """Rows whose place lies in the first-level division `admin1` (GeoNames' key, `SY.09`): the
    gazetteer's places in it, by name within its country (events, their versions and incidents name
    these columns alike). A place the gazetteer does not know (a reviewer's own name) is in none."""
    if admin1 is not None:
        names = where.arg(list(admin1_places(admin1)))
        where.add(f"country = {where.arg(admin1.split('.', 1)[0])} AND location_name = ANY({names}::text[])")
