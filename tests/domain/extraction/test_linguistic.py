"""The linguistic layer: tokens, verb morphology and clauses, measured on sentences written for
these tests (German and English) with the expected finite verb, mood and clause split of each."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from domain.extraction.linguistic import (
    analyse,
    finite_verb_of,
    has_modal,
    is_future,
    is_past,
    mood,
    subject_candidates,
    tokenize,
)


@dataclass(frozen=True)
class Case:
    language: str
    text: str
    word: str  # the clause holding this word is checked
    finite: str | None  # its finite verb
    mood: str
    kinds: tuple[str, ...]  # the kinds of all clauses, in order


CASES: tuple[Case, ...] = (
    # German
    Case("de", "Die Delegationen trafen sich am Dienstag in Wien.", "Wien", "trafen", "indicative", ("main",)),
    Case("de", "Die Armee hat die Stellungen der Miliz beschossen.", "Armee", "hat", "indicative", ("main",)),
    Case(
        "de",
        "Ein Sprecher sagte, die Parteien hätten sich auf eine Feuerpause geeinigt.",
        "Feuerpause",
        "hätten",
        "subjunctive2",
        ("main", "main"),
    ),
    Case(
        "de",
        "Der Vermittler erklärte, man habe sich in der Hauptstadt getroffen.",
        "Hauptstadt",
        "habe",
        "subjunctive1",
        ("main", "main"),
    ),
    Case(
        "de",
        "Die Waffenruhe wäre beinahe gescheitert, wenn die Garantiemächte nicht eingegriffen hätten.",
        "Waffenruhe",
        "wäre",
        "subjunctive2",
        ("main", "subordinate"),
    ),
    Case(
        "de",
        "Die Minister reisten nach Oslo, um über einen Gefangenenaustausch zu verhandeln.",
        "Gefangenenaustausch",
        None,
        "indicative",
        ("main", "infinitive"),
    ),
    Case(
        "de",
        "Die Rebellen griffen die Kaserne an, die seit Monaten umkämpft ist.",
        "Kaserne",
        "griffen",
        "indicative",
        ("main", "relative"),
    ),
    Case(
        "de",
        "Nachdem die Verhandlungen gescheitert waren, begann die Offensive im Norden.",
        "Verhandlungen",
        "waren",
        "indicative",
        ("subordinate", "main"),
    ),
    Case("de", "Die Regierung will neue Gespräche anbieten.", "Gespräche", "will", "indicative", ("main",)),
    Case(
        "de",
        "Ziel der Konferenz sei es, einen Waffenstillstand zu vereinbaren.",
        "Waffenstillstand",
        None,
        "indicative",
        ("main", "infinitive"),
    ),
    Case(
        "de",
        "Die Truppen rückten vor und die Bevölkerung floh aus der Stadt.",
        "Bevölkerung",
        "floh",
        "indicative",
        ("main", "main"),
    ),
    Case(
        "de",
        "Frankreich, Deutschland und Italien unterzeichneten das Abkommen.",
        "Italien",
        "unterzeichneten",
        "indicative",
        ("main",),
    ),
    Case(
        "de",
        "Die Luftwaffe wird die Angriffe in den nächsten Tagen fortsetzen.",
        "Angriffe",
        "wird",
        "indicative",
        ("main",),
    ),
    Case(
        "de",
        "Es ist unklar, ob die Gespräche stattfinden können.",
        "Gespräche",
        "können",
        "indicative",
        ("main", "subordinate"),
    ),
    Case(
        "de",
        "Die Kämpfer könnten die Stadt einnehmen, warnte ein Beobachter.",
        "Stadt",
        "könnten",
        "subjunctive2",
        ("main", "main"),
    ),
    Case(
        "de",
        "Die Miliz, die den Hafen kontrolliert, lehnte die Feuerpause ab.",
        "Hafen",
        "kontrolliert",
        "indicative",
        ("main", "relative", "main"),
    ),
    Case(
        "de",
        "Weil die Vermittler abreisten, wurden die Gespräche vertagt.",
        "Gespräche",
        "wurden",
        "indicative",
        ("subordinate", "main"),
    ),
    Case(
        "de",
        "Der Gesandte betonte, dass die Gespräche konstruktiv gewesen seien.",
        "konstruktiv",
        "seien",
        "subjunctive1",
        ("main", "subordinate"),
    ),
    Case(
        "de",
        "Die Panzer würden die Grenze überqueren, falls der Befehl käme.",
        "Grenze",
        "würden",
        "subjunctive2",
        ("main", "subordinate"),
    ),
    Case(
        "de",
        "Ohne eine Einigung abzuwarten, starteten die Truppen den Angriff.",
        "Angriff",
        "starteten",
        "indicative",
        ("infinitive", "main"),
    ),
    # English
    Case("en", "The delegations met in Vienna on Tuesday.", "Vienna", "met", "indicative", ("main",)),
    Case("en", "The army has shelled the militia positions.", "army", "has", "indicative", ("main",)),
    Case(
        "en",
        "The envoys would have met in Oslo if the ceasefire had held.",
        "Oslo",
        "would",
        "subjunctive2",
        ("main", "subordinate"),
    ),
    Case(
        "en",
        "The ministers travelled to Oslo to negotiate a prisoner exchange.",
        "exchange",
        None,
        "indicative",
        ("main", "infinitive"),
    ),
    Case(
        "en",
        "The rebels attacked the barracks, which had been contested for months.",
        "months",
        "had",
        "indicative",
        ("main", "relative"),
    ),
    Case(
        "en",
        "After the negotiations collapsed, the offensive began in the north.",
        "north",
        "began",
        "indicative",
        ("subordinate", "main"),
    ),
    Case("en", "The government wants to offer new talks.", "government", "wants", "indicative", ("main", "infinitive")),
    Case(
        "en",
        "Mediators pressed the parties so that talks can take place next week.",
        "talks",
        "can",
        "indicative",
        ("main", "subordinate"),
    ),
    Case(
        "en",
        "The troops advanced and the population fled the city.",
        "population",
        "fled",
        "indicative",
        ("main", "main"),
    ),
    Case(
        "en",
        "France, Germany and Italy signed the agreement.",
        "Italy",
        "signed",
        "indicative",
        ("main",),
    ),
    Case("en", "The air force will continue the strikes.", "strikes", "will", "indicative", ("main",)),
    Case(
        "en",
        "It is unclear whether the talks can go ahead.",
        "talks",
        "can",
        "indicative",
        ("main", "subordinate"),
    ),
    Case(
        "en",
        "The fighters could seize the town, an observer warned.",
        "town",
        "could",
        "subjunctive2",
        ("main", "main"),
    ),
    Case(
        "en",
        "The envoy said that the talks had been constructive.",
        "constructive",
        "had",
        "indicative",
        ("main", "subordinate"),
    ),
    Case(
        "en",
        "Because the mediators left, the talks were postponed.",
        "postponed",
        "were",
        "indicative",
        ("subordinate", "main"),
    ),
    Case(
        "en",
        "The tanks might cross the border if the order comes.",
        "border",
        "might",
        "subjunctive2",
        ("main", "subordinate"),
    ),
    Case(
        "en",
        "The rebels launched a new offensive near the capital.",
        "capital",
        "launched",
        "indicative",
        ("main",),
    ),
    Case(
        "en",
        "Officials hope that a truce will be agreed soon.",
        "truce",
        "will",
        "indicative",
        ("main", "subordinate"),
    ),
    Case(
        "en",
        "The talks ended without an agreement.",
        "agreement",
        "ended",
        "indicative",
        ("main",),
    ),
    Case(
        "en",
        "The minister, who arrived on Monday, opened the conference.",
        "arrived",
        "arrived",
        "indicative",
        ("main", "relative", "main"),
    ),
)

# the share of cases the layer must get right on each question (HanTa is a statistical tagger)
MIN_ACCURACY = 0.85


def _clause_of(case: Case):  # type: ignore[no-untyped-def]
    analysis = analyse(case.text, case.language)
    return analysis, analysis.clause_at(case.text.index(case.word))


def _accuracy(language: str, check: str) -> tuple[float, list[str]]:
    cases = [c for c in CASES if c.language == language]
    wrong: list[str] = []
    for case in cases:
        analysis, clause = _clause_of(case)
        finite = finite_verb_of(clause)
        got: object
        if check == "finite":
            got, want = (finite.text if finite else None), case.finite
        elif check == "mood":
            got, want = mood(clause), case.mood
        else:
            got, want = tuple(c.kind for c in analysis.clauses), case.kinds
        if got != want:
            wrong.append(f"{case.text!r}: {got!r} != {want!r}")
    return 1 - len(wrong) / len(cases), wrong


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("check", ["finite", "mood", "clauses"])
def test_the_layer_gets_most_finite_verbs_moods_and_clause_splits_right(language: str, check: str) -> None:
    accuracy, wrong = _accuracy(language, check)
    assert accuracy >= MIN_ACCURACY, "\n".join(wrong)


def test_tokens_keep_their_char_offsets_into_the_sentence() -> None:
    text = "Die UN-Mission (in Genf) begann am 3. März."
    for word, start, end in tokenize(text):
        assert text[start:end] == word
    assert [w for w, _, _ in tokenize(text)][:4] == ["Die", "UN-Mission", "(", "in"]


def test_a_preterite_or_perfect_clause_is_past_and_a_present_one_is_not() -> None:
    past = analyse("Die Armee hat die Stadt eingenommen.", "de")
    present = analyse("Die Armee belagert die Stadt.", "de")
    assert is_past(past.clauses[0])
    assert not is_past(present.clauses[0])
    assert is_past(analyse("The army seized the town.", "en").clauses[0])


def test_werden_with_an_infinitive_is_future_but_with_a_participle_is_passive() -> None:
    assert is_future(analyse("Die Rebellen werden die Stadt angreifen.", "de").clauses[0])
    assert not is_future(analyse("Die Stadt wird seit Tagen bombardiert.", "de").clauses[0])
    assert is_future(analyse("The rebels will attack the town.", "en").clauses[0])


def test_modal_verbs_are_found_in_their_clause() -> None:
    analysis = analyse("Die Parteien wollen verhandeln, aber die Armee griff an.", "de")
    assert has_modal(analysis.clause_at(analysis.text.index("Parteien")))
    assert not has_modal(analysis.clause_at(analysis.text.index("Armee")))
    assert has_modal(analyse("The parties must negotiate.", "en").clauses[0])


def test_a_plan_governs_its_infinitive_clause_but_not_the_next_main_clause() -> None:
    text = "Das Ziel der Regierung sei, Gespräche aufzunehmen, sagte der Minister."
    analysis = analyse(text, "de")
    cue = text.index("Ziel")
    assert analysis.governs(cue, text.index("Gespräche"))
    assert not analysis.governs(cue, text.index("Minister"))
    english = analyse("The plan to convene talks was announced, and the army attacked.", "en")
    assert english.governs(english.text.index("plan"), english.text.index("convene"))
    assert not english.governs(english.text.index("plan"), english.text.index("attacked"))


def test_an_adverbial_clause_is_not_governed_by_a_cue_noun() -> None:
    text = "Das Ziel ist Frieden, weil die Armee die Stadt angegriffen hat."
    analysis = analyse(text, "de")
    assert not analysis.governs(text.index("Ziel"), text.index("Armee"))


def test_the_preposition_of_a_noun_is_found_across_its_determiner_and_adjectives() -> None:
    text = "Die Truppen rückten auf die Stadt vor und kämpften im nördlichen Bezirk."
    analysis = analyse(text, "de")
    assert analysis.preposition_of(text.index("Stadt")) == "auf"
    assert analysis.preposition_of(text.index("Bezirk")) == "in"
    assert analysis.preposition_of(text.index("Truppen")) is None
    english = analyse("The rebels advanced toward the northern city.", "en")
    assert english.preposition_of(english.text.index("city")) == "toward"


def test_subject_candidates_skip_prepositional_and_dative_phrases() -> None:
    text = "Am Montag griffen die Rebellen mit Drohnen den Flughafen an."
    analysis = analyse(text, "de")
    subjects = [p.text for p in subject_candidates(analysis, analysis.clauses[0])]
    assert "die Rebellen" in subjects
    assert all("Drohnen" not in s and "Flughafen" not in s for s in subjects)
    english = analyse("In the south, the rebels shelled the town.", "en")
    clause = english.clause_at(english.text.index("rebels"))
    assert [p.text for p in subject_candidates(english, clause)] == ["the rebels"]


def test_first_person_habe_is_indicative() -> None:
    assert analyse("Ich habe die Gespräche geleitet.", "de").clauses[0].mood == "indicative"
