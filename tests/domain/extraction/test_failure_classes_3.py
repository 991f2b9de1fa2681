"""Failure classes of the third development round (history, fighters as subjects, English transitive
attacks and tolls, interviews, tickers), each with sentences written for this file."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract

PUB = "2017-03-09"  # a Thursday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


@pytest.mark.parametrize(
    "text",
    [
        "Vor 80 Jahren begann die Schlacht um Kursk. Im Juli 1943 griff die Wehrmacht die sowjetischen Linien an.",
        "Der Roman spielt im Korea des Jahres 1950. Nordkoreanische Truppen griffen die Stellungen im Süden an.",
        "Im Oktober 1973 griffen ägyptische Truppen die israelischen Stellungen am Suezkanal an.",
        "Die Ausstellung erinnert an den Kosovokrieg 1999. Damals bombardierten NATO-Kampfjets Ziele in Belgrad.",
    ],
)
def test_history_is_not_news(text: str) -> None:
    assert not extract(text, published_at=PUB)


def test_a_war_going_on_since_a_distant_year_is_still_news() -> None:
    text = "Seit 2011 herrscht in Syrien Krieg. Rebellen griffen am Dienstag Stellungen der Armee in Daraa an."
    assert len(_of(extract(text, published_at=PUB), "OffensiveLaunched")) == 1


def test_a_recent_year_keeps_the_event() -> None:
    text = "Die Armee hatte Palmyra 2016 verloren. Am Montag griffen Regierungstruppen die Stadt erneut an."
    assert len(_of(extract(text, published_at=PUB), "OffensiveLaunched")) == 1


@pytest.mark.parametrize("credit", ["Foto: dpa", "Bild: Reuters", "(Foto: AFP)"])
def test_trailing_credit_does_not_make_a_paragraph_a_headline(credit: str) -> None:
    text = f"Kurdische Truppen haben am Mittwoch eine Offensive auf die Stadt Rakka begonnen. {credit}"
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Raqqa"


def test_a_day_without_a_year_right_after_a_historic_year_is_history() -> None:
    text = (
        "Im Herbst 1944 hatte die Rote Armee die Grenze Ostpreußens erreicht. "
        "Am 13. Januar begann sie eine Großoffensive auf Königsberg."
    )
    assert not _of(extract(text, published_at=PUB), "OffensiveLaunched")


def test_since_a_distant_event_is_no_history() -> None:
    text = "Erstmals seit ihrem Sturz 2001 haben die Taliban am Montag eine Provinzhauptstadt erobert: Kundus."
    assert len(_of(extract(text, published_at=PUB), "OffensiveLaunched")) == 1
