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


def test_english_bombing_with_a_toll_in_the_next_sentence() -> None:
    text = (
        "Saudi warplanes bombed a wedding party in Hodeidah on Wednesday. "
        "At least 31 people were killed, local officials said."
    )
    (event,) = _of(extract(text, published_at=PUB, language="en"), "OffensiveLaunched")
    assert event.location is not None and event.location.name.startswith("Hod")
    assert event.casualties is not None and event.casualties.killed == 31


def test_season_without_a_year_is_the_latest_one() -> None:
    text = "Im Herbst hatten Regierungstruppen die Stadt Deir ez-Zor zurückerobert."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None
    assert (str(event.occurred.start), str(event.occurred.end)) == ("2016-09-01", "2016-11-30")


@pytest.mark.parametrize("credit", ["Foto: dpa", "Bild: Reuters", "(Foto: AFP)"])
def test_trailing_credit_does_not_make_a_paragraph_a_headline(credit: str) -> None:
    text = f"Kurdische Truppen haben am Mittwoch eine Offensive auf die Stadt Rakka begonnen. {credit}"
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Raqqa"


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Syrian warplanes bombed the town of Maarat al-Numan on Tuesday. "
            "At least 11 civilians, including four children, were killed, activists said.",
            11,
        ),
        ("Government forces stormed the town of Daraya on Tuesday. The assault left at least 19 dead.", 19),
        (
            "Government forces stormed the town of Daraya on Tuesday. "
            "Medics said 12 rebels and seven soldiers were killed.",
            19,
        ),
        (
            "Taliban fighters overran the town of Ghormach on Tuesday.\n\n"
            "At least 23 people were killed in the fighting, officials said.",
            23,
        ),
    ],
)
def test_english_toll_after_the_attack(text: str, killed: int) -> None:
    (event,) = _of(extract(text, published_at=PUB, language="en"), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == killed


def test_german_tolls_of_two_sides_add_up() -> None:
    text = "Regierungstruppen stürmten am Mittwoch die Stadt Daraa. Dabei wurden 14 Rebellen und neun Soldaten getötet."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 23


def test_a_day_without_a_year_right_after_a_historic_year_is_history() -> None:
    text = (
        "Im Herbst 1944 hatte die Rote Armee die Grenze Ostpreußens erreicht. "
        "Am 13. Januar begann sie eine Großoffensive auf Königsberg."
    )
    assert not _of(extract(text, published_at=PUB), "OffensiveLaunched")


def test_since_a_distant_event_is_no_history() -> None:
    text = "Erstmals seit ihrem Sturz 2001 haben die Taliban am Montag eine Provinzhauptstadt erobert: Kundus."
    assert len(_of(extract(text, published_at=PUB), "OffensiveLaunched")) == 1


def test_years_ago_dates_the_event_a_year_back() -> None:
    text = "Vor einem Jahr hatten Regierungstruppen die Stadt Homs zurückerobert."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None
    assert str(event.occurred.start) < "2016-03-09" < str(event.occurred.end)
