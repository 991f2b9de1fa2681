"""Sentence and clause splitting over the cleaned text, with offsets into it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.extraction.lexicon import Lexicon
from domain.extraction.normalize import lowered

_LINE = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.!?]+[\"“”'»]?(?=\s+[\"„“»(]?[A-ZÄÖÜ0-9])|[.!?]+[\"“”'»]?\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # cleaned text of the sentence (same length as the original span)
    low: str = field(default="", compare=False)  # `text` lower-cased, same length (lexicon patterns run on it)
    headline: bool = field(default=False, compare=False)  # a title or sub-heading line, not body copy
    # the last `clauses` result and the language it was split for (the stages ask for it many times)
    _clauses: tuple[str, list[tuple[int, int]]] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.low and self.text:
            object.__setattr__(self, "low", lowered(self.text))

    def clauses(self, lexicon: Lexicon) -> list[tuple[int, int]]:
        """Clause spans relative to the sentence, split at commas, dashes, brackets, quotes (the list is
        shared between calls: do not change it)."""
        cached = self._clauses
        if cached is not None and cached[0] == lexicon.language:
            return cached[1]
        spans: list[tuple[int, int]] = []
        pos = 0
        asides = [m.span() for m in _SHORT_ASIDE.finditer(self.text)]
        asides += [m.span() for m in _SHORT_QUOTE.finditer(self.text)]  # a 'quoted' word splits no clause
        for m in lexicon.clause_split.finditer(self.text):
            if any(a <= m.start() < b for a, b in asides):
                continue  # "Scholz (64, SPD) plant, ...": an age or party in brackets splits no clause
            if m.start() > pos:
                spans.append((pos, m.start()))
            pos = m.end()
        if pos < len(self.text):
            spans.append((pos, len(self.text)))
        spans = spans or [(0, len(self.text))]
        object.__setattr__(self, "_clauses", (lexicon.language, spans))
        return spans


_SHORT_ASIDE = re.compile(r"\([^()\n]{0,30}\)")
# a "major" attack, die "Militäroperation": one or two quoted words inside a clause
_SHORT_QUOTE = re.compile(r"[\"„“”»«](?:[\w-]+\s?){1,2}[\"“”«»]")


def _is_abbreviation(line: str, dot: int, lexicon: Lexicon) -> bool:
    cut = max(line.rfind(" ", 0, dot), line.rfind("\n", 0, dot))
    word = line[cut + 1 : dot]
    if not word:
        return False
    word = word.lstrip('("„').lower()
    if word in lexicon.abbreviations:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "John F. Kennedy"
    return lexicon.ordinal_dot and word.isdigit() and len(word) <= 2  # an ordinal or date: "17. November", "2.8."


def _split_line(line: str, offset: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        if m.group().strip() == "." and _is_abbreviation(line, m.start(), lexicon):
            continue
        out.append((offset + start, offset + m.end()))
        start = m.end()
    if start < len(line):
        out.append((offset + start, offset + len(line)))
    return out


def split_sentences(text: str, lexicon: Lexicon, low: str | None = None) -> list[Sentence]:
    """Sentences of the (cleaned) text: every line is split at sentence punctuation.
    `low` is `lowered(text)` when the caller has it already."""
    if low is None:
        low = lowered(text)
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        headline = _is_headline(line.group())
        for start, end in _split_line(line.group(), line.start(), lexicon):
            raw = text[start:end]
            left = len(raw) - len(raw.lstrip())
            right = len(raw.rstrip())
            if right <= left:
                continue
            s, e = start + left, start + right
            body = text[s:e]
            if any(ch.isalpha() for ch in body):
                out.append(Sentence(s, e, body, low[s:e], headline))
    return out


_HEADLINE_MAX_WORDS = 16


def _is_headline(line: str) -> bool:
    """A short line without sentence-final punctuation: a title, kicker or sub-heading."""
    stripped = line.strip()
    if not stripped or stripped[-1] in '.!?:;"“”»«)':
        return False
    if _INNER_END.search(stripped):
        return False  # body copy with a trailing credit ("... begonnen. Foto: dpa")
    return len(stripped.split()) <= _HEADLINE_MAX_WORDS


_INNER_END = re.compile(r"\w{3,}[.!?]\s+[A-ZÄÖÜ]")
