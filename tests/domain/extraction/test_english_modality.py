"""English modality: realised facts against references, exclusions and qualifying participles."""

from __future__ import annotations

import pytest

from domain.extraction.lexicon import CEASEFIRE, OFFENSIVE, TALKS, get_lexicon
from domain.extraction.modality import REALISED, modality
from domain.extraction.sentences import split_sentences
from domain.extraction.triggers import find_triggers

LEX = get_lexicon("en")


def _moods(text: str, event_type: str) -> list[str]:
    sentence = split_sentences(text, LEX)[0]
    clauses = sentence.clauses(LEX)
    found = [t for t in find_triggers(sentence, clauses, LEX) if t.event_type == event_type]
    assert found, text
    return [modality(sentence, clauses, t, LEX) for t in found]


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
