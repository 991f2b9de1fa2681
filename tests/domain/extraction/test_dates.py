"""Temporal expressions resolved against full, month-only and missing publication dates."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.extraction.dates import DateResolver, parse_published
from domain.extraction.lexicon import get_lexicon

LEX = get_lexicon("de")


def _first(text: str, published: str | None) -> tuple[dt.date, dt.date, str] | None:
    found = DateResolver(parse_published(published), LEX).find(text)
    if not found:
        return None
    occ = found[0].occurred
    return occ.start, occ.end, occ.precision


D = dt.date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Die Armee griff am Donnerstag an.", "2016-11-10", (D(2016, 11, 10), D(2016, 11, 10), "day")),
        ("Die Armee griff am Montag an.", "2016-11-10", (D(2016, 11, 7), D(2016, 11, 7), "day")),
        ("Die Kämpfe dauern seit Dienstag an.", "2016-11-10", (D(2016, 11, 8), D(2016, 11, 10), "day")),
        ("Am Wochenende gab es Gefechte.", "2016-11-10", (D(2016, 11, 5), D(2016, 11, 6), "day")),
        ("Gestern wurde verhandelt.", "2016-11-10T08:00:00Z", (D(2016, 11, 9), D(2016, 11, 9), "day")),
        ("Vor drei Tagen begann der Angriff.", "2016-11-10", (D(2016, 11, 7), D(2016, 11, 7), "day")),
        ("Mitte Oktober trafen sie sich.", "2016-11-10", (D(2016, 10, 11), D(2016, 10, 20), "day")),
        ("Anfang März gab es Gespräche.", "2016-11-10", (D(2016, 3, 1), D(2016, 3, 10), "day")),
        ("Ende Dezember wurde gekämpft.", "2016-11-10", (D(2015, 12, 21), D(2015, 12, 31), "day")),
        ("Im Jänner begann die Runde.", "2017-02-16", (D(2017, 1, 1), D(2017, 1, 31), "month")),
        ("Zu Monatsbeginn brach man ab.", "2016-10-12", (D(2016, 10, 1), D(2016, 10, 10), "day")),
        ("Das geschah am 3. Mai 2015.", None, (D(2015, 5, 3), D(2015, 5, 3), "day")),
        ("Das geschah am 25.02.2017.", None, (D(2017, 2, 25), D(2017, 2, 25), "day")),
        ("Am Donnerstag gab es Kämpfe.", "2016-10", (D(2016, 10, 1), D(2016, 10, 31), "month")),
        ("Seit Wochen rücken Truppen vor.", "2016-11-10", (D(2016, 9, 29), D(2016, 11, 10), "week")),
        # a future clause puts a bare weekday after publication (2016-11-10 is a Thursday)
        ("Die Gespräche sollen am Montag beginnen.", "2016-11-10", (D(2016, 11, 14), D(2016, 11, 14), "day")),
        ("Am Samstag werden die Minister daran teilnehmen.", "2016-11-10", (D(2016, 11, 12), D(2016, 11, 12), "day")),
        ("Die Runde ist für Freitag geplant.", "2016-11-10", (D(2016, 11, 11), D(2016, 11, 11), "day")),
        ("Die Armee wurde am Samstag angegriffen.", "2016-11-10", (D(2016, 11, 5), D(2016, 11, 5), "day")),
        ("Die Kämpfe werden seit Montag fortgesetzt.", "2016-11-10", (D(2016, 11, 7), D(2016, 11, 10), "day")),
    ],
)
def test_resolution(text: str, published: str | None, expected: tuple[dt.date, dt.date, str]) -> None:
    assert _first(text, published) == expected


def test_relative_without_publication_date_is_none() -> None:
    assert _first("Am Donnerstag gab es Kämpfe.", None) is None


def test_following_days_after_an_anchor() -> None:
    text = "Anfang Juli galt eine Waffenruhe. In den darauffolgenden Tagen griff die Armee an."
    found = DateResolver(parse_published("2016-08-20"), LEX).find(text)
    assert found[-1].occurred.start == D(2016, 7, 11)
