"""One test per failure class found on development articles, each with sentences written
for this file (not taken from any evaluation article)."""

from __future__ import annotations

import datetime as dt

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


def test_undated_realised_event_gets_the_news_days() -> None:
    text = "Die türkische Armee hat eine Offensive gegen die PKK im Nordirak begonnen. Der Konflikt eskaliert."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None
    assert (event.occurred.start, event.occurred.end) == (dt.date(2016, 11, 9), dt.date(2016, 11, 10))


def test_pluperfect_background_gets_no_default_date() -> None:
    text = "Die Miliz hatte die Stadt Sirte nach heftigen Kämpfen eingenommen. Der Krieg in Libyen dauert an."
    events = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert all(e.occurred is None for e in events)


def test_casualties_from_the_follow_up_sentence() -> None:
    text = (
        "Kampfjets der Koalition haben am Mittwoch Stellungen der Huthi-Rebellen in Saada bombardiert. Dabei "
        "wurden nach Angaben von Ärzten mindestens 14 Menschen getötet."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 14


def test_alleged_attack_keeps_a_past_weekday() -> None:
    text = "Syrische Kampfjets sollen am Dienstag einen Markt in Idlib bombardiert haben."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None and event.occurred.start == dt.date(2016, 11, 8)


def test_sports_final_is_not_an_offensive() -> None:
    text = (
        "Die Nationalmannschaft eroberte in Kattowitz den EM-Titel gegen Frankreich. Im Finale griffen die "
        "Franzosen immer wieder an."
    )
    assert _of(extract(_KRIEG + text, published_at=PUB), "OffensiveLaunched") == []


def test_date_of_an_earlier_event_in_a_relative_clause_is_not_this_events() -> None:
    text = (
        "Am Dienstag rückten die Rebellen bis an den Stadtrand von Tobruk vor, in die sich der Premier im März "
        "geflüchtet hatte."
    )
    (event,) = _of(extract(_KRIEG + text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None and event.occurred.start == dt.date(2016, 11, 8)
