"""Unit tests per stage: normalisation offsets, triggers, modality, casualties, roles and places."""

from __future__ import annotations

from domain.extraction import extract
from domain.extraction.casualties import casualties_in
from domain.extraction.lexicon import get_lexicon
from domain.extraction.normalize import clean, publication_hint
from domain.extraction.sentences import split_sentences

LEX = get_lexicon("de")


PUB = "2016-11-10"


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


def test_casualties() -> None:
    cas = casualties_in(["Bei dem Angriff wurden mindestens 12 Zivilisten getötet"], LEX)
    assert cas is not None and cas.killed == 12 and cas.civilians_killed == 12
    assert casualties_in(["Seit Beginn des Krieges wurden 300.000 Menschen getötet"], LEX) is None
    injured = casualties_in(["Mehr als 20 Menschen wurden verletzt"], LEX)
    assert injured is not None and injured.injured == 20 and injured.killed is None


def test_roles_attacker_target_and_support() -> None:
    text = "Die irakische Armee hat mit Unterstützung der US-Luftwaffe eine Offensive gegen den IS in Mossul begonnen."
    (event,) = extract(text, published_at=PUB)
    roles = {(a.code, a.role) for a in event.actors}
    assert ("IRQ", "attacker") in roles and ("USA", "attacker") in roles and ("ISIL", "target") in roles
    assert event.location is not None and event.location.name == "Mosul"


def test_talks_mediator_and_venue() -> None:
    text = "Vertreter Russlands und der Türkei verhandelten unter Vermittlung der UN in Genf über den Syrien-Krieg."
    (event,) = extract(text, published_at=PUB)
    assert {a.code for a in event.actors if a.role == "participant"} >= {"RUS", "TUR"}
    assert event.location is not None and event.location.name == "Geneva"


def test_nationwide_ceasefire_is_country() -> None:
    text = "Die Konfliktparteien haben sich auf eine landesweite Waffenruhe in Syrien geeinigt, im Krieg ein Novum."
    (event,) = extract(text, published_at=PUB)
    assert event.location is not None and event.location.precision == "country" and event.location.country == "SY"


def test_mutual_vetoes_become_two_events() -> None:
    text = "Russland und Frankreich haben im UN-Sicherheitsrat gegenseitig Resolutionen zum Krieg blockiert."
    events = extract(text, published_at=PUB)
    blockers = {a.code for e in events for a in e.actors if a.role == "blocked_by"}
    assert len(events) == 2 and blockers == {"RUS", "FRA"}


def test_one_offensive_reported_twice_is_one_event() -> None:
    text = (
        "Die syrische Armee hat ihre Offensive auf Aleppo fortgesetzt. "
        "Bei den Luftangriffen auf Aleppo starben 15 Menschen im Krieg."
    )
    events = extract(text, published_at=PUB)
    assert len(events) == 1 and events[0].casualties is not None and events[0].casualties.killed == 15
