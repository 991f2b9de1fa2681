"""Normalisation that keeps every character offset: crawled furniture is blanked, not cut.

`clean(text)` returns a string of exactly the same length as `text`, so a span found in
the cleaned text indexes the original text unchanged (evidence offsets stay exact).
"""

from __future__ import annotations

import re

_FURNITURE = re.compile(
    r"(?im)"
    r"^[ \t]*(?:[•·*\-][ \t]*)?teilen per:?.*$"
    r"|\((?:foto|bild|quelle|grafik|video)\s*:[^)\n]*\)"
    r"|^[ \t]*(?:foto|bild|grafik|video)\s*:.*$"
    r"|\bquelle:\s[^\n]*$"
    r"|^[ \t]*zur startseite[ \t]*$"
    r"|^[ \t]*mehr zum thema[ \t]*$"
    r"|^[ \t]*(?:lesen sie auch|auch interessant|weitere artikel|anzeige|werbung)\b.*$"
    r"|-?(?:\d{1,3}%){3,}"
    r"|\S+\.(?:jpe?g|png|gif|webp)\b"
    r"|©[^\n]*"
    r"|\bnutzungsrechte erwerben\??"
    r"|\balle rechte vorbehalten\.?"
    r"|\((?:dpa|afp|apa|reuters|ap|kna|epd|sda|ots)(?:[/,][^)\n]{0,40})?\)"
)
# A leading "date 2016-10" stamp some crawls put before the text.
_DATE_STAMP = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b")
# An agency credit with a date: "(APA, 2.8.2015)", "(dpa, 12.10.2016)".
_CREDIT_DATE = re.compile(r"\((?:dpa|afp|apa|reuters|ap|kna|epd|sda)[^)\n]{0,20}?(\d{1,2})\.(\d{1,2})\.(\d{4})\)", re.I)
# A dateline at the start of a paragraph: "Moskau – ", "New York (AFP) – ".
_DATELINE = re.compile(r"(?m)^[ \t]*[A-ZÄÖÜ][\w.\-]*(?:\s[A-ZÄÖÜ][\w.\-]*){0,2}\s*(?:\([^)\n]{1,30}\))?\s*[–—-]\s")
_CHAR_MAP = str.maketrans({"\u00a0": " ", "\u00ad": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "\t": " "})


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def clean(text: str) -> str:
    """`text` with furniture, datelines and odd spaces blanked; same length as `text`."""
    out = text.translate(_CHAR_MAP)
    out = _blank(out, _DATE_STAMP)
    out = _blank(out, _FURNITURE)
    return _blank(out, _DATELINE)


def publication_hint(text: str) -> str | None:
    """A publication date stated by the text itself ("date 2016-10", "(APA, 2.8.2015)"), or None."""
    stamp = _DATE_STAMP.match(text)
    if stamp:
        return stamp.group(1)
    credit = _CREDIT_DATE.search(text)
    if credit:
        day, month, year = (int(g) for g in credit.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def lowered(text: str) -> str:
    """`text` lower-cased without changing its length (so offsets still hold)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
