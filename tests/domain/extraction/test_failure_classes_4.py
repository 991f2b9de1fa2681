"""Failure classes of the fourth development round (counterfactual Konjunktiv II, sports metaphors,
ending a truce, background relative clauses), each with sentences written for this file."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract

PUB = "2017-03-09"  # a Thursday


def _types(events: list[ConflictEvent]) -> list[str]:
    return [type(e).__name__ for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Im Stadion herrschte nach dem Spieltag Waffenstillstand zwischen den Ultras von Dortmund und Schalke. "
        "Die Vereine einigten sich am Montag auf eine Waffenruhe, der Trainer begrüßte das.",
        "Der Torwart hielt den Elfmeter, danach begann die Offensive der Gäste. Die Armee der Fans in der Arena "
        "jubelte, die Tabelle führt nun Leipzig an. Die Truppe des Trainers griff am Samstag pausenlos an.",
        "Die Handball-Meisterschaft: Kiel belagerte das Tor der Flensburger. Nach dem Krieg der Worte "
        "vereinbarten die Trainer am Sonntag eine Feuerpause.",
    ],
)
def test_sports_metaphors_are_not_events(text: str) -> None:
    assert not extract(text, published_at=PUB)


@pytest.mark.parametrize(
    "text",
    [
        "Die Bundesliga pausiert. Die syrische Armee startete am Dienstag eine Offensive auf Idlib. "
        "Der Trainer des FC sagte, im Stadion sei die Sicherheit gewährleistet.",
        "Das Stadion in Donezk ist zerstört, der Trainer und die Mannschaft sind geflohen. "
        "Die ukrainische Armee griff am Montag Stellungen der Separatisten bei Donezk an.",
        "Im Stadion von Aleppo spielte einst die Liga, heute sitzt dort kein Trainer mehr. "
        "Die syrische Armee eroberte am Mittwoch das Viertel um das Stadion in Aleppo.",
    ],
)
def test_a_state_in_a_sports_context_still_counts(text: str) -> None:
    assert "OffensiveLaunched" in _types(extract(text, published_at=PUB))
