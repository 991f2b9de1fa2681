"""Sentence and clause splitting over the cleaned text, with offsets into it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.extraction.lexicon import Lexicon

_LINE = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.!?]+[\"“”'»]?(?=\s+[\"„“»(]?[A-ZÄÖÜ0-9])|[.!?]+[\"“”'»]?\s*$")
_PREV_WORD = re.compile(r"(\S+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # cleaned text of the sentence (same length as the original span)

    def clauses(self, lexicon: Lexicon) -> list[tuple[int, int]]:
        """Clause spans relative to the sentence, split at commas, dashes, brackets, quotes."""
        spans: list[tuple[int, int]] = []
        pos = 0
        for m in lexicon.clause_split.finditer(self.text):
            if m.start() > pos:
                spans.append((pos, m.start()))
            pos = m.end()
        if pos < len(self.text):
            spans.append((pos, len(self.text)))
        return spans or [(0, len(self.text))]


def _is_abbreviation(line: str, dot: int, lexicon: Lexicon) -> bool:
    word_match = _PREV_WORD.search(line[:dot])
    if not word_match:
        return False
    word = word_match.group(1).lstrip('("„').lower()
    if word in lexicon.abbreviations:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "John F. Kennedy"
    return word.isdigit() and len(word) <= 2  # an ordinal or date: "17. November", "2.8."


def _split_line(line: str, offset: int, lexicon: Lexicon) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        if m.group().startswith(".") and len(m.group().strip()) == 1 and _is_abbreviation(line, m.start(), lexicon):
            continue
        out.append(Sentence(offset + start, offset + m.end(), line[start : m.end()]))
        start = m.end()
    if start < len(line):
        out.append(Sentence(offset + start, offset + len(line), line[start:]))
    return out


def _trimmed(sentence: Sentence) -> Sentence | None:
    text = sentence.text
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    if right <= left:
        return None
    return Sentence(sentence.start + left, sentence.start + right, text[left:right])


def split_sentences(text: str, lexicon: Lexicon) -> list[Sentence]:
    """Sentences of the (cleaned) text: every line is split at sentence punctuation."""
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        for raw in _split_line(line.group(), line.start(), lexicon):
            trimmed = _trimmed(raw)
            if trimmed is not None and any(ch.isalpha() for ch in trimmed.text):
                out.append(trimmed)
    return out
