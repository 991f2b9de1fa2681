"""English dates of events, resolved against the publication day."""

from __future__ import annotations

import msgspec
import pytest

from domain.extraction import extract

PUB = "2016-11-10"  # a Thursday


def _occurred(text: str) -> tuple[str, str]:
    events: list[dict[str, object]] = msgspec.to_builtins(extract(text, published_at=PUB, language="en"))
    assert events, text
    occurred = events[0]["occurred"]
    return occurred["start"], occurred["end"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Putin and Erdogan met in Sochi earlier this week to discuss the Syrian war.", "2016-11-07", "2016-11-10"),
        ("Putin and Erdogan met in Sochi last week to discuss the Syrian war.", "2016-10-31", "2016-11-06"),
        ("Syrian troops attacked rebel positions near Aleppo in recent days.", "2016-11-03", "2016-11-10"),
    ],
)
def test_english_week_phrases(text: str, start: str, end: str) -> None:
    assert _occurred(text) == (start, end)
