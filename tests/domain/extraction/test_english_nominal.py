"""Nominal triggers: the engine asks the lexicon which trigger words are nouns (English lists them;
German nouns are capitalised)."""

from __future__ import annotations

from domain.extraction.lexicon import get_lexicon
from domain.extraction.triggers import is_nominal


def test_german_nouns_are_capitalised_words() -> None:
    de = get_lexicon("de")
    assert is_nominal("Offensive", de)
    assert not is_nominal("angegriffen", de)


def test_english_nouns_come_from_the_lexicon_whatever_their_case() -> None:
    en = get_lexicon("en")
    assert is_nominal("offensive", en)
    assert is_nominal("talks", en)
    assert is_nominal("Air strikes", en)
    assert not is_nominal("attacked", en)
    assert not is_nominal("Captured", en)
