"""Event triggers: lexicon words that may state one of the event types in a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from domain.extraction.lexicon import Lexicon
from domain.extraction.sentences import Sentence


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    start: int  # relative to the sentence
    end: int
    word: str
    strength: str  # "strong", "weak", "agreement"


def clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The clause span holding position `pos` (relative to the sentence)."""
    for start, end in clauses:
        if start <= pos < end:
            return start, end
    return clauses[-1]


def find_triggers(sentence: Sentence, clauses: list[tuple[int, int]], lexicon: Lexicon) -> list[Trigger]:
    """Every non-overlapping trigger in the sentence, in text order."""
    found: list[Trigger] = []
    for rule in lexicon.triggers:
        exclusion = lexicon.trigger_exclusions.get(rule.event_type)
        for m in rule.pattern.finditer(sentence.text):
            c_start, c_end = clause_of(clauses, m.start())
            if exclusion is not None and exclusion.search(sentence.text[c_start:c_end]):
                continue
            if any(t.event_type == rule.event_type and t.start < m.end() and m.start() < t.end for t in found):
                continue
            found.append(Trigger(rule.event_type, m.start(), m.end(), m.group(), rule.strength))
    found.sort(key=lambda t: t.start)
    return found
