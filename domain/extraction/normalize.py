"""Normalisation that keeps every character offset: crawled furniture is blanked, not cut.

`clean(text)` returns a string of exactly the same length as `text`, so a span found in
the cleaned text indexes the original text unchanged (evidence offsets stay exact).
"""

from __future__ import annotations

import re

# Run over the lower-cased text (same length), so no IGNORECASE is needed. Separate patterns
# that each start with a literal are far faster than one alternation (the regex engine can
# skip ahead to the literal).
_FURNITURE = (
    re.compile(
        r"(?m)^[ \t]*(?:(?:[•·*\-][ \t]*)?teilen per:?.*$|(?:foto|bild|grafik|video)\s*:.*$|"
        r"zur startseite[ \t]*$|mehr zum thema[ \t]*$|"
        r"(?:lesen sie auch|auch interessant|weitere artikel|anzeige|werbung)\b.*$)"
    ),
    re.compile(r"\((?:foto|bild|quelle|grafik|video)\s*:[^)\n]*\)"),
    re.compile(r"(?m)quelle:\s[^\n]*$"),
    re.compile(r"©[^\n]*"),
    re.compile(r"nutzungsrechte erwerben\??"),
    re.compile(r"alle rechte vorbehalten\.?"),
    re.compile(r"\((?:dpa|afp|apa|reuters|ap|kna|epd|sda|ots)(?:[/,][^)\n]{0,40})?\)"),
)
# A wire credit line ("X in Moscow, Y in Geneva ... contributed to this report") names the reporters' cities,
# never a place of the events; run only when its mark occurs.
_CREDIT_LINE = re.compile(r"(?m)^[^\n]*\bcontributed to this report\b[^\n]*$")
_CREDIT_MARK = "contributed to this report"
# Tracking-pixel percentages and image file names: slow patterns, run only when their marks occur.
_PERCENT_RUN = re.compile(r"-?(?:\d{1,3}%){3,}")
_PERCENT_DIGIT = re.compile(r"%\d")  # a run of three needs "%" before a digit (a fast literal search)
_IMAGE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp)\b")  # the file name runs back to the space before it
_IMAGE_MARKS = (".jp", ".png", ".gif", ".webp")
# A leading "date 2016-10" stamp some crawls put before the text.
_DATE_STAMP = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b")
# An agency credit with a date: "(APA, 2.8.2015)", "(dpa, 12.10.2016)".
_CREDIT_DATE = re.compile(r"\((?:dpa|afp|apa|reuters|ap|kna|epd|sda)[^)\n]{0,20}?(\d{1,2})\.(\d{1,2})\.(\d{4})\)", re.I)
# A dateline at the start of a paragraph: "Moskau – ", "New York (AFP) – ".
# Also an agency in brackets with no dash: "Beirut (AFP) In Syrien ...".
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-ZÄÖÜ][\w.\-]*(?:\s[A-ZÄÖÜ][\w.\-]*){0,2}\s*"
    # (the agency may be blanked already as furniture: "Beirut       In Syrien")
    r"(?:(?:\([^)\n]{1,30}\))?\s*[–—-]\s|(?:\((?:AFP|dpa|Reuters|AP|APA|KNA|epd|sda|SDA|dpa-AFX)\)|[ \t]{4})[ \t]*"
    r"(?=[A-ZÄÖÜ]))"
)
_ODD_SPACES = ("\u00a0", "\u00ad", "\u2009", "\u202f", "\u200b", "\t")


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(" " * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def clean(text: str, extra: tuple[re.Pattern[str], ...] = ()) -> str:
    """`text` with furniture, datelines and odd spaces blanked; same length as `text`."""
    out = text
    for odd in _ODD_SPACES:  # str.replace per character is far faster than str.translate
        if odd in out:
            out = out.replace(odd, " ")
    if out.lstrip()[:4] == "date":
        out = _blank(out, _DATE_STAMP)
    low = lowered(out)
    spans = [m.span() for pattern in _FURNITURE + extra for m in pattern.finditer(low)]
    if "%" in out and _PERCENT_DIGIT.search(out):
        spans.extend(m.span() for m in _PERCENT_RUN.finditer(out))
    if _CREDIT_MARK in low:
        spans.extend(m.span() for m in _CREDIT_LINE.finditer(low))
    if any(mark in low for mark in _IMAGE_MARKS):
        spans.extend(_image_files(out))
    out = _blank_spans(out, _disjoint(spans))
    return _blank(out, _DATELINE)


def _image_files(text: str) -> list[tuple[int, int]]:
    """Spans of image file names ("foto_123.jpg"): what `\\S+\\.(?:jpe?g|...)\\b` matches, found from
    the extension back (the leading `\\S+` would be tried at every position)."""
    out = []
    for m in _IMAGE_EXT.finditer(text):
        start = m.start()
        while start and not text[start - 1].isspace():
            start -= 1
        if start < m.start():
            out.append((start, m.end()))
    return out


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


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
