"""Linking within an article: one event for a happening mentioned twice, separate events for other
days, countries, sides and rounds, opposing attacks, one call per counterpart, venues and parties
taken from neighbouring sentences, mutual vetoes and counter-drafts; sentences written for these tests."""

from __future__ import annotations

from domain.events import CeasefireAnnounced, ConflictEvent, OffensiveLaunched, TalksHeld
from domain.extraction import extract

PUB_2016_11_10 = "2016-11-10"
PUB_2017_03_09 = "2017-03-09"  # a Thursday
PUB_2023_10_08 = "2023-10-08"
PUB_2025_01_28 = "2025-01-28"
PUB_2025_01_20 = "2025-01-20"


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


def _attackers(text: str) -> list[set[str]]:
    events = [e for e in extract(text, published_at=PUB_2023_10_08) if isinstance(e, OffensiveLaunched)]
    return [{a.code for a in e.actors if a.role == "attacker"} for e in events]


CONTEXT = "Im Osten des Kongo gehen die Kämpfe zwischen der Armee und den Rebellen weiter. "


def _talks(events: list[ConflictEvent]) -> list[set[str]]:
    return [{a.code for a in e.actors} for e in events if isinstance(e, TalksHeld)]


_KRIEG = "Krieg in der Region\n\n"  # a headline, so that the article is about a conflict


def _truce_codes(text: str) -> list[set[str]]:
    return [
        {a.code for a in e.actors}
        for e in extract(text, published_at=PUB_2025_01_20)
        if isinstance(e, CeasefireAnnounced)
    ]


def _roles(event: ConflictEvent) -> set[tuple[str, str]]:
    return {(a.code, a.role) for a in event.actors}


def test_one_offensive_reported_twice_is_one_event() -> None:
    text = (
        "Die syrische Armee hat ihre Offensive auf Aleppo fortgesetzt. "
        "Bei den Luftangriffen auf Aleppo starben 15 Menschen im Krieg."
    )
    events = extract(text, published_at=PUB_2016_11_10)
    assert len(events) == 1 and events[0].casualties is not None and events[0].casualties.killed == 15


def test_region_and_town_of_one_campaign_merge() -> None:
    text = (
        "Die türkische Armee hat ihre Offensive gegen die Kurdenmiliz YPG in Nordsyrien ausgeweitet. Türkische "
        "Truppen rückten am Sonntag in die Stadt Afrin ein."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Afrin"


def test_undated_advance_continues_the_offensive_begun_before() -> None:
    text = (
        "Die irakische Armee hatte Mitte Januar mit Unterstützung der USA eine Offensive auf Mossul begonnen. "
        "Seither rückten die Regierungstruppen Viertel um Viertel vor."
    )
    assert len(_of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")) == 1


def test_strike_named_in_another_country_is_not_merged_into_the_campaign() -> None:
    text = (
        "Die türkische Luftwaffe hat in der Nacht zum Donnerstag Stellungen der PKK in den Kandil-Bergen im "
        "Nordirak bombardiert. Bereits am Mittwoch hatten türkische Kampfjets Stellungen der Terrormiliz IS in "
        "Syrien bombardiert."
    )
    events = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert len(events) == 2


def test_earlier_capture_by_the_other_side_is_its_own_event() -> None:
    text = (
        "Die irakische Armee hat am Mittwoch mit einer Gegenoffensive auf Ramadi begonnen. "
        "Die Soldaten rückten mit Unterstützung von US-Kampfflugzeugen in die Vororte vor. "
        "Die Dschihadisten des IS hatten Ramadi am vergangenen Sonntag in einem Großangriff überrannt."
    )
    events = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert len(events) == 2
    assert sorted(str(e.occurred.start) for e in events if e.occurred) == ["2017-03-05", "2017-03-08"]


def test_capture_a_year_before_is_not_todays_undated_offensive() -> None:
    text = (
        "Kurdische Peschmerga haben eine Offensive auf die Stadt Sindschar begonnen. "
        "Als der IS die Stadt im August 2014 überrannte, töteten die Dschihadisten Tausende Jesiden."
    )
    events = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    today = [e for e in events if e.occurred is not None and e.occurred.start.year == 2017]
    assert len(today) == 1


def test_an_attack_and_the_counterattack_on_the_attacker_are_two_events() -> None:
    text = (
        "Hamas-Kämpfer griffen am Samstag Israel an. "
        "Die israelische Armee bombardierte am Sonntag Stellungen der Hamas im Gazastreifen."
    )
    found = _attackers(text)
    assert len(found) == 2
    assert any("PSE-REB" in a and "ISR" not in a for a in found)
    assert any("ISR" in a and "PSE-REB" not in a for a in found)


def test_allies_attacking_one_town_stay_one_offensive() -> None:
    text = (
        "Die türkische Armee hat am Montag die Stadt al-Bab angegriffen. "
        "Verbündete Rebellen rückten am Montag ebenfalls auf al-Bab vor."
    )
    assert len(_attackers(text)) == 1


def test_talks_anaphora_join_the_meeting_just_reported() -> None:
    text = (
        "Die Außenminister Russlands und der Türkei haben sich am Montag in Sotschi zu Gesprächen über den Krieg "
        "in Syrien getroffen. Die beiden Minister berieten mehr als drei Stunden."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "TalksHeld")
    assert event.location is not None and event.location.name == "Sochi"


def test_talks_mentioned_again_without_a_venue_are_the_same_round() -> None:
    text = (
        "Die Außenminister Russlands und der Ukraine haben am Mittwoch in Berlin über den Krieg im Donbass "
        'verhandelt. "Es gibt Fortschritte", sagte Lawrow nach dem Gespräch mit seinem ukrainischen Kollegen. '
        "Die Kontaktgruppe soll sich am Freitag in Minsk treffen."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")
    assert event.location is not None and event.location.name == "Berlin"


def test_an_earlier_round_in_the_pluperfect_is_its_own_event() -> None:
    text = (
        "Vertreter der jemenitischen Regierung und der Rebellen setzten am Mittwoch in Stockholm ihre Gespräche "
        "fort. Vor einer Woche hatten sich die Delegationen bereits in Wien getroffen."
    )
    talks = _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")
    by_place = {t.location.name: t for t in talks if t.location is not None}
    assert set(by_place) == {"Stockholm", "Vienna"}
    vienna = by_place["Vienna"].occurred
    assert vienna is not None and str(vienna.end) < "2017-03-08"


def test_a_caller_with_two_counterparts_made_two_calls() -> None:
    text = (
        CONTEXT
        + "Kenias Präsident Ruto habe am Montag mit Präsident Macron und mit US-Außenminister Rubio telefoniert."
    )
    assert sorted(map(sorted, _talks(extract(text, published_at=PUB_2025_01_28)))) == [["FRA", "KEN"], ["KEN", "USA"]]


def test_a_meeting_of_three_stays_one_event() -> None:
    text = (
        CONTEXT
        + "Kenias Präsident Ruto traf sich am Montag in Nairobi mit Präsident Macron und US-Außenminister Rubio."
    )
    assert _talks(extract(text, published_at=PUB_2025_01_28)) == [{"KEN", "FRA", "USA"}]


def test_a_call_between_two_is_one_event() -> None:
    text = CONTEXT + "Der kongolesische Präsident habe am Montag mit US-Außenminister Rubio telefoniert."
    assert _talks(extract(text, published_at=PUB_2025_01_28)) == [{"COD", "USA"}]


def test_verb_final_spoken_with_is_talks() -> None:
    text = CONTEXT + "US-Außenminister Rubio habe am Montag auch mit dem kongolesischen Präsidenten gesprochen."
    assert _talks(extract(text, published_at=PUB_2025_01_28)) == [{"USA", "COD"}]


def test_an_english_caller_with_two_counterparts_made_two_calls() -> None:
    text = (
        "Fighting between the army and M23 rebels continued in eastern Congo. "
        "Kenyan President Ruto phoned French President Macron and U.S. Secretary of State Rubio on Monday."
    )
    found = _talks(extract(text, published_at=PUB_2025_01_28, language="en"))
    assert sorted(map(sorted, found)) == [["FRA", "KEN"], ["KEN", "USA"]]


def test_verb_final_consulted_with_is_talks() -> None:
    text = (
        CONTEXT + "Das Weiße Haus gab bekannt, dass US-Präsident Biden mit Kanzler Scholz sowie den Regierungschefs "
        "von Frankreich und Großbritannien über die Lage im Kongo beraten hat."
    )
    assert _talks(extract(text, published_at=PUB_2025_01_28)) == [{"USA", "DEU", "FRA", "GBR"}]


def test_talks_venue_from_the_sentence_telling_where_it_took_place() -> None:
    text = (
        "Nach monatelangen Verhandlungen unter UN-Vermittlung haben Vertreter der Regierung Jemens und der "
        "Huthi-Rebellen ein Abkommen unterzeichnet. Die Zeremonie fand in der schwedischen Stadt Stockholm statt."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")
    assert event.location is not None and event.location.name == "Stockholm"


def test_talks_venue_from_the_lead_two_sentences_before() -> None:
    text = (
        "Die Unterstützergruppe hat sich in München auf eine Waffenruhe für Syrien verständigt. Ob sie hält, ist "
        "offen. Nach stundenlangen Verhandlungen haben sich die Außenminister Russlands und der USA auf eine "
        "landesweite Feuerpause für Syrien geeinigt."
    )
    events = _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")
    assert events and all(e.location is not None and e.location.name == "Munich" for e in events)


def test_contact_group_agreeing_at_a_venue_is_talks_of_the_wars_parties() -> None:
    text = (
        "Die Ukraine und die prorussischen Separatisten streiten über den Abzug schwerer Waffen. "
        "Darauf habe sich die Kontaktgruppe am Mittwochabend in Minsk geeinigt, teilte die OSZE mit."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")
    assert event.location is not None and event.location.name == "Minsk"
    assert {"UKR", "UKR-REB"} <= {a.code for a in event.actors}


def test_sentence_naming_no_party_borrows_none_unless_it_speaks_of_the_parties() -> None:
    base = "Die Armee Syriens und die Rebellen kämpfen seit Jahren um Aleppo. "
    film = "Der Kriegsfilm spielt im Jahr 1940. Die Handlungsstränge laufen ineinander, bis sie sich am Ende treffen."
    assert _of(extract(_KRIEG + film, published_at=PUB_2016_11_10), "TalksHeld") == []
    parties = (
        base
        + "Die Konfliktparteien haben sich am Dienstag bei Gesprächen in Genf auf einen Gefangenenaustausch geeinigt."
    )
    assert len(_of(extract(_KRIEG + parties, published_at=PUB_2016_11_10), "TalksHeld")) == 1


def test_ceasefires_announced_on_different_days_are_two() -> None:
    text = (
        "Die Regierung Malis hat am Montag eine einseitige Waffenruhe verkündet. Die Rebellen im Norden Malis "
        "riefen am Donnerstag ihrerseits eine Waffenruhe aus."
    )
    assert len(_of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "CeasefireAnnounced")) == 2


def test_earlier_truce_agreed_weeks_ago_is_not_todays() -> None:
    text = (
        "Die Regierung Malis und die Tuareg-Rebellen haben sich auf eine neue Waffenruhe geeinigt. "
        "Mitte Februar hatten Mali und die Tuareg-Rebellen bereits eine Feuerpause beschlossen, die nie hielt."
    )
    events = _of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")
    assert len(events) == 2


def test_earlier_truce_by_the_other_side_is_its_own_event() -> None:
    text = (
        "Die Taliban haben überraschend eine dreitägige Waffenruhe in Afghanistan verkündet. "
        "Präsident Aschraf Ghani hatte bereits am Dienstag eine einseitige Waffenruhe der Regierung verkündet."
    )
    assert len(_of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")) == 2


def test_the_parties_of_the_talks_just_reported() -> None:
    text = (
        "Im Gazastreifen gehen die Kämpfe weiter. Vertreter Israels und der Hamas verhandelten am Mittwoch in Doha. "
        "Am Sonntag trat im Gazastreifen eine Waffenruhe in Kraft."
    )
    assert {"ISR", "PSE-REB"} in _truce_codes(text)


def test_the_parties_the_next_sentence_says_agreed_it() -> None:
    text = (
        "Im Gazastreifen wurde monatelang gekämpft. Am Sonntag trat im Gazastreifen eine Waffenruhe in Kraft. "
        "Darauf hatten sich Israel und die Hamas am Mittwoch geeinigt."
    )
    assert any(codes >= {"ISR", "PSE-REB"} for codes in _truce_codes(text))


def test_no_parties_are_invented_without_a_neighbour_naming_them() -> None:
    text = "Im Gazastreifen wurde monatelang gekämpft. Am Sonntag trat im Gazastreifen eine Waffenruhe in Kraft."
    assert all(not codes for codes in _truce_codes(text))


def test_mutual_vetoes_become_two_events() -> None:
    text = "Russland und Frankreich haben im UN-Sicherheitsrat gegenseitig Resolutionen zum Krieg blockiert."
    events = extract(text, published_at=PUB_2016_11_10)
    blockers = {a.code for e in events for a in e.actors if a.role == "blocked_by"}
    assert len(events) == 2 and blockers == {"RUS", "FRA"}


def test_reference_to_a_veto_is_not_a_new_block() -> None:
    text = (
        "Russland hat im Sicherheitsrat eine Resolution zum Krieg im Jemen blockiert. Der Botschafter Kenias nannte "
        "das Veto einen Fehler. Es war das dritte Veto in diesem Jahr."
    )
    assert len(_of(extract(text, published_at=PUB_2016_11_10), "ResolutionBlocked")) == 1


def test_failed_counter_draft_is_its_own_event() -> None:
    text = (
        "Frankreich scheiterte im UN-Sicherheitsrat mit einem Entwurf zum Krieg in Libyen am Veto Chinas. "
        "Ein chinesischer Gegenentwurf fand anschließend ebenfalls keine Mehrheit."
    )
    events = _of(extract(text, published_at=PUB_2016_11_10), "ResolutionBlocked")
    assert len(events) == 2
    assert any(("CHN", "sponsor") in _roles(e) for e in events)


def test_sponsor_from_the_neighbouring_sentence() -> None:
    text = (
        "Die USA haben im UN-Sicherheitsrat eine Resolution zum Konflikt in der Westsahara mit ihrem Veto gestoppt. "
        "Alle anderen Mitglieder stimmten für den von Marokko eingebrachten Entwurf."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "ResolutionBlocked")
    assert ("USA", "blocked_by") in _roles(event) and ("MAR", "sponsor") in _roles(event)


def test_an_agreement_replying_to_a_truce_in_the_sentence_before_is_that_truce_not_talks() -> None:
    text = (
        "Ab Sonntagfrüh sollen an der Grenze die Waffen ruhen. "
        "Darauf hätten sich Armenien und Aserbaidschan geeinigt, sagte ein Vermittler."
    )
    events = extract(text, published_at=PUB_2025_01_20, language="de")
    assert [type(e).__name__ for e in events] == ["CeasefireAnnounced"]
    assert {a.code: a.role for a in events[0].actors} == {"ARM": "announced_by", "AZE": "announced_by"}


def test_an_agreement_replying_to_a_sentence_without_a_truce_stays_talks() -> None:
    text = (
        "Krieg im Kaukasus. Ab Sonntag soll die Grenze für Händler wieder offen sein. "
        "Darauf hätten sich Armenien und Aserbaidschan geeinigt, sagte ein Vermittler."
    )
    events = extract(text, published_at=PUB_2025_01_20, language="de")
    assert not _of(events, "CeasefireAnnounced")


def test_agreeing_to_halt_the_fighting_is_a_truce_and_agreeing_to_it_refers_to_the_one_before() -> None:
    halted = "Armenia and Azerbaijan agreed on Tuesday to halt the fighting along their border, officials said."
    events = extract(halted, published_at="2016-04-06", language="en")
    assert [type(e).__name__ for e in events] == ["CeasefireAnnounced"]
    replied = (
        "A truce in the border war took effect at noon on Tuesday. "
        "Armenia and Azerbaijan had agreed to it in talks in Moscow, officials said."
    )
    truces = _of(extract(replied, published_at="2016-04-06", language="en"), "CeasefireAnnounced")
    assert truces and {a.code for a in truces[0].actors} >= {"ARM", "AZE"}
