"""Merging: opposing attacks at one place are two events (sentences written for this file)."""

from __future__ import annotations

from domain.events import OffensiveLaunched
from domain.extraction import extract

PUB = "2023-10-08"


def _attackers(text: str) -> list[set[str]]:
    events = [e for e in extract(text, published_at=PUB) if isinstance(e, OffensiveLaunched)]
    return [{a.code for a in e.actors if a.role == "attacker"} for e in events]


def test_an_attack_and_the_counterattack_on_the_attacker_are_two_events() -> None:
    text = (
        "Hamas-Kämpfer griffen am Samstag Israel an. "
        "Die israelische Armee bombardierte am Sonntag Stellungen der Hamas im Gazastreifen."
    )
    found = _attackers(text)
    assert len(found) == 2
    assert any("PSE-REB" in a and "ISR" not in a for a in found)
    assert any("ISR" in a and "PSE-REB" not in a for a in found)


def test_allies_attacking_one_town_stay_one_offensive() -> None:
    text = (
        "Die türkische Armee hat am Montag die Stadt al-Bab angegriffen. "
        "Verbündete Rebellen rückten am Montag ebenfalls auf al-Bab vor."
    )
    assert len(_attackers(text)) == 1
