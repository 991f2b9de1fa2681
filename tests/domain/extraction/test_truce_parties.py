"""A truce whose sentence names no party takes them from the neighbouring sentences (written for this file)."""

from __future__ import annotations

from domain.events import CeasefireAnnounced
from domain.extraction import extract

PUB = "2025-01-20"


def _truce_codes(text: str) -> list[set[str]]:
    return [{a.code for a in e.actors} for e in extract(text, published_at=PUB) if isinstance(e, CeasefireAnnounced)]


def test_the_parties_of_the_talks_just_reported() -> None:
    text = (
        "Im Gazastreifen gehen die Kämpfe weiter. Vertreter Israels und der Hamas verhandelten am Mittwoch in Doha. "
        "Am Sonntag trat im Gazastreifen eine Waffenruhe in Kraft."
    )
    assert {"ISR", "PSE-REB"} in _truce_codes(text)


def test_the_parties_the_next_sentence_says_agreed_it() -> None:
    text = (
        "Im Gazastreifen wurde monatelang gekämpft. Am Sonntag trat im Gazastreifen eine Waffenruhe in Kraft. "
        "Darauf hatten sich Israel und die Hamas am Mittwoch geeinigt."
    )
    assert any(codes >= {"ISR", "PSE-REB"} for codes in _truce_codes(text))


def test_no_parties_are_invented_without_a_neighbour_naming_them() -> None:
    text = "Im Gazastreifen wurde monatelang gekämpft. Am Sonntag trat im Gazastreifen eine Waffenruhe in Kraft."
    assert all(not codes for codes in _truce_codes(text))
