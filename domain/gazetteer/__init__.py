"""Gazetteers: actors (states, leaders, envoys, armed groups, bodies) and places.

Data lives in files beside this module (`data/`), loaded once and cached. The
public surface below is what extraction uses; it is pure (no I/O at call time
beyond the first, cached load of package data).

Contract (implemented in `actors.py` and `places.py`):

    find_actors(text, language="de") -> list[ActorMention]
        every actor mention in `text`, longest match first, non-overlapping,
        with character offsets into `text`.
    find_places(text, language="de") -> list[PlaceMention]
        every place mention (cities, towns, regions, venues, countries).
    country_place(code) -> Place | None
    capital_name(code) -> str | None
        a country as a Place (centroid, precision "country"); code is alpha-2 or alpha-3.
    actor_country(code) -> str | None
        ISO alpha-2 country of an actor code ("RUS" -> "RU", "SYR-REB" -> "SY"), None for bodies.
    place_reference(name, country) -> PlaceReference | None
        a place's GeoNames id and first-level division (admin1, `SY.09`), see references.py.
    admin1_places(admin1) -> tuple[str, ...]
        the canonical names of the places in a division.
"""

from __future__ import annotations

from domain.gazetteer.actors import actor_country, find_actors
from domain.gazetteer.model import ActorKind, ActorMention, Place, PlaceMention
from domain.gazetteer.places import capital_name, country_place, find_places
from domain.gazetteer.references import ADMIN1, PlaceReference, admin1_keys, admin1_places, place_reference

__all__ = [
    "ADMIN1",
    "ActorKind",
    "ActorMention",
    "Place",
    "PlaceMention",
    "PlaceReference",
    "actor_country",
    "admin1_keys",
    "admin1_places",
    "capital_name",
    "country_place",
    "find_actors",
    "find_places",
    "place_reference",
]
