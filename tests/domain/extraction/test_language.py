"""Language detection for articles submitted without a language."""

from __future__ import annotations

from domain.extraction import extract
from domain.extraction.language import detect_language, resolve_language

GERMAN = (
    "Bei einem Luftangriff auf einen Markt im Norden des Landes sind am Dienstag mindestens zwölf Menschen "
    "getötet worden. Die Regierung machte die Rebellen für die Gewalt verantwortlich."
)
ENGLISH = (
    "At least twelve people were killed on Tuesday when an air strike hit a market in the north of the "
    "country. The government blamed the rebels for the violence."
)
FRENCH = (
    "Au moins douze personnes ont été tuées mardi lorsqu'une frappe aérienne a touché un marché dans le nord "
    "du pays. Le gouvernement a accusé les rebelles de ces violences."
)
OFFENSIVE = (
    "Syrian government forces launched an offensive on the rebel-held city of Idlib on Tuesday. At least "
    "twelve people were killed in air strikes on the city, the Syrian Observatory for Human Rights said."
)
SPANISH = (
    "Al menos doce personas murieron el martes cuando un ataque aéreo alcanzó un mercado en el norte del "
    "país. El gobierno culpó a los rebeldes de la violencia."
)


def test_german_text_is_detected_as_german_with_high_confidence() -> None:
    found = detect_language(GERMAN)
    assert (found.language, found.method) == ("de", "detected")
    assert found.confidence is not None and found.confidence > 0.95


def test_english_text_is_detected_as_english_with_high_confidence() -> None:
    found = detect_language(ENGLISH)
    assert (found.language, found.method) == ("en", "detected")
    assert found.confidence is not None and found.confidence > 0.95


def test_french_and_spanish_are_recorded_as_such_not_forced_into_german_or_english() -> None:
    assert detect_language(FRENCH).language == "fr"
    assert detect_language(SPANISH).language == "es"


def test_a_short_headline_is_decided_between_german_and_english_only() -> None:
    assert detect_language("Waffenruhe in Syrien").language == "de"
    assert detect_language("Ceasefire in Syria").language == "en"
    assert detect_language("Assad").language in {"de", "en"}


def test_mixed_text_goes_to_the_language_of_most_of_it() -> None:
    quote = 'Der Sprecher sagte wörtlich: "We will not give up."'
    assert detect_language(GERMAN + " " + quote).language == "de"
    assert detect_language(ENGLISH + ' He added: "Wir bleiben hier."').language == "en"


def test_a_short_text_has_lower_confidence_than_a_long_one() -> None:
    short, long = detect_language("Ceasefire in Syria"), detect_language(ENGLISH)
    assert short.confidence is not None and long.confidence is not None
    assert short.confidence < long.confidence


def test_a_given_language_is_kept_without_a_confidence() -> None:
    assert resolve_language("en", GERMAN).language == "en"
    assert resolve_language("en", GERMAN).method == "given"
    assert resolve_language("en", GERMAN).confidence is None
    assert resolve_language(None, GERMAN).method == "detected"


def test_extract_without_a_language_reads_english_text_with_the_english_rules() -> None:
    events = extract(OFFENSIVE, published_at="2024-03-14")
    assert [type(e).__name__ for e in events] == ["OffensiveLaunched"]
    assert events == extract(OFFENSIVE, published_at="2024-03-14", language="en")
    assert extract(OFFENSIVE, published_at="2024-03-14", language="de") == []  # what a default of German did


def test_a_language_without_rules_yields_no_events() -> None:
    assert extract(FRENCH, published_at="2024-03-14") == []
    assert extract(OFFENSIVE, published_at="2024-03-14", language="fr") == []
