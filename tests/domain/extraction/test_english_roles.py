"""English roles end to end: attacker, target, participants, mediator, blocker and sponsors, and
the place each event takes (sentences of our own)."""

from __future__ import annotations

import msgspec

from domain.extraction import extract
from domain.extraction.lexicon import CEASEFIRE, OFFENSIVE, RESOLUTION, TALKS

PUB = "2016-11-10"  # a Thursday


def _events(text: str, pub: str = PUB) -> list[dict[str, object]]:
    out: list[dict[str, object]] = msgspec.to_builtins(extract(text, published_at=pub, language="en"))
    return out


def _roles(event: dict[str, object]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for actor in event["actors"]:  # type: ignore[attr-defined]
        out.setdefault(actor["role"], set()).add(actor["code"])
    return out


def test_offensive_attacker_target_and_place() -> None:
    (event,) = _events(
        "Syrian government troops, "
        "backed by Russian air strikes, launched an offensive against Islamic State in Palmyra on Monday."
    )
    assert event["type"] == OFFENSIVE
    roles = _roles(event)
    assert {"SYR", "RUS"} <= roles["attacker"] and roles["target"] == {"ISIL"}
    assert event["location"]["name"] == "Palmyra"  # type: ignore[index]
    assert event["occurred"]["start"] == "2016-11-07"  # type: ignore[index]


def test_passive_agent_is_the_attacker() -> None:
    (event,) = _events("The town of Manbij was captured by the Kurdish-led SDF on Saturday.")
    assert "SYR-KRD" in _roles(event)["attacker"]


def test_agent_of_a_reduced_relative_attack_participle_is_the_attacker() -> None:
    events = _events(
        "Reporters filmed the hills above Raqqa, the last high ground captured by the Kurdish-led SDF on Tuesday."
    )
    offensives = [e for e in events if e["type"] == OFFENSIVE]
    assert offensives and "SYR-KRD" in _roles(offensives[0])["attacker"]


def test_holder_of_a_reduced_relative_is_not_made_an_attacker() -> None:
    events = _events("Syrian troops shelled districts held by rebels in Aleppo on Tuesday.")
    offensives = [e for e in events if e["type"] == OFFENSIVE]
    assert offensives and "SYR-REB" not in _roles(offensives[0]).get("attacker", set())


def test_talks_participants_and_mediator() -> None:
    events = _events(
        "Syrian government and rebel delegations met in Astana on Monday in talks brokered by Russia, Turkey and Iran. "
        "Fighting went on in the province of Idlib."
    )
    talks = [e for e in events if e["type"] == TALKS]
    assert talks and {"SYR", "SYR-REB"} <= {a["code"] for a in talks[0]["actors"]}  # type: ignore[attr-defined]
    assert talks[0]["location"]["name"] == "Astana"  # type: ignore[index]
    assert "RUS" in _roles(talks[0]).get("mediator", set())


def test_phone_call_is_talks_without_place() -> None:
    (event,) = _events(
        "Russian President Vladimir Putin and Turkish President Tayyip Erdogan spoke by phone on Tuesday about Syria."
    )
    assert event["type"] == TALKS and {"RUS", "TUR"} <= {a["code"] for a in event["actors"]}  # type: ignore[attr-defined]
    assert event["location"] is None


def test_veto_blocker_and_sponsors() -> None:
    events = _events(
        "Russia vetoed a draft resolution drafted by France and Spain at the U.N. Security Council on Saturday."
    )
    (event,) = [e for e in events if e["type"] == RESOLUTION]
    roles = _roles(event)
    assert roles["blocked_by"] == {"RUS"} and {"FRA", "ESP"} <= roles["sponsor"]
    assert event["location"]["name"] == "New York City"  # type: ignore[index]


def test_nationwide_ceasefire_in_the_country() -> None:
    events = _events(
        "Russia and Turkey announced a nationwide ceasefire in Syria on Thursday, "
        "and the Syrian army said it would abide by it."
    )
    (event,) = [e for e in events if e["type"] == CEASEFIRE]
    assert event["location"]["name"] == "Syria"  # type: ignore[index]
    assert {"RUS", "TUR"} <= {a["code"] for a in event["actors"]}  # type: ignore[attr-defined]


def test_an_actor_after_says_that_acts_is_the_reported_subject_not_the_source() -> None:
    events = _events(
        "A military spokesman, Brig. Gen. Ali Hassan, says Iraqi forces retook villages near Makhmour on Thursday."
    )
    offensives = [e for e in events if e["type"] == OFFENSIVE]
    assert offensives and "IRQ" in _roles(offensives[0]).get("attacker", set())


def test_an_inverted_attribution_stays_a_source() -> None:
    (event,) = _events("Islamic State fighters attacked Ramadi on Monday, said the Iraqi army.")
    assert {a["code"] for a in event["actors"]} == {"ISIL"}  # type: ignore[attr-defined]


def test_the_noun_an_attack_participle_qualifies_is_the_target() -> None:
    events = _events("Army units besieged by Islamic State in Deir al-Zor received food by air on Tuesday.")
    offensives = [e for e in events if e["type"] == OFFENSIVE]
    assert offensives
    roles = _roles(offensives[0])
    assert roles["attacker"] == {"ISIL"} and "SYR" in roles.get("target", set())


def test_the_capital_after_government_in_stands_for_the_state() -> None:
    events = _events("Forces loyal to the government in Tripoli advanced into Sirte on Monday.")
    offensives = [e for e in events if e["type"] == OFFENSIVE]
    assert offensives and "LBY" in _roles(offensives[0]).get("attacker", set())


def test_the_side_that_repelled_the_attack_is_its_target() -> None:
    events = _events("The Syrian army said it repelled a rebel attack on its positions near Hama on Monday.")
    offensives = [e for e in events if e["type"] == OFFENSIVE]
    assert offensives
    roles = _roles(offensives[0])
    assert roles["attacker"] == {"SYR-REB"} and "SYR" in roles.get("target", set())


def test_a_country_after_in_and_two_geographic_adjectives_is_a_place_not_an_attacker() -> None:
    (event,) = _events("War\n\nTurkish jets bombed PKK camps in mountainous northern Iraq on Monday.")
    assert {a["code"] for a in event["actors"]} == {"TUR", "TUR-REB"}  # type: ignore[attr-defined]


def test_the_country_of_a_dateline_is_no_party_to_the_talks() -> None:
    text = (
        "TROMSOE, Norway U.S. Secretary of State John Kerry met Iranian Foreign Minister Mohammad Javad Zarif "
        "on Wednesday to discuss the truce in Syria."
    )
    talks = [e for e in _events(text) if e["type"] == TALKS]
    assert talks and {a["code"] for a in talks[0]["actors"]} == {"USA", "IRN"}  # type: ignore[attr-defined]


def test_a_state_named_as_a_part_of_the_country_is_a_place_not_an_actor() -> None:
    text = "Islamist militants attacked a village in the north of Nigeria on Tuesday, killing 12 people."
    (event,) = [e for e in _events(text) if e["type"] == "OffensiveLaunched"]
    assert _roles(event) == {"attacker": {"NGA-REB"}}


def test_the_speaker_of_a_closing_attribution_is_no_party() -> None:
    text = "Militants attacked a checkpoint near Maiduguri on Tuesday, killing 12 soldiers, the army said."
    (event,) = [e for e in _events(text) if e["type"] == "OffensiveLaunched"]
    assert _roles(event) == {"attacker": {"NGA-REB"}, "target": {"NGA"}}  # the army reports; its soldiers died


def test_an_abbreviation_in_brackets_before_targets_keeps_the_group_the_target() -> None:
    (event,) = _of_type(
        _events("Turkish jets bombed Kurdistan Workers Party (PKK) targets in northern Iraq on Monday."), OFFENSIVE
    )
    roles = _roles(event)
    assert roles["attacker"] == {"TUR"}
    assert roles["target"] == {"TUR-REB"}


def test_a_second_attack_with_its_own_subject_is_an_event_of_its_own() -> None:
    text = (
        "Turkish jets struck Kurdistan Workers Party (PKK) targets in northern Iraq on Monday, "
        "a day after the militants had attacked a military convoy in Hakkari."
    )
    first, second = _of_type(_events(text), OFFENSIVE)
    assert _roles(first)["attacker"] == {"TUR"}
    assert "TUR" not in _roles(second).get("attacker", set())
    assert second["location"]["name"] == "Hakkari"  # type: ignore[index]


def _of_type(events: list[dict[str, object]], event_type: str) -> list[dict[str, object]]:
    return [e for e in events if e["type"] == event_type]


def test_the_insurgents_frontline_is_the_target() -> None:
    text = (
        "Syrian artillery pounded rebel positions in Aleppo on Saturday, as President Bashar al-Assad's forces "
        "tried to break through the insurgents' frontline in the city."
    )
    (event,) = _of_type(_events(text), OFFENSIVE)
    assert _roles(event) == {"attacker": {"SYR"}, "target": {"SYR-REB"}}


def test_an_offensive_targeting_a_group_has_it_as_target() -> None:
    (event,) = _of_type(
        _events("Russian and Syrian jets on Tuesday began a new offensive targeting rebels in Aleppo."), OFFENSIVE
    )
    assert _roles(event) == {"attacker": {"RUS", "SYR"}, "target": {"SYR-REB"}}


def test_a_later_name_of_the_target_group_is_no_attacker() -> None:
    text = (
        "Air strikes targeted the headquarters of Jabhat Fateh al-Sham in Idlib on Tuesday, an al-Qaeda "
        "linked group formerly known as the Nusra Front."
    )
    (event,) = _of_type(_events(text), OFFENSIVE)
    assert _roles(event) == {"target": {"JFS"}}


def test_the_passive_agent_after_a_weekday_is_the_attacker() -> None:
    text = "Dozens of Islamic State militants were killed Tuesday by a Syrian air strike near Aleppo."
    (event,) = _of_type(_events(text), OFFENSIVE)
    assert _roles(event) == {"attacker": {"SYR"}, "target": {"ISIL"}}


def test_members_that_abstained_did_not_block_the_draft() -> None:
    text = (
        "Russia vetoed a French draft resolution on Aleppo in the Security Council on Saturday. "
        "Russia and Venezuela voted against the draft, while China and Angola abstained."
    )
    (event,) = _of_type(_events(text), RESOLUTION)
    assert not _roles(event).get("blocked_by", set()) & {"CHN", "AGO"}


def test_the_second_of_two_countries_after_in_is_a_place_not_an_attacker() -> None:
    text = (
        "Iraqi forces, part of a coalition seeking to crush the jihadists in their strongholds in Iraq or Syria, "
        "took the town of Hammam al-Alil south of Mosul on Monday."
    )
    (event,) = _of_type(_events(text), OFFENSIVE)
    assert "SYR" not in {a["code"] for a in event["actors"]}  # type: ignore[attr-defined]
    assert _roles(event)["target"] == {"ISIL"}


def test_unnamed_forces_taking_a_town_from_an_armed_group_attack() -> None:
    text = (
        "Iraq war: The rapid response forces, seeking to crush the jihadists, took the town of Hammam al-Alil "
        "south of Mosul on Monday."
    )
    (event,) = _of_type(_events(text), OFFENSIVE)
    assert event["location"]["name"] == "Hammam al-Alil"  # type: ignore[index]
    assert _roles(event) == {"target": {"ISIL"}}


def test_a_country_where_a_monitor_is_based_is_no_party() -> None:
    (event,) = _events("The London-based monitor said there had been rebel and army shelling around Homs on Tuesday.")
    assert event["type"] == OFFENSIVE
    assert "GBR" not in {a["code"] for a in event["actors"]}  # type: ignore[attr-defined]


def test_the_speaker_of_a_report_with_its_own_subject_is_no_attacker() -> None:
    (event,) = _events(
        "The rebel group Ahrar al-Sham said in a statement that, despite the truce, Syrian government forces "
        "had attacked the town of Douma on Tuesday."
    )
    assert event["type"] == OFFENSIVE
    assert _roles(event)["attacker"] == {"SYR"}


def test_an_army_that_reports_what_its_troops_did_stays_the_attacker() -> None:
    (event,) = _events("The Iraqi army said it had shelled Islamic State positions in Mosul on Tuesday.")
    assert "IRQ" in _roles(event)["attacker"]


def test_talks_aimed_at_a_goal_take_neither_its_groups_nor_its_town() -> None:
    (event,) = _events(
        "Officials from the United States and Russia held talks in Geneva on Wednesday aimed at agreeing on how to "
        "separate "
        "militants of the Nusra Front from rebel fighters in the besieged city of Aleppo."
    )
    assert event["type"] == TALKS
    assert _roles(event)["participant"] == {"USA", "RUS"}
    assert event["location"]["name"] == "Geneva"  # type: ignore[index]


def test_a_body_representing_a_side_at_talks_reports_no_talks() -> None:
    events = _events(
        "Douma had been held by the rebels, who are part of the committee representing the opposition at "
        "international peace talks."
    )
    assert TALKS not in {e["type"] for e in events}


def test_a_regime_of_calm_is_a_declared_truce() -> None:
    (event,) = _events("The Syrian army declared a 72-hour regime of calm across the country on Wednesday.")
    assert event["type"] == CEASEFIRE
    assert "SYR" in _roles(event)["announced_by"]


def test_history_dated_back_from_the_news_is_no_event_and_lends_no_parties() -> None:
    (event,) = _events(
        "Two years after the jihadists of Islamic State seized the city and declared a caliphate across Iraq and "
        "Syria, Iraqi troops and Kurdish Peshmerga fighters began to advance on Mosul on Monday."
    )
    assert event["type"] == OFFENSIVE
    assert "SYR" not in {a["code"] for a in event["actors"]}  # type: ignore[attr-defined]
    assert event["occurred"]["start"] == "2016-11-07"  # type: ignore[index]


def test_the_group_an_offensive_drives_from_a_city_is_its_target() -> None:
    (event,) = _events("Iraqi forces launched an offensive on Monday to drive Islamic State from the city of Mosul.")
    roles = _roles(event)
    assert roles["target"] == {"ISIL"} and "IRQ" in roles["attacker"]


def test_the_accuser_of_an_air_strike_is_no_attacker() -> None:
    (event,) = _events(
        "Yemen's Houthi movement accused a Saudi-led coalition of launching air strikes that killed seven people "
        "near Sanaa on Sunday."
    )
    assert _roles(event) == {"attacker": {"SAU"}}


def test_the_speaker_of_a_closing_statement_is_a_source() -> None:
    (event,) = _events(
        '"The aggressor\'s planes bombed the Nehm district near Sanaa on Sunday," the Houthis said in a statement.'
    )
    assert "YEM-REB" not in {a["code"] for a in event["actors"]}  # type: ignore[attr-defined]


def test_the_government_beside_a_group_is_a_party_of_talks_in_a_country_venue() -> None:
    (event,) = _events("The Houthis and the government held peace talks in Kuwait on Sunday to end the war in Yemen.")
    assert event["type"] == TALKS
    assert _roles(event)["participant"] == {"YEM-REB", "YEM"}
    assert event["location"]["name"] == "Kuwait"  # type: ignore[index]


def test_the_patrons_of_the_sides_are_no_parties_of_their_talks() -> None:
    (event,) = _events(
        "The Iran-allied Houthis and the Saudi-backed government of Yemen held peace talks in Kuwait on Sunday "
        "to end the war."
    )
    assert not {"IRN", "SAU"} & _roles(event)["participant"]


def test_a_truce_between_a_state_and_its_rebels_holds_in_their_country_not_where_it_was_signed() -> None:
    events = _events(
        "Colombia peace\n\nThe Colombian government and the FARC rebels took a final step toward peace on Thursday, "
        "signing a definitive cease-fire agreement at a ceremony in Havana."
    )
    (truce,) = [e for e in events if e["type"] == CEASEFIRE]
    assert truce["location"]["name"] == "Colombia"  # type: ignore[index]


def test_talks_going_on_for_years_or_only_visited_are_no_talks_held() -> None:
    events = _events(
        "Colombia peace\n\nThe FARC rebels and the government agreed to a cease-fire on Wednesday. They will sign "
        "it in Havana, where peace talks have been held for four years. Washington was sending its special envoy "
        "to the peace talks, and the presidents of Chile and Venezuela, peace talks co-sponsors, will be there."
    )
    assert TALKS not in {e["type"] for e in events}


def test_a_surname_that_is_a_demonym_names_no_state() -> None:
    (event,) = _events(
        "Afghanistan\n\nMahmod Danish, spokesman for the governor, said Taliban insurgents attacked Kunduz on Monday."
    )
    assert "DNK" not in {a["code"] for a in event["actors"]}  # type: ignore[attr-defined]


def test_officials_who_say_what_another_side_did_are_no_party_and_the_side_that_pushed_back_is_the_target() -> None:
    (event,) = _events(
        "Afghanistan\n\nAfghan officials say that Taliban insurgents launched attacks on Kunduz on Monday but "
        "security forces pushed them back."
    )
    assert _roles(event) == {"attacker": {"AFG-REB"}, "target": {"AFG"}}


def test_the_groups_named_as_examples_of_whom_an_operation_is_against_are_its_targets() -> None:
    (event,) = _events(
        "Syria\n\nTurkish tanks and jets launched an operation in northern Syria on Wednesday against terror groups "
        "which constantly threaten our country, like ISIS and the PYD, Erdogan said."
    )
    roles = _roles(event)
    assert roles["target"] == {"ISIL", "SYR-KRD"} and "TUR" in roles["attacker"]


def test_a_truces_own_area_is_no_venue_of_the_talks_that_agreed_it() -> None:
    events = _events(
        "Syria\n\nTurkey and Russia agreed on Wednesday on a plan to extend the ceasefire deal in Aleppo to the "
        "whole of Syria."
    )
    talks = [e for e in events if e["type"] == TALKS]
    assert all((e["location"] or {}).get("name") != "Aleppo" for e in talks)


def test_leaders_who_had_spoken_by_phone_held_talks() -> None:
    events = _events(
        "South Sudan\n\nA spokesman said President Salva Kiir and rebel leader Riek Machar had spoken by phone on "
        "Monday about the fighting in Juba."
    )
    assert [e["type"] for e in events] == [TALKS]


def test_an_order_to_cease_hostilities_declares_a_truce() -> None:
    events = _events(
        "South Sudan\n\nPresident Salva Kiir ordered the army to cease hostilities against the rebels in Juba on "
        "Monday."
    )
    assert CEASEFIRE in {e["type"] for e in events}


def test_a_strike_on_a_hall_packed_with_mourners_is_reported_and_its_later_mention_as_a_cause_is_not() -> None:
    events = _events(
        "Yemen\n\nAn airstrike by a Saudi-led coalition on Saturday targeted a funeral hall packed with thousands "
        "of mourners in Sanaa, killing more than 140 people. The airstrike has prompted the U.S. to initiate a "
        "review of its support for the coalition."
    )
    (event,) = events
    assert _roles(event) == {"attacker": {"SAU"}}
    assert event["casualties"]["killed"] == 140  # type: ignore[index]


def test_a_siege_lasting_years_is_a_state_not_an_event() -> None:
    events = _events(
        "Syria\n\nThe villages of Nubl and Zahraa have been under rebel siege for around three years, residents said."
    )
    assert events == []


def test_the_coalition_that_carried_out_strikes_is_the_attacker_and_no_place() -> None:
    text = "At least 38 people were killed in air strikes carried out by a U.S.-led coalition in Hasaka province."
    (event,) = [
        e for e in extract(text, published_at="2016-02-19", language="en") if type(e).__name__ == "OffensiveLaunched"
    ]
    assert {(a.code, a.role) for a in event.actors} == {("USA", "attacker")}
    assert event.location is None or event.location.country != "US"


def test_a_state_named_as_a_border_or_a_part_of_the_country_is_no_party() -> None:
    text = (
        "Suspected Islamist militants stormed a village in north-east Nigeria on Sunday. Strikes hit a bakery in "
        "the town of al-Shadadi near the border with Iraq on Tuesday."
    )
    events = [
        e for e in extract(text, published_at="2016-02-19", language="en") if type(e).__name__ == "OffensiveLaunched"
    ]
    codes = {a.code for e in events for a in e.actors}
    assert "NGA" not in codes and "IRQ" not in codes


def test_an_army_that_suppressed_a_quoted_major_attack_is_its_target() -> None:
    text = (
        'The Sudanese army said on Saturday it suppressed a "major" attack by the Rapid Support Forces on the city '
        "of El Fasher."
    )
    (event,) = [
        e for e in extract(text, published_at="2024-08-11", language="en") if type(e).__name__ == "OffensiveLaunched"
    ]
    assert {(a.code, a.role) for a in event.actors} == {("SDN", "target"), ("SDN-MIL", "attacker")}


def test_the_group_killed_or_captured_is_the_target_and_its_backer_and_a_states_port_no_party() -> None:
    text = (
        "A coalition led by Saudi Arabia attacked Yemen's port city of Hudaida on Wednesday, killing more than 250 "
        "Iranian-backed Houthi rebels. The attack led to the capture of 140 Houthi soldiers."
    )
    (event,) = [
        e for e in extract(text, published_at="2018-06-13", language="en") if type(e).__name__ == "OffensiveLaunched"
    ]
    assert {(a.code, a.role) for a in event.actors} == {("SAU", "attacker"), ("YEM-REB", "target")}
    assert event.casualties is not None and event.casualties.killed_low == 251


def test_a_country_after_its_town_and_a_comma_is_a_place_not_a_party() -> None:
    text = (
        "At least 19 people were killed on Saturday in air strikes by a Saudi-led coalition in the port city of "
        "Hodeida, Yemen, rebels said."
    )
    (event,) = [
        e for e in extract(text, published_at="2018-10-13", language="en") if type(e).__name__ == "OffensiveLaunched"
    ]
    assert "YEM" not in {a.code for a in event.actors}
    assert event.location is not None and event.location.name == "Hodeidah"


def test_a_drone_attack_shot_down_over_a_warring_states_capital_is_placed_there_with_the_state_as_target() -> None:
    text = (
        "Ukrainian troops recaptured a village near Bakhmut on Thursday. Overnight, Russia shot down an attempted "
        "drone attack directed at Moscow, the city's mayor said."
    )
    events = [
        e for e in extract(text, published_at="2023-07-28", language="en") if type(e).__name__ == "OffensiveLaunched"
    ]
    moscow = [e for e in events if e.location is not None and e.location.name == "Moscow"]
    assert moscow and ("RUS", "target") in {(a.code, a.role) for a in moscow[0].actors}
