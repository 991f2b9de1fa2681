"""Failure classes of the third development round (history, fighters as subjects, English transitive
attacks and tolls, interviews, tickers), each with sentences written for this file."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract

PUB = "2017-03-09"  # a Thursday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


def _roles(event: ConflictEvent) -> dict[str, str]:
    return {a.code: a.role for a in event.actors}


@pytest.mark.parametrize(
    "text",
    [
        "Vor 80 Jahren begann die Schlacht um Kursk. Im Juli 1943 griff die Wehrmacht die sowjetischen Linien an.",
        "Der Roman spielt im Korea des Jahres 1950. Nordkoreanische Truppen griffen die Stellungen im Süden an.",
        "Im Oktober 1973 griffen ägyptische Truppen die israelischen Stellungen am Suezkanal an.",
        "Die Ausstellung erinnert an den Kosovokrieg 1999. Damals bombardierten NATO-Kampfjets Ziele in Belgrad.",
    ],
)
def test_history_is_not_news(text: str) -> None:
    assert not extract(text, published_at=PUB)


def test_a_war_going_on_since_a_distant_year_is_still_news() -> None:
    text = "Seit 2011 herrscht in Syrien Krieg. Rebellen griffen am Dienstag Stellungen der Armee in Daraa an."
    assert len(_of(extract(text, published_at=PUB), "OffensiveLaunched")) == 1


def test_a_recent_year_keeps_the_event() -> None:
    text = "Die Armee hatte Palmyra 2016 verloren. Am Montag griffen Regierungstruppen die Stadt erneut an."
    assert len(_of(extract(text, published_at=PUB), "OffensiveLaunched")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Kämpfer der YPG beschossen am Mittwoch Stellungen der türkischen Armee bei Manbidsch.",
        "Am Mittwoch griffen Kämpfer der YPG einen Posten der türkischen Armee bei Manbidsch an.",
        "Mehrere Kämpfer der YPG griffen am Mittwoch eine türkische Patrouille bei Manbidsch an.",
    ],
)
def test_fighters_of_a_group_as_subject_attack(text: str) -> None:
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert _roles(event).get("SYR-KRD") == "attacker"


def test_fighters_of_a_group_as_object_are_the_target() -> None:
    text = "Türkische Kampfflugzeuge bombardierten am Mittwoch Kämpfer der YPG bei Manbidsch."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert _roles(event) == {"TUR": "attacker", "SYR-KRD": "target"}


def test_english_transitive_attack_with_its_object() -> None:
    text = "Taliban fighters attacked an army checkpoint in Kunduz province on Tuesday, killing at least nine soldiers."
    (event,) = _of(extract(text, published_at=PUB, language="en"), "OffensiveLaunched")
    assert _roles(event) == {"AFG-REB": "attacker", "AFG": "target"}
    assert event.casualties is not None and event.casualties.killed == 9


def test_english_object_state_is_the_target() -> None:
    text = "Islamic State militants attacked Iraqi soldiers near Tikrit on Monday."
    (event,) = _of(extract(text, published_at=PUB, language="en"), "OffensiveLaunched")
    assert _roles(event) == {"ISIL": "attacker", "IRQ": "target"}


def test_english_bombing_with_a_toll_in_the_next_sentence() -> None:
    text = (
        "Saudi warplanes bombed a wedding party in Hodeidah on Wednesday. "
        "At least 31 people were killed, local officials said."
    )
    (event,) = _of(extract(text, published_at=PUB, language="en"), "OffensiveLaunched")
    assert event.location is not None and event.location.name.startswith("Hod")
    assert event.casualties is not None and event.casualties.killed == 31


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Die Neunte Brigade griff am Mittwoch den Flughafen von Misrata an.", "Misrata"),
        ("Bewaffnete Männer griffen am Mittwoch einen Kontrollposten bei Sirte an.", "Sirte"),
        ("Milizen griffen am Mittwoch Stellungen der Regierungstruppen in Misrata an.", "Misrata"),
    ],
)
def test_unknown_armed_group_is_the_countrys_militia(text: str, town: str) -> None:
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.location is not None and event.location.name == town
    assert _roles(event).get("LBY-MIL") == "attacker"


def test_talks_abroad_between_a_government_and_its_rebels() -> None:
    text = (
        "Vertreter der jemenitischen Regierung und der Rebellen setzten am Mittwoch in Stockholm ihre Gespräche fort."
    )
    (talks,) = _of(extract(text, published_at=PUB), "TalksHeld")
    assert {a.code for a in talks.actors} == {"YEM", "YEM-REB"}


def test_an_earlier_round_in_the_pluperfect_is_its_own_event() -> None:
    text = (
        "Vertreter der jemenitischen Regierung und der Rebellen setzten am Mittwoch in Stockholm ihre Gespräche "
        "fort. Vor einer Woche hatten sich die Delegationen bereits in Wien getroffen."
    )
    talks = _of(extract(text, published_at=PUB), "TalksHeld")
    by_place = {t.location.name: t for t in talks if t.location is not None}
    assert set(by_place) == {"Stockholm", "Vienna"}
    vienna = by_place["Vienna"].occurred
    assert vienna is not None and str(vienna.end) < "2017-03-08"


@pytest.mark.parametrize(
    "text",
    [
        "Israel hat nach eigenen Angaben Stellungen der Hamas im Gazastreifen angegriffen.",
        "Die Türkei hat am Mittwoch Ziele der PKK im Nordirak angegriffen.",
    ],
)
def test_state_attacking_a_named_groups_military_objects(text: str) -> None:
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    roles = _roles(event)
    assert "attacker" in roles.values() and "target" in roles.values()


def test_region_of_the_country_does_not_borrow_the_main_town() -> None:
    text = (
        "Hilfswerke warnen vor einer Katastrophe in Idlib. "
        "Schon im Herbst hatten Regierungstruppen den Osten des Landes zurückerobert."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.location is None


def test_season_without_a_year_is_the_latest_one() -> None:
    text = "Im Herbst hatten Regierungstruppen die Stadt Deir ez-Zor zurückerobert."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None
    assert (str(event.occurred.start), str(event.occurred.end)) == ("2016-09-01", "2016-11-30")


def test_the_accuser_is_not_an_attacker() -> None:
    text = "Die Türkei beschuldigt die YPG, am Mittwoch Stellungen der Armee bei Afrin beschossen zu haben."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert "TUR" not in {a.code for a in event.actors if a.role == "attacker"}
    assert _roles(event).get("SYR-KRD") == "attacker"


@pytest.mark.parametrize("credit", ["Foto: dpa", "Bild: Reuters", "(Foto: AFP)"])
def test_trailing_credit_does_not_make_a_paragraph_a_headline(credit: str) -> None:
    text = f"Kurdische Truppen haben am Mittwoch eine Offensive auf die Stadt Rakka begonnen. {credit}"
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Raqqa"


def test_phone_call_about_the_war_country() -> None:
    text = "Der russische Präsident Putin telefonierte am Mittwoch mit seinem iranischen Kollegen Rohani über Syrien."
    (talks,) = _of(extract(text, published_at=PUB), "TalksHeld")
    assert {a.code for a in talks.actors} == {"RUS", "IRN"}


def test_bare_army_is_the_war_states_army() -> None:
    text = "Die Armee brachte am Mittwoch mehrere Dörfer bei Hama unter ihre Kontrolle."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert _roles(event) == {"SYR": "attacker"}
    assert event.location is not None and event.location.name == "Hama"


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Syrian warplanes bombed the town of Maarat al-Numan on Tuesday. "
            "At least 11 civilians, including four children, were killed, activists said.",
            11,
        ),
        ("Government forces stormed the town of Daraya on Tuesday. The assault left at least 19 dead.", 19),
        (
            "Government forces stormed the town of Daraya on Tuesday. "
            "Medics said 12 rebels and seven soldiers were killed.",
            19,
        ),
        (
            "Taliban fighters overran the town of Ghormach on Tuesday.\n\n"
            "At least 23 people were killed in the fighting, officials said.",
            23,
        ),
    ],
)
def test_english_toll_after_the_attack(text: str, killed: int) -> None:
    (event,) = _of(extract(text, published_at=PUB, language="en"), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == killed


def test_german_tolls_of_two_sides_add_up() -> None:
    text = "Regierungstruppen stürmten am Mittwoch die Stadt Daraa. Dabei wurden 14 Rebellen und neun Soldaten getötet."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 23


def test_bare_air_force_is_the_war_states() -> None:
    text = "Die Luftwaffe bombardierte am Mittwoch Stellungen der Rebellen bei Hama."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert _roles(event) == {"SYR": "attacker", "SYR-REB": "target"}


def test_a_day_without_a_year_right_after_a_historic_year_is_history() -> None:
    text = (
        "Im Herbst 1944 hatte die Rote Armee die Grenze Ostpreußens erreicht. "
        "Am 13. Januar begann sie eine Großoffensive auf Königsberg."
    )
    assert not _of(extract(text, published_at=PUB), "OffensiveLaunched")


def test_since_a_distant_event_is_no_history() -> None:
    text = "Erstmals seit ihrem Sturz 2001 haben die Taliban am Montag eine Provinzhauptstadt erobert: Kundus."
    assert len(_of(extract(text, published_at=PUB), "OffensiveLaunched")) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die irakische Armee griff am Mittwoch die Peschmerga bei Kirkuk an.",
            {"IRQ": "attacker", "IRQ-KRD": "target"},
        ),
        (
            "Die türkische Armee griff am Mittwoch gemeinsam mit syrischen Rebellen die Stadt Manbidsch an.",
            {"TUR": "attacker", "SYR-REB": "attacker"},
        ),
    ],
)
def test_party_after_the_finite_verb_is_the_object(text: str, expected: dict[str, str]) -> None:
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert {c: r for c, r in _roles(event).items() if c in expected} == expected


@pytest.mark.parametrize(
    ("text", "kurds"),
    [
        ("Die irakische Armee griff am Mittwoch kurdische Kämpfer bei Tuz Khurmatu an.", "IRQ-KRD"),
        ("Die türkische Armee bombardierte am Mittwoch kurdische Kämpfer in der Provinz Hakkari.", "TUR-REB"),
        ("Die türkische Armee bombardierte am Mittwoch kurdische Kämpfer bei Afrin.", "SYR-KRD"),
    ],
)
def test_kurdish_fighters_belong_to_the_war_country(text: str, kurds: str) -> None:
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert _roles(event).get(kurds) == "target"


def test_years_ago_dates_the_event_a_year_back() -> None:
    text = "Vor einem Jahr hatten Regierungstruppen die Stadt Homs zurückerobert."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None
    assert str(event.occurred.start) < "2016-03-09" < str(event.occurred.end)
