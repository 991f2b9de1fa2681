"""Modality rules that ask the linguistic layer: an unreal past, a trigger inside a purpose or
infinitive clause, and a governing cue that only reaches the clause it governs."""

from __future__ import annotations

import pytest

from domain.extraction.lexicon import get_lexicon
from domain.extraction.linguistic import analyse
from domain.extraction.modality import REALISED, _counterfactual, _in_purpose_clause, modality
from domain.extraction.sentences import split_sentences
from domain.extraction.triggers import Trigger


def _mood(sentence_text: str, language: str, event_type: str, grammar: bool = True) -> str:
    lexicon = get_lexicon(language)
    sentence = split_sentences(sentence_text, lexicon)[0]
    clauses = sentence.clauses(lexicon)
    from domain.extraction.triggers import find_triggers

    triggers = [t for t in find_triggers(sentence, clauses, lexicon) if t.event_type == event_type]
    assert triggers, f"no {event_type} trigger"
    analysis = analyse(sentence.text, language)
    return modality(sentence, clauses, triggers[0], lexicon, (lambda: analysis) if grammar else None)


@pytest.mark.parametrize(
    ("text", "language", "etype"),
    [
        ("The two envoys would have met in Oslo if the border had stayed open.", "en", "TalksHeld"),
        ("Mediators worked for weeks so that peace talks can take place in Oslo.", "en", "TalksHeld"),
        ("Diplomats flew to Oslo in an effort to convene peace talks.", "en", "TalksHeld"),
        ("Die Minister reisten nach Oslo, um über eine Waffenruhe zu verhandeln.", "de", "CeasefireAnnounced"),
    ],
)
def test_an_unreal_past_or_a_purpose_clause_is_not_realised(text: str, language: str, etype: str) -> None:
    assert _mood(text, language, etype) != REALISED


@pytest.mark.parametrize(
    ("text", "language", "etype"),
    [
        ("Der Vermittler sagte, man habe sich am Montag in Oslo zu Gesprächen getroffen.", "de", "TalksHeld"),
        ("The army began to bombard the northern town on Monday.", "en", "OffensiveLaunched"),
        ("The rebels launched an offensive on the town to retake the airport.", "en", "OffensiveLaunched"),
        ("Die Rebellen starteten eine Offensive, um den Flughafen zurückzuerobern.", "de", "OffensiveLaunched"),
    ],
)
def test_reported_speech_aspectual_verbs_and_the_main_clause_of_a_purpose_stay_realised(
    text: str, language: str, etype: str
) -> None:
    assert _mood(text, language, etype) == REALISED


def _at(text: str, word: str) -> Trigger:
    start = text.index(word)
    return Trigger("TalksHeld", start, start + len(word), word, "strong")


def test_the_layer_reads_an_unreal_past_only_with_its_condition_in_german() -> None:
    unreal = "Die Delegationen hätten sich getroffen, wenn die Grenze offen gewesen wäre."
    reported = "Ein Sprecher sagte, die Delegationen hätten sich getroffen."
    assert _counterfactual(analyse(unreal, "de"), _at(unreal, "getroffen"))
    assert not _counterfactual(analyse(reported, "de"), _at(reported, "getroffen"))
    english = "The envoys would have met in Oslo if the border had stayed open."
    assert _counterfactual(analyse(english, "en"), _at(english, "met"))


def test_the_layer_finds_a_trigger_inside_a_purpose_clause_but_not_after_an_aspectual_verb() -> None:
    purpose = "Mediators pressed both sides so that talks can take place soon."
    aimed = "Diplomats travelled north in an effort to convene talks."
    aspectual = "The envoys began to hold talks on Monday."
    assert _in_purpose_clause(analyse(purpose, "en"), _at(purpose, "talks"))
    assert _in_purpose_clause(analyse(aimed, "en"), _at(aimed, "talks"))
    assert not _in_purpose_clause(analyse(aspectual, "en"), _at(aspectual, "talks"))


def test_a_participle_the_tagger_reads_as_an_adjective_after_a_conjunction_is_attributive() -> None:
    text = "Die Regierung spricht von einer aktiven Verteidigung und befreiten Orten."
    assert _mood(text, "de", "OffensiveLaunched") == "attributive"


def test_a_finite_verb_after_its_subject_stays_an_event_whatever_the_tagger_says() -> None:
    assert _mood("Die Soldaten eroberten Gebiete im Osten.", "de", "OffensiveLaunched") == "realised"
