"""English triggers: which words state an event at all (sentences of our own)."""

from __future__ import annotations

import msgspec
import pytest

from domain.extraction import extract
from domain.extraction.lexicon import OFFENSIVE, TALKS, get_lexicon
from domain.extraction.sentences import split_sentences
from domain.extraction.triggers import find_triggers

PUB = "2016-11-10"
LEX = get_lexicon("en")


def _words(text: str, event_type: str) -> list[str]:
    sentence = split_sentences(text, LEX)[0]
    return [t.word.lower() for t in find_triggers(sentence, sentence.clauses(LEX), LEX) if t.event_type == event_type]


def _types(text: str) -> list[str]:
    events: list[dict[str, object]] = msgspec.to_builtins(extract(text, published_at=PUB, language="en"))
    return [str(e["type"]) for e in events]


def _triggers(text: str) -> list[tuple[str, str]]:
    sentence = split_sentences(text, LEX)[0]
    return [(t.event_type, t.word.lower()) for t in find_triggers(sentence, sentence.clauses(LEX), LEX)]


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the rebel Supreme Negotiations Committee rejected the offer.",
        "The opposition's talks team arrived at the hotel late.",
        "Members of the negotiations council said they were not consulted.",
    ],
)
def test_a_body_named_after_talks_is_no_talks_trigger(text: str) -> None:
    assert _words(text, TALKS) == []


@pytest.mark.parametrize(
    "text",
    [
        "Jordan has agreed to help resettle the families.",
        "The bank agreed a 2-billion-dollar loan for the province.",
        "Exporters agreed on Monday to cap production.",
    ],
)
def test_consent_to_act_is_no_agreement_between_parties(text: str) -> None:
    assert _words(text, TALKS) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Both delegations agreed on a prisoner exchange.", "agreed"),
        ("Ukraine agreed with Russia to pull back heavy guns.", "agreed"),
        ("After twelve hours the two sides agreed.", "agreed"),
        ("The factions agreed a truce for the valley.", "agreed"),
    ],
)
def test_agreement_with_object_or_partner_is_a_trigger(text: str, word: str) -> None:
    assert word in _words(text, TALKS)


def test_a_player_falling_to_the_ground_is_no_capture() -> None:
    assert _words("The winger lost his footing and fell to the turf near the corner flag.", OFFENSIVE) == []
    assert "fell to" in _words("The border town fell to the militants after a week of fighting.", OFFENSIVE)


def test_liberated_is_a_capture() -> None:
    assert "liberated" in _words("The army said it liberated two hilltop villages.", OFFENSIVE)


def test_a_match_report_yields_no_offensive() -> None:
    text = (
        "The quarterback threw a long pass in the second half of the Super Bowl. "
        "The receiver fell to the turf, and the referee reviewed the play. "
        "The coach said the season had been a long one, and the stadium roared as the home side scored."
    )
    assert OFFENSIVE not in _types(text)


def test_a_conference_call_is_talks() -> None:
    assert "conference call" in _words("In a conference call on Friday, the leaders discussed the truce.", TALKS)


def test_police_work_against_criminals_is_no_offensive() -> None:
    assert _words("Police stormed the bank and captured the robbers on Tuesday.", OFFENSIVE) == []
    assert _words("Militants stormed a police station on Tuesday.", OFFENSIVE) == ["stormed"]


@pytest.mark.parametrize(
    "text",
    [
        "Chelsea launched an offensive in the Premier League and stormed to the title.",
        "Shareholders seized on the merger talks.",
        "He suffered a heart attack.",
        "The company launched a charm offensive in Europe.",
    ],
)
def test_no_conflict_triggers_in_sport_and_business(text: str) -> None:
    types = _triggers(text)
    assert all(t not in (OFFENSIVE, TALKS) for t, _ in types), types


def test_attacks_in_a_cumulative_death_toll_report_no_offensive() -> None:
    text = (
        "Since October, more than 200 Kurds have been killed by Turkish troops, "
        "most while carrying out attacks on army posts."
    )
    assert OFFENSIVE not in _types(text)


def test_attacks_before_a_toll_still_report_the_offensive() -> None:
    text = (
        "Turkish troops launched attacks on Kurdish militants near Cizre on Monday, and more than 20 have been killed."
    )
    assert OFFENSIVE in _types(text)


def test_bombing_as_a_progressive_verb_states_an_offensive() -> None:
    text = "War in Syria\n\nRussian jets have been bombing rebel-held districts of Idlib for a week."
    assert OFFENSIVE in _types(text)


def test_a_truce_that_lasted_a_stated_time_was_agreed_however_it_ended() -> None:
    text = (
        "War in Yemen\n\nA truce between the Houthis and the government had lasted ten days, "
        "but it was broken on Monday."
    )
    assert "CeasefireAnnounced" in _types(text)


def test_closing_in_on_a_town_is_an_offensive() -> None:
    assert OFFENSIVE in _types("War in Syria\n\nKurdish-led forces closed in on the Islamic State town of Manbij.")


def test_a_host_welcoming_a_leader_to_a_seat_of_government_held_talks() -> None:
    text = "War in Iraq\n\nObama welcomed Iraqi Prime Minister Haider al-Abadi to the White House on Tuesday."
    assert TALKS in _types(text)


def test_welcoming_a_decision_is_no_talks() -> None:
    text = "War in Syria\n\nThe United States welcomed Russia's decision to withdraw troops from Syria on Tuesday."
    assert TALKS not in _types(text)


def test_armed_men_raiding_a_village_is_an_attack() -> None:
    text = "Boko Haram fighters raided a village near Maiduguri on Tuesday, killing 30 people."
    assert _types(text) == ["OffensiveLaunched"]


def test_police_raiding_a_house_is_no_attack() -> None:
    text = "Police raided a house in the suburbs of the city on Tuesday and arrested two men in the war crimes case."
    assert _types(text) == []


def test_african_union_talks_are_no_labour_union_talks() -> None:
    events = extract(
        "Sudan war\n\nThe army and the Rapid Support Forces held African Union talks in Addis Ababa on Monday.",
        published_at="2016-11-10",
        language="en",
    )
    assert [type(e).__name__ for e in events] == ["TalksHeld"]


def _kinds(text: str) -> list[tuple[str, dict[str, str]]]:
    return [
        (type(e).__name__, {a.code: a.role for a in e.actors}) for e in extract(text, published_at=PUB, language="en")
    ]


def test_a_veto_counted_by_its_ordinal_and_a_draft_the_council_failed_to_adopt_are_blocks() -> None:
    text = "The council failed to adopt a British-drafted resolution on Yemen after Russia cast its third veto."
    assert _kinds(text) == [("ResolutionBlocked", {"GBR": "sponsor", "RUS": "blocked_by"})]


def test_an_incursion_told_by_crossing_and_driving_a_foe_out_is_an_offensive() -> None:
    text = "Kenyan troops crossed into Somalia on Sunday to drive al Shabaab fighters out of the town of Kismayo."
    assert _kinds(text) == [("OffensiveLaunched", {"KEN": "attacker", "SOM-REB": "target"})]


def test_the_foe_an_offensive_battles_is_its_target() -> None:
    battled = "Iraqi troops stormed the airport of Tal Afar on Monday, battling Islamic State fighters."
    assert _kinds(battled) == [("OffensiveLaunched", {"IRQ": "attacker", "ISIL": "target"})]


def test_a_chemical_or_mortar_attack_is_an_offensive_without_a_named_attacker() -> None:
    text = "A chemical attack on the rebel-held town of Khan Sheikhoun on Tuesday killed more than 80 people."
    events = [
        e for e in extract(text, published_at="2017-04-06", language="en") if type(e).__name__ == "OffensiveLaunched"
    ]
    assert len(events) == 1 and events[0].casualties is not None and events[0].casualties.killed_low == 81
