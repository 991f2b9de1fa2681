"""The actor codes as reference data: each code's canonical name, kind, country and the
surface forms the gazetteer knows for it (the codebook's and `/actors`' one source).

States come from the country tables (ISO 3166-1 alpha-3), the other codes from
`data/actor_codes.tsv`, the surface forms from `data/actors.tsv` and the country names.
`<ISO3>-REB` and `<ISO3>-MIL` codes not listed follow the pattern: rebels fighting that
state, and its militias.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal, cast

import msgspec

from domain.gazetteer._data import countries, rows, split_list

CodeKind = Literal["state", "rebel_group", "militia", "armed_group", "international_body"]
_KINDS: frozenset[str] = frozenset({"state", "rebel_group", "militia", "armed_group", "international_body"})
_DERIVED = re.compile(r"^([A-Z]{3})-(REB|MIL)$")
_DERIVED_KIND: dict[str, CodeKind] = {"REB": "rebel_group", "MIL": "militia"}


class ActorCode(msgspec.Struct, frozen=True, kw_only=True):
    """One actor code of the codebook."""

    code: str
    name: str  # canonical English name
    kind: CodeKind
    country: str | None  # ISO 3166-1 alpha-2 of the state or the group's country; None for bodies
    aliases: list[str]  # surface forms the extractor recognises (German and English), in data order
    listed: bool = True  # False: derived from the <ISO3>-REB / <ISO3>-MIL pattern, not in the tables


@cache
def actor_codes() -> dict[str, ActorCode]:
    """Every listed code: every state (ISO 3166-1 alpha-3: the gazetteer finds each by its names) and all
    non-state codes."""
    forms = _forms_by_code()
    found: dict[str, ActorCode] = {}
    for code, kind, alpha2, name in rows("actor_codes.tsv"):
        found[code] = ActorCode(
            code=code, name=name, kind=_kind(code, kind), country=alpha2 or None, aliases=forms.get(code, [])
        )
    for country in countries().values():
        if country.names:
            aliases = list(dict.fromkeys([*country.names, *forms.get(country.alpha3, [])]))
            found[country.alpha3] = ActorCode(
                code=country.alpha3, name=country.name_en, kind="state", country=country.alpha2, aliases=aliases
            )
    return dict(sorted(found.items()))


def actor_code(code: str) -> ActorCode | None:
    """A listed code, any ISO 3166-1 alpha-3 state, or a pattern code (`COL-REB`, `RUS-MIL`); else None."""
    listed = actor_codes().get(code)
    if listed is not None:
        return listed
    state = countries().get(code)
    if state is not None:
        return ActorCode(code=code, name=state.name_en, kind="state", country=state.alpha2, aliases=list(state.names))
    derived = _DERIVED.match(code)
    if derived is None or derived.group(1) not in countries():
        return None
    country = countries()[derived.group(1)]
    kind = _DERIVED_KIND[derived.group(2)]
    name = f"rebels in {country.name_en}" if kind == "rebel_group" else f"militias in {country.name_en}"
    return ActorCode(code=code, name=name, kind=kind, country=country.alpha2, aliases=[], listed=False)


def _kind(code: str, raw: str) -> CodeKind:
    if raw not in _KINDS:
        raise ValueError(f"actor_codes.tsv: {code}: unknown kind {raw!r}")
    return cast(CodeKind, raw)


def _inflected(form: str) -> str:
    """A German adjective stem ("prorussisch* Separatisten") shown in its plural form."""
    return re.sub(r"\*(?=\s|$)", "e", form)


def _forms_by_code() -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    for code, _kind, _lang, cell in rows("actors.tsv"):
        bucket = forms.setdefault(code, [])
        bucket.extend(f for f in map(_inflected, split_list(cell)) if f not in bucket)
    return forms
