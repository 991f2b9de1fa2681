"""One test per failure class found on development articles, each with sentences written
for this file (not taken from any evaluation article)."""

from __future__ import annotations

import datetime as dt

from domain.events import ConflictEvent
from domain.extraction import extract

PUB = "2016-11-10"  # a Thursday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


def _roles(event: ConflictEvent) -> set[tuple[str, str]]:
    return {(a.code, a.role) for a in event.actors}


# resolutions -------------------------------------------------------------------


def test_veto_sponsor_list_and_un_seat() -> None:
    text = (
        "China hat im UN-Sicherheitsrat sein Veto gegen einen Entwurf Kanadas, Japans und Mexikos zum Krieg in "
        "Myanmar eingelegt."
    )
    (event,) = _of(extract(text, published_at=PUB), "ResolutionBlocked")
    assert ("CHN", "blocked_by") in _roles(event)
    assert {"CAN", "JPN", "MEX"} <= {code for code, role in _roles(event) if role == "sponsor"}
    assert event.location is not None and event.location.name == "New York City"


def test_actor_in_the_drafts_topic_is_not_a_blocker() -> None:
    text = "Großbritannien hat eine Resolution des Sicherheitsrats gegen die Blockade Katars durch Ägypten verhindert."
    (event,) = _of(extract(text, published_at=PUB), "ResolutionBlocked")
    assert {code for code, role in _roles(event) if role == "blocked_by"} == {"GBR"}


def test_reference_to_a_veto_is_not_a_new_block() -> None:
    text = (
        "Russland hat im Sicherheitsrat eine Resolution zum Krieg im Jemen blockiert. Der Botschafter Kenias nannte "
        "das Veto einen Fehler. Es war das dritte Veto in diesem Jahr."
    )
    assert len(_of(extract(text, published_at=PUB), "ResolutionBlocked")) == 1


def test_failed_counter_draft_is_its_own_event() -> None:
    text = (
        "Frankreich scheiterte im UN-Sicherheitsrat mit einem Entwurf zum Krieg in Libyen am Veto Chinas. "
        "Ein chinesischer Gegenentwurf fand anschließend ebenfalls keine Mehrheit."
    )
    events = _of(extract(text, published_at=PUB), "ResolutionBlocked")
    assert len(events) == 2
    assert any(("CHN", "sponsor") in _roles(e) for e in events)


def test_sponsor_from_the_neighbouring_sentence() -> None:
    text = (
        "Die USA haben im UN-Sicherheitsrat eine Resolution zum Konflikt in der Westsahara mit ihrem Veto gestoppt. "
        "Alle anderen Mitglieder stimmten für den von Marokko eingebrachten Entwurf."
    )
    (event,) = _of(extract(text, published_at=PUB), "ResolutionBlocked")
    assert ("USA", "blocked_by") in _roles(event) and ("MAR", "sponsor") in _roles(event)


# headlines and dates ---------------------------------------------------------------


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
