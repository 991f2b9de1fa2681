"""Places stage: where a truce holds — the area or town its sentence names, else the war's theatre
or country, never merely where the article is set (roles.choose_place for ceasefires)."""

from __future__ import annotations

import msgspec

from domain.events import ConflictEvent
from domain.extraction import extract
from domain.extraction.gazetteer_port import DefaultGazetteer
from domain.extraction.lexicon import get_lexicon

PUB_2016_11_10 = "2016-11-10"
PUB_2017_03_09 = "2017-03-09"  # a Thursday
GAZ = DefaultGazetteer()


def _truce_places(text: str, language: str = "de", published_at: str = "2024-02-20") -> list[str | None]:
    events = msgspec.to_builtins(extract(text, published_at=published_at, language=language))
    return [(e["location"] or {}).get("name") for e in events if e["type"] == "CeasefireAnnounced"]


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


def test_every_truce_theatre_resolves() -> None:
    for language in ("de", "en"):
        lex = get_lexicon(language)
        for theatre in lex.truce_theatres.values():
            found = GAZ.country_place(theatre) if len(theatre) == 2 else GAZ.find_places(theatre, language)
            assert found


def test_truce_with_hamas_holds_in_gaza_not_where_the_article_is_set() -> None:
    text = (
        "In Tel Aviv versammelten sich am Sonntag Tausende Menschen. In Tel Aviv und Haifa warteten Familien. "
        "Am Sonntag trat die Waffenruhe zwischen Israel und der Hamas in Kraft."
    )
    places = _truce_places(text)
    assert places and places[0] == "Gaza"


def test_truce_with_hezbollah_holds_in_lebanon() -> None:
    text = "In Haifa heulten die Sirenen. Am Mittwoch trat die Waffenruhe zwischen Israel und der Hisbollah in Kraft."
    assert _truce_places(text) == ["Lebanon"]


def test_truce_naming_its_area_keeps_it() -> None:
    text = "In Haifa heulten die Sirenen. Die Hamas und Israel vereinbarten am Montag eine Waffenruhe für Rafah."
    assert _truce_places(text) == ["Rafaḩ"]


def test_english_truce_with_hamas_without_area() -> None:
    text = (
        "Crowds gathered in Tel Aviv on Sunday as families waited in Tel Aviv and Haifa. "
        "The truce between Israel and Hamas took effect on Sunday."
    )
    places = _truce_places(text, "en")
    assert places and places[0] == "Gaza"


def test_english_truce_for_a_town_holds_there() -> None:
    text = "Shells fell on Haifa again. Israel and Hamas agreed on Monday to a truce for Rafah."
    assert _truce_places(text, "en") == ["Rafaḩ"]


def test_nationwide_ceasefire_is_country() -> None:
    text = "Die Konfliktparteien haben sich auf eine landesweite Waffenruhe in Syrien geeinigt, im Krieg ein Novum."
    (event,) = extract(text, published_at=PUB_2016_11_10)
    assert event.location is not None and event.location.precision == "country" and event.location.country == "SY"


def test_country_centroid_follows_the_common_reference() -> None:
    text = "Die Konfliktparteien im Südsudan haben sich am Mittwoch auf eine landesweite Waffenruhe geeinigt."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")
    assert event.location is not None and event.location.precision == "country"
    assert abs(event.location.lat - 7.86) < 0.1 and abs(event.location.lon - 29.69) < 0.1


def test_truce_without_an_area_holds_for_the_country_not_its_capital() -> None:
    text = (
        "In Kabul explodierte am Montag eine Autobombe. Die Regierung in Kabul reagierte mit Razzien in Kabul. "
        "Die Taliban haben am Mittwoch überraschend eine dreitägige Waffenruhe verkündet."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")
    assert event.location is not None and event.location.precision == "country"
    assert event.location.country == "AF"


def test_truce_without_any_town_holds_for_the_wars_country() -> None:
    text = (
        "In Kolumbien gehen die Kämpfe mit der ELN weiter. Die Regierung und die ELN-Rebellen haben am Montag "
        "eine Waffenruhe verkündet."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")
    assert event.location is not None and event.location.country == "CO" and event.location.precision == "country"


def test_truce_agreed_in_a_town_of_the_war_holds_there() -> None:
    text = (
        "In der jemenitischen Hafenstadt Hodeida haben sich Regierungstruppen und Huthi-Rebellen am Dienstag "
        "auf eine Waffenruhe geeinigt."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")
    assert event.location is not None and event.location.name == "Hodeidah"


def test_ceasefire_area_not_the_venue_and_one_truce_per_article() -> None:
    text = (
        "Die Konfliktparteien haben sich in Genf auf eine Waffenruhe für die Stadt Taiz im Jemen geeinigt. "
        "Die Feuerpause trat am Mittwoch in Kraft, teilten die Vereinten Nationen mit."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "CeasefireAnnounced")
    assert event.location is not None and event.location.name == "Taiz"
