"""English modality: realised facts against plans, threats, demands, references, exclusions and
qualifying participles (sentences of our own)."""

from __future__ import annotations

import msgspec
import pytest

from domain.extraction import extract
from domain.extraction.lexicon import CEASEFIRE, OFFENSIVE, RESOLUTION, TALKS, get_lexicon
from domain.extraction.modality import REALISED, modality
from domain.extraction.sentences import split_sentences
from domain.extraction.triggers import find_triggers

PUB = "2016-11-10"  # a Thursday
LEX = get_lexicon("en")


def _moods(text: str, event_type: str) -> list[str]:
    sentence = split_sentences(text, LEX)[0]
    clauses = sentence.clauses(LEX)
    found = [t for t in find_triggers(sentence, clauses, LEX) if t.event_type == event_type]
    assert found, text
    return [modality(sentence, clauses, t, LEX) for t in found]


def _mood(text: str, event_type: str) -> str:
    sentence = split_sentences(text, LEX)[0]
    clauses = sentence.clauses(LEX)
    moods = [modality(sentence, clauses, t, LEX) for t in find_triggers(sentence, clauses, LEX)]
    types = [t.event_type for t in find_triggers(sentence, clauses, LEX)]
    assert event_type in types, (text, types)
    # realised if any trigger of that type is
    return REALISED if any(m == REALISED for m, t in zip(moods, types, strict=True) if t == event_type) else "no"


def _events(text: str, pub: str = PUB) -> list[dict[str, object]]:
    out: list[dict[str, object]] = msgspec.to_builtins(extract(text, published_at=pub, language="en"))
    return out


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The Kurdish party has been excluded from talks so far.", TALKS),
        ("Two militias were excluded from the truce agreed last month.", CEASEFIRE),
        ("Observers were barred from the negotiations in the capital.", TALKS),
    ],
)
def test_exclusion_from_talks_or_truce_is_no_event(text: str, event_type: str) -> None:
    assert REALISED not in _moods(text, event_type)


def test_participle_after_a_preposition_qualifies_a_noun() -> None:
    moods = _moods("The envoy wants food to reach besieged districts before winter.", OFFENSIVE)
    assert REALISED not in moods
    assert REALISED in _moods("Government troops besieged the district in May.", OFFENSIVE)


@pytest.mark.parametrize("text", ["Rebels seized the town in May.", "The siege has lasted since May."])
def test_the_month_may_is_no_modal(text: str) -> None:
    assert REALISED in _moods(text, OFFENSIVE)


def test_the_modal_may_is_conditional() -> None:
    assert REALISED not in _moods("The army may storm the town soon.", OFFENSIVE)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The town has been calm since the air strikes began in October.", OFFENSIVE),
        ("Aid reached the valley despite the truce violations.", CEASEFIRE),
        ("Residents fled ahead of a threatened offensive on the city.", OFFENSIVE),
        ("Families braced for a possible ground offensive.", OFFENSIVE),
        ("The foreign minister condemned the shelling of the market.", OFFENSIVE),
        ("The army halted its offensive after heavy losses.", OFFENSIVE),
        ("Diplomats called for an end to the air strikes.", OFFENSIVE),
    ],
)
def test_nominal_trigger_as_reference_prospect_reaction_or_stop(text: str, event_type: str) -> None:
    assert REALISED not in _moods(text, event_type)


@pytest.mark.parametrize(
    "text",
    [
        "The army launched a ground offensive on the city on Monday.",
        "The long-awaited offensive on the town began at dawn.",
    ],
)
def test_nominal_offensive_reported_as_fact(text: str) -> None:
    assert REALISED in _moods(text, OFFENSIVE)


def test_talks_framing_a_failure_took_place() -> None:
    assert REALISED in _moods("At the summit in Minsk the presidents failed to agree on a border.", TALKS)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ('Envoys agreed on Tuesday to work toward a "humanitarian pause" in the north.', CEASEFIRE),
        ("Asked to comment on the Vienna talks, the spokesman declined.", TALKS),
        ("Few doubted the importance of the Astana talks for the region.", TALKS),
        ("Their failure to agree on a truce worried aid groups.", CEASEFIRE),
    ],
)
def test_talks_or_truce_only_spoken_of_or_worked_toward(text: str, event_type: str) -> None:
    assert REALISED not in _moods(text, event_type)


def test_talks_opened_to_negotiate_a_plan_are_realised() -> None:
    text = "The envoy opened the first of two rounds of talks envisaged to negotiate a roadmap."
    assert REALISED in _moods(text, TALKS)


def test_a_plan_as_a_noun_is_no_plan_to_act() -> None:
    assert REALISED in _moods("The ministers met in Vienna and agreed on a plan for aid convoys.", TALKS)
    assert REALISED not in _moods("The ministers plan to meet in Vienna.", TALKS)


def test_a_call_on_a_weekday_is_no_demand() -> None:
    assert REALISED in _moods("Obama and Putin discussed the truce in a phone call on Monday.", TALKS)
    assert REALISED not in _moods("France called on Russia to join the talks.", TALKS)


def test_talks_referred_to_by_their_attendants_are_no_report() -> None:
    assert REALISED not in _moods("All delegations attending the talks want a transition.", TALKS)
    assert REALISED in _moods("Both delegations attended the talks in Vienna on Monday.", TALKS)


@pytest.mark.parametrize(
    "text",
    [
        "Kurdish fighters are poised to storm the town, a commander said.",
        "The army is preparing an assault on the rebel-held suburb.",
        "The ministry denied that its jets bombed the market.",
    ],
)
def test_prospects_and_denials_of_an_attack_are_no_attack(text: str) -> None:
    assert REALISED not in _moods(text, OFFENSIVE)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The talks failed in May, due largely to advances by the army backed by heavy air strikes.", OFFENSIVE),
        ("Egypt, which had brokered the last truce in 2014, offered to mediate again.", CEASEFIRE),
    ],
)
def test_background_in_passing_is_no_event(text: str, event_type: str) -> None:
    assert REALISED not in _moods(text, event_type)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The truce in the south has held since spring.", CEASEFIRE),
        ("Efforts to convene new talks in Geneva have stalled.", TALKS),
        ("The envoy is working so that talks can take place in Vienna.", TALKS),
        ("Talks planned for Monday were postponed.", TALKS),
    ],
)
def test_background_states_efforts_and_postponed_talks_are_no_events(text: str, event_type: str) -> None:
    assert REALISED not in _moods(text, event_type)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Lavrov and Kerry held talks in Geneva.", TALKS),
        ("Putin spoke by phone with Erdogan.", TALKS),
        ("The two ministers met in Vienna on Friday.", TALKS),
        ("Envoys negotiated through the night.", TALKS),
        ("A new round of talks opened in Astana.", TALKS),
        ("The sides agreed a truce for Aleppo.", CEASEFIRE),
        ("The army declared a nationwide cease-fire.", CEASEFIRE),
        ("The humanitarian pause took effect at dawn.", CEASEFIRE),
        ("Rebels agreed to a cessation of hostilities.", CEASEFIRE),
        ("Government forces launched an offensive on the town.", OFFENSIVE),
        ("Militants stormed the base.", OFFENSIVE),
        ("Troops recaptured the airport.", OFFENSIVE),
        ("Jets carried out air strikes on rebel positions.", OFFENSIVE),
        ("Army units advanced on the city and besieged it.", OFFENSIVE),
        ("Russia vetoed the draft resolution.", RESOLUTION),
        ("The measure failed to pass in the Security Council.", RESOLUTION),
        ("China voted against the text.", RESOLUTION),
    ],
)
def test_realised_triggers(text: str, event_type: str) -> None:
    assert _mood(text, event_type) == REALISED


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The two leaders will meet in Geneva next week.", TALKS),
        ("Talks are expected to resume on Monday.", TALKS),
        ("The talks collapsed after two days.", TALKS),
        ("Negotiations were postponed until further notice.", TALKS),
        ("The foreign ministers did not meet.", TALKS),
        ("The opposition called for a ceasefire.", CEASEFIRE),
        ("France urged all sides to respect the truce.", CEASEFIRE),
        ("The truce broke down within hours.", CEASEFIRE),
        ("Aid agencies hope a humanitarian pause can be agreed.", CEASEFIRE),
        ("Turkey threatened to launch an offensive against the militia.", OFFENSIVE),
        ("The army could storm the city within days.", OFFENSIVE),
        ("If the rebels refuse, troops will attack.", OFFENSIVE),
        ("Should Russia veto the draft, France will go to the General Assembly.", RESOLUTION),
        ("Russia is expected to veto the resolution.", RESOLUTION),
    ],
)
def test_unrealised_triggers(text: str, event_type: str) -> None:
    assert _mood(text, event_type) != REALISED


@pytest.mark.parametrize(
    "text",
    [
        "Turkey will launch a new offensive against Kurdish fighters in Syria, "
        "President Tayyip Erdogan said on Wednesday.",
        "The United Nations called for an immediate ceasefire in Yemen, "
        "where Saudi-led forces are preparing an assault.",
        "Peace talks between the Afghan government and the Taliban are due to begin in Doha next week.",
        "Russia has threatened to veto any resolution that condemns the Syrian government.",
        "Manchester United launched a fierce attack after half-time but failed to break down the Liverpool defence.",
        "Bayer and Monsanto held talks on a takeover worth $62 billion, people familiar with the matter said.",
    ],
)
def test_no_events_from_plans_threats_demands_sport_and_business(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministers began a new round of talks on Syria in Vienna on Tuesday.",
        "Envoys opened talks in Geneva on Monday focusing on calls for a truce and aid deliveries.",
    ],
)
def test_a_round_of_talks_under_way_and_its_topic_are_realised(text: str) -> None:
    assert _mood(text, TALKS) == REALISED


def test_the_next_round_of_talks_is_not_realised() -> None:
    assert _mood("Diplomats said the next round of talks between the two sides had no date yet.", TALKS) != REALISED


def test_a_demand_before_the_talks_still_governs_them() -> None:
    assert _mood("The opposition called for talks in Geneva on the future of the country.", TALKS) != REALISED


@pytest.mark.parametrize(
    "text",
    [
        "Special forces ended a deadly siege of the hotel in the capital on Friday.",
        "The army lifted its siege of the northern town after the deal.",
    ],
)
def test_ending_or_lifting_a_siege_is_no_offensive(text: str) -> None:
    assert _mood(text, OFFENSIVE) != REALISED


def test_a_siege_tightened_is_an_offensive() -> None:
    assert _mood("Government troops tightened the siege of the rebel-held town on Friday.", OFFENSIVE) == REALISED


@pytest.mark.parametrize(
    "text",
    [
        "The air force has carried out regular air strikes on PKK camps in northern Iraq.",
        "Rebels launch frequent attacks on army checkpoints in the province.",
    ],
)
def test_regular_attacks_describe_a_habit_not_an_offensive(text: str) -> None:
    assert _moods(text, OFFENSIVE) == ["habitual"]


def test_a_single_attack_stays_realised() -> None:
    assert _mood("Turkish jets carried out air strikes on PKK camps in northern Iraq on Monday.", OFFENSIVE) == REALISED


def test_taking_part_in_talks_in_general_is_no_round_held() -> None:
    text = "He said Ukraine's participation in negotiations to end the war was not very important."
    assert _mood(text, TALKS) != REALISED


def test_a_truce_that_talks_are_about_is_no_truce_agreed() -> None:
    text = "Negotiations on a truce between the warring sides opened in Cairo on Sunday."
    assert _moods(text, CEASEFIRE) == ["topic"]


def test_a_truce_the_talks_reached_is_agreed() -> None:
    text = "Negotiators at talks on a truce in Cairo agreed to it on Sunday, officials said."
    assert _moods(text, CEASEFIRE) == [REALISED]


@pytest.mark.parametrize(
    ("text", "event_type", "expected"),
    [
        ("Ahead of planned talks in Geneva, Russian jets bombed rebel positions in Aleppo.", "OffensiveLaunched", True),
        ("Ahead of planned talks in Geneva, Russian jets bombed rebel positions in Aleppo.", "TalksHeld", False),
        ("The proposed peace talks between the two sides were delayed.", "TalksHeld", False),
    ],
)
def test_an_attributive_plan_cue_reaches_only_its_own_phrase(text: str, event_type: str, expected: bool) -> None:
    assert (_mood(text, event_type) == REALISED) is expected


@pytest.mark.parametrize(
    "text",
    [
        "The opposition has said that peace talks with the government cannot begin until the sieges end.",
        "A wave of air raids helped to torpedo the peace talks between the two sides in Geneva.",
    ],
)
def test_talks_that_cannot_begin_or_were_torpedoed_are_not_held(text: str) -> None:
    assert REALISED not in _moods(text, TALKS)


def test_talks_a_relative_clause_says_started_are_held_whatever_governs_the_noun() -> None:
    text = "The delegation met aid agencies before joining the peace talks that began on Monday in Geneva."
    assert _moods(text, TALKS)[-1] == REALISED


def test_a_truce_the_parties_agreed_to_implement_is_announced() -> None:
    text = 'The United States and Russia agreed on Friday to implement a "cessation of hostilities" in Syria.'
    events = [e for e in extract(text, published_at=PUB, language="en") if type(e).__name__ == "CeasefireAnnounced"]
    assert len(events) == 1


def test_a_truce_a_party_wants_to_implement_is_no_event() -> None:
    text = "The rebels want to implement a ceasefire in Aleppo."
    events = [e for e in extract(text, published_at=PUB, language="en") if type(e).__name__ == "CeasefireAnnounced"]
    assert events == []
