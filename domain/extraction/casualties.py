"""Casualty counts stated in an event's sentence ("34 Zivilisten starben", "15 getöteten Jihadisten").

A stated amount becomes a best estimate with the bounds the source gives, as UCDP codes them:
"mindestens 30" best 30, low 30; "mehr als 30" best 30, low 31; "20 bis 30" best 20 (the
conservative end), low 20, high 30; "Dutzende" no best, low 24. Counts after "darunter" /
"including" are a subgroup (children, civilians) of the count before them, not more dead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.events import Casualties
from domain.extraction.lexicon import Lexicon

_AND = re.compile(r"\s+(?:and|und|sowie)\s+")
_MAX_COUNT = 100000
_QUALIFIER_WINDOW = 30  # characters before a number searched for "at least", "more than", "up to"


@dataclass(frozen=True, slots=True)
class Amount:
    """One stated amount: the best estimate (None for "dozens") and the bounds the text states."""

    best: int | None
    low: int | None = None
    high: int | None = None

    @property
    def size(self) -> int:
        """What ranks two amounts: the best estimate, else the low bound."""
        return self.best if self.best is not None else (self.low or 0)

    def plus(self, other: Amount) -> Amount:
        """Two coordinated groups ("22 fighters and nine troops"): the sums of what both state."""
        return Amount(
            best=_sum(self.best, other.best),
            low=_sum(self.low_or_best, other.low_or_best) if self.low or other.low else None,
            high=_sum(self.high_or_best, other.high_or_best) if self.high or other.high else None,
        )

    @property
    def low_or_best(self) -> int | None:
        return self.low if self.low is not None else self.best

    @property
    def high_or_best(self) -> int | None:
        return self.high if self.high is not None else self.best


def _sum(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def parse_amount(phrase: str, before: str, lexicon: Lexicon) -> Amount | None:
    """The amount a number phrase states ("zwei dutzend", "20 bis 30"), with the qualifier before it."""
    phrase = phrase.lower().strip()
    if phrase in lexicon.number_approximations:
        return Amount(best=None, low=lexicon.number_approximations[phrase])
    ends = [p for p in lexicon.number_range_split.split(phrase) if p]
    if len(ends) == 2 and _compound(phrase, lexicon) is None:  # "twenty-one" is no range
        low, high = _count(ends[0], lexicon), _count(ends[1], lexicon)
        if low is None or high is None or low >= high:
            return None if low is None else Amount(best=low)
        return Amount(best=low, low=low, high=high)
    best = _count(phrase, lexicon)
    if best is None:
        return None
    before = before.lower()
    if lexicon.casualty_at_least.search(before):
        return Amount(best=best, low=best)
    if lexicon.casualty_more_than.search(before):
        return Amount(best=best, low=best + 1)
    if lexicon.casualty_up_to.search(before):
        return Amount(best=best, high=best)
    return Amount(best=best)


def _count(token: str, lexicon: Lexicon) -> int | None:
    """A count: digits (with thousands separators), a number word, "zwei Dutzend", "twenty-one"."""
    digits = token.replace(".", "").replace(",", "").replace("\u202f", "").replace("\xa0", "")
    if digits.isdigit():  # thousands separators: "1.500", "1,500", "1 500"
        return int(digits)
    words = token.split()
    if len(words) == 2 and words[1] in lexicon.number_multipliers:
        factor = _count(words[0], lexicon)
        return None if factor is None else factor * lexicon.number_multipliers[words[1]]
    if token in lexicon.number_words:
        return lexicon.number_words[token]
    return _compound(token, lexicon)


def _compound(token: str, lexicon: Lexicon) -> int | None:
    """ "twenty-one", "twenty one" (tens then units), "einundzwanzig" (units und tens)."""
    parts = re.split(r"[-\s]", token)
    if len(parts) == 2 and all(p in lexicon.number_words for p in parts):
        tens, units = (lexicon.number_words[p] for p in parts)
        return tens + units if tens % 10 == 0 and tens >= 20 and units < 10 else None
    units_word, sep, tens_word = token.partition("und")
    if sep and units_word in lexicon.number_words and tens_word in lexicon.number_words:
        units, tens = lexicon.number_words[units_word], lexicon.number_words[tens_word]
        return tens + units if tens % 10 == 0 and tens >= 20 and units < 10 else None
    return None


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else max(a, b)


def _larger(a: Amount | None, b: Amount | None) -> Amount | None:
    if a is None:
        return b
    return a if b is None or a.size >= b.size else b


@dataclass(slots=True)
class _Tally:
    killed: Amount | None = None
    injured: Amount | None = None
    civilians: int | None = None
    children: int | None = None

    def result(self) -> Casualties | None:
        if self.killed is None and self.injured is None:
            return None
        killed, injured = self.killed or Amount(best=None), self.injured or Amount(best=None)
        return Casualties(
            killed=killed.best,
            injured=injured.best,
            civilians_killed=self.civilians,
            children_killed=self.children,
            killed_low=killed.low,
            killed_high=killed.high,
            injured_low=injured.low,
            injured_high=injured.high,
        )


def _with_subgroups(clauses: list[str], lexicon: Lexicon) -> list[str]:
    """Clauses, with a count that has no verb of its own joined to the subgroup after it and the clause
    that says what happened ("at least 16 people, including 13 children, were killed": one clause)."""
    out: list[str] = []
    i = 0
    while i < len(clauses):
        clause = clauses[i].lower()
        if (
            i + 2 < len(clauses)
            and lexicon.casualty_number.search(clause)
            and not lexicon.casualty_killed.search(clause)
            and not lexicon.casualty_injured.search(clause)
            and lexicon.casualty_subgroup.match(clauses[i + 1].lower().lstrip(" ,;("))
        ):
            out.append(", ".join(c.lower() for c in clauses[i : i + 3]))
            i += 3
            continue
        out.append(clause)
        i += 1
    return out


def casualties_in(clauses: list[str], lexicon: Lexicon) -> Casualties | None:
    """Killed/injured counts in the given clauses (any case); background totals are skipped."""
    tally = _Tally()
    last_main: str | None = None  # "killed" | "injured": what a following "darunter ..." divides
    for clause in _with_subgroups(clauses, lexicon):
        if lexicon.casualty_background.search(clause):
            continue
        has_killed = bool(lexicon.casualty_killed.search(clause))
        has_injured = bool(lexicon.casualty_injured.search(clause))
        subgroup = lexicon.casualty_subgroup.search(clause)
        sub_civilians = sub_children = 0
        last_end, last_amount = -1, Amount(best=None)  # "22 fighters and nine troops were killed": 31
        for m in lexicon.casualty_number.finditer(clause):
            before = clause[max(0, m.start(1) - _QUALIFIER_WINDOW) : m.start(1)]
            amount = parse_amount(m.group(1), before, lexicon)
            if amount is None or amount.size > _MAX_COUNT:
                continue
            victims = m.group(2).lower()
            if subgroup is not None and m.start() >= subgroup.end() and last_main is not None:
                if last_main == "killed" and amount.best is not None:
                    is_child = bool(lexicon.victim_child.search(victims))
                    sub_children += amount.best if is_child else 0
                    sub_civilians += amount.best if is_child or lexicon.victim_civilian.search(victims) else 0
                continue
            # "one person was killed and four others wounded": the verb right after the count is its own
            told = lexicon.casualty_injured.match(clause[m.end() : m.end() + 24].lstrip())
            is_injury = bool(lexicon.victim_injured.search(victims) or told) or (has_injured and not has_killed)
            if is_injury:
                tally.injured = _larger(tally.injured, amount)
                last_main = "injured"
            elif has_killed or lexicon.victim_killed.search(victims):
                if last_end >= 0 and _AND.fullmatch(clause[last_end : m.start()]):
                    amount = last_amount.plus(amount)
                last_end, last_amount = m.end(), amount
                tally.killed = _larger(tally.killed, amount)
                last_main = "killed"
                if lexicon.victim_civilian.search(victims):
                    tally.civilians = _max(tally.civilians, amount.best)
                if lexicon.victim_child.search(victims):
                    tally.children = _max(tally.children, amount.best)
        for m in lexicon.injured_count.finditer(clause):
            before = clause[max(0, m.start(1) - _QUALIFIER_WINDOW) : m.start(1)]
            amount = parse_amount(m.group(1), before, lexicon)
            if amount is not None and amount.size <= _MAX_COUNT:
                tally.injured = _larger(tally.injured, amount)
        if sub_children:
            tally.children = _max(tally.children, sub_children)
        if sub_civilians:
            tally.civilians = _max(tally.civilians, sub_civilians)
    return tally.result()


def merge_casualties(a: Casualties | None, b: Casualties | None) -> Casualties | None:
    if a is None or b is None:
        return a or b
    killed = _larger(_amount(a.killed, a.killed_low, a.killed_high), _amount(b.killed, b.killed_low, b.killed_high))
    injured = _larger(
        _amount(a.injured, a.injured_low, a.injured_high), _amount(b.injured, b.injured_low, b.injured_high)
    )
    return Casualties(
        killed=killed.best if killed else None,
        injured=injured.best if injured else None,
        civilians_killed=_max(a.civilians_killed, b.civilians_killed),
        children_killed=_max(a.children_killed, b.children_killed),
        killed_low=killed.low if killed else None,
        killed_high=killed.high if killed else None,
        injured_low=injured.low if injured else None,
        injured_high=injured.high if injured else None,
    )


def _amount(best: int | None, low: int | None, high: int | None) -> Amount | None:
    return None if best is None and low is None else Amount(best=best, low=low, high=high)
