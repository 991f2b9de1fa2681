"""Failure classes of the second development round (h016-h030, heldout2), each with sentences
written for this file (not taken from any evaluation article)."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract

PUB = "2017-03-09"  # a Thursday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


def _codes(event: ConflictEvent) -> set[str]:
    return {a.code for a in event.actors}


def test_earlier_capture_by_the_other_side_is_its_own_event() -> None:
    text = (
        "Die irakische Armee hat am Mittwoch mit einer Gegenoffensive auf Ramadi begonnen. "
        "Die Soldaten rückten mit Unterstützung von US-Kampfflugzeugen in die Vororte vor. "
        "Die Dschihadisten des IS hatten Ramadi am vergangenen Sonntag in einem Großangriff überrannt."
    )
    events = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert len(events) == 2
    assert sorted(str(e.occurred.start) for e in events if e.occurred) == ["2017-03-05", "2017-03-08"]


def test_earlier_truce_agreed_weeks_ago_is_not_todays() -> None:
    text = (
        "Die Regierung Malis und die Tuareg-Rebellen haben sich auf eine neue Waffenruhe geeinigt. "
        "Mitte Januar hatten Mali und die Tuareg-Rebellen bereits eine Feuerpause beschlossen, die nie hielt."
    )
    events = _of(extract(text, published_at=PUB), "CeasefireAnnounced")
    assert len(events) == 2


def test_truce_without_an_area_holds_for_the_country_not_its_capital() -> None:
    text = (
        "In Kabul explodierte am Montag eine Autobombe. Die Regierung in Kabul reagierte mit Razzien in Kabul. "
        "Die Taliban haben am Mittwoch überraschend eine dreitägige Waffenruhe verkündet."
    )
    (event,) = _of(extract(text, published_at=PUB), "CeasefireAnnounced")
    assert event.location is not None and event.location.precision == "country"
    assert event.location.country == "AF"


def test_truce_agreed_in_a_town_of_the_war_holds_there() -> None:
    text = (
        "In der jemenitischen Hafenstadt Hodeida haben sich Regierungstruppen und Huthi-Rebellen am Dienstag "
        "auf eine Waffenruhe geeinigt."
    )
    (event,) = _of(extract(text, published_at=PUB), "CeasefireAnnounced")
    assert event.location is not None and event.location.name == "Hodeidah"


def test_country_centroid_follows_the_common_reference() -> None:
    text = "Die Konfliktparteien im Südsudan haben sich am Mittwoch auf eine landesweite Waffenruhe geeinigt."
    (event,) = _of(extract(text, published_at=PUB), "CeasefireAnnounced")
    assert event.location is not None and event.location.precision == "country"
    assert abs(event.location.lat - 7.86) < 0.1 and abs(event.location.lon - 29.69) < 0.1


def test_islamists_outside_syria_and_iraq_are_the_states_rebels() -> None:
    text = (
        "Islamistische Kämpfer haben am Dienstag die Stadt Kidal im Norden Malis angegriffen. "
        "Die Armee Malis schickte Verstärkung."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert "MLI-REB" in _codes(event) and "ISIL" not in _codes(event)


def test_islamists_in_syria_are_the_islamic_state() -> None:
    text = "Islamisten haben am Dienstag Stellungen der syrischen Armee bei Palmyra angegriffen."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert "ISIL" in _codes(event)


def test_bare_militias_of_a_war_without_sides_are_its_militias() -> None:
    text = (
        "In Libyen dauern die Kämpfe zwischen rivalisierenden Gruppen an. In der Stadt Misrata haben sich die "
        "verfeindeten Milizen am Dienstag auf eine Waffenruhe geeinigt."
    )
    (event,) = _of(extract(text, published_at=PUB), "CeasefireAnnounced")
    assert "LBY-MIL" in _codes(event)


def test_city_named_without_its_city_suffix_is_found() -> None:
    text = "Islamistische Kämpfer haben am Dienstag Teile der Stadt Marawi im Süden der Philippinen überrannt."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.location is not None and event.location.country == "PH" and event.location.precision == "city"
    assert "PHL-REB" in _codes(event)


def test_main_clause_date_dates_the_advance_in_its_when_clause() -> None:
    text = "Die Kämpfe waren am 26. Februar ausgebrochen, als Milizen aus Misrata in die Vororte von Sirte vorrückten."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None and str(event.occurred.start) == "2017-02-26"


def test_offensive_in_a_country_takes_the_town_named_next_to_it() -> None:
    text = (
        "Französische Kampfjets haben in der Nacht Ziele in Mali bombardiert. "
        "Getroffen wurden nach Angaben der Armee Stellungen der Islamisten bei Gao."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Gao"


def test_offensive_in_a_country_without_a_town_has_no_place() -> None:
    text = "Französische Kampfjets haben in der Nacht Ziele der Islamisten in Mali bombardiert."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.location is None


def test_talks_in_a_country_keep_the_country() -> None:
    text = "Die Regierung Jemens und die Huthi-Rebellen haben am Donnerstag in Schweden über einen Frieden verhandelt."
    (event,) = _of(extract(text, published_at=PUB), "TalksHeld")
    assert event.location is not None and event.location.country == "SE"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Armee hat am Montag Mossul angegriffen, dabei wurden mehr als 1.500 Kämpfer getötet.", "de"),
        ("Iraqi troops attacked Mosul on Monday and killed more than 1,500 fighters.", "en"),
    ],
)
def test_thousands_separators_in_tolls(text: str, language: str) -> None:
    (event,) = _of(extract(text, published_at=PUB, language=language), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 1500


def test_toll_two_sentences_after_the_attack_in_the_same_paragraph() -> None:
    text = (
        "In der Nacht zum Mittwoch bombardierten Kampfflugzeuge Stellungen der Rebellen in Idlib. "
        "Getroffen wurden auch ein Markt und eine Schule. "
        "Nach Angaben von Helfern wurden mindestens 23 Zivilisten getötet."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 23


def test_toll_in_the_next_paragraph_or_after_another_attack_is_not_taken() -> None:
    text = (
        "In der Nacht zum Mittwoch bombardierten Kampfflugzeuge Stellungen der Rebellen in Idlib.\n\n"
        "Nach Angaben von Helfern wurden im vergangenen Jahr 2300 Zivilisten getötet."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.casualties is None


def test_personal_pronoun_subject_is_the_previous_subject() -> None:
    text = (
        "Die Huthi-Rebellen setzten ihren Vormarsch nach Süden fort. "
        "Am Mittwoch eroberten sie den Flughafen von Taiz, auf dem bis vor kurzem saudische Berater waren."
    )
    events = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert events and all(("YEM-REB", "attacker") in {(a.code, a.role) for a in e.actors} for e in events)
    assert not any(("SAU", "attacker") in {(a.code, a.role) for a in e.actors} for e in events)


def test_pronoun_object_is_no_subject() -> None:
    text = "Die Rebellen zogen sich nach Idlib zurück. Die syrische Armee griff sie am Mittwoch dort an."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert ("SYR", "attacker") in {(a.code, a.role) for a in event.actors}


def test_demonstrative_subject_is_the_last_party_named() -> None:
    text = (
        "Die Taliban antworteten damit auf ein Angebot von Präsident Aschraf Ghani. "
        "Dieser hatte am Dienstag eine einseitige Waffenruhe gegenüber den Taliban verkündet."
    )
    events = _of(extract(text, published_at=PUB), "CeasefireAnnounced")
    assert any(("AFG", "announced_by") in {(a.code, a.role) for a in e.actors} for e in events)


def test_earlier_truce_by_the_other_side_is_its_own_event() -> None:
    text = (
        "Die Taliban haben überraschend eine dreitägige Waffenruhe in Afghanistan verkündet. "
        "Präsident Aschraf Ghani hatte bereits am Dienstag eine einseitige Waffenruhe der Regierung verkündet."
    )
    assert len(_of(extract(text, published_at=PUB), "CeasefireAnnounced")) == 2


def test_talks_mentioned_again_without_a_venue_are_the_same_round() -> None:
    text = (
        "Die Außenminister Russlands und der Ukraine haben am Mittwoch in Berlin über den Krieg im Donbass "
        'verhandelt. "Es gibt Fortschritte", sagte Lawrow nach dem Gespräch mit seinem ukrainischen Kollegen. '
        "Die Kontaktgruppe soll sich am Freitag in Minsk treffen."
    )
    (event,) = _of(extract(text, published_at=PUB), "TalksHeld")
    assert event.location is not None and event.location.name == "Berlin"


def test_dateline_day_pins_a_month_only_publication_date() -> None:
    text = (
        "MOSKAU/ERIWAN, 5. April. Armenien und Aserbaidschan haben sich am Dienstag auf eine Waffenruhe für "
        "Nagornyj Karabach geeinigt."
    )
    (event,) = _of(extract(text, published_at="2016-04"), "CeasefireAnnounced")
    assert event.occurred is not None and event.occurred.precision == "day"
    assert str(event.occurred.start) == "2016-04-05"


def test_dateline_of_another_month_does_not_pin() -> None:
    text = "MOSKAU, 5. Mai. Armenien und Aserbaidschan haben sich auf eine Waffenruhe für Nagornyj Karabach geeinigt."
    (event,) = _of(extract(text, published_at="2016-04"), "CeasefireAnnounced")
    assert event.occurred is not None and event.occurred.precision == "month"


def test_offensive_without_a_place_takes_the_wars_place() -> None:
    text = (
        "In Nagornyj Karabach sind die schwersten Kämpfe seit Jahren ausgebrochen. "
        "Aserbaidschanische Truppen griffen am Samstag an mehreren Abschnitten der Frontlinie an."
    )
    events = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert events and all(e.location is not None and e.location.name == "Nagorno-Karabakh" for e in events)


def test_undated_advance_continues_the_offensive_begun_before() -> None:
    text = (
        "Die irakische Armee hatte Mitte Januar mit Unterstützung der USA eine Offensive auf Mossul begonnen. "
        "Seither rückten die Regierungstruppen Viertel um Viertel vor."
    )
    assert len(_of(extract(text, published_at=PUB), "OffensiveLaunched")) == 1


def test_talks_venue_from_the_sentence_telling_where_it_took_place() -> None:
    text = (
        "Nach monatelangen Verhandlungen unter UN-Vermittlung haben Vertreter der Regierung Jemens und der "
        "Huthi-Rebellen ein Abkommen unterzeichnet. Die Zeremonie fand in der schwedischen Stadt Stockholm statt."
    )
    (event,) = _of(extract(text, published_at=PUB), "TalksHeld")
    assert event.location is not None and event.location.name == "Stockholm"


def test_talks_venue_from_the_lead_two_sentences_before() -> None:
    text = (
        "Die Unterstützergruppe hat sich in München auf eine Waffenruhe für Syrien verständigt. Ob sie hält, ist "
        "offen. Nach stundenlangen Verhandlungen haben sich die Außenminister Russlands und der USA auf eine "
        "landesweite Feuerpause für Syrien geeinigt."
    )
    events = _of(extract(text, published_at=PUB), "TalksHeld")
    assert events and all(e.location is not None and e.location.name == "Munich" for e in events)


@pytest.mark.parametrize(
    ("text", "language", "start", "end"),
    [
        ("Die PKK hatte im Frühjahr 2013 eine Waffenruhe mit der Türkei ausgerufen.", "de", "2013-03-01", "2013-05-31"),
        (
            "Im Winter 2014 hatten die Separatisten eine Feuerpause mit der Ukraine verkündet.",
            "de",
            "2014-12-01",
            "2015-02-28",
        ),
        ("The PKK declared a ceasefire with Turkey in the spring of 2013.", "en", "2013-03-01", "2013-05-31"),
    ],
)
def test_season_and_year_date_a_past_event(text: str, language: str, start: str, end: str) -> None:
    # published within two years of the event: older ones are history, not news (test_failure_classes_3)
    (event,) = _of(extract(text, published_at="2015-06-09", language=language), "CeasefireAnnounced")
    assert event.occurred is not None
    assert (str(event.occurred.start), str(event.occurred.end)) == (start, end)


def test_date_of_a_relative_clause_about_the_place_is_not_the_events() -> None:
    text = (
        "Am Donnerstag rückten kurdische Kämpfer auf die Stadt Sindschar vor, die seit August 2014 von der "
        "Terrormiliz IS kontrolliert wird."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None and str(event.occurred.start) == "2017-03-09"


def test_relative_clause_right_after_the_offensive_dates_it() -> None:
    text = "Die irakische Armee hat ihre Offensive auf Mossul, die am 17. Oktober begann, fortgesetzt."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None and str(event.occurred.start) == "2016-10-17"


def test_strike_named_in_another_country_is_not_merged_into_the_campaign() -> None:
    text = (
        "Die türkische Luftwaffe hat in der Nacht zum Donnerstag Stellungen der PKK in den Kandil-Bergen im "
        "Nordirak bombardiert. Bereits am Mittwoch hatten türkische Kampfjets Stellungen der Terrormiliz IS in "
        "Syrien bombardiert."
    )
    events = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert len(events) == 2


def test_hyphenated_target_compound_marks_the_target() -> None:
    text = "Türkische Kampfjets griffen am Mittwoch IS-Ziele nahe der syrischen Stadt Dscharabulus an."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    roles = {(a.code, a.role) for a in event.actors}
    assert ("ISIL", "target") in roles and ("ISIL", "attacker") not in roles


def test_truce_without_any_town_holds_for_the_wars_country() -> None:
    text = (
        "In Kolumbien gehen die Kämpfe mit der ELN weiter. Die Regierung und die ELN-Rebellen haben am Montag "
        "eine Waffenruhe verkündet."
    )
    (event,) = _of(extract(text, published_at=PUB), "CeasefireAnnounced")
    assert event.location is not None and event.location.country == "CO" and event.location.precision == "country"


def test_capture_a_year_before_is_not_todays_undated_offensive() -> None:
    text = (
        "Kurdische Peschmerga haben eine Offensive auf die Stadt Sindschar begonnen. "
        "Als der IS die Stadt im August 2014 überrannte, töteten die Dschihadisten Tausende Jesiden."
    )
    events = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    today = [e for e in events if e.occurred is not None and e.occurred.start.year == 2017]
    assert len(today) == 1


def test_fighting_area_is_no_talks_venue() -> None:
    text = "Während die Außenminister Russlands und der USA berieten, gingen die Kämpfe in Syrien unvermindert weiter."
    for event in _of(extract(text, published_at=PUB), "TalksHeld"):
        assert event.location is None or event.location.country != "SY"


def test_truce_agreed_at_a_foreign_venue_means_they_met_there() -> None:
    text = (
        "In der Ostukraine gehen die Kämpfe weiter. Vertreter der Ukraine und der prorussischen Separatisten haben "
        "sich am Freitag in der weißrussischen Hauptstadt Minsk auf eine Waffenruhe geeinigt."
    )
    events = extract(text, published_at=PUB)
    assert len(_of(events, "CeasefireAnnounced")) == 1
    (talks,) = _of(events, "TalksHeld")
    assert talks.location is not None and talks.location.name == "Minsk"


def test_truce_agreed_for_the_war_area_is_no_meeting_there() -> None:
    text = (
        "Nach 50 Tagen Krieg haben sich Israel und die Hamas im Gazastreifen auf eine unbefristete Waffenruhe geeinigt."
    )
    events = extract(text, published_at=PUB)
    assert len(_of(events, "CeasefireAnnounced")) == 1
    assert not _of(events, "TalksHeld")


def test_bare_separatists_are_the_wars_rebels() -> None:
    text = (
        "In der Ostukraine haben Separatisten am Dienstag Stellungen der ukrainischen Armee bei Mariupol angegriffen."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert ("UKR-REB", "attacker") in {(a.code, a.role) for a in event.actors}


def test_contact_group_agreeing_at_a_venue_is_talks_of_the_wars_parties() -> None:
    text = (
        "Die Ukraine und die prorussischen Separatisten streiten über den Abzug schwerer Waffen. "
        "Darauf habe sich die Kontaktgruppe am Mittwochabend in Minsk geeinigt, teilte die OSZE mit."
    )
    (event,) = _of(extract(text, published_at=PUB), "TalksHeld")
    assert event.location is not None and event.location.name == "Minsk"
    assert {"UKR", "UKR-REB"} <= {a.code for a in event.actors}
