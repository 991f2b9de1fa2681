"""Failure classes of the second development round (h016-h030, heldout2), each with sentences
written for this file (not taken from any evaluation article)."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract

PUB = "2017-03-09"  # a Thursday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


def test_main_clause_date_dates_the_advance_in_its_when_clause() -> None:
    text = "Die Kämpfe waren am 26. Februar ausgebrochen, als Milizen aus Misrata in die Vororte von Sirte vorrückten."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None and str(event.occurred.start) == "2017-02-26"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Armee hat am Montag Mossul angegriffen, dabei wurden mehr als 1.500 Kämpfer getötet.", "de"),
        ("Iraqi troops attacked Mosul on Monday and killed more than 1,500 fighters.", "en"),
    ],
)
def test_thousands_separators_in_tolls(text: str, language: str) -> None:
    (event,) = _of(extract(text, published_at=PUB, language=language), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 1500


def test_toll_two_sentences_after_the_attack_in_the_same_paragraph() -> None:
    text = (
        "In der Nacht zum Mittwoch bombardierten Kampfflugzeuge Stellungen der Rebellen in Idlib. "
        "Getroffen wurden auch ein Markt und eine Schule. "
        "Nach Angaben von Helfern wurden mindestens 23 Zivilisten getötet."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 23


def test_toll_in_the_next_paragraph_or_after_another_attack_is_not_taken() -> None:
    text = (
        "In der Nacht zum Mittwoch bombardierten Kampfflugzeuge Stellungen der Rebellen in Idlib.\n\n"
        "Nach Angaben von Helfern wurden im vergangenen Jahr 2300 Zivilisten getötet."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.casualties is None


def test_dateline_day_pins_a_month_only_publication_date() -> None:
    text = (
        "MOSKAU/ERIWAN, 5. April. Armenien und Aserbaidschan haben sich am Dienstag auf eine Waffenruhe für "
        "Nagornyj Karabach geeinigt."
    )
    (event,) = _of(extract(text, published_at="2016-04"), "CeasefireAnnounced")
    assert event.occurred is not None and event.occurred.precision == "day"
    assert str(event.occurred.start) == "2016-04-05"


def test_dateline_of_another_month_does_not_pin() -> None:
    text = "MOSKAU, 5. Mai. Armenien und Aserbaidschan haben sich auf eine Waffenruhe für Nagornyj Karabach geeinigt."
    (event,) = _of(extract(text, published_at="2016-04"), "CeasefireAnnounced")
    assert event.occurred is not None and event.occurred.precision == "month"


@pytest.mark.parametrize(
    ("text", "language", "start", "end"),
    [
        ("Die PKK hatte im Frühjahr 2013 eine Waffenruhe mit der Türkei ausgerufen.", "de", "2013-03-01", "2013-05-31"),
        (
            "Im Winter 2014 hatten die Separatisten eine Feuerpause mit der Ukraine verkündet.",
            "de",
            "2014-12-01",
            "2015-02-28",
        ),
        ("The PKK declared a ceasefire with Turkey in the spring of 2013.", "en", "2013-03-01", "2013-05-31"),
    ],
)
def test_season_and_year_date_a_past_event(text: str, language: str, start: str, end: str) -> None:
    # published within two years of the event: older ones are history, not news (test_failure_classes_3)
    (event,) = _of(extract(text, published_at="2015-06-09", language=language), "CeasefireAnnounced")
    assert event.occurred is not None
    assert (str(event.occurred.start), str(event.occurred.end)) == (start, end)


def test_date_of_a_relative_clause_about_the_place_is_not_the_events() -> None:
    text = (
        "Am Donnerstag rückten kurdische Kämpfer auf die Stadt Sindschar vor, die seit August 2014 von der "
        "Terrormiliz IS kontrolliert wird."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None and str(event.occurred.start) == "2017-03-09"


def test_relative_clause_right_after_the_offensive_dates_it() -> None:
    text = "Die irakische Armee hat ihre Offensive auf Mossul, die am 17. Oktober begann, fortgesetzt."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None and str(event.occurred.start) == "2016-10-17"
