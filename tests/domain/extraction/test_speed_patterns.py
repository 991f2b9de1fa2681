"""The regex speed-ups keep the matches: factored alternations and word-initial scans."""

from __future__ import annotations

import re

import pytest

from domain.extraction.lexicon import WordPattern, factor, get_lexicon

_TEXTS = [
    "die luftangriffe und bombardierungen gingen weiter; die bodenoffensive begann am montag.",
    "tarifverhandlungen, friedensgespräche und ein dreiergipfel in teheran, genfer gespräche",
    "im vergangenen monat und vergangenen monat, im letzten jahr, in der vergangenen woche",
    "xim letzten jahr daheim letzten jahr; vormonat; kämpfe um aleppo, schlacht um mossul",
    "sie sprachen mit ihm über syrien, hatten über syrien gesprochen und reiste nach moskau, um ihn zu überzeugen",
]


@pytest.mark.parametrize(
    "source",
    [
        r"bomben|boden|luft|bo",
        r"\b(?:großoffensive(?:n)?|bodenoffensive(?:n)?|luftangriff(?:e|en)?|kämpfe\s+um|schlacht\s+um)\b",
        r"\b(?:im\s+vergangenen\s+monat|vergangenen\s+monat|im\s+letzten\s+jahr|letzten\s+jahr\w*|vormonat)\b",
        r"(?:friedens|dreier|genfer\s)?(?:gespräch(?:e|en)?|gipfel|verhandlung(?:en)?)",
        r"[a|b]x|a(?:b|c)|ad",
    ],
)
def test_factor_keeps_every_match(source: str) -> None:
    plain, factored = re.compile(source), re.compile(factor(source))
    for text in _TEXTS:
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in factored.finditer(text)]


def test_factor_groups_by_first_letter_and_leaves_captures_alone() -> None:
    assert factor("bomben|boden|luft") == "b(?:o(?:mben|den))|luft"
    assert factor("(a)b|c|(d)e") == "(a)b|c|(d)e"  # reordering would renumber the groups
    assert factor(r"\s+a|b") == r"\s+a|b"  # a non-literal start: left as it is


def test_word_pattern_matches_like_a_leading_word_boundary() -> None:
    source = r"\b(?:im\s+letzten|letzten)\s+jahr\b"
    bounded, word = re.compile(source), WordPattern(source)
    for text in _TEXTS:  # "daheim letzten jahr": the mid-word "im" must not swallow "letzten jahr"
        assert [m.span() for m in bounded.finditer(text)] == [m.span() for m in word.finditer(text)]


def test_trigger_gates_only_skip_texts_without_the_words() -> None:
    lexicon = get_lexicon("de")
    for rule in lexicon.triggers:
        if rule.gate:
            matches = [m.group() for text in _TEXTS for m in rule.pattern.finditer(text)]
            assert all(any(word in match for word in rule.gate) for match in matches)


def test_image_file_names_found_from_the_extension_back() -> None:
    from domain.extraction.normalize import clean

    text = "Das Bild a/b_12.jpg.png und .png bleibt, c.jpgs bleibt, d.webp weg."
    cleaned = clean(text)
    assert "a/b_12.jpg.png" not in cleaned and "d.webp" not in cleaned
    assert ".png bleibt" in cleaned and "c.jpgs" in cleaned and len(cleaned) == len(text)
