"""Roles from German word order: in the perfect, a party between the finite auxiliary and the attack
participle is its object (sentences written for this file)."""

from __future__ import annotations

import pytest

from domain.events import OffensiveLaunched
from domain.extraction import extract

PUB = "2023-10-08"


@pytest.mark.parametrize(
    "text",
    [
        "Hamas-Kämpfer haben am Samstag Israel vom Gazastreifen aus angegriffen.",
        "Kämpfer der Hamas hatten am Samstagmorgen Israel überraschend angegriffen.",
    ],
)
def test_the_party_between_auxiliary_and_participle_is_the_target(text: str) -> None:
    (event,) = [e for e in extract(text, published_at=PUB) if isinstance(e, OffensiveLaunched)]
    roles = {a.code: a.role for a in event.actors}
    assert roles == {"PSE-REB": "attacker", "ISR": "target"}
