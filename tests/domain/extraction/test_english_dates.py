"""English dates of events, resolved against the publication day."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from domain.extraction import extract
from domain.extraction.dates import DateResolver, parse_published
from domain.extraction.lexicon import get_lexicon

PUB = "2016-11-10"  # a Thursday


def _occurred(text: str) -> tuple[str, str]:
    events: list[dict[str, object]] = msgspec.to_builtins(extract(text, published_at=PUB, language="en"))
    assert events, text
    occurred = events[0]["occurred"]
    return occurred["start"], occurred["end"]  # type: ignore[index]


LEX = get_lexicon("en")


def _date(text: str, pub: str = PUB) -> tuple[dt.date, dt.date] | None:
    found = DateResolver(parse_published(pub), LEX).find(text)
    return (found[0].occurred.start, found[0].occurred.end) if found else None


def _d(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


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


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Rebels attacked on Monday.", "2016-11-07", "2016-11-07"),
        ("They met on Thursday night.", "2016-11-10", "2016-11-10"),
        ("They will meet next Monday.", "2016-11-14", "2016-11-14"),
        ("Fighting has raged since Sunday.", "2016-11-06", "2016-11-10"),
        ("The talks ended yesterday.", "2016-11-09", "2016-11-09"),
        ("The town fell two days ago.", "2016-11-08", "2016-11-08"),
        ("Ministers met at the weekend.", "2016-11-05", "2016-11-06"),
        ("The siege began last week.", "2016-10-31", "2016-11-06"),
        ("They met on 17 October.", "2016-10-17", "2016-10-17"),
        ("They met on October 17, 2016.", "2016-10-17", "2016-10-17"),
        ("The truce took effect on Dec. 30.", "2015-12-30", "2015-12-30"),
        ("The offensive began in mid-September.", "2016-09-11", "2016-09-20"),
        ("The town was taken in early October.", "2016-10-01", "2016-10-10"),
        ("They withdrew in late October.", "2016-10-21", "2016-10-31"),
        ("Clashes erupted earlier this month.", "2016-11-01", "2016-11-10"),
        ("The deal was signed in June 2016.", "2016-06-01", "2016-06-30"),
    ],
)
def test_english_dates(text: str, start: str, end: str) -> None:
    assert _date(text) == (_d(start), _d(end))
