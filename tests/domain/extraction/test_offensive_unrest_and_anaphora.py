"""Offensives: unrest is no offensive; a definite generic force is the group named before it
(sentences written for this file)."""

from __future__ import annotations

from domain.events import OffensiveLaunched
from domain.extraction import extract

PUB = "2025-01-28"


def _offensives(text: str) -> list[OffensiveLaunched]:
    return [e for e in extract(text, published_at=PUB) if isinstance(e, OffensiveLaunched)]


def test_the_militia_is_the_group_named_before() -> None:
    text = (
        "Die Rebellengruppe M23 rückt im Osten des Kongo weiter vor. "
        "Die Miliz hat am Montag die Stadt Goma eingenommen."
    )
    attackers = {a.code for e in _offensives(text) for a in e.actors if a.role == "attacker"}
    assert "COD-REB" in attackers and "COD-MIL" not in attackers


def test_an_indefinite_militia_is_not_the_group_named_before() -> None:
    text = (
        "Die Rebellengruppe M23 rückt im Osten des Kongo weiter vor. "
        "Eine andere Miliz hat am Montag die Stadt Bunia angegriffen."
    )
    attackers = {a.code for e in _offensives(text) for a in e.actors if a.role == "attacker"}
    assert "COD-MIL" in attackers
