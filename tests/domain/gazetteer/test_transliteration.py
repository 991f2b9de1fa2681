"""German transcriptions of Cyrillic place names, Arabic articles spelt several ways, and the gazetteer
finding towns by them."""

from __future__ import annotations

import pytest

from domain.gazetteer.places import find_places
from domain.gazetteer.transliteration import arabic_article_forms, german_form


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


def test_arabic_articles_are_spelt_al_and_el_whatever_the_form_assimilated() -> None:
    assert arabic_article_forms("Deir ez-Zour") == ("Deir al-Zour", "Deir el-Zour")
    assert arabic_article_forms("Ras al-Ain") == ("Ras el-Ain",)
    assert arabic_article_forms("Al-Bab") == ("El-Bab",)
    assert arabic_article_forms("Aleppo") == ()


def test_an_arab_town_is_found_with_its_article_spelt_another_way() -> None:
    for text, name in (("in Deir el-Zour", "Deir ez-Zor"), ("near Ras el-Ain", "Ras al-Ain"), ("in El-Bab", "Al-Bab")):
        assert [m.place.name for m in find_places(text, "en")] == [name], text
