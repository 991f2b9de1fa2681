"""Temporal expressions resolved against the publication date (codebook `occurred`).

The publication date may be a full date, a datetime, only a month ("2016-10"), or
missing. Relative expressions need a day-precise anchor; with only a month they
resolve to that month, and with nothing they resolve to None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

import msgspec

from domain.events import Occurred
from domain.extraction.lexicon import Lexicon
from domain.extraction.normalize import lowered

_PUB = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class PubDate:
    """The publication date; `day` is None when only the month is known."""

    year: int
    month: int
    day: int | None

    @property
    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day else None

    def month_range(self) -> tuple[dt.date, dt.date]:
        return _month_range(self.year, self.month)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # relative to the text searched
    end: int
    occurred: Occurred


def parse_published(value: str | None) -> PubDate | None:
    """ "2016-10-12", "2016-10-12T08:00:00Z", "2016-10" or None -> PubDate | None."""
    if not value:
        return None
    m = _PUB.match(value)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else None
    if not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        day = None
    return PubDate(year, month, day)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _occ(start: dt.date, end: dt.date, precision: str, text: str) -> Occurred:
    return Occurred(start=start, end=end, precision=precision, text=text.strip())  # type: ignore[arg-type]


def _past_year(month: int, pub: PubDate) -> int:
    """The year of a month mentioned without a year in past-tense news: not after publication."""
    return pub.year if month <= pub.month else pub.year - 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_of(group: str | None, month: int, pub: PubDate | None) -> int | None:
    if group:
        year = int(group)
        return year + 2000 if year < 100 else year
    return _past_year(month, pub) if pub else None


class DateResolver:
    """Finds and resolves temporal expressions in one article (keeps the last anchor)."""

    def __init__(self, pub: PubDate | None, lexicon: Lexicon) -> None:
        self.pub = pub
        self.lex = lexicon
        self.anchor: Occurred | None = None
        self._low = ""

    def find(self, text: str, low: str | None = None, spans: list[tuple[int, int]] | None = None) -> list[DateMention]:
        """All resolvable date mentions in `text`, in text order; relative ones ("in den
        darauffolgenden Tagen") resolve against the last anchored date before them.
        `low` is `lowered(text)` when the caller has it; `spans` limits the search to those
        ranges of the text (the sentences that may state an event)."""
        raw: list[tuple[int, int, str, re.Match[str]]] = []
        if low is None:
            low = lowered(text)
        self._low = low
        if spans is None:
            spans = [(0, len(low))]
        gates = self.lex.date_gates
        scope = low if len(spans) == 1 else "\n".join(low[s:e] for s, e in spans)
        for name, pattern in self.lex.dates.items():
            gate = gates.get(name)
            if gate is not None and not any(word in scope for word in gate):
                continue
            for m in (m for s, e in spans for m in pattern.finditer(low, s, e)):
                start = m.start()
                if name == "weekday":
                    prefix = self.lex.weekday_prefix.search(low, max(0, start - 30), start)
                    start = prefix.start() if prefix else start
                raw.append((start, -m.end(), name, m))
        raw.sort(key=lambda r: (r[0], r[1]))
        found: list[DateMention] = []
        last_end = -1
        for start, _, name, m in raw:
            if start < last_end:
                continue
            try:
                occ = self._resolve(name, m)
            except (OverflowError, ValueError):
                occ = None  # a date outside the calendar ("vor 32 Jahren" in a text dated year 1)
            if occ is None:
                continue
            occ = msgspec.structs.replace(occ, text=text[start : m.end()].strip())
            found.append(DateMention(start, m.end(), occ))
            last_end = m.end()
            if occ.precision != "year":
                self.anchor = occ
        return found

    def _resolve(self, name: str, m: re.Match[str]) -> Occurred | None:
        handler = getattr(self, "_r_" + name, None)
        if handler is None:
            return None
        result: Occurred | None = handler(m)
        return result

    def _clause_around(self, m: re.Match[str]) -> str:
        """The lower-cased clause holding a match (between clause punctuation)."""
        low = self._low
        left = max(low.rfind(ch, 0, m.start()) for ch in ",.;:!?\n")
        rights = [i for i in (low.find(ch, m.end()) for ch in ",.;:!?\n") if i >= 0]
        return low[left + 1 : min(rights) if rights else len(low)]

    # explicit calendar dates -------------------------------------------------
    def _r_explicit_day(self, m: re.Match[str]) -> Occurred | None:
        month = self.lex.months[m.group(2).lower()]
        year = _year_of(m.group(3), month, self.pub)
        day = _safe_date(year, month, int(m.group(1))) if year else None
        return _occ(day, day, "day", m.group()) if day else None

    def _r_month_day(self, m: re.Match[str]) -> Occurred | None:
        """Month before day ("November 17, 2016", "Dec. 30")."""
        month = self.lex.months[m.group(1).lower()]
        year = _year_of(m.group(3), month, self.pub)
        day = _safe_date(year, month, int(m.group(2))) if year else None
        return _occ(day, day, "day", m.group()) if day else None

    def _r_numeric_day(self, m: re.Match[str]) -> Occurred | None:
        month = int(m.group(2))
        if not 1 <= month <= 12:
            return None
        year = _year_of(m.group(3), month, self.pub)
        day = _safe_date(year, month, int(m.group(1))) if year else None
        return _occ(day, day, "day", m.group()) if day else None

    def _r_iso_day(self, m: re.Match[str]) -> Occurred | None:
        day = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _occ(day, day, "day", m.group()) if day else None

    def _r_part_month(self, m: re.Match[str]) -> Occurred | None:
        month = self.lex.months[m.group(2).lower()]
        year = _year_of(m.group(3), month, self.pub)
        if year is None:
            return None
        first, last = _month_range(year, month)
        part = self.lex.month_parts.get(" ".join(m.group(1).lower().split()), "end")
        if part == "start":
            return _occ(first, first.replace(day=10), "day", m.group())
        if part == "mid":
            return _occ(first.replace(day=11), first.replace(day=20), "day", m.group())
        return _occ(first.replace(day=21), last, "day", m.group())

    def _r_in_month(self, m: re.Match[str]) -> Occurred | None:
        word = (m.group(1) or m.group(3)).lower()
        month = self.lex.months[word]
        year = _year_of(m.group(2) or m.group(4), month, self.pub)
        if year is None:
            return None
        first, last = _month_range(year, month)
        return _occ(first, last, "month", m.group())

    def _r_month_start(self, m: re.Match[str]) -> Occurred | None:
        if not self.pub:
            return None
        first = dt.date(self.pub.year, self.pub.month, 1)
        return _occ(first, first.replace(day=10), "day", m.group())

    def _r_month_to_date(self, m: re.Match[str]) -> Occurred | None:
        """ "earlier this month": from the first of the publication month to the publication day."""
        if not self.pub:
            return None
        first, last = self.pub.month_range()
        pub = self.pub.date
        return _occ(first, pub or last, "day" if pub else "month", m.group())

    def _r_month_mid(self, m: re.Match[str]) -> Occurred | None:
        if not self.pub:
            return None
        first = dt.date(self.pub.year, self.pub.month, 1)
        return _occ(first.replace(day=11), first.replace(day=20), "day", m.group())

    def _r_last_month(self, m: re.Match[str]) -> Occurred | None:
        if not self.pub:
            return None
        year, month = (self.pub.year, self.pub.month - 1) if self.pub.month > 1 else (self.pub.year - 1, 12)
        first, last = _month_range(year, month)
        return _occ(first, last, "month", m.group())

    # relative to the publication day -----------------------------------------
    def _month_only(self, m: re.Match[str]) -> Occurred | None:
        """A relative expression when only the publication month is known."""
        if not self.pub:
            return None
        first, last = self.pub.month_range()
        return _occ(first, last, "month", m.group())

    def _r_weekday(self, m: re.Match[str]) -> Occurred | None:
        pub = self.pub.date if self.pub else None
        if pub is None:
            return self._month_only(m)
        found = self.lex.weekday_prefix.search(self._low, max(0, m.start() - 30), m.start())
        prefix = " ".join(found.group(1).split()) if found else ""
        kind = self.lex.weekday_prefix_kinds.get(prefix, "")
        target = self.lex.weekdays[m.group(1)]
        clause = self._clause_around(m)
        future = kind == "future" or (
            kind not in ("since", "past")
            and bool(self.lex.future_clause.search(clause))
            and not self.lex.evidential_sollen.search(clause)  # "sollen am Dienstag ... bombardiert haben"
        )
        if future:
            day = pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)
        else:
            day = pub - dt.timedelta(days=(pub.weekday() - target) % 7)
        if kind == "night":
            return _occ(day - dt.timedelta(days=1), day, "day", m.group())
        if kind == "since":
            return _occ(day, pub, "day", m.group())
        return _occ(day, day, "day", m.group())

    def _r_weekend(self, m: re.Match[str]) -> Occurred | None:
        pub = self.pub.date if self.pub else None
        if pub is None:
            return self._month_only(m)
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        return _occ(saturday, saturday + dt.timedelta(days=1), "day", m.group())

    def _r_yesterday(self, m: re.Match[str]) -> Occurred | None:
        pub = self.pub.date if self.pub else None
        if pub is None:
            return self._month_only(m)
        back = 2 if self.lex.two_days_back.search(m.group().lower()) else 1
        day = pub - dt.timedelta(days=back)
        return _occ(day, day, "day", m.group())

    def _r_today(self, m: re.Match[str]) -> Occurred | None:
        pub = self.pub.date if self.pub else None
        if pub is None:
            return self._month_only(m)
        return _occ(pub, pub, "day", m.group())

    def _r_ago(self, m: re.Match[str]) -> Occurred | None:
        pub = self.pub.date if self.pub else None
        if pub is None:
            return self._month_only(m)
        word = m.group(1).lower()
        count = int(word) if word.isdigit() else self.lex.number_words.get(word, 1)
        unit = self.lex.time_units.get(m.group(2).lower(), "month")
        if count > 500:
            return None  # "vor 3000 Jahren": no calendar date worth resolving
        if unit == "day":
            day = pub - dt.timedelta(days=count)
            return _occ(day, day, "day", m.group())
        if unit == "week":
            start = pub - dt.timedelta(days=7 * count + 3)
            return _occ(start, start + dt.timedelta(days=6), "week", m.group())
        if unit == "year":  # "vor einem Jahr": the months around that day
            start = pub - dt.timedelta(days=365 * count + 90)
            return _occ(start, start + dt.timedelta(days=180), "month", m.group())
        start = pub - dt.timedelta(days=30 * count + 15)
        return _occ(start, start + dt.timedelta(days=30), "month", m.group())

    def _r_since_span(self, m: re.Match[str]) -> Occurred | None:
        pub = self.pub.date if self.pub else None
        if pub is None:
            return self._month_only(m)
        unit = self.lex.time_units.get((m.group(1) or m.group(2)).lower(), "month")
        days, precision = {"day": (7, "week"), "week": (42, "week"), "month": (180, "month")}[unit]
        return _occ(pub - dt.timedelta(days=days), pub, precision, m.group())

    def _r_week_to_date(self, m: re.Match[str]) -> Occurred | None:
        """ "earlier this week": from the Monday of the publication week to the publication day."""
        pub = self.pub.date if self.pub else None
        if pub is None:
            return self._month_only(m)
        return _occ(pub - dt.timedelta(days=pub.weekday()), pub, "week", m.group())

    def _r_last_week(self, m: re.Match[str]) -> Occurred | None:
        pub = self.pub.date if self.pub else None
        if pub is None:
            return self._month_only(m)
        monday = pub - dt.timedelta(days=pub.weekday() + 7)
        return _occ(monday, monday + dt.timedelta(days=6), "week", m.group())

    def _r_following(self, m: re.Match[str]) -> Occurred | None:
        if self.anchor is None:
            return None
        start = self.anchor.end + dt.timedelta(days=1)
        end = start + dt.timedelta(days=13)
        pub = self.pub.date if self.pub else None
        if pub is not None and end > pub:
            end = max(pub, start)
        return _occ(start, end, "week", m.group())

    def _r_season(self, m: re.Match[str]) -> Occurred | None:
        """ "im Frühjahr 2013": the season's three months (winter runs into the next year)."""
        named = m.group(1) or (m.group(3) if m.re.groups >= 3 else None)
        first_month = self.lex.seasons.get((named or "").lower())
        if first_month is None:
            return None
        if m.group(2):
            year = int(m.group(2))
        else:  # "im Sommer" told in the past: the latest such season begun by publication
            pub = self.pub.date if self.pub else None
            if pub is None:
                return None
            year = pub.year if dt.date(pub.year, first_month, 1) <= pub else pub.year - 1
        start = dt.date(year, first_month, 1)
        last_month = first_month + 2
        end_year, end_month = (year + 1, last_month - 12) if last_month > 12 else (year, last_month)
        return _occ(start, _month_range(end_year, end_month)[1], "month", m.group())

    def _r_year(self, m: re.Match[str]) -> Occurred | None:
        year = int(m.group(1))
        if not 1900 < year < 2100:
            return None
        return _occ(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", m.group())

    def _r_last_year(self, m: re.Match[str]) -> Occurred | None:
        if not self.pub:
            return None
        year = self.pub.year - 1
        return _occ(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", m.group())
