"""Place gazetteer: a town's name inside a longer name (a person, a paper, a treaty, a team) is no place."""

from __future__ import annotations

import pytest

from domain.gazetteer import find_places


def _names(text: str, language: str) -> list[str]:
    return [m.place.name for m in find_places(text, language)]


@pytest.mark.parametrize(
    "text",
    [
        "The Geneva Convention protects prisoners.",
        "The report ran in the New York Times.",
        "A Damascus-based monitor counted the dead.",
        "The Manbij Military Council took the road.",
    ],
)
def test_english_town_inside_a_longer_name_is_no_place(text: str) -> None:
    assert _names(text, "en") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fighting raged in Aleppo on Monday.", "Aleppo"),
        ("Militias marched into Sadr City.", "Sadr City"),
        ("Shells fell on Aleppo Monday morning.", "Aleppo"),
        ("The envoy flew to Geneva. Talks begin soon.", "Geneva"),
    ],
)
def test_english_town_before_a_date_or_its_own_part_stays(text: str, name: str) -> None:
    assert _names(text, "en") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Präsident Wolodymyr Selenskyj sprach im Parlament.",
        "Innenministerin Nancy Faeser äußerte sich am Montag.",
        "Das Gerät wurde sichergestellt.",
    ],
)
def test_german_given_names_and_nouns_are_no_towns(text: str) -> None:
    assert _names(text, "de") == []


def test_german_capitalised_noun_after_a_town_keeps_it() -> None:
    assert _names("In Kiew Menschen zu treffen ist schwer.", "de") == ["Kyiv"]


@pytest.mark.parametrize("text", ["in Idlib province", "in Idlib Province"])
def test_a_regions_unit_word_is_found_in_either_case(text: str) -> None:
    (found,) = find_places(text, "en")
    assert (found.place.name, found.place.precision) == ("Idlib Province", "region")
