"""Triggers: which words state an offensive, talks or a blocked resolution at all, and the same
words in another sense (business, crime, unrest, debate, a verbal attack, a hit, decisions, crowds);
sentences written for these tests."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent, OffensiveLaunched, TalksHeld
from domain.extraction import extract

PUB_2016_11_10 = "2016-11-10"  # a Thursday
PUB_2017_03_09 = "2017-03-09"  # a Thursday
PUB_2025_01_28 = "2025-01-28"
PUB_2025_02_23 = "2025-02-23"


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


_KRIEG = "Krieg in der Region\n\n"  # a headline, so that the article is about a conflict


def _roles(event: ConflictEvent) -> dict[str, str]:
    return {a.code: a.role for a in event.actors}


def _offensives(text: str) -> list[OffensiveLaunched]:
    return [e for e in extract(text, published_at=PUB_2025_01_28) if isinstance(e, OffensiveLaunched)]


CONTEXT = "Israel und die Hisbollah liefern sich im Libanon weiter Gefechte. "


def _talks(text: str) -> list[TalksHeld]:
    return [e for e in extract(CONTEXT + text, published_at=PUB_2025_02_23) if isinstance(e, TalksHeld)]


def test_present_tense_offensive_verbs() -> None:
    for text in (
        "Seit Tagen bombardieren Kampfjets der Armee die Rebellenhochburg Daraa im Süden Syriens.",
        "Regierungstruppen rücken im Krieg gegen die Rebellen auf die Stadt Hama vor.",
        "Die Armee hat die Stadt Ramadi nach schweren Kämpfen unter ihre Kontrolle gebracht.",
    ):
        assert _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched"), text


def test_advance_in_the_past_tense_is_an_offensive() -> None:
    text = "Die Kämpfe waren am Montag ausgebrochen, als Milizen aus Misrata in die Vororte von Sirte vorrückten."
    assert len(_of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")) == 1


def test_fighting_for_a_place_goes_on() -> None:
    text = "Die Kämpfe um die Stadt Tal Afar dauern an."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert event.location is not None and event.location.country == "IQ"


@pytest.mark.parametrize(
    "text",
    [
        "Die Huthi-Rebellen rückten weiter nach Süden vor. Am Mittwoch nahmen sie den Luftwaffenstützpunkt "
        "al-Anad ein, auf dem bis vor kurzem US-Soldaten stationiert waren.",
        "Im Krieg gegen den IS nahm die Kurdenmiliz YPG am Dienstag die Stadt Manbidsch ein.",
    ],
)
def test_taking_a_base_or_town_is_a_capture(text: str) -> None:
    events = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert len(events) == 1 and events[0].occurred is not None and events[0].occurred.text is not None


def test_taking_a_position_in_a_debate_is_no_capture() -> None:
    text = "Im Streit um den Krieg in Syrien nahm die Bundesregierung am Dienstag eine abwartende Haltung ein."
    assert not _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")


def test_military_advance_is_an_offensive_but_a_political_one_is_not() -> None:
    text = (
        "Truppen des Generals Haftar haben am Mittwoch in Derna einen neuen Vorstoß "
        "gegen islamistische Milizen gestartet."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert _roles(event).get("LBY-MIL") == "attacker"
    assert not extract(
        "Die Grünen haben am Mittwoch einen Vorstoß gegen Kinderarmut gestartet.", published_at=PUB_2017_03_09
    )


def test_verbal_attack_is_no_offensive() -> None:
    assert not extract("Erdogan hat die EU und die PKK am Mittwoch scharf angegriffen.", published_at=PUB_2017_03_09)


def test_armed_guards_are_no_attack() -> None:
    assert not extract("Bewaffnete bewachten am Mittwoch das Ölterminal in Sirte.", published_at=PUB_2017_03_09)


def test_business_metaphors_are_not_offensives() -> None:
    for text in (
        "Der Konzern eroberte im vergangenen Quartal Marktanteile in Frankreich.",
        "Der Händler startete eine Preisoffensive in Polen.",
    ):
        assert _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched") == [], text


def test_english_crime_is_not_a_conflict_event() -> None:
    text = "Police said a gunman attacked a school in Ohio on Monday, killing two people."
    assert not extract(text, published_at=PUB_2017_03_09, language="en")


def test_rioters_storming_embassies_are_no_offensive() -> None:
    text = (
        "Im Osten des Kongo kämpfen Rebellen gegen die Armee. Bei Ausschreitungen in Kinshasa sind am Dienstag "
        "die Botschaften Frankreichs, Belgiens und der USA von Demonstranten angegriffen worden."
    )
    assert not _offensives(text)


def test_talks_phrasings() -> None:
    for text in (
        "Am Rande des Gipfels in Brüssel kamen am Dienstag die Außenminister Russlands und der USA zum Krieg in "
        "Syrien zusammen.",
        "Bereits am Montag hatten Putin und Obama in New York über den Krieg in Syrien gesprochen.",
    ):
        assert _of(extract(text, published_at=PUB_2016_11_10), "TalksHeld"), text


def test_phone_call_with_congratulations_is_still_talks() -> None:
    text = "Putin gratulierte Assad am Sonntag in einem Telefonat zur Einnahme der Stadt."
    assert len(_of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "TalksHeld")) == 1


def test_not_talks() -> None:
    for text in (
        "Die Kampfjets trafen im Krieg nach Armeeangaben zwölf Ziele der Miliz.",
        "Der Fahrplan für die Gespräche zum Krieg in Syrien geht auf eine UN-Resolution zurück.",
        "Der Vermittler will nach Sanaa reisen, um die Gespräche über den Krieg im Jemen zu retten.",
    ):
        assert not _of(extract(text, published_at=PUB_2016_11_10), "TalksHeld"), text


def test_hit_split_by_quotation_marks_is_no_meeting() -> None:
    text = 'Die Armee Israels habe "nahezu alle iranischen Stellungen" in Syrien getroffen, sagte ein Sprecher.'
    assert not _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")


def test_precautions_taken_are_no_meeting() -> None:
    text = "Im Kongo wird gekämpft. Die Botschaft in Kinshasa hat am Montag Vorsorgemaßnahmen getroffen."
    assert not [e for e in extract(text, published_at=PUB_2025_01_28) if isinstance(e, TalksHeld)]


@pytest.mark.parametrize(
    "text",
    [
        'Der Libanon sei ein souveränes Land, "und wir treffen unsere eigenen Entscheidungen", sagte der Premier.',
        "Die israelische Regierung traf am Sonntag Vorkehrungen für einen längeren Einsatz im Libanon.",
    ],
)
def test_making_decisions_is_not_meeting(text: str) -> None:
    assert not _talks(text)


def test_a_crowd_gathering_is_no_meeting_of_parties() -> None:
    text = (
        "In Beirut sind am Sonntag Zehntausende Menschen zusammengekommen, "
        "um von Hisbollah-Chef Nasrallah Abschied zu nehmen."
    )
    assert not _talks(text)


@pytest.mark.parametrize(
    "text",
    [
        "Der iranische Außenminister hatte die Bereitschaft zu erneuten Atomverhandlungen mit den USA signalisiert.",
        "Israel lehnte am Sonntag den Aufruf zu Gesprächen mit der Hisbollah ab.",
    ],
)
def test_readiness_or_calls_for_talks_are_no_talks(text: str) -> None:
    assert not _talks(text)


def test_a_meeting_of_parties_is_still_talks() -> None:
    text = (
        "Der libanesische Premier und US-Außenminister Rubio trafen sich am Sonntag in Beirut "
        "zu Gesprächen über die Waffenruhe."
    )
    (talks,) = _talks(text)
    assert {a.code for a in talks.actors} >= {"LBN", "USA"}


def test_attackers_hitting_a_substation_did_not_meet() -> None:
    text = "Russische Raketen schlugen ein, die Angreifer trafen am Sonntag unweit des Bahnhofs eine Umspannstation."
    assert not _talks(text)


def test_security_council_session_is_not_talks() -> None:
    text = (
        "Der UN-Sicherheitsrat kam am Mittwoch zu einer Dringlichkeitssitzung über Syrien zusammen. "
        "China legte ein Veto gegen den Resolutionsentwurf ein."
    )
    events = extract(text, published_at=PUB_2017_03_09)
    assert not _of(events, "TalksHeld")
    assert len(_of(events, "ResolutionBlocked")) == 1


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Russland hat im UN-Sicherheitsrat am Dienstag Sanktionen gegen Nordkorea blockiert.", "de"),
        ("Russia on Tuesday blocked sanctions against North Korea in the UN Security Council.", "en"),
    ],
)
def test_sanctions_blocked_in_the_council_are_a_blocked_resolution(text: str, language: str) -> None:
    (event,) = _of(extract(text, published_at=PUB_2017_03_09, language=language), "ResolutionBlocked")
    assert "RUS" in {a.code for a in event.actors if a.role == "blocked_by"}


def test_sanctions_blocked_elsewhere_are_no_resolution() -> None:
    text = "Ungarn hat in der EU neue Sanktionen gegen Russland wegen des Krieges in der Ukraine blockiert."
    assert not _of(extract(text, published_at=PUB_2017_03_09), "ResolutionBlocked")


@pytest.mark.parametrize(
    "text",
    [
        "Der Berater ist ein früherer Offizier, der schon den Präsidenten Obama in Fragen Irans beriet.",
        "Seit Jahren berät sie die Regierung Israels in Sicherheitsfragen.",
    ],
)
def test_advising_a_government_is_no_talks(text: str) -> None:
    assert _talks(text) == []


def test_ministers_conferring_are_talks() -> None:
    assert _talks("Die Außenminister Israels und der USA berieten am Freitag in Jerusalem über die Lage.")


@pytest.mark.parametrize(
    "text",
    [
        "Hungernde Menschen haben in Gaza mehrere Lastwagen mit Hilfsgütern gestürmt und geplündert.",
        "Eine Menschenmenge hat in der Stadt ein Lagerhaus der Vereinten Nationen gestürmt.",
    ],
)
def test_a_crowd_storming_and_looting_is_no_offensive(text: str) -> None:
    assert _offensives(_KRIEG + text) == []


def test_english_crowd_storming_and_looting_is_no_offensive() -> None:
    text = "War in the region\n\nA hungry crowd stormed and looted aid lorries in Gaza on Friday."
    events = extract(text, published_at=PUB_2025_01_28, language="en")
    assert [e for e in events if isinstance(e, OffensiveLaunched)] == []


def test_a_standing_mediator_role_is_no_talks() -> None:
    assert _talks("Ägypten war bisher als Vermittler in den Gesprächen über die Gefangenen aktiv.") == []


def test_english_standing_mediator_role_is_no_talks() -> None:
    text = "Fighting in Gaza went on.\n\nEgypt has long acted as a mediator in the talks between Israel and Hamas."
    events = extract(text, published_at=PUB_2025_02_23, language="en")
    assert [e for e in events if isinstance(e, TalksHeld)] == []


def test_a_mediator_meeting_the_parties_is_talks() -> None:
    assert _talks("Als Vermittler traf der Außenminister Ägyptens am Freitag in Kairo Vertreter Israels.")


def test_attacks_in_a_cumulative_death_toll_report_no_offensive() -> None:
    text = (
        "Seit Oktober sind mehr als 200 Kurden von türkischen Soldaten getötet worden, "
        "die meisten bei Angriffen auf Armeeposten."
    )
    assert not _of(extract(text, published_at=PUB_2016_11_10, language="de"), "OffensiveLaunched")


def test_a_truce_that_lasted_a_stated_time_was_agreed_however_it_ended() -> None:
    text = (
        "Krieg im Jemen\n\nEine Waffenruhe zwischen den Huthi und der Regierung hatte zehn Tage angedauert, "
        "wurde dann aber am Montag gebrochen."
    )
    assert _of(extract(text, published_at=PUB_2016_11_10, language="de"), "CeasefireAnnounced")


@pytest.mark.parametrize(
    "text",
    [
        "Kämpfer der M23 sind am Montag in die Stadt Goma eingedrungen.",
        "Am Montag drangen Kämpfer der M23 in die Stadt Goma ein.",
    ],
)
def test_forcing_a_way_into_a_town_is_an_offensive(text: str) -> None:
    (event,) = _of(
        extract("Krieg im Kongo\n\n" + text, published_at=PUB_2025_01_28, language="de"), "OffensiveLaunched"
    )
    assert event.location is not None and event.location.name == "Goma"


def test_a_host_receiving_a_leader_held_talks() -> None:
    text = "Krieg in der Ukraine\n\nDer französische Präsident Macron empfing Selenskyj am Montag im Élysée-Palast."
    (event,) = _of(extract(text, published_at=PUB_2025_01_28, language="de"), "TalksHeld")
    assert {a.code for a in event.actors} == {"FRA", "UKR"}


def test_receiving_goods_is_no_talks() -> None:
    text = "Krieg in der Ukraine\n\nDie Ukraine hat am Montag Waffen aus Deutschland empfangen."
    assert not _of(extract(text, published_at=PUB_2025_01_28, language="de"), "TalksHeld")


def test_a_draft_not_adopted_because_of_a_veto_was_blocked() -> None:
    text = (
        "Krieg in Gaza\n\nDer Sicherheitsrat hat eine Resolution für eine Waffenruhe im Gazastreifen wegen eines "
        "Vetos der USA nicht verabschiedet."
    )
    (event,) = _of(extract(text, published_at=PUB_2025_01_28, language="de"), "ResolutionBlocked")
    assert ("USA", "blocked_by") in {(a.code, a.role) for a in event.actors}


def test_a_drone_that_hit_a_building_is_no_meeting() -> None:
    text = (
        "Russland greift die Ukraine an. Nach Angaben des Bürgermeisters traf eine russische Drohne eine "
        "medizinische Einrichtung in Charkiw."
    )
    assert [type(e).__name__ for e in extract(text, published_at="2024-06-04") if type(e).__name__ == "TalksHeld"] == []


def test_people_killed_by_a_weapon_report_an_attack() -> None:
    text = "Krieg in der Ukraine\n\nIm Gebiet Charkiw sind zwei Männer durch eine russische Drohne getötet worden."
    (event,) = [e for e in extract(text, published_at="2024-11-28") if type(e).__name__ == "OffensiveLaunched"]
    assert {a.code for a in event.actors} == {"RUS"}


def test_a_weapon_with_no_harm_reports_no_attack() -> None:
    text = "Krieg in der Ukraine\n\nDie Armee verteidigt sich durch Drohnen und Artillerie gegen russische Truppen."
    assert not [e for e in extract(text, published_at="2024-11-28") if type(e).__name__ == "OffensiveLaunched"]


@pytest.mark.parametrize("noun", ["Sturmangriffe", "Gegenangriff", "Vergeltungsangriffe", "Frühjahrsoffensive"])
def test_a_compound_with_a_military_first_part_is_an_offensive(noun: str) -> None:
    (event,) = _offensives(f"Russische Truppen haben am Dienstag bei Bachmut {noun} gestartet.")
    assert _roles(event) == {"RUS": "attacker"}


@pytest.mark.parametrize(
    "text",
    [
        "Die Unterhändler Israels und der Hisbollah haben bei ihrem Treffen am Montag in Beirut vereinbart, "
        "Gefangene auszutauschen.",
        "Unter Vermittlung der Vereinten Nationen trafen sich Vertreter Israels und der Hisbollah am Montag in Genf.",
        "Am Montag setzten sich Unterhändler Israels und der Hisbollah in Genf erstmals zusammen.",
    ],
)
def test_talks_beside_words_that_begin_like_verein_or_with_sich_zusammensetzen(text: str) -> None:
    (event,) = _talks(text)
    assert {"ISR", "HEZ"} <= {a.code for a in event.actors}


@pytest.mark.parametrize(
    "text",
    [
        "Am Montag traf einer der nächtlichen Luftangriffe Israels ein Wohngebiet der Hisbollah im Süden.",
        "Der Angriff der Hisbollah galt einer Gruppe von Menschen, die zusammengekommen war, um auf Hilfe zu warten.",
    ],
)
def test_a_strike_that_hit_or_a_crowd_that_gathered_holds_no_talks(text: str) -> None:
    assert _talks(text) == []


def test_an_advance_told_by_vorstossen_is_an_offensive_and_the_demonym_of_a_border_region_is_no_attacker() -> None:
    text = "Russische Truppen sind in die ukrainische Grenzregion Sumy vorgestoßen, teilte die Armee mit."
    events = _of(extract(text, published_at="2025-05-14", language="de"), "OffensiveLaunched")
    assert len(events) == 1
    assert {a.code: a.role for a in events[0].actors if a.role == "attacker"} == {"RUS": "attacker"}
