"""Places stage: the city a speaker talks in is not where the fighting is (speech frames before a place)."""

from __future__ import annotations

import msgspec
import pytest

from domain.extraction import extract
from domain.extraction.lexicon import get_lexicon


def _offensive_places(text: str, language: str) -> list[str | None]:
    events = msgspec.to_builtins(extract(text, published_at="2016-02-20", language=language))
    return [(e["location"] or {}).get("name") for e in events if e["type"] == "OffensiveLaunched"]


@pytest.mark.parametrize(
    "text",
    [
        "Shells hit Hama again. Speaking in Moscow on Monday, Lavrov said Syrian troops had launched an offensive "
        "against rebels.",
        "Shells hit Hama again. Lavrov said in Moscow on Monday that Syrian government troops had launched an "
        "offensive against rebels.",
        "Shells hit Hama again. The army began a new offensive against rebels on Monday, a spokesman told "
        "reporters in Damascus.",
    ],
)
def test_english_speaker_city_is_not_the_offensive_place(text: str) -> None:
    assert _offensive_places(text, "en") == ["Hama"]


@pytest.mark.parametrize(
    "text",
    [
        "In Hama schlugen wieder Granaten ein. Lawrow sagte am Montag in Moskau, die syrische Armee habe eine "
        "Offensive gegen die Rebellen begonnen.",
        "In Hama schlugen wieder Granaten ein. Die Armee hat am Montag eine neue Offensive gegen die Rebellen "
        "begonnen, sagte ein Sprecher in Damaskus.",
    ],
)
def test_german_speaker_city_is_not_the_offensive_place(text: str) -> None:
    assert _offensive_places(text, "de") == ["Hama"]


def test_offensive_in_a_town_keeps_it() -> None:
    assert _offensive_places("Syrian troops launched an offensive against rebels in Homs on Monday.", "en") == ["Homs"]


@pytest.mark.parametrize(
    ("language", "before", "speech"),
    [
        ("en", "lavrov said on monday in ", True),
        ("en", "kerry told a news conference in ", True),
        ("en", "the army said troops had launched an offensive in ", False),
        ("de", "sagte der russische außenminister am montag in ", True),
        ("de", "die armee erklärte, sie habe die offensive in ", False),
    ],
)
def test_speech_frame_table(language: str, before: str, speech: bool) -> None:
    assert bool(get_lexicon(language).speech_place_before.search(before)) is speech
