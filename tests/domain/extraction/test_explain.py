"""`explain`: every trigger's fate, and each event's decisions (sentences written for this file)."""

from __future__ import annotations

from domain.extraction.gazetteer_port import DefaultGazetteer
from domain.extraction.pipeline import explain

TEXT = (
    "Im Krieg in der Ukraine wird gekämpft. Scholz plant, nach Kiew zu einem Treffen mit Selenskyj zu reisen. "
    "Russische Truppen haben am Montag die Stadt Bachmut erobert. Die Armee hat Bachmut am Dienstag beschossen."
)


def test_an_unrealised_trigger_is_noted_with_its_modality() -> None:
    notes = explain(TEXT, "2023-05-10", "de", DefaultGazetteer()).notes
    expected = "sentence 2: TalksHeld trigger 'Treffen' (rule talks_noun) not taken: modality"
    assert any(n.startswith(expected) for n in notes)


def test_an_event_traces_its_trigger_its_merges_and_its_confidence() -> None:
    (event,) = explain(TEXT, "2023-05-10", "de", DefaultGazetteer()).events
    assert event.trace[0] == "sentence 3: OffensiveLaunched trigger 'erobert' (strong, rule offensive_verb), realised"
    assert any(step.startswith("merged the OffensiveLaunched mention of sentence 4") for step in event.trace)
    assert event.trace[-1].startswith(f"confidence {event.event.confidence}")


def test_an_article_without_conflict_words_says_so() -> None:
    notes = explain("Der Bundestag debattierte über den Haushalt.", "2023-05-10", "de", DefaultGazetteer()).notes
    assert notes == ["article: no conflict or gate word, nothing read further"]
