"""One test per failure class found on development articles, each with sentences written
for this file (not taken from any evaluation article)."""

from __future__ import annotations

from domain.events import ConflictEvent
from domain.extraction import extract

PUB = "2016-11-10"  # a Thursday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


_KRIEG = "Krieg in der Region\n\n"  # a headline, so that the article is about a conflict


def test_headline_alone_makes_no_event() -> None:
    text = (
        "Armee erobert Stadt im Norden\n\nDie Lage im Land bleibt nach Angaben der Vereinten Nationen angespannt. "
        "Der Krieg dauert seit Jahren an."
    )
    assert extract(text, published_at=PUB) == []


def test_headline_and_body_are_one_event() -> None:
    text = (
        "Irakische Armee startet Offensive auf Tal Afar\n\nDie irakische Armee hat am Sonntag eine Offensive auf "
        "die IS-Hochburg Tal Afar begonnen. Der Krieg gegen den IS geht damit weiter."
    )
    events = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert len(events) == 1 and events[0].evidence.text.startswith("Die irakische Armee")


def test_sports_final_is_not_an_offensive() -> None:
    text = (
        "Die Nationalmannschaft eroberte in Kattowitz den EM-Titel gegen Frankreich. Im Finale griffen die "
        "Franzosen immer wieder an."
    )
    assert _of(extract(_KRIEG + text, published_at=PUB), "OffensiveLaunched") == []
