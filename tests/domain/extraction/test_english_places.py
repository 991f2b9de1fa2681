"""English place cues (lexicon data only; place resolution itself is roles.py's)."""

from __future__ import annotations

import msgspec

from domain.extraction import extract
from domain.extraction.lexicon import TALKS, get_lexicon


def _talks(text: str) -> list[dict[str, object]]:
    events: list[dict[str, object]] = msgspec.to_builtins(extract(text, published_at="2016-11-10", language="en"))
    return [e for e in events if e["type"] == TALKS]


def test_the_city_a_speaker_spoke_in_is_no_venue() -> None:
    talks = _talks("Kerry and Lavrov held talks on Syria on Monday, the State Department said in Washington.")
    assert talks
    assert talks[0]["location"] is None


def test_the_venue_stays_when_the_speaker_is_there_too() -> None:
    talks = _talks("Kerry and Lavrov held talks in Geneva on Syria on Monday, Kerry told reporters in Geneva.")
    assert talks
    assert talks[0]["location"]["name"] == "Geneva"  # type: ignore[index]


def test_talks_at_the_presidential_palace_are_in_the_capital() -> None:
    text = (
        "Fighting between Taliban insurgents and Afghan troops went on in Kunduz on Monday. "
        "Afghanistan's president and the Pakistani army chief held talks at the presidential palace on Tuesday."
    )
    talks = _talks(text)
    assert talks
    assert talks[0]["location"]["name"] == "Kabul"  # type: ignore[index]


def test_a_city_named_as_a_topic_is_no_venue() -> None:
    lex = get_lexicon("en")
    assert lex.venue_before.search("held talks in the german city of ")
    assert lex.venue_before.search("an end to air strikes over the city of ") is None
