"""Talks: one call per counterpart, and verb-final 'mit X gesprochen' (sentences written for this file)."""

from __future__ import annotations

from domain.events import ConflictEvent, TalksHeld
from domain.extraction import extract

PUB = "2025-01-28"
CONTEXT = "Im Osten des Kongo gehen die Kämpfe zwischen der Armee und den Rebellen weiter. "


def _talks(events: list[ConflictEvent]) -> list[set[str]]:
    return [{a.code for a in e.actors} for e in events if isinstance(e, TalksHeld)]


def test_a_caller_with_two_counterparts_made_two_calls() -> None:
    text = (
        CONTEXT
        + "Kenias Präsident Ruto habe am Montag mit Präsident Macron und mit US-Außenminister Rubio telefoniert."
    )
    assert sorted(map(sorted, _talks(extract(text, published_at=PUB)))) == [["FRA", "KEN"], ["KEN", "USA"]]


def test_a_meeting_of_three_stays_one_event() -> None:
    text = (
        CONTEXT
        + "Kenias Präsident Ruto traf sich am Montag in Nairobi mit Präsident Macron und US-Außenminister Rubio."
    )
    assert _talks(extract(text, published_at=PUB)) == [{"KEN", "FRA", "USA"}]


def test_a_call_between_two_is_one_event() -> None:
    text = CONTEXT + "Der kongolesische Präsident habe am Montag mit US-Außenminister Rubio telefoniert."
    assert _talks(extract(text, published_at=PUB)) == [{"COD", "USA"}]


def test_verb_final_spoken_with_is_talks() -> None:
    text = CONTEXT + "US-Außenminister Rubio habe am Montag auch mit dem kongolesischen Präsidenten gesprochen."
    assert _talks(extract(text, published_at=PUB)) == [{"USA", "COD"}]


def test_an_english_caller_with_two_counterparts_made_two_calls() -> None:
    text = (
        "Fighting between the army and M23 rebels continued in eastern Congo. "
        "Kenyan President Ruto phoned French President Macron and U.S. Secretary of State Rubio on Monday."
    )
    found = _talks(extract(text, published_at=PUB, language="en"))
    assert sorted(map(sorted, found)) == [["FRA", "KEN"], ["KEN", "USA"]]


def test_verb_final_consulted_with_is_talks() -> None:
    text = (
        CONTEXT + "Das Weiße Haus gab bekannt, dass US-Präsident Biden mit Kanzler Scholz sowie den Regierungschefs "
        "von Frankreich und Großbritannien über die Lage im Kongo beraten hat."
    )
    assert _talks(extract(text, published_at=PUB)) == [{"USA", "DEU", "FRA", "GBR"}]
