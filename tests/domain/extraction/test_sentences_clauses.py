"""Clause splitting: short bracketed asides split no clause (sentences written for this file)."""

from __future__ import annotations

from domain.events import TalksHeld
from domain.extraction import extract
from domain.extraction.lexicon import get_lexicon
from domain.extraction.sentences import split_sentences


def test_an_age_and_party_in_brackets_split_no_clause() -> None:
    lexicon = get_lexicon("de")
    (sentence,) = split_sentences("Scholz (64, SPD) plant, nach Kiew zu reisen.", lexicon)
    texts = [sentence.text[a:b] for a, b in sentence.clauses(lexicon)]
    assert texts[0].startswith("Scholz (64, SPD) plant")


def test_a_plan_with_a_bracketed_aside_still_governs_the_meeting() -> None:
    text = (
        "Im Krieg in der Ukraine wird weiter gekämpft. Bundeskanzler Scholz (64, SPD) plant, gemeinsam mit "
        "Frankreichs Präsident Macron (44) zu einem Treffen mit dem ukrainischen Präsidenten nach Kiew zu reisen."
    )
    assert not [e for e in extract(text, published_at="2022-06-15") if isinstance(e, TalksHeld)]
