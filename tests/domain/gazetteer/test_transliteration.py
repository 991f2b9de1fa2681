"""German transcriptions of Cyrillic place names, and the gazetteer finding towns by them."""

from __future__ import annotations

import pytest

from domain.gazetteer.places import find_places
from domain.gazetteer.transliteration import german_form


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("Vovchansk", "Wowtschansk"),
        ("Kostyantynivka", "Kostjantyniwka"),
        ("Zaporizhzhia", "Saporischschja"),
        ("Avdiivka", "Awdijiwka"),
        ("Chasiv Yar", "Tschassiw Jar"),
        ("Toretsk", "Torezk"),
        ("Kharkiv", "Charkiw"),
        ("Sievierodonetsk", "Sjewjerodonezk"),
        ("Pishchane", "Pischtschane"),
        ("Bryansk", "Brjansk"),
    ],
)
def test_english_spelling_becomes_the_duden_transcription(english: str, german: str) -> None:
    assert german_form(english) == german


def test_a_name_no_rule_touches_stays_as_it_is() -> None:
    assert german_form("Kramatorsk") == "Kramatorsk"


def test_a_ukrainian_town_is_found_by_its_german_transcription() -> None:
    (mention,) = find_places("Russische Truppen griffen Wowtschansk an.", "de")
    assert (mention.surface, mention.place.name, mention.place.country) == ("Wowtschansk", "Vovchansk", "UA")
