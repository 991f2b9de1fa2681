"""Event triggers: lexicon words that may state one of the event types in a sentence."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from domain.extraction.lexicon import Lexicon
from domain.extraction.normalize import lowered
from domain.extraction.sentences import Sentence


@dataclass(frozen=True, slots=True)
class Trigger:
    event_type: str
    start: int  # relative to the sentence
    end: int
    word: str
    strength: str  # "strong", "weak", "agreement"
    nominal: bool = False  # the trigger is a noun ("den Angriff", "the offensive"), not a verb
    rule: str = ""  # the name of the trigger rule that matched


def is_nominal(word: str, lexicon: Lexicon) -> bool:
    """Whether a trigger word is a noun: by the lexicon's list of nominal triggers, else by its capital."""
    if lexicon.nominal_word is not None:
        return lexicon.nominal_word.fullmatch(word.lower()) is not None
    return word[:1].isupper()


def clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The clause span holding position `pos` (relative to the sentence)."""
    for start, end in clauses:
        if start <= pos < end:
            return start, end
    return clauses[-1]


_QUOTES = frozenset('"„“”»«')


def _unquoted(text: str, clauses: list[tuple[int, int]], span: tuple[int, int]) -> tuple[int, int]:
    """The clause joined with its neighbours across quotation marks (`"fast die gesamte Infrastruktur"
    in Syrien getroffen` is one clause to the exclusions)."""
    start, end = span
    i = clauses.index(span) if span in clauses else -1
    while i > 0 and start > 0 and text[start - 1] in _QUOTES:
        i -= 1
        start = clauses[i][0]
    j = clauses.index(span) if span in clauses else len(clauses)
    while j + 1 < len(clauses) and end < len(text) and text[end] in _QUOTES:
        j += 1
        end = clauses[j][1]
    return start, end


def scan_triggers(text: str, lexicon: Lexicon, low: str | None = None) -> list[tuple[int, int, int]]:
    """(start, end, rule index) of every trigger-pattern match in the whole text, one pass per rule;
    `low` is `lowered(text)` when the caller has it."""
    if low is None:
        low = lowered(text)
    hits = [
        (m.start(), m.end(), i)
        for i, rule in enumerate(lexicon.triggers)
        if not rule.gate or any(word in low for word in rule.gate)
        for m in rule.pattern.finditer(low)
    ]
    hits.sort()
    return hits


# a relative clause: ", die zusammengekommen war", ", who had gathered"
_RELATIVE_START = re.compile(r"\W*(?:die|der|das|welche[rs]?|who|which)\b")
_ANTECEDENT_REACH = 40


def _with_antecedent(low: str, clause_start: int) -> int:
    """Where an exclusion reads a clause from: a relative clause with the words before it, whose noun it
    speaks of ("Menschen, die zusammengekommen war" is a crowd gathering, not a meeting)."""
    if _RELATIVE_START.match(low, clause_start):
        return max(0, clause_start - _ANTECEDENT_REACH)
    return clause_start


def find_triggers(
    sentence: Sentence,
    clauses: list[tuple[int, int]],
    lexicon: Lexicon,
    hits: list[tuple[int, int, int]] | None = None,
) -> list[Trigger]:
    """Every non-overlapping trigger in the sentence, in text order. `hits` are the article's
    pre-scanned matches (absolute offsets); without them the sentence is scanned."""
    if hits is None:
        hits = scan_triggers(sentence.text, lexicon, sentence.low)
        offset = 0
    else:
        offset = sentence.start
    lo = bisect.bisect_left(hits, (offset,))
    hi = bisect.bisect_left(hits, (offset + len(sentence.text),), lo)
    found: list[Trigger] = []
    excluded: dict[tuple[str, int], bool] = {}  # (event type, clause start) -> voided
    for abs_start, abs_end, index in hits[lo:hi]:
        start, end = abs_start - offset, abs_end - offset
        if start < 0 or end > len(sentence.text):
            continue
        rule = lexicon.triggers[index]
        exclusion = lexicon.trigger_exclusions.get(rule.event_type)
        m_text = sentence.text[start:end]
        c_start, c_end = _unquoted(sentence.text, clauses, clause_of(clauses, start))
        if exclusion is not None:
            key = (rule.event_type, c_start)
            if key not in excluded:
                excluded[key] = (
                    exclusion.search(sentence.low[_with_antecedent(sentence.low, c_start) : c_end]) is not None
                )
            if excluded[key]:
                continue
        if any(t.event_type == rule.event_type and t.start < end and start < t.end for t in found):
            continue
        found.append(
            Trigger(rule.event_type, start, end, m_text, rule.strength, is_nominal(m_text, lexicon), rule.name)
        )
    found.sort(key=lambda t: t.start)
    return found
