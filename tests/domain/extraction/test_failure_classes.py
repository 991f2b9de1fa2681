"""One test per failure class found on development articles, each with sentences written
for this file (not taken from any evaluation article)."""

from __future__ import annotations

import datetime as dt

from domain.events import ConflictEvent
from domain.extraction import extract

PUB = "2016-11-10"  # a Thursday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


def _roles(event: ConflictEvent) -> set[tuple[str, str]]:
    return {(a.code, a.role) for a in event.actors}


_KRIEG = "Krieg in der Region\n\n"  # a headline, so that the article is about a conflict


def test_veto_sponsor_list_and_un_seat() -> None:
    text = (
        "China hat im UN-Sicherheitsrat sein Veto gegen einen Entwurf Kanadas, Japans und Mexikos zum Krieg in "
        "Myanmar eingelegt."
    )
    (event,) = _of(extract(text, published_at=PUB), "ResolutionBlocked")
    assert ("CHN", "blocked_by") in _roles(event)
    assert {"CAN", "JPN", "MEX"} <= {code for code, role in _roles(event) if role == "sponsor"}
    assert event.location is not None and event.location.name == "New York City"


def test_actor_in_the_drafts_topic_is_not_a_blocker() -> None:
    text = "Großbritannien hat eine Resolution des Sicherheitsrats gegen die Blockade Katars durch Ägypten verhindert."
    (event,) = _of(extract(text, published_at=PUB), "ResolutionBlocked")
    assert {code for code, role in _roles(event) if role == "blocked_by"} == {"GBR"}


def test_reference_to_a_veto_is_not_a_new_block() -> None:
    text = (
        "Russland hat im Sicherheitsrat eine Resolution zum Krieg im Jemen blockiert. Der Botschafter Kenias nannte "
        "das Veto einen Fehler. Es war das dritte Veto in diesem Jahr."
    )
    assert len(_of(extract(text, published_at=PUB), "ResolutionBlocked")) == 1


def test_failed_counter_draft_is_its_own_event() -> None:
    text = (
        "Frankreich scheiterte im UN-Sicherheitsrat mit einem Entwurf zum Krieg in Libyen am Veto Chinas. "
        "Ein chinesischer Gegenentwurf fand anschließend ebenfalls keine Mehrheit."
    )
    events = _of(extract(text, published_at=PUB), "ResolutionBlocked")
    assert len(events) == 2
    assert any(("CHN", "sponsor") in _roles(e) for e in events)


def test_sponsor_from_the_neighbouring_sentence() -> None:
    text = (
        "Die USA haben im UN-Sicherheitsrat eine Resolution zum Konflikt in der Westsahara mit ihrem Veto gestoppt. "
        "Alle anderen Mitglieder stimmten für den von Marokko eingebrachten Entwurf."
    )
    (event,) = _of(extract(text, published_at=PUB), "ResolutionBlocked")
    assert ("USA", "blocked_by") in _roles(event) and ("MAR", "sponsor") in _roles(event)


def test_headline_alone_makes_no_event() -> None:
    text = (
        "Armee erobert Stadt im Norden\n\nDie Lage im Land bleibt nach Angaben der Vereinten Nationen angespannt. "
        "Der Krieg dauert seit Jahren an."
    )
    assert extract(text, published_at=PUB) == []


def test_headline_and_body_are_one_event() -> None:
    text = (
        "Irakische Armee startet Offensive auf Tal Afar\n\nDie irakische Armee hat am Sonntag eine Offensive auf "
        "die IS-Hochburg Tal Afar begonnen. Der Krieg gegen den IS geht damit weiter."
    )
    events = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert len(events) == 1 and events[0].evidence.text.startswith("Die irakische Armee")


def test_undated_realised_event_gets_the_news_days() -> None:
    text = "Die türkische Armee hat eine Offensive gegen die PKK im Nordirak begonnen. Der Konflikt eskaliert."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None
    assert (event.occurred.start, event.occurred.end) == (dt.date(2016, 11, 9), dt.date(2016, 11, 10))


def test_pluperfect_background_gets_no_default_date() -> None:
    text = "Die Miliz hatte die Stadt Sirte nach heftigen Kämpfen eingenommen. Der Krieg in Libyen dauert an."
    events = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert all(e.occurred is None for e in events)


def test_anaphoric_port_city_takes_the_last_offensive_place() -> None:
    text = (
        "Die Armee hat eine Offensive auf Sirte begonnen, die letzte Hochburg der Miliz. Am zweiten Tag drangen "
        "Soldaten in die von Kämpfern gehaltene Küstenstadt vor."
    )
    events = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert events and all(e.location is not None and e.location.name == "Sirte" for e in events)


def test_attribution_and_metonym_capitals_are_not_the_battle_place() -> None:
    text = (
        "Russische Kampfjets bombardierten nach Angaben des Verteidigungsministeriums in Moskau Stellungen der "
        "Terrormiliz IS bei Palmyra. Die von Washington und Moskau vereinbarte Waffenruhe im Krieg gilt nicht "
        "für den IS."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Palmyra"


def test_region_and_town_of_one_campaign_merge() -> None:
    text = (
        "Die türkische Armee hat ihre Offensive gegen die Kurdenmiliz YPG in Nordsyrien ausgeweitet. Türkische "
        "Truppen rückten am Sonntag in die Stadt Afrin ein."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Afrin"


def test_supporters_attack_and_recapture_from_is_target() -> None:
    text = (
        "Die von den USA unterstützten Syrischen Demokratischen Kräfte haben die Stadt Tabka von der Terrormiliz "
        "IS zurückerobert."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    roles = _roles(event)
    assert ("USA", "attacker") in roles and ("SYR-KRD", "attacker") in roles and ("ISIL", "target") in roles


def test_casualties_from_the_follow_up_sentence() -> None:
    text = (
        "Kampfjets der Koalition haben am Mittwoch Stellungen der Huthi-Rebellen in Saada bombardiert. Dabei "
        "wurden nach Angaben von Ärzten mindestens 14 Menschen getötet."
    )
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 14


def test_talks_anaphora_join_the_meeting_just_reported() -> None:
    text = (
        "Die Außenminister Russlands und der Türkei haben sich am Montag in Sotschi zu Gesprächen über den Krieg "
        "in Syrien getroffen. Die beiden Minister berieten mehr als drei Stunden."
    )
    (event,) = _of(extract(text, published_at=PUB), "TalksHeld")
    assert event.location is not None and event.location.name == "Sochi"


def test_venue_country_is_not_the_conflict_country() -> None:
    text = (
        "In Astana haben Gespräche über den Syrien-Krieg begonnen. In der kasachischen Hauptstadt trafen sich "
        "Vertreter Russlands, der Türkei und Irans. Auch Rebellen nahmen an den Gesprächen in Astana teil. In "
        "Syrien gingen die Kämpfe weiter."
    )
    codes = {a.code for e in extract(text, published_at=PUB) for a in e.actors}
    assert "KAZ-REB" not in codes


def test_ceasefire_area_not_the_venue_and_one_truce_per_article() -> None:
    text = (
        "Die Konfliktparteien haben sich in Genf auf eine Waffenruhe für die Stadt Taiz im Jemen geeinigt. "
        "Die Feuerpause trat am Mittwoch in Kraft, teilten die Vereinten Nationen mit."
    )
    (event,) = _of(extract(text, published_at=PUB), "CeasefireAnnounced")
    assert event.location is not None and event.location.name == "Taiz"


def test_talks_topic_actor_is_no_participant_and_visit_city_is_the_venue() -> None:
    text = (
        "Der afghanische Präsident hatte bei einem Besuch in Washington am Montag mit US-Präsident Obama über den "
        "Kampf gegen die Taliban gesprochen."
    )
    (event,) = _of(extract(text, published_at=PUB), "TalksHeld")
    assert {a.code for a in event.actors} == {"AFG", "USA"}
    assert event.location is not None and event.location.name == "Washington"


def test_group_fighters_as_subject_attack() -> None:
    text = "Taliban-Kämpfer haben in der Nacht die Provinzhauptstadt Ghasni im Krieg angegriffen."
    (event,) = _of(extract(text, published_at=PUB), "OffensiveLaunched")
    assert ("AFG-REB", "attacker") in _roles(event)


def test_alleged_attack_keeps_a_past_weekday() -> None:
    text = "Syrische Kampfjets sollen am Dienstag einen Markt in Idlib bombardiert haben."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None and event.occurred.start == dt.date(2016, 11, 8)


def test_subject_before_positions_of_the_enemy_attacks() -> None:
    text = "Am Sonntag griffen Rebellen Stellungen der syrischen Armee bei Daraa an."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB), "OffensiveLaunched")
    assert ("SYR-REB", "attacker") in _roles(event) and ("SYR", "target") in _roles(event)


def test_passive_subject_is_the_target() -> None:
    text = "Kurdische Kämpfer der YPG wurden am Montag von türkischen Kampfjets bei Afrin bombardiert."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB), "OffensiveLaunched")
    assert ("TUR", "attacker") in _roles(event) and ("SYR-KRD", "target") in _roles(event)


def test_trip_to_win_someone_over_is_a_meeting() -> None:
    text = (
        "Der britische Außenminister war am Dienstag nach Moskau gereist, um Lawrow zu einem Kurswechsel in "
        "Syrien zu bewegen."
    )
    (event,) = _of(extract(_KRIEG + text, published_at=PUB), "TalksHeld")
    assert {"GBR", "RUS"} <= {a.code for a in event.actors}
    assert event.location is not None and event.location.name == "Moscow"


def test_sports_final_is_not_an_offensive() -> None:
    text = (
        "Die Nationalmannschaft eroberte in Kattowitz den EM-Titel gegen Frankreich. Im Finale griffen die "
        "Franzosen immer wieder an."
    )
    assert _of(extract(_KRIEG + text, published_at=PUB), "OffensiveLaunched") == []


def test_date_of_an_earlier_event_in_a_relative_clause_is_not_this_events() -> None:
    text = (
        "Am Dienstag rückten die Rebellen bis an den Stadtrand von Tobruk vor, in die sich der Premier im März "
        "geflüchtet hatte."
    )
    (event,) = _of(extract(_KRIEG + text, published_at=PUB), "OffensiveLaunched")
    assert event.occurred is not None and event.occurred.start == dt.date(2016, 11, 8)


def test_hyphenated_group_after_positions_is_the_target() -> None:
    text = "In der Nacht bombardierten Kampfflugzeuge Stellungen der Huthi-Rebellen in Sanaa."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB), "OffensiveLaunched")
    assert all(a.role == "target" for a in event.actors if a.code == "YEM-REB")


def test_sentence_naming_no_party_borrows_none_unless_it_speaks_of_the_parties() -> None:
    base = "Die Armee Syriens und die Rebellen kämpfen seit Jahren um Aleppo. "
    film = "Der Kriegsfilm spielt im Jahr 1940. Die Handlungsstränge laufen ineinander, bis sie sich am Ende treffen."
    assert _of(extract(_KRIEG + film, published_at=PUB), "TalksHeld") == []
    parties = (
        base
        + "Die Konfliktparteien haben sich am Dienstag bei Gesprächen in Genf auf einen Gefangenenaustausch geeinigt."
    )
    assert len(_of(extract(_KRIEG + parties, published_at=PUB), "TalksHeld")) == 1


def test_ceasefires_announced_on_different_days_are_two() -> None:
    text = (
        "Die Regierung Malis hat am Montag eine einseitige Waffenruhe verkündet. Die Rebellen im Norden Malis "
        "riefen am Donnerstag ihrerseits eine Waffenruhe aus."
    )
    assert len(_of(extract(_KRIEG + text, published_at=PUB), "CeasefireAnnounced")) == 2
