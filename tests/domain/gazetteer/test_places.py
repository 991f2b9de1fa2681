"""Place gazetteer: cities, exonyms, contested towns, regions, countries as places."""

from __future__ import annotations

import pytest

from domain.gazetteer import country_place, find_places


def names(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.place.name) for m in find_places(text)]


@pytest.mark.parametrize(
    ("text", "surface", "name", "country"),
    [
        ("Die Kämpfe um Mossul dauern an.", "Mossul", "Mosul", "IQ"),
        ("Truppen rückten auf Manbidsch vor.", "Manbidsch", "Manbij", "SY"),
        ("In Falludscha wurde gekämpft.", "Falludscha", "Fallujah", "IQ"),
        ("Die Gespräche in Genf begannen.", "Genf", "Geneva", "CH"),
        ("Man traf sich in Wien.", "Wien", "Vienna", "AT"),
        ("Die Lage in Ost-Aleppo ist katastrophal.", "Ost-Aleppo", "Aleppo", "SY"),
        ("Nahe Al-Bab starben Zivilisten.", "Al-Bab", "Al-Bab", "SY"),
        ("Die Offensive auf Rakka begann.", "Rakka", "Raqqa", "SY"),
        ("Bei Debalzewe wurde geschossen.", "Debalzewe", "Debaltseve", "UA"),
        ("Die Miliz hält Tripolis.", "Tripolis", "Tripoli", "LY"),
        ("In Kundus griffen Taliban an.", "Kundus", "Kunduz", "AF"),
        ("Im Hafen von Hudaida landeten Schiffe.", "Hudaida", "Hodeidah", "YE"),
        ("Ein Treffen in Sotschi folgte.", "Sotschi", "Sochi", "RU"),
        ("Die Rückeroberung Aleppos war ein Ziel.", "Aleppos", "Aleppo", "SY"),
    ],
)
def test_cities_and_exonyms(text: str, surface: str, name: str, country: str) -> None:
    [mention] = [m for m in find_places(text) if m.surface == surface]
    assert (mention.place.name, mention.place.country, mention.place.precision) == (name, country, "city")
    assert text[mention.start : mention.end] == surface


@pytest.mark.parametrize(
    ("text", "name", "alpha2"),
    [
        ("Die Lage in Syrien ist ernst.", "Syria", "SY"),
        ("Der Norden Syriens wurde bombardiert.", "Syria", "SY"),
        ("Die Armee in der Türkei ist mobilisiert.", "Turkey", "TR"),
        ("Im Irak wurde gewählt.", "Iraq", "IQ"),
        ("Im Süden des Jemen wird gekämpft.", "Yemen", "YE"),
        ("Die Lage im Jemens Süden.", "Yemen", "YE"),
    ],
)
def test_countries_are_places(text: str, name: str, alpha2: str) -> None:
    [mention] = find_places(text)
    assert (mention.place.name, mention.place.country, mention.place.precision) == (name, alpha2, "country")


def test_regions() -> None:
    [mention] = find_places("Im Donbass wird weiter geschossen.")
    assert (mention.place.name, mention.place.precision) == ("Donbas", "region")
    assert names("Kämpfe in der Ostukraine.") == [("Ostukraine", "Donbas")]


def test_capitals_are_places_too() -> None:
    assert names("Moskau, Ankara und Teheran vereinbarten Gespräche.") == [
        ("Moskau", "Moscow"),
        ("Ankara", "Ankara"),
        ("Teheran", "Tehran"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Das Essen war gut, die Halle war voll und am Ende gab es Regen.",
        "Daran erinnert auch der Gesandte, mit Blick auf die Mitte des Landes.",
        "Die Opfer wurden geborgen, weil Hilfe fehlte.",
        "Die Hamas und Kerry und Abbas sprachen mit Putin.",
        "Der US-Kollege und die UN sowie die EU wurden informiert.",
    ],
)
def test_no_false_positives_on_ordinary_words_and_actors(text: str) -> None:
    assert find_places(text) == []


def test_country_place_by_alpha2_and_alpha3() -> None:
    syria = country_place("SY")
    assert syria is not None
    assert (syria.name, syria.country, syria.precision) == ("Syria", "SY", "country")
    assert country_place("SYR") == syria
    assert 32 < syria.lat < 37 and 35 < syria.lon < 42


def test_country_place_for_every_iso_country_with_coordinates() -> None:
    bolivia = country_place("BOL")
    assert bolivia is not None and bolivia.country == "BO"
    assert country_place("XX") is None


def test_english_places_and_german_only_names() -> None:
    found = [(m.surface, m.place.name) for m in find_places("Talks in Geneva; fighting near Mosul and in Syria.", "en")]
    assert found == [("Geneva", "Geneva"), ("Mosul", "Mosul"), ("Syria", "Syria")]
    assert find_places("The island of Rom, an Island nation.", "en") == []
    assert [m.place.country for m in find_places("Island und Polen", "de")] == ["IS", "PL"]


@pytest.mark.parametrize(
    ("text", "language", "surface", "name", "country"),
    [
        ("Russische Truppen nahmen Wuhledar ein.", "de", "Wuhledar", "Vuhledar", "UA"),
        ("Die Kämpfe um Tschassiw Jar gingen weiter.", "de", "Tschassiw Jar", "Chasiv Yar", "UA"),
        ("Ukrainian troops entered Sudzha.", "en", "Sudzha", "Sudzha", "RU"),
        ("Die Armee rückte in Dschabalija vor.", "de", "Dschabalija", "Jabalia", "PS"),
        ("Jets struck Dahiyeh overnight.", "en", "Dahiyeh", "Dahieh", "LB"),
        ("Die RSF belagern al-Faschir.", "de", "al-Faschir", "El Fasher", "SD"),
        ("Gunmen killed tourists near Pahalgam.", "en", "Pahalgam", "Pahalgam", "IN"),
        ("Bomber trafen die Anlage in Natanz.", "de", "Natanz", "Natanz", "IR"),
        ("Forces retook villages near Makhmour.", "en", "Makhmour", "Makhmour", "IQ"),
    ],
)
def test_towns_of_recent_wars(text: str, language: str, surface: str, name: str, country: str) -> None:
    [mention] = [m for m in find_places(text, language) if m.surface == surface]
    assert (mention.place.name, mention.place.country, mention.place.precision) == (name, country, "city")
