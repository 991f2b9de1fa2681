"""English actors: demonyms and adjectives that name a party."""

from __future__ import annotations

import msgspec

from domain.extraction import extract
from domain.extraction.lexicon import TALKS


def test_azeri_names_azerbaijan() -> None:
    text = "On the Karabakh conflict, Russia's foreign minister talked by phone with his Azeri counterpart on Friday."
    events: list[dict[str, object]] = msgspec.to_builtins(extract(text, published_at="2016-04-02", language="en"))
    talks = [e for e in events if e["type"] == TALKS]
    assert talks
    assert {"RUS", "AZE"} <= {a["code"] for a in talks[0]["actors"]}  # type: ignore[attr-defined]


def test_what_was_discussed_is_a_topic_not_a_participant() -> None:
    text = "Putin and Erdogan discussed Syria in a phone call on Tuesday, the Kremlin said."
    events: list[dict[str, object]] = msgspec.to_builtins(extract(text, published_at="2016-11-10", language="en"))
    talks = [e for e in events if e["type"] == TALKS]
    assert talks
    assert {a["code"] for a in talks[0]["actors"]} == {"RUS", "TUR"}  # type: ignore[attr-defined]
