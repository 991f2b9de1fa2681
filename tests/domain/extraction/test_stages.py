"""Unit tests per stage: normalisation offsets, triggers, modality, casualties, roles and places."""

from __future__ import annotations

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
