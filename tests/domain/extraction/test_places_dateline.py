"""Places stage: the wire dateline's city (roles.dateline_city) and when talks take it as their venue."""

from __future__ import annotations

import msgspec
import pytest

from domain.extraction import extract, roles
from domain.extraction.gazetteer_port import DefaultGazetteer
from domain.extraction.lexicon import get_lexicon
from domain.extraction.normalize import clean

GAZ = DefaultGazetteer()


def _city(text: str, language: str) -> str | None:
    place = roles.dateline_city(text, GAZ, get_lexicon(language))
    return place.name if place else None


def _places(text: str, language: str, event_type: str) -> list[str | None]:
    events = msgspec.to_builtins(extract(text, published_at="2016-02-20", language=language))
    return [(e["location"] or {}).get("name") for e in events if e["type"] == event_type]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Talks stall again\n\nGENEVA Envoys of both sides met on Monday.", "Geneva"),
        ("\nMUNICH – Ministers of twenty states talked all night.", "Munich"),
        ("\nMOGADISHU, Somalia (AP) — Troops ended a siege on Sunday.", "Mogadishu"),
        ("\nBAKU/YEREVAN A new wave of fighting broke out on Saturday.", "Baku"),
        ("\nNEW YORK A union reached a deal on Sunday.", "New York City"),
        ("U.S. and EU firms warn of trouble\n\nSome text follows here.", None),
    ],
)
def test_english_dateline_city(text: str, city: str | None) -> None:
    assert _city(text, "en") == city


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Überschrift\n\nKiew/Moskau (dpa) – Die Armee meldete am Montag neue Angriffe.", "Kyiv"),
        ("Überschrift\n\nGenf (AFP) – Die Delegationen trafen sich am Montag.", "Geneva"),
        ("Ukraine-Krieg – Die Lage am Montag\n\nDie Armee meldete neue Angriffe.", None),
    ],
)
def test_german_dateline_city(text: str, city: str | None) -> None:
    assert _city(text, "de") == city


def test_talks_without_venue_are_held_at_a_venue_dateline() -> None:
    text = (
        "Syria talks open\n\nGENEVA The United Nations envoy opened peace talks between the Syrian government "
        "and the opposition on Monday. Shelling went on around Aleppo and Homs."
    )
    assert _places(text, "en", "TalksHeld") == ["Geneva"]


def test_a_bureau_dateline_abroad_is_not_the_talks_venue() -> None:
    text = (
        "Truce hopes\n\nBEIRUT Syrian government officials held talks with rebel commanders on Monday, "
        "a monitor said. Shelling went on around Aleppo and Homs."
    )
    assert _places(text, "en", "TalksHeld") == [None]


def test_an_offensive_never_takes_the_dateline() -> None:
    text = "Army advances\n\nBEIRUT Syrian government forces launched an offensive on Palmyra on Saturday."
    assert _places(text, "en", "OffensiveLaunched") == ["Palmyra"]


def test_wire_credit_line_is_blanked_with_offsets_kept() -> None:
    text = "Troops advanced on Palmyra.\n\nJane Doe in Moscow and John Roe in Geneva contributed to this report.\n"
    out = clean(text)
    assert len(out) == len(text)
    assert "Moscow" not in out and "Geneva" not in out
    assert "Troops advanced on Palmyra." in out


def test_a_dateline_with_an_agency_and_no_dash_is_where_the_reporter_is() -> None:
    text = (
        "Beirut (AFP) In Syrien sind die von russischen Luftangriffen unterstützten Regierungstruppen am Freitag "
        "südlich von Aleppo vorgerückt."
    )
    assert _city(text, "de") == "Beirut"
    assert clean(text).startswith(" " * len("Beirut (AFP) "))
    (event,) = msgspec.to_builtins(extract(text, published_at="2015-10-16", language="de"))
    assert {(a["code"], a["role"]) for a in event["actors"]} == {("RUS", "attacker"), ("SYR", "attacker")}
    assert event["location"]["name"] == "Aleppo"
