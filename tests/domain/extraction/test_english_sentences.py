"""English normalisation and sentences: furniture and agency datelines blanked with offsets kept,
sentence ends after numbers but not after abbreviations."""

from __future__ import annotations

from domain.extraction.lexicon import get_lexicon
from domain.extraction.normalize import clean
from domain.extraction.sentences import split_sentences

LEX = get_lexicon("en")


def test_clean_blanks_english_furniture_and_keeps_offsets() -> None:
    text = (
        "MOSCOW, Oct 5 (Reuters) - Russian jets bombed Idlib.\n"
        "Advertisement\nShare this article\nRelated: Syria's war in maps\nRead more: timeline\n"
        "The army advanced. (Photo: AFP)\n(Reporting by A. Writer; Editing by B. Editor)"
    )
    out = clean(text, LEX.furniture)
    assert len(out) == len(text)
    for junk in ("MOSCOW", "Reuters", "Advertisement", "Share this", "Related", "Read more", "Photo", "Editing"):
        assert junk not in out
    assert "Russian jets bombed Idlib." in out and "The army advanced." in out


def test_dateline_with_agency_is_blanked() -> None:
    text = "BEIRUT (Reuters) - Rebels shelled the town.\nUNITED NATIONS (AP) — The council met."
    out = clean(text, LEX.furniture)
    assert "BEIRUT" not in out and "UNITED NATIONS" not in out and "Rebels shelled the town." in out


def test_sentences_end_after_numbers_but_not_after_abbreviations() -> None:
    text = "Mr. Kerry met Gen. Smith at 10 a.m. on Dec. 30. The U.N. envoy left on April 4. Talks ended."
    assert [s.text for s in split_sentences(text, LEX)] == [
        "Mr. Kerry met Gen. Smith at 10 a.m. on Dec. 30.",
        "The U.N. envoy left on April 4.",
        "Talks ended.",
    ]
