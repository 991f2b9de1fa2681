"""Sanity of the data files: codes are codebook codes, coordinates are in range."""

from __future__ import annotations

import re

from domain.gazetteer._data import countries, curated_places
from domain.gazetteer.actors import _actor_index
from domain.gazetteer.places import _place_index

BODIES = {"UN", "UNSC", "EU", "NATO", "G20", "G7", "OSCE", "ARL", "AU", "GCC", "OIC", "ECOWAS", "ICRC"}
GROUPS = {"ISIL", "JFS", "HEZ"}
_PREFIXED = re.compile(r"^([A-Z]{3})-(REB|MIL|KRD)$")


def _valid(code: str) -> bool:
    match = _PREFIXED.match(code)
    return code in BODIES or code in GROUPS or code in countries() or bool(match and match.group(1) in countries())


def test_every_actor_code_is_a_codebook_code() -> None:
    for language in ("de", "en"):
        bad = {code for code, _ in _actor_index(language).entries.values() if not _valid(code)}
        assert bad == set()


def test_curated_places_have_plausible_coordinates_and_known_countries() -> None:
    alpha2 = {c.alpha2 for c in countries().values()}
    for row in curated_places():
        assert -90 <= row.lat <= 90 and -180 <= row.lon <= 180, row.name
        assert row.alpha2 in alpha2, row.name
        assert row.precision in {"city", "region"}, row.name


def test_every_place_in_the_index_has_a_country() -> None:
    assert all(place.country for place in _place_index("de").entries.values())


def test_coverage_counts() -> None:
    assert len(countries()) >= 249
    assert len(_actor_index("de").entries) > 4000
    assert len(_place_index("de").entries) > 20000
