"""Dates: temporal expressions resolved against full, month-only and missing publication dates, and
which date an event takes (its own clause's, a dateline's day, a season's, the news days by default),
not a date of a relative clause about another noun."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract
from domain.extraction.dates import DateResolver, parse_published
from domain.extraction.lexicon import get_lexicon

PUB_2016_11_10 = "2016-11-10"  # a Thursday
PUB_2017_03_09 = "2017-03-09"  # a Thursday
LEX = get_lexicon("de")


def _first(text: str, published: str | None) -> tuple[dt.date, dt.date, str] | None:
    found = DateResolver(parse_published(published), LEX).find(text)
    if not found:
        return None
    occ = found[0].occurred
    return occ.start, occ.end, occ.precision


D = dt.date


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


_KRIEG = "Krieg in der Region\n\n"  # a headline, so that the article is about a conflict


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


def test_undated_realised_event_gets_the_news_days() -> None:
    text = "Die türkische Armee hat eine Offensive gegen die PKK im Nordirak begonnen. Der Konflikt eskaliert."
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert event.occurred is not None
    assert (event.occurred.start, event.occurred.end) == (dt.date(2016, 11, 9), dt.date(2016, 11, 10))


def test_pluperfect_background_gets_no_default_date() -> None:
    text = "Die Miliz hatte die Stadt Sirte nach heftigen Kämpfen eingenommen. Der Krieg in Libyen dauert an."
    events = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert all(e.occurred is None for e in events)


def test_alleged_attack_keeps_a_past_weekday() -> None:
    text = "Syrische Kampfjets sollen am Dienstag einen Markt in Idlib bombardiert haben."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert event.occurred is not None and event.occurred.start == dt.date(2016, 11, 8)


def test_date_of_an_earlier_event_in_a_relative_clause_is_not_this_events() -> None:
    text = (
        "Am Dienstag rückten die Rebellen bis an den Stadtrand von Tobruk vor, in die sich der Premier im März "
        "geflüchtet hatte."
    )
    (event,) = _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert event.occurred is not None and event.occurred.start == dt.date(2016, 11, 8)


def test_date_of_a_relative_clause_about_the_place_is_not_the_events() -> None:
    text = (
        "Am Donnerstag rückten kurdische Kämpfer auf die Stadt Sindschar vor, die seit August 2014 von der "
        "Terrormiliz IS kontrolliert wird."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.occurred is not None and str(event.occurred.start) == "2017-03-09"


def test_relative_clause_right_after_the_offensive_dates_it() -> None:
    text = "Die irakische Armee hat ihre Offensive auf Mossul, die am 17. Oktober begann, fortgesetzt."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.occurred is not None and str(event.occurred.start) == "2016-10-17"


def test_main_clause_date_dates_the_advance_in_its_when_clause() -> None:
    text = "Die Kämpfe waren am 26. Februar ausgebrochen, als Milizen aus Misrata in die Vororte von Sirte vorrückten."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.occurred is not None and str(event.occurred.start) == "2017-02-26"


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
    # the resolver, not the event: an event dated months before publication is background (below)
    found = DateResolver(parse_published("2015-06-09"), get_lexicon(language)).find(text)
    occ = found[0].occurred
    assert (str(occ.start), str(occ.end)) == (start, end)


def test_season_without_a_year_is_the_latest_one() -> None:
    found = DateResolver(parse_published(PUB_2017_03_09), LEX).find("Im Herbst hatten Regierungstruppen Homs erobert.")
    occ = found[0].occurred
    assert (str(occ.start), str(occ.end)) == ("2016-09-01", "2016-11-30")


def test_years_ago_dates_the_event_a_year_back() -> None:
    found = DateResolver(parse_published(PUB_2017_03_09), LEX).find("Vor einem Jahr hatten Truppen Homs erobert.")
    occ = found[0].occurred
    assert str(occ.start) < "2016-03-09" < str(occ.end)


def test_since_a_month_runs_to_publication() -> None:
    assert _first("Seit August rücken die Truppen auf die Stadt vor.", "2016-11-10") == (
        D(2016, 8, 1),
        D(2016, 11, 10),
        "month",
    )


def test_english_since_a_month_runs_to_publication() -> None:
    found = DateResolver(parse_published("2016-11-10"), get_lexicon("en")).find("Troops have advanced since July.")
    occ = found[0].occurred
    assert (occ.start, occ.end) == (D(2016, 7, 1), D(2016, 11, 10))


def test_a_named_day_dates_the_event_before_a_nearer_now() -> None:
    text = "Am Sonntagabend trat nun nach langem Streit eine Waffenruhe in Syrien in Kraft."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "CeasefireAnnounced")
    assert event.occurred is not None and event.occurred.start == D(2016, 11, 6)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Im August hatten die Rebellen die Stadt Idlib nach schweren Kämpfen eingenommen.", "de"),
        ("The rebels had captured the town of Idlib in heavy fighting in August.", "en"),
    ],
)
def test_an_event_dated_months_before_publication_is_background(text: str, language: str) -> None:
    events = extract(text, published_at=PUB_2016_11_10, language=language)
    assert _of(events, "OffensiveLaunched") == []


def test_an_event_dated_days_before_publication_is_news() -> None:
    text = "Am 2. November nahmen die Rebellen die Stadt Idlib nach schweren Kämpfen ein."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert event.occurred is not None and event.occurred.start == D(2016, 11, 2)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Vor knapp zwei Wochen begann die Armee den Angriff.", "de"),
        ("The army began the assault nearly two weeks ago.", "en"),
    ],
)
def test_a_hedged_span_ago_resolves(text: str, language: str) -> None:
    found = DateResolver(parse_published("2016-11-10"), get_lexicon(language)).find(text)
    assert found and found[0].occurred.precision == "week"
    assert found[0].occurred.start <= D(2016, 10, 27) <= found[0].occurred.end


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (_KRIEG + "Vertreter Russlands und der Ukraine haben in Istanbul erstmals seit 2014 direkt verhandelt.", "de"),
        ("War in Ukraine\n\nRussian and Ukrainian envoys held talks in Istanbul for the first time since 2014.", "en"),
    ],
)
def test_a_year_after_since_does_not_move_the_event_back(text: str, language: str) -> None:
    (event,) = _of(extract(text, published_at=PUB_2016_11_10, language=language), "TalksHeld")
    assert event.occurred is not None
    assert (event.occurred.start, event.occurred.end) == (dt.date(2016, 11, 9), dt.date(2016, 11, 10))


def test_a_next_sentence_about_the_truce_dates_it() -> None:
    text = (
        "Russland und die Türkei hatten sich auf eine neue Waffenruhe für Idlib geeinigt. "
        "Sie trat in der Nacht zum Freitag um Mitternacht in Kraft."
    )
    (event,) = extract(text, published_at="2020-03-06")
    assert event.occurred is not None
    assert event.occurred.start <= dt.date(2020, 3, 6) <= event.occurred.end


def test_a_next_sentence_about_something_else_does_not_date_the_event() -> None:
    text = (
        "Russland und die Türkei hatten sich auf eine neue Waffenruhe für Idlib geeinigt. "
        "Die Armee meldete am Freitag neue Gefechte bei Aleppo."
    )
    events = [e for e in extract(text, published_at="2020-03-06") if type(e).__name__ == "CeasefireAnnounced"]
    assert events and events[0].occurred is None
