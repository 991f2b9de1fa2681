"""English end-to-end behaviours: which sentences of our own make which events, with which roles."""

from __future__ import annotations

import msgspec

from domain.extraction import extract
from domain.extraction.lexicon import OFFENSIVE, TALKS

PUB = "2016-11-10"  # a Thursday


def _events(text: str) -> list[dict[str, object]]:
    out: list[dict[str, object]] = msgspec.to_builtins(extract(text, published_at=PUB, language="en"))
    return out


def _of(events: list[dict[str, object]], event_type: str) -> list[dict[str, object]]:
    return [e for e in events if e["type"] == event_type]


def test_talks_about_oil_output_are_off_topic() -> None:
    text = (
        "The Syrian war dominated the news. Saudi Arabia and Russia held talks in Vienna on Wednesday "
        "about oil output and crude prices."
    )
    assert _of(_events(text), TALKS) == []


def test_venue_after_city_of() -> None:
    text = "Syria's war: Russia and the United States held talks on Wednesday in the Austrian city of Vienna."
    talks = _of(_events(text), TALKS)
    assert talks, _events(text)
    assert talks[0]["location"]["name"] == "Vienna"  # type: ignore[index]


def test_attack_with_heavy_weapons_is_an_assault() -> None:
    text = "Syrian army troops attacked the rebel-held town of Rastan with tanks on Wednesday."
    assert _of(_events(text), OFFENSIVE)


def test_the_two_men_are_the_parties_named_before() -> None:
    text = (
        "Fighting in Syria: Putin and Erdogan disagreed publicly over the rebels last month. "
        "On Wednesday the two men held talks in Sochi."
    )
    talks = _of(_events(text), TALKS)
    assert talks
    codes = {a["code"] for a in talks[0]["actors"]}  # type: ignore[attr-defined]
    assert {"RUS", "TUR"} <= codes


def test_in_recent_days_dates_the_offensive_before_publication() -> None:
    text = (
        "Syrian army troops launched an offensive on the rebel-held town of Rastan in recent days, "
        "the first since Russian air strikes began on Sept. 30."
    )
    offensives = _of(_events(text), OFFENSIVE)
    assert offensives
    occurred = offensives[0]["occurred"]
    assert occurred["start"] == "2016-11-03"  # type: ignore[index]
    assert occurred["end"] == PUB  # type: ignore[index]


def test_the_talks_own_topic_decides_over_war_words_elsewhere() -> None:
    text = (
        "Rebel attacks and air strikes have made security a sticking point for Turkey with the EU "
        "in talks about a visa deal for Turkish travellers."
    )
    assert _of(_events(text), TALKS) == []


def test_talks_about_the_war_next_to_trade_words_stay() -> None:
    text = "Russia and Turkey held talks in Sochi on Wednesday about the Syrian war and a trade dispute."
    assert _of(_events(text), TALKS)


def test_talks_at_the_state_department_are_in_washington() -> None:
    text = "On the war in Yemen, Kerry held talks with the Saudi foreign minister at the State Department on Monday."
    talks = _of(_events(text), TALKS)
    assert talks
    assert talks[0]["location"]["name"] == "Washington"  # type: ignore[index]


def test_resuming_talks_is_a_prospect_not_talks() -> None:
    text = "Russia and the United States said Syria's truce was the first step to resuming peace talks in Geneva."
    assert _of(_events(text), TALKS) == []


def test_an_agreement_is_judged_by_its_own_object() -> None:
    text = "The European Union and Turkey agreed a migration deal in March, while the Syrian war raged."
    assert _of(_events(text), TALKS) == []
    text = "Russia and Turkey agreed a ceasefire deal for Syria on Wednesday, while trade ties suffered."
    assert _of(_events(text), TALKS) or _of(_events(text), "CeasefireAnnounced")


def test_an_air_raid_on_hamas_passes_the_conflict_gate() -> None:
    text = "Israeli aircraft struck Hamas targets in Gaza on Monday after a rocket hit southern Israel."
    offensives = _of(_events(text), OFFENSIVE)
    assert offensives
    assert {a["code"] for a in offensives[0]["actors"]} >= {"ISR", "PSE-REB"}  # type: ignore[attr-defined]


def test_troops_entering_a_town_is_an_assault_an_aid_convoy_is_not() -> None:
    assert _of(_events("Syrian troops entered the town of Palmyra on Sunday after heavy fighting."), OFFENSIVE)
    assert _of(_events("An aid convoy entered the war-torn town of Madaya in Syria on Monday."), OFFENSIVE) == []


def test_warplanes_hitting_rebel_targets_is_an_attack() -> None:
    assert _of(_events("Russian warplanes hit rebel targets near Idlib in Syria on Sunday."), OFFENSIVE)


def test_a_single_rocket_fired_on_a_city_is_an_attack() -> None:
    text = "The rebels late on Wednesday fired a rocket on the loyalist-held city of Marib in Yemen."
    (event,) = _of(_events(text), OFFENSIVE)
    assert {a["code"] for a in event["actors"]} == {"YEM-REB"}  # type: ignore[attr-defined]


def test_talks_that_were_supposed_to_start_were_not_held() -> None:
    text = "The Yemen talks were supposed to start on Monday in Kuwait, but the rebels failed to show up."
    assert _of(_events(text), TALKS) == []


def test_islamist_rebels_are_rebels_not_a_jihadist_group() -> None:
    text = "Syrian troops attacked Islamist rebels on the outskirts of Aleppo on Sunday."
    (event,) = _of(_events(text), OFFENSIVE)
    assert {(a["code"], a["role"]) for a in event["actors"]} == {("SYR", "attacker"), ("SYR-REB", "target")}  # type: ignore[attr-defined]


def test_whom_an_attack_is_blamed_on_is_the_attacker() -> None:
    text = "Activists blamed the air strikes on Aleppo on Syrian government warplanes."
    (event,) = _of(_events(text), OFFENSIVE)
    assert {(a["code"], a["role"]) for a in event["actors"]} == {("SYR", "attacker")}  # type: ignore[attr-defined]


def test_the_government_facing_the_rebels_is_the_state() -> None:
    text = "In Syria, the government and the rebels agreed to a ceasefire on Friday."
    (event,) = _of(_events(text), "CeasefireAnnounced")
    assert {a["code"] for a in event["actors"]} == {"SYR", "SYR-REB"}  # type: ignore[attr-defined]


def test_talks_held_are_not_planned_by_a_second_reported_predicate() -> None:
    text = (
        "Syria war: Lavrov accused the United States of holding up a Syrian ceasefire at talks in Geneva with "
        "Kerry on Friday and said the negotiations may have to be reconvened next week."
    )
    (talks,) = _of(_events(text), TALKS)
    assert talks["location"]["name"] == "Geneva"  # type: ignore[index]


def test_the_groups_a_call_was_about_are_not_its_participants() -> None:
    text = (
        "Syria war: Kerry and Lavrov held talks in Geneva on Friday. They discussed the need for disengagement "
        "of opposition groups from terrorists."
    )
    (talks,) = _of(_events(text), TALKS)
    assert {a["code"] for a in talks["actors"]} == {"USA", "RUS"}  # type: ignore[attr-defined]
