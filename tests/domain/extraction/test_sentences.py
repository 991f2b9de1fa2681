"""Normalisation and sentences (German): cleaning keeps offsets while blanking furniture,
publication hints, sentence ends after ordinals and abbreviations, clause splits around brackets."""

from __future__ import annotations

from domain.events import TalksHeld
from domain.extraction import extract
from domain.extraction.lexicon import get_lexicon
from domain.extraction.normalize import clean, publication_hint
from domain.extraction.sentences import split_sentences

LEX = get_lexicon("de")


def test_clean_keeps_length_and_blanks_furniture() -> None:
    text = "Kabul – Die Armee griff an. (Foto: dpa)\nTeilen per:\nZur Startseite\n© Verlag GmbH\n1%2%3%4%"
    out = clean(text)
    assert len(out) == len(text)
    for junk in ("Foto", "Teilen", "Startseite", "Verlag", "%", "Kabul"):
        assert junk not in out
    assert "Die Armee griff an." in out


def test_publication_hints() -> None:
    assert publication_hint(" date 2016-10 Nach dem Abbruch") == "2016-10"
    assert publication_hint("Text. (APA, 2.8.2015)") == "2015-08-02"


def test_sentences_respect_ordinals_and_abbreviations() -> None:
    text = "Am 17. November traf Dr. Müller ein. Danach sprach er."
    assert [s.text for s in split_sentences(text, LEX)] == ["Am 17. November traf Dr. Müller ein.", "Danach sprach er."]


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


def test_one_or_two_quoted_words_split_no_clause() -> None:
    from domain.extraction.lexicon import get_lexicon
    from domain.extraction.sentences import split_sentences

    (sentence,) = split_sentences('The army said it repelled a "major" attack on the city.', get_lexicon("en"))
    assert len(sentence.clauses(get_lexicon("en"))) == 1
