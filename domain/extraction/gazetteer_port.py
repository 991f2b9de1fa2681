"""The slice of the gazetteer that extraction uses, as structural types.

Extraction depends on this port, not on the gazetteer's modules, so tests can pass a
small fake and the pipeline never builds lexicons per article. The default adapter
imports `domain.gazetteer` on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class PlaceLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...
    @property
    def precision(self) -> str: ...


class ActorMentionLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def surface(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def kind(self) -> str: ...


class PlaceMentionLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def surface(self) -> str: ...
    @property
    def place(self) -> PlaceLike: ...


class GazetteerPort(Protocol):
    def find_actors(self, text: str, language: str = "de") -> Sequence[ActorMentionLike]: ...
    def find_places(self, text: str, language: str = "de") -> Sequence[PlaceMentionLike]: ...
    def country_place(self, code: str) -> PlaceLike | None: ...
    def actor_country(self, code: str) -> str | None: ...
    def capital_name(self, code: str) -> str | None: ...


class DefaultGazetteer:
    """Delegates to `domain.gazetteer` (imported lazily, once)."""

    def find_actors(self, text: str, language: str = "de") -> Sequence[ActorMentionLike]:
        from domain import gazetteer

        return gazetteer.find_actors(text, language)

    def find_places(self, text: str, language: str = "de") -> Sequence[PlaceMentionLike]:
        from domain import gazetteer

        return gazetteer.find_places(text, language)

    def country_place(self, code: str) -> PlaceLike | None:
        from domain import gazetteer

        return gazetteer.country_place(code)

    def actor_country(self, code: str) -> str | None:
        from domain import gazetteer

        return gazetteer.actor_country(code)

    def capital_name(self, code: str) -> str | None:
        from domain import gazetteer

        return gazetteer.capital_name(code)
