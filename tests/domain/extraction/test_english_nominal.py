"""Nominal triggers: the engine asks the lexicon which trigger words are nouns (English lists them;
German nouns are capitalised)."""

from __future__ import annotations

from domain.extraction.lexicon import get_lexicon
from domain.extraction.triggers import is_nominal


def test_german_nouns_are_capitalised_words() -> None:
    de = get_lexicon("de")
    assert is_nominal("Offensive", de)
    assert not is_nominal("angegriffen", de)

