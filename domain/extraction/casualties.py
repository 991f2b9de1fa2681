"""Casualty counts stated in an event's sentence ("34 Zivilisten starben", "15 getöteten Jihadisten")."""

from __future__ import annotations

import re

from domain.events import Casualties
from domain.extraction.lexicon import Lexicon

_AND = re.compile(r"\s+(?:and|und|sowie)\s+")


def _number(word: str, lexicon: Lexicon) -> int | None:
    token = word.lower()
    digits = token.replace(".", "").replace(",", "").replace("\u202f", "").replace("\xa0", "")
    if digits.isdigit():  # thousands separators: "1.500", "1,500", "1 500"
        return int(digits)
    return lexicon.number_words.get(token)


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else max(a, b)


def casualties_in(clauses: list[str], lexicon: Lexicon) -> Casualties | None:
    """Killed/injured counts in the given clauses (any case); background totals are skipped."""
    killed = injured = civilians = children = None
    for clause in clauses:
        clause = clause.lower()
        if lexicon.casualty_background.search(clause):
            continue
        has_killed = bool(lexicon.casualty_killed.search(clause))
        has_injured = bool(lexicon.casualty_injured.search(clause))
        last_end, last_count = -1, 0  # "22 Houthi fighters and nine coalition troops were killed": 31
        for m in lexicon.casualty_number.finditer(clause):
            count = _number(m.group(1), lexicon)
            if count is None or count > 100000:
                continue
            victims = m.group(2).lower()
            is_injury = bool(lexicon.victim_injured.search(victims)) or (has_injured and not has_killed)
            if is_injury:
                injured = _max(injured, count)
            elif has_killed or lexicon.victim_killed.search(victims):
                if last_end >= 0 and _AND.fullmatch(clause[last_end : m.start()]):
                    count += last_count
                last_end, last_count = m.end(), count
                killed = _max(killed, count)
                if lexicon.victim_civilian.search(victims):
                    civilians = _max(civilians, count)
                if lexicon.victim_child.search(victims):
                    children = _max(children, count)
    if killed is None and injured is None:
        return None
    return Casualties(killed=killed, injured=injured, civilians_killed=civilians, children_killed=children)


def merge_casualties(a: Casualties | None, b: Casualties | None) -> Casualties | None:
    if a is None or b is None:
        return a or b
    return Casualties(
        killed=_max(a.killed, b.killed),
        injured=_max(a.injured, b.injured),
        civilians_killed=_max(a.civilians_killed, b.civilians_killed),
        children_killed=_max(a.children_killed, b.children_killed),
    )
