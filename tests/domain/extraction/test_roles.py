"""Roles: attacker and target, participants, announcers, blockers and sponsors — German word order
and passives, positions and targets of a named group, pronouns and demonstratives, generic forces
(the army, the air force, militias, separatists, islamists) as the war's parties, and who takes part
in talks; sentences written for these tests."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent, OffensiveLaunched
from domain.extraction import extract

PUB_2016_11_10 = "2016-11-10"
PUB_2017_03_09 = "2017-03-09"  # a Thursday
PUB_2023_10_08 = "2023-10-08"
PUB_2025_01_28 = "2025-01-28"


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


def _role_pairs(event: ConflictEvent) -> set[tuple[str, str]]:
    return {(a.code, a.role) for a in event.actors}


_KRIEG = "Krieg in der Region\n\n"  # a headline, so that the article is about a conflict


def _role_of(event: ConflictEvent) -> dict[str, str]:
    return {a.code: a.role for a in event.actors}


def _offensives(text: str) -> list[OffensiveLaunched]:
    return [e for e in extract(text, published_at=PUB_2025_01_28) if isinstance(e, OffensiveLaunched)]


def _codes(event: ConflictEvent) -> set[str]:
    return {a.code for a in event.actors}


def test_roles_attacker_target_and_support() -> None:
    text = "Die irakische Armee hat mit Unterstützung der US-Luftwaffe eine Offensive gegen den IS in Mossul begonnen."
    (event,) = extract(text, published_at=PUB_2016_11_10)
    roles = {(a.code, a.role) for a in event.actors}
    assert ("IRQ", "attacker") in roles and ("USA", "attacker") in roles and ("ISIL", "target") in roles
    assert event.location is not None and event.location.name == "Mosul"


def test_supporters_attack_and_recapture_from_is_target() -> None:
    text = (
        "Die von den USA unterstützten Syrischen Demokratischen Kräfte haben die Stadt Tabka von der Terrormiliz "
        "IS zurückerobert."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    roles = _role_pairs(event)
    assert ("USA", "attacker") in roles and ("SYR-KRD", "attacker") in roles and ("ISIL", "target") in roles


def test_subject_before_positions_of_the_enemy_attacks() -> None:
    text = "Am Sonntag griffen Rebellen Stellungen der syrischen Armee bei Daraa an."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert ("SYR-REB", "attacker") in _role_pairs(event) and ("SYR", "target") in _role_pairs(event)


def test_passive_subject_is_the_target() -> None:
    text = "Kurdische Kämpfer der YPG wurden am Montag von türkischen Kampfjets bei Afrin bombardiert."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert ("TUR", "attacker") in _role_pairs(event) and ("SYR-KRD", "target") in _role_pairs(event)


def test_hyphenated_group_after_positions_is_the_target() -> None:
    text = "In der Nacht bombardierten Kampfflugzeuge Stellungen der Huthi-Rebellen in Sanaa."
    (event,) = _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert all(a.role == "target" for a in event.actors if a.code == "YEM-REB")


def test_hyphenated_target_compound_marks_the_target() -> None:
    text = "Türkische Kampfjets griffen am Mittwoch IS-Ziele nahe der syrischen Stadt Dscharabulus an."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    roles = {(a.code, a.role) for a in event.actors}
    assert ("ISIL", "target") in roles and ("ISIL", "attacker") not in roles


def test_group_fighters_as_subject_attack() -> None:
    text = "Taliban-Kämpfer haben in der Nacht die Provinzhauptstadt Ghasni im Krieg angegriffen."
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert ("AFG-REB", "attacker") in _role_pairs(event)


@pytest.mark.parametrize(
    "text",
    [
        "Kämpfer der YPG beschossen am Mittwoch Stellungen der türkischen Armee bei Manbidsch.",
        "Am Mittwoch griffen Kämpfer der YPG einen Posten der türkischen Armee bei Manbidsch an.",
        "Mehrere Kämpfer der YPG griffen am Mittwoch eine türkische Patrouille bei Manbidsch an.",
    ],
)
def test_fighters_of_a_group_as_subject_attack(text: str) -> None:
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert _role_of(event).get("SYR-KRD") == "attacker"


def test_fighters_of_a_group_as_object_are_the_target() -> None:
    text = "Türkische Kampfflugzeuge bombardierten am Mittwoch Kämpfer der YPG bei Manbidsch."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert _role_of(event) == {"TUR": "attacker", "SYR-KRD": "target"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die irakische Armee griff am Mittwoch die Peschmerga bei Kirkuk an.",
            {"IRQ": "attacker", "IRQ-MIL": "target"},
        ),
        (
            "Die türkische Armee griff am Mittwoch gemeinsam mit syrischen Rebellen die Stadt Manbidsch an.",
            {"TUR": "attacker", "SYR-REB": "attacker"},
        ),
    ],
)
def test_party_after_the_finite_verb_is_the_object(text: str, expected: dict[str, str]) -> None:
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert {c: r for c, r in _role_of(event).items() if c in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hamas-Kämpfer haben am Samstag Israel vom Gazastreifen aus angegriffen.",
        "Kämpfer der Hamas hatten am Samstagmorgen Israel überraschend angegriffen.",
    ],
)
def test_the_party_between_auxiliary_and_participle_is_the_target(text: str) -> None:
    (event,) = [e for e in extract(text, published_at=PUB_2023_10_08) if isinstance(e, OffensiveLaunched)]
    roles = {a.code: a.role for a in event.actors}
    assert roles == {"PSE-REB": "attacker", "ISR": "target"}


@pytest.mark.parametrize(
    "text",
    [
        "Israel hat nach eigenen Angaben Stellungen der Hamas im Gazastreifen angegriffen.",
        "Die Türkei hat am Mittwoch Ziele der PKK im Nordirak angegriffen.",
    ],
)
def test_state_attacking_a_named_groups_military_objects(text: str) -> None:
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    roles = _role_of(event)
    assert "attacker" in roles.values() and "target" in roles.values()


def test_the_accuser_is_not_an_attacker() -> None:
    text = "Die Türkei beschuldigt die YPG, am Mittwoch Stellungen der Armee bei Afrin beschossen zu haben."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert "TUR" not in {a.code for a in event.actors if a.role == "attacker"}
    assert _role_of(event).get("SYR-KRD") == "attacker"


def test_english_transitive_attack_with_its_object() -> None:
    text = "Taliban fighters attacked an army checkpoint in Kunduz province on Tuesday, killing at least nine soldiers."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09, language="en"), "OffensiveLaunched")
    assert _role_of(event) == {"AFG-REB": "attacker", "AFG": "target"}
    assert event.casualties is not None and event.casualties.killed == 9


def test_english_object_state_is_the_target() -> None:
    text = "Islamic State militants attacked Iraqi soldiers near Tikrit on Monday."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09, language="en"), "OffensiveLaunched")
    assert _role_of(event) == {"ISIL": "attacker", "IRQ": "target"}


def test_personal_pronoun_subject_is_the_previous_subject() -> None:
    text = (
        "Die Huthi-Rebellen setzten ihren Vormarsch nach Süden fort. "
        "Am Mittwoch eroberten sie den Flughafen von Taiz, auf dem bis vor kurzem saudische Berater waren."
    )
    events = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert events and all(("YEM-REB", "attacker") in {(a.code, a.role) for a in e.actors} for e in events)
    assert not any(("SAU", "attacker") in {(a.code, a.role) for a in e.actors} for e in events)


def test_pronoun_object_is_no_subject() -> None:
    text = "Die Rebellen zogen sich nach Idlib zurück. Die syrische Armee griff sie am Mittwoch dort an."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert ("SYR", "attacker") in {(a.code, a.role) for a in event.actors}


def test_demonstrative_subject_is_the_last_party_named() -> None:
    text = (
        "Die Taliban antworteten damit auf ein Angebot von Präsident Aschraf Ghani. "
        "Dieser hatte am Dienstag eine einseitige Waffenruhe gegenüber den Taliban verkündet."
    )
    events = _of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")
    assert any(("AFG", "announced_by") in {(a.code, a.role) for a in e.actors} for e in events)


def test_the_militia_is_the_group_named_before() -> None:
    text = (
        "Die Rebellengruppe M23 rückt im Osten des Kongo weiter vor. "
        "Die Miliz hat am Montag die Stadt Goma eingenommen."
    )
    attackers = {a.code for e in _offensives(text) for a in e.actors if a.role == "attacker"}
    assert "COD-REB" in attackers and "COD-MIL" not in attackers


def test_an_indefinite_militia_is_not_the_group_named_before() -> None:
    text = (
        "Die Rebellengruppe M23 rückt im Osten des Kongo weiter vor. "
        "Eine andere Miliz hat am Montag die Stadt Bunia angegriffen."
    )
    attackers = {a.code for e in _offensives(text) for a in e.actors if a.role == "attacker"}
    assert "COD-MIL" in attackers


def test_bare_army_is_the_war_states_army() -> None:
    text = "Die Armee brachte am Mittwoch mehrere Dörfer bei Hama unter ihre Kontrolle."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert _role_of(event) == {"SYR": "attacker"}
    assert event.location is not None and event.location.name == "Hama"


def test_bare_air_force_is_the_war_states() -> None:
    text = "Die Luftwaffe bombardierte am Mittwoch Stellungen der Rebellen bei Hama."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert _role_of(event) == {"SYR": "attacker", "SYR-REB": "target"}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Die Neunte Brigade griff am Mittwoch den Flughafen von Misrata an.", "Misrata"),
        ("Bewaffnete Männer griffen am Mittwoch einen Kontrollposten bei Sirte an.", "Sirte"),
        ("Milizen griffen am Mittwoch Stellungen der Regierungstruppen in Misrata an.", "Misrata"),
    ],
)
def test_unknown_armed_group_is_the_countrys_militia(text: str, town: str) -> None:
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.location is not None and event.location.name == town
    assert _role_of(event).get("LBY-MIL") == "attacker"


def test_bare_militias_of_a_war_without_sides_are_its_militias() -> None:
    text = (
        "In Libyen dauern die Kämpfe zwischen rivalisierenden Gruppen an. In der Stadt Misrata haben sich die "
        "verfeindeten Milizen am Dienstag auf eine Waffenruhe geeinigt."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")
    assert "LBY-MIL" in _codes(event)


def test_bare_separatists_are_the_wars_rebels() -> None:
    text = (
        "In der Ostukraine haben Separatisten am Dienstag Stellungen der ukrainischen Armee bei Mariupol angegriffen."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert ("UKR-REB", "attacker") in {(a.code, a.role) for a in event.actors}


def test_islamists_outside_syria_and_iraq_are_the_states_rebels() -> None:
    text = (
        "Islamistische Kämpfer haben am Dienstag die Stadt Kidal im Norden Malis angegriffen. "
        "Die Armee Malis schickte Verstärkung."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert "MLI-REB" in _codes(event) and "ISIL" not in _codes(event)


def test_islamists_in_syria_are_the_islamic_state() -> None:
    text = "Islamisten haben am Dienstag Stellungen der syrischen Armee bei Palmyra angegriffen."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert "ISIL" in _codes(event)


@pytest.mark.parametrize(
    ("text", "kurds"),
    [
        ("Die irakische Armee griff am Mittwoch kurdische Kämpfer bei Tuz Khurmatu an.", "IRQ-MIL"),
        ("Die türkische Armee bombardierte am Mittwoch kurdische Kämpfer in der Provinz Hakkari.", "TUR-REB"),
        ("Die türkische Armee bombardierte am Mittwoch kurdische Kämpfer bei Afrin.", "SYR-KRD"),
    ],
)
def test_kurdish_fighters_belong_to_the_war_country(text: str, kurds: str) -> None:
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert _role_of(event).get(kurds) == "target"


def test_talks_mediator_and_venue() -> None:
    text = "Vertreter Russlands und der Türkei verhandelten unter Vermittlung der UN in Genf über den Syrien-Krieg."
    (event,) = extract(text, published_at=PUB_2016_11_10)
    assert {a.code for a in event.actors if a.role == "participant"} >= {"RUS", "TUR"}
    assert event.location is not None and event.location.name == "Geneva"


def test_talks_topic_actor_is_no_participant_and_visit_city_is_the_venue() -> None:
    text = (
        "Der afghanische Präsident hatte bei einem Besuch in Washington am Montag mit US-Präsident Obama über den "
        "Kampf gegen die Taliban gesprochen."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "TalksHeld")
    assert {a.code for a in event.actors} == {"AFG", "USA"}
    assert event.location is not None and event.location.name == "Washington"


def test_trip_to_win_someone_over_is_a_meeting() -> None:
    text = (
        "Der britische Außenminister war am Dienstag nach Moskau gereist, um Lawrow zu einem Kurswechsel in "
        "Syrien zu bewegen."
    )
    (event,) = _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "TalksHeld")
    assert {"GBR", "RUS"} <= {a.code for a in event.actors}
    assert event.location is not None and event.location.name == "Moscow"


def test_phone_call_about_the_war_country() -> None:
    text = "Der russische Präsident Putin telefonierte am Mittwoch mit seinem iranischen Kollegen Rohani über Syrien."
    (talks,) = _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")
    assert {a.code for a in talks.actors} == {"RUS", "IRN"}


def test_talks_abroad_between_a_government_and_its_rebels() -> None:
    text = (
        "Vertreter der jemenitischen Regierung und der Rebellen setzten am Mittwoch in Stockholm ihre Gespräche fort."
    )
    (talks,) = _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")
    assert {a.code for a in talks.actors} == {"YEM", "YEM-REB"}


def test_venue_country_is_not_the_conflict_country() -> None:
    text = (
        "In Astana haben Gespräche über den Syrien-Krieg begonnen. In der kasachischen Hauptstadt trafen sich "
        "Vertreter Russlands, der Türkei und Irans. Auch Rebellen nahmen an den Gesprächen in Astana teil. In "
        "Syrien gingen die Kämpfe weiter."
    )
    codes = {a.code for e in extract(text, published_at=PUB_2016_11_10) for a in e.actors}
    assert "KAZ-REB" not in codes


def test_veto_sponsor_list_and_un_seat() -> None:
    text = (
        "China hat im UN-Sicherheitsrat sein Veto gegen einen Entwurf Kanadas, Japans und Mexikos zum Krieg in "
        "Myanmar eingelegt."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "ResolutionBlocked")
    assert ("CHN", "blocked_by") in _role_pairs(event)
    assert {"CAN", "JPN", "MEX"} <= {code for code, role in _role_pairs(event) if role == "sponsor"}
    assert event.location is not None and event.location.name == "New York City"


def test_actor_in_the_drafts_topic_is_not_a_blocker() -> None:
    text = "Großbritannien hat eine Resolution des Sicherheitsrats gegen die Blockade Katars durch Ägypten verhindert."
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "ResolutionBlocked")
    assert {code for code, role in _role_pairs(event) if role == "blocked_by"} == {"GBR"}


def test_a_demonym_naming_who_administers_a_part_is_a_place() -> None:
    text = "Die Luftwaffe Indiens hat in der Nacht Ziele im pakistanisch verwalteten Teil der Region angegriffen."
    (event,) = [e for e in extract(_KRIEG + text, published_at="2025-05-08") if isinstance(e, OffensiveLaunched)]
    assert {a.code for a in event.actors if a.role == "attacker"} == {"IND"}


@pytest.mark.parametrize(
    "text",
    [
        "Israels Armee meldet Gefechte. Am Montag griffen bewaffnete Kämpfer einen Armeeposten der israelischen Armee "
        "bei Sderot an.",
        "Israels Armee meldet Gefechte. Am Montag griffen Terroristen einen Armeeposten der israelischen Armee bei "
        "Sderot an.",
    ],
)
def test_armed_men_fighting_israel_are_palestinian_insurgents(text: str) -> None:
    (event,) = [e for e in extract(text, published_at="2023-10-10") if isinstance(e, OffensiveLaunched)]
    codes = {a.code for a in event.actors}
    assert "PSE-REB" in codes and not codes & {"ISR-REB", "ISR-MIL"}


def test_es_as_subject_stands_for_the_party_of_the_sentence_before() -> None:
    text = (
        "Seither kämpft das Militär Äthiopiens in der Region Tigray gegen die Rebellen. "
        "Vor gut einer Woche startete es eine neue Offensive auf die Stadt Mekele."
    )
    (event,) = [e for e in extract(_KRIEG + text, published_at="2021-07-10") if isinstance(e, OffensiveLaunched)]
    assert "ETH" in {a.code for a in event.actors if a.role == "attacker"}


def test_expletive_es_is_no_subject() -> None:
    text = (
        "Die Armee Äthiopiens meldet Erfolge in der Region Tigray. "
        "In der Nacht gab es eine neue Offensive der Rebellen auf die Stadt Mekele."
    )
    events = [e for e in extract(_KRIEG + text, published_at="2021-07-10") if isinstance(e, OffensiveLaunched)]
    assert all("ETH" not in {a.code for a in e.actors if a.role == "attacker"} for e in events)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Hamas hat am Samstag den schwersten Angriff seit der israelischen Staatsgründung gestartet.", "de"),
        ("Hamas launched the deadliest attack since the Israeli independence war on Saturday.", "en"),
    ],
)
def test_a_demonym_in_a_since_phrase_names_no_party(text: str, language: str) -> None:
    events = _of(extract(text, published_at=PUB_2023_10_08, language=language), "OffensiveLaunched")
    assert events and _codes(events[0]) == {"PSE-REB"}


def test_the_neighbouring_country_moved_into_is_a_place_not_an_attacker() -> None:
    text = "Die israelische Armee ist am Dienstag mit Spezialeinheiten in das Nachbarland Libanon eingerückt."
    events = _of(extract(text, published_at=PUB_2023_10_08, language="de"), "OffensiveLaunched")
    assert events and "LBN" not in _codes(events[0])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Luftangriffe der israelischen Armee sind die schwersten in der Geschichte des Libanon.", "de"),
        ("The Israeli air strikes on Hezbollah were the heaviest in the history of Lebanon.", "en"),
    ],
)
def test_a_state_whose_history_ranks_the_attack_is_no_party(text: str, language: str) -> None:
    events = _of(extract(text, published_at=PUB_2023_10_08, language=language), "OffensiveLaunched")
    assert events and "LBN" not in _codes(events[0])


@pytest.mark.parametrize(
    ("published", "attacker", "target"),
    [("2025-03-08", "SYR", "SYR-REB"), ("2017-03-09", "JFS", "SYR")],
)
def test_syrian_codes_follow_who_holds_power_at_the_date(published: str, attacker: str, target: str) -> None:
    text = "Kämpfer der HTS griffen am Montag Assad-treue Milizen in Latakia an."
    (event,) = _of(extract(text, published_at=published, language="de"), "OffensiveLaunched")
    assert _role_pairs(event) == {(attacker, "attacker"), (target, "target")}


def test_the_government_facing_the_rebels_is_the_state() -> None:
    text = "Syrien-Krieg: Regierung und Rebellen haben sich am Freitag auf eine landesweite Waffenruhe geeinigt."
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "CeasefireAnnounced")
    assert _codes(event) == {"SYR", "SYR-REB"}


def test_the_mediator_who_reports_a_truce_announces_it_and_is_no_party() -> None:
    text = "Die Waffenruhe zwischen Israel und der Hamas gilt seit Sonntag, teilte der Vermittler Katar mit."
    (event,) = _of(extract(text, published_at="2023-11-28"), "CeasefireAnnounced")
    roles = _role_pairs(event)
    assert ("QAT", "announced_by") in roles
    assert ("QAT", "party") not in roles
    assert {("ISR", "party"), ("PSE-REB", "party")} <= roles


def test_members_that_abstained_did_not_block_the_draft() -> None:
    text = (
        "Russland hat im UN-Sicherheitsrat sein Veto gegen einen von Frankreich vorgelegten Resolutionsentwurf "
        "zu Syrien eingelegt. Bei der Abstimmung am Samstag stimmte außer Russland noch Venezuela gegen den "
        "Entwurf, China und Angola enthielten sich."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "ResolutionBlocked")
    blockers = {a.code for a in event.actors if a.role == "blocked_by"}
    assert "RUS" in blockers
    assert not blockers & {"CHN", "AGO"}


def test_a_country_adjective_naming_a_region_is_no_blocker() -> None:
    text = (
        "Russland hat im UN-Sicherheitsrat mit seinem Veto eine Verlängerung der Hilfslieferungen für die "
        "syrischen Rebellengebiete blockiert."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "ResolutionBlocked")
    assert {a.code for a in event.actors if a.role == "blocked_by"} == {"RUS"}


def test_an_attack_in_a_subordinate_clause_keeps_the_parties_of_its_clause() -> None:
    text = _KRIEG + "Weil sich Russland an der Offensive auf Aleppo beteiligt, kam es zum Zerwürfnis mit den USA."
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert _role_of(event) == {"RUS": "attacker"}


def test_the_army_that_stopped_an_offensive_is_its_target() -> None:
    (event,) = _offensives(
        _KRIEG + "Die ukrainische Armee hat nach Angaben ihres Oberbefehlshabers die russische Sommeroffensive "
        "im Gebiet Donezk aufgehalten."
    )
    assert _role_of(event) == {"UKR": "target", "RUS": "attacker"}


def test_a_capital_that_speaks_is_no_place_of_the_fighting() -> None:
    events = _offensives(_KRIEG + "Kiew spricht von befreiten Orten, russische Truppen haben Dörfer angegriffen.")
    assert all(e.location is None or e.location.name != "Kyiv" for e in events)


def test_an_attack_whose_sentence_names_nobody_is_by_the_attacker_just_reported() -> None:
    events = _offensives(
        "Gaza-Krieg\n\nBei israelischen Angriffen im Gazastreifen sind am Samstag mindestens 15 Menschen getötet "
        "worden. Wie ein Sprecher mitteilte, traf einer der nächtlichen Luftangriffe ein Wohngebiet in Chan Junis."
    )
    assert events and all(_role_of(e) == {"ISR": "attacker"} for e in events)


def test_the_state_a_truce_is_declared_for_is_its_area_not_a_party() -> None:
    events = extract(
        "Ukraine-Krieg\n\nDer russische Präsident Putin hat für die Ukraine eine einseitige Waffenruhe an Ostern "
        "angekündigt.",
        published_at="2025-04-19",
    )
    (truce,) = _of(events, "CeasefireAnnounced")
    assert _role_pairs(truce) == {("RUS", "announced_by")}
    assert truce.location is not None and truce.location.name == "Ukraine"


def test_a_leader_meeting_his_own_general_staff_holds_no_talks() -> None:
    events = extract(
        "Ukraine-Krieg\n\nDer russische Präsident Putin hat für die Ukraine eine Waffenruhe angekündigt. Putin "
        "äußerte sich in einem im Fernsehen übertragenen Treffen mit Generalstabschef Gerassimow.",
        published_at="2025-04-19",
    )
    assert _of(events, "TalksHeld") == []


def test_a_sides_account_is_no_party_when_the_sentence_names_the_attacker() -> None:
    (event,) = _offensives(
        _KRIEG + "Nach israelischen Angaben hatte der Iran kurz nach Inkrafttreten der Waffenruhe die "
        "Küstenstadt Haifa beschossen."
    )
    assert _role_of(event) == {"IRN": "attacker"}


def test_both_sides_attacking_each_other_are_the_sides_of_the_truce_just_told() -> None:
    events = extract(
        "Krieg im Nahen Osten\n\nUS-Präsident Trump hat eine Waffenruhe zwischen Israel und dem Iran "
        "angekündigt. Vor Ablauf der Frist griffen sich beide Seiten in der Nacht wieder gegenseitig an.",
        published_at="2025-06-24",
    )
    (attack,) = _of(events, "OffensiveLaunched")
    assert _role_pairs(attack) == {("ISR", "attacker"), ("IRN", "attacker")}


def test_the_kurds_an_offensive_in_syria_is_against_are_the_kurdish_forces() -> None:
    (event,) = _offensives(
        "Nordsyrien\n\nDie Türkei hatte am Mittwoch einen Militäreinsatz gegen die Kurden in Nordsyrien begonnen."
    )
    assert _role_of(event) == {"TUR": "attacker", "SYR-KRD": "target"}


def test_a_person_before_a_colon_speaks_and_is_no_attacker() -> None:
    text = (
        "Israels Armee bombardierte am Samstag Ziele in Gaza.\n\n"
        'Scholz: Großangriff von "Terroristen"\n\n'
        "Die Hamas hatte am Samstag einen Großangriff auf Israel gestartet."
    )
    events = _of(extract(text, published_at=PUB_2023_10_08, language="de"), "OffensiveLaunched")
    assert events and all("DEU" not in {a.code for a in e.actors} for e in events)


def test_a_german_speaker_of_a_report_about_others_is_no_party() -> None:
    text = (
        "Die Hamas hat am Samstag Israel angegriffen. "
        "Bundeskanzler Olaf Scholz erklärte, der Angriff der Hamas auf Israel sei durch nichts zu rechtfertigen."
    )
    events = _of(extract(text, published_at=PUB_2023_10_08, language="de"), "OffensiveLaunched")
    assert events and all("DEU" not in {a.code for a in e.actors} for e in events)


def test_a_german_speaker_whose_own_side_acts_stays_a_party() -> None:
    text = "Netanjahu sagte, man habe am Samstag Stellungen der Hamas in Gaza bombardiert."
    (event,) = _of(extract(text, published_at=PUB_2023_10_08, language="de"), "OffensiveLaunched")
    assert {("ISR", "attacker"), ("PSE-REB", "target")} <= _role_pairs(event)


def test_a_party_listed_after_a_target_is_a_target_too() -> None:
    text = (
        "Die israelische Armee hat am Samstag Luftangriffe gegen die Hamas im Gazastreifen und die Hisbollah im "
        "Libanon geflogen."
    )
    (event,) = _of(extract(text, published_at="2024-04-27", language="de"), "OffensiveLaunched")
    assert {("ISR", "attacker"), ("PSE-REB", "target"), ("HEZ", "target")} <= _role_pairs(event)


def test_the_group_whose_fighters_died_is_the_target() -> None:
    text = (
        "Bei einem israelischen Luftangriff im Südlibanon sind am Samstag sieben Kämpfer der Hisbollah getötet worden."
    )
    (event,) = _of(extract(text, published_at="2024-04-27", language="de"), "OffensiveLaunched")
    assert ("HEZ", "target") in _role_pairs(event)
    assert event.location is not None and event.location.name == "South Lebanon"


def test_facilities_of_a_group_that_were_attacked_make_it_the_target() -> None:
    text = (
        "Die israelische Armee teilte mit, es seien 17 Militäranlagen und vier Kommandozentren der Hamas "
        "angegriffen worden."
    )
    (event,) = _of(extract(text, published_at="2023-10-07", language="de"), "OffensiveLaunched")
    assert {("ISR", "attacker"), ("PSE-REB", "target")} <= _role_pairs(event)
