"""Talks triggers in another sense or mood: decisions made, crowds gathering, readiness for talks
(sentences written for this file)."""

from __future__ import annotations

import pytest

from domain.events import TalksHeld
from domain.extraction import extract

PUB = "2025-02-23"
CONTEXT = "Israel und die Hisbollah liefern sich im Libanon weiter Gefechte. "


def _talks(text: str) -> list[TalksHeld]:
    return [e for e in extract(CONTEXT + text, published_at=PUB) if isinstance(e, TalksHeld)]


@pytest.mark.parametrize(
    "text",
    [
        'Der Libanon sei ein souveränes Land, "und wir treffen unsere eigenen Entscheidungen", sagte der Premier.',
        "Die israelische Regierung traf am Sonntag Vorkehrungen für einen längeren Einsatz im Libanon.",
    ],
)
def test_making_decisions_is_not_meeting(text: str) -> None:
    assert not _talks(text)


def test_a_crowd_gathering_is_no_meeting_of_parties() -> None:
    text = (
        "In Beirut sind am Sonntag Zehntausende Menschen zusammengekommen, "
        "um von Hisbollah-Chef Nasrallah Abschied zu nehmen."
    )
    assert not _talks(text)


@pytest.mark.parametrize(
    "text",
    [
        "Der iranische Außenminister hatte die Bereitschaft zu erneuten Atomverhandlungen mit den USA signalisiert.",
        "Israel lehnte am Sonntag den Aufruf zu Gesprächen mit der Hisbollah ab.",
    ],
)
def test_readiness_or_calls_for_talks_are_no_talks(text: str) -> None:
    assert not _talks(text)


def test_a_meeting_of_parties_is_still_talks() -> None:
    text = (
        "Der libanesische Premier und US-Außenminister Rubio trafen sich am Sonntag in Beirut "
        "zu Gesprächen über die Waffenruhe."
    )
    (talks,) = _talks(text)
    assert {a.code for a in talks.actors} >= {"LBN", "USA"}


def test_attackers_hitting_a_substation_did_not_meet() -> None:
    text = "Russische Raketen schlugen ein, die Angreifer trafen am Sonntag unweit des Bahnhofs eine Umspannstation."
    assert not _talks(text)
