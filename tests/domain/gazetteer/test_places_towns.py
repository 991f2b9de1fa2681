"""Small towns and villages of the active-war countries (GeoNames cities1000, from 1,000 inhabitants):
found in German and English news with their country, German transcriptions of Ukrainian towns
included; the words and names they could be mistaken for stay no place."""

from __future__ import annotations

import pytest

from domain.gazetteer import find_places, place_reference


def _found(text: str, language: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.place.name, m.place.country) for m in find_places(text, language)]


@pytest.mark.parametrize(
    ("text", "surface", "name", "country"),
    [
        ("Russische Truppen griffen Siwersk im Donbass an.", "Siwersk", "Siversk", "UA"),
        ("Bei Sewersk wurde erneut gekämpft.", "Sewersk", "Siversk", "UA"),
        ("Die Stadt Orichiw liegt unter Beschuss.", "Orichiw", "Orikhiv", "UA"),
        ("Die Kämpfe um Welyka Nowosilka dauern an.", "Welyka Nowosilka", "Velyka Novosilka", "UA"),
        ("Westlich von Pokrowsk fiel das Dorf Udatschne.", "Udatschne", "Udachne", "UA"),
        ("Im belagerten Madaya hungern die Menschen.", "Madaya", "Madaya", "SY"),
        ("Raketen schlugen in Metula ein.", "Metula", "Metula", "IL"),
        ("Israelische Angriffe trafen Bint Jbeil im Südlibanon.", "Bint Jbeil", "Bent Jbaïl", "LB"),
        ("Bei Ménaka griffen Dschihadisten an.", "Ménaka", "Ménaka", "ML"),
    ],
)
def test_small_towns_are_found_in_german(text: str, surface: str, name: str, country: str) -> None:
    assert (surface, name, country) in _found(text, "de")


@pytest.mark.parametrize(
    ("text", "surface", "name", "country"),
    [
        ("Russian forces attacked Siversk on Monday.", "Siversk", "Siversk", "UA"),
        ("Shelling hit Orikhiv overnight.", "Orikhiv", "Orikhiv", "UA"),
        ("Troops advanced on Novohrodivka near Pokrovsk.", "Novohrodivka", "Novohrodivka", "UA"),
        ("Residents of Madaya are starving.", "Madaya", "Madaya", "SY"),
        ("Government forces entered Daraya.", "Daraya", "Dārayyā", "SY"),
        ("An air strike hit Beit Lahia in northern Gaza.", "Beit Lahia", "Bayt Lāhyā", "PS"),
        ("Clashes broke out at the Qalandiya checkpoint.", "Qalandiya", "Qalandiyā", "PS"),
        ("Soldiers raided Abu Dis at dawn.", "Abu Dis", "Abū Dīs", "PS"),
        ("Families fled to Hammam al-Alil south of Mosul.", "Hammam al-Alil", "Hammam al-Alil", "IQ"),
    ],
)
def test_small_towns_are_found_in_english(text: str, surface: str, name: str, country: str) -> None:
    assert (surface, name, country) in _found(text, "en")


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Die Grünen und die Farbe Grün spielten keine Rolle.", "de", "Grün"),  # the village Hrun' (Grun')
        ("Angriffe auf die Siedlung Krasna Hora dauern an.", "de", "Krasna"),  # in many village names
        ("Im Bezirk Hamra in Beirut blieb es ruhig.", "de", "Hamra"),
        ("Der Fluss Siwerskyj Donez trennt die Städte.", "de", "Donez"),
        ("Thousands waited at Bab al-Salama on the border.", "en", "Salama"),
        ("Ivanivka is the name of dozens of villages.", "en", "Ivanivka"),
    ],
)
def test_look_alike_words_and_name_parts_are_no_towns(text: str, language: str, word: str) -> None:
    assert word not in {m.surface for m in find_places(text, language)}


def test_a_small_town_has_its_geonames_id_and_division() -> None:
    reference = place_reference("Orikhiv", "UA")
    assert reference is not None and reference.geonameid == 698428 and reference.admin1.startswith("UA.")


def test_a_city_wins_over_a_village_of_the_same_form() -> None:
    [mention] = find_places("Der Angriff auf Pokrowsk begann im Sommer.", "de")
    assert (mention.place.name, mention.place.country) == ("Pokrovsk", "UA")
    assert mention.place.lat == pytest.approx(48.28, abs=0.1)
