"""Article-level gates: a headline alone makes no event, history is not news, sports articles and
their metaphors are no conflict events (while a war beside sport still counts); sentences written
for these tests."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract

PUB_2016_11_10 = "2016-11-10"  # a Thursday
PUB_2017_03_09 = "2017-03-09"  # a Thursday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


_KRIEG = "Krieg in der Region\n\n"  # a headline, so that the article is about a conflict


def _types(events: list[ConflictEvent]) -> list[str]:
    return [type(e).__name__ for e in events]


def test_headline_alone_makes_no_event() -> None:
    text = (
        "Armee erobert Stadt im Norden\n\nDie Lage im Land bleibt nach Angaben der Vereinten Nationen angespannt. "
        "Der Krieg dauert seit Jahren an."
    )
    assert extract(text, published_at=PUB_2016_11_10) == []


def test_headline_and_body_are_one_event() -> None:
    text = (
        "Irakische Armee startet Offensive auf Tal Afar\n\nDie irakische Armee hat am Sonntag eine Offensive auf "
        "die IS-Hochburg Tal Afar begonnen. Der Krieg gegen den IS geht damit weiter."
    )
    events = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert len(events) == 1 and events[0].evidence.text.startswith("Die irakische Armee")


@pytest.mark.parametrize("credit", ["Foto: dpa", "Bild: Reuters", "(Foto: AFP)"])
def test_trailing_credit_does_not_make_a_paragraph_a_headline(credit: str) -> None:
    text = f"Kurdische Truppen haben am Mittwoch eine Offensive auf die Stadt Rakka begonnen. {credit}"
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Raqqa"


@pytest.mark.parametrize(
    "text",
    [
        "Vor 80 Jahren begann die Schlacht um Kursk. Im Juli 1943 griff die Wehrmacht die sowjetischen Linien an.",
        "Der Roman spielt im Korea des Jahres 1950. Nordkoreanische Truppen griffen die Stellungen im Süden an.",
        "Im Oktober 1973 griffen ägyptische Truppen die israelischen Stellungen am Suezkanal an.",
        "Die Ausstellung erinnert an den Kosovokrieg 1999. Damals bombardierten NATO-Kampfjets Ziele in Belgrad.",
    ],
)
def test_history_is_not_news(text: str) -> None:
    assert not extract(text, published_at=PUB_2017_03_09)


def test_a_war_going_on_since_a_distant_year_is_still_news() -> None:
    text = "Seit 2011 herrscht in Syrien Krieg. Rebellen griffen am Dienstag Stellungen der Armee in Daraa an."
    assert len(_of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")) == 1


def test_a_recent_year_keeps_the_event() -> None:
    text = "Die Armee hatte Palmyra 2016 verloren. Am Montag griffen Regierungstruppen die Stadt erneut an."
    assert len(_of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")) == 1


def test_a_day_without_a_year_right_after_a_historic_year_is_history() -> None:
    text = (
        "Im Herbst 1944 hatte die Rote Armee die Grenze Ostpreußens erreicht. "
        "Am 13. Januar begann sie eine Großoffensive auf Königsberg."
    )
    assert not _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")


def test_since_a_distant_event_is_no_history() -> None:
    text = "Erstmals seit ihrem Sturz 2001 haben die Taliban am Montag eine Provinzhauptstadt erobert: Kundus."
    assert len(_of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")) == 1


def test_sports_final_is_not_an_offensive() -> None:
    text = (
        "Die Nationalmannschaft eroberte in Kattowitz den EM-Titel gegen Frankreich. Im Finale griffen die "
        "Franzosen immer wieder an."
    )
    assert _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched") == []


@pytest.mark.parametrize(
    "text",
    [
        "Im Stadion herrschte nach dem Spieltag Waffenstillstand zwischen den Ultras von Dortmund und Schalke. "
        "Die Vereine einigten sich am Montag auf eine Waffenruhe, der Trainer begrüßte das.",
        "Der Torwart hielt den Elfmeter, danach begann die Offensive der Gäste. Die Armee der Fans in der Arena "
        "jubelte, die Tabelle führt nun Leipzig an. Die Truppe des Trainers griff am Samstag pausenlos an.",
        "Die Handball-Meisterschaft: Kiel belagerte das Tor der Flensburger. Nach dem Krieg der Worte "
        "vereinbarten die Trainer am Sonntag eine Feuerpause.",
    ],
)
def test_sports_metaphors_are_not_events(text: str) -> None:
    assert not extract(text, published_at=PUB_2017_03_09)


@pytest.mark.parametrize(
    "text",
    [
        "Die Bundesliga pausiert. Die syrische Armee startete am Dienstag eine Offensive auf Idlib. "
        "Der Trainer des FC sagte, im Stadion sei die Sicherheit gewährleistet.",
        "Das Stadion in Donezk ist zerstört, der Trainer und die Mannschaft sind geflohen. "
        "Die ukrainische Armee griff am Montag Stellungen der Separatisten bei Donezk an.",
        "Im Stadion von Aleppo spielte einst die Liga, heute sitzt dort kein Trainer mehr. "
        "Die syrische Armee eroberte am Mittwoch das Viertel um das Stadion in Aleppo.",
    ],
)
def test_a_state_in_a_sports_context_still_counts(text: str) -> None:
    assert "OffensiveLaunched" in _types(extract(text, published_at=PUB_2017_03_09))


def test_a_drone_attack_passes_the_conflict_gate_without_a_war_word() -> None:
    text = "Russland hat die Stadt Charkiw in der Nacht zum Sonntag erneut mit Drohnen angegriffen."
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert {a.code for a in event.actors if a.role == "attacker"} == {"RUS"}


def test_a_political_attack_in_words_does_not_pass_the_conflict_gate() -> None:
    text = "Das sei ein direkter Angriff auf unser Land, sagte der Präsident. Mit der EU gebe es laufende Gespräche."
    assert extract(text, published_at=PUB_2016_11_10) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Yemen has been in chaos since late 2014, when Houthi rebels overran Sanaa. The war goes on.", "en"),
        (
            "Der Jemen ist seit Ende 2014, als die Huthi-Rebellen Sanaa überrannten, im Chaos. Der Krieg dauert an.",
            "de",
        ),
    ],
)
def test_the_origin_of_a_state_told_since_then_is_not_news(text: str, language: str) -> None:
    assert _of(extract(text, published_at=PUB_2016_11_10, language=language), "OffensiveLaunched") == []
