"""Places stage: where a truce holds when its sentence names no area (roles.choose_place for ceasefires)."""

from __future__ import annotations

import msgspec

from domain.extraction import extract
from domain.extraction.gazetteer_port import DefaultGazetteer
from domain.extraction.lexicon import get_lexicon

GAZ = DefaultGazetteer()


def _truce_places(text: str, language: str = "de", published_at: str = "2024-02-20") -> list[str | None]:
    events = msgspec.to_builtins(extract(text, published_at=published_at, language=language))
    return [(e["location"] or {}).get("name") for e in events if e["type"] == "CeasefireAnnounced"]


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
