"""Conflict topic: talks count only when they are about a conflict (their own topic, or the topic
the next sentence gives them), not trade, investment or migration alone; sentences written for these tests."""

from __future__ import annotations

from domain.events import ConflictEvent
from domain.extraction import extract

PUB_2016_11_10 = "2016-11-10"  # a Thursday
PUB_2017_03_09 = "2017-03-09"  # a Thursday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


_KRIEG = "Krieg in der Region\n\n"  # a headline, so that the article is about a conflict


def test_talks_about_trade_or_migration_only_are_not_conflict_talks() -> None:
    for text in (
        "Die Kanzlerin traf am Montag den französischen Präsidenten in Paris, um über Handel und Klimaschutz "
        "zu sprechen.",
        "Die EU und Japan verhandelten in Brüssel über Strafzölle auf Stahl.",
        "Die Innenminister Italiens und Libyens berieten in Rom über die Flüchtlingskrise.",
    ):
        assert _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "TalksHeld") == [], text
    kept = "Die Außenminister Russlands und der Türkei berieten in Moskau über Handel und die Lage in Syrien."
    assert len(_of(extract(_KRIEG + kept, published_at=PUB_2016_11_10), "TalksHeld")) == 1


def test_state_visit_about_trade_in_an_article_that_mentions_a_war() -> None:
    text = (
        "Indiens Premierminister Modi traf am Mittwoch in Paris Präsident Macron. "
        "Die beiden sprachen über Handel und Investitionen. Am Rande ging es auch um Afghanistan."
    )
    assert not _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")


def test_finance_ministers_meeting_amid_a_trade_conflict_is_not_talks() -> None:
    text = (
        "Russische Kampfjets bombardierten am Dienstag Idlib. "
        "Beim Treffen der G7-Finanzminister in Whistler hatte es nach einer Verschärfung des Konflikts ausgesehen."
    )
    assert not _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")


def test_phone_call_whose_topic_follows() -> None:
    text = (
        "Der russische Präsident Putin telefonierte am Mittwoch mit seinem iranischen Kollegen Rohani. "
        "Sie sprachen über die Lage in Syrien."
    )
    assert len(_of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")) == 1
