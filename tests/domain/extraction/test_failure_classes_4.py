"""Failure classes of the fourth development round (counterfactual Konjunktiv II, sports metaphors,
ending a truce, background relative clauses), each with sentences written for this file."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract

PUB = "2017-03-09"  # a Thursday


def _types(events: list[ConflictEvent]) -> list[str]:
    return [type(e).__name__ for e in events]


# counterfactual Konjunktiv II ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Es wäre das erste Mal gewesen, dass Vertreter Israels und der Hamas in Kairo direkt am Tisch gesessen hätten.",
        "Die Regierung und die FARC hätten schon im Januar in Havanna verhandeln können.",
        "Beinahe hätten die Rebellen die Stadt Aleppo erobert.",
        "Um ein Haar wären die Taliban am Montag in Kundus eingerückt und hätten die Stadt erobert.",
    ],
)
def test_counterfactual_is_not_realised(text: str) -> None:
    assert not extract(text, published_at=PUB)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Die Armee sagte, Russland und die Türkei hätten sich am Montag in Moskau "
            "zu Gesprächen über Syrien getroffen.",
            "TalksHeld",
        ),
        (
            "Ein Sprecher sagte, die Rebellen hätten am Dienstag Stellungen der Armee in Aleppo angegriffen.",
            "OffensiveLaunched",
        ),
        ("Die Rebellen eroberten am Montag die Stadt Aleppo.", "OffensiveLaunched"),
    ],
)
def test_reported_speech_konjunktiv_stays_realised(text: str, kind: str) -> None:
    assert kind in _types(extract(text, published_at=PUB))


# sports articles -----------------------------------------------------------------------


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
    assert not extract(text, published_at=PUB)


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
    assert "OffensiveLaunched" in _types(extract(text, published_at=PUB))


# ending a ceasefire ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Die Hamas kündigte am Dienstag an, ihre Feuerpause mit Israel zu beenden.",
        "Die Regierung hob die Waffenruhe mit den Rebellen im Jemen am Montag auf.",
        "Die PKK kündigte den Waffenstillstand mit der Türkei am Sonntag auf.",
        "Die Separatisten erklärten die Feuerpause in der Ostukraine für beendet.",
        "Die Waffenruhe zwischen Israel und der Hamas lief am Freitag aus.",
    ],
)
def test_ending_a_truce_is_not_announcing_one(text: str) -> None:
    assert "CeasefireAnnounced" not in _types(extract(text, published_at=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "Die Hamas kündigte am Dienstag eine Feuerpause mit Israel an.",
        "Die Regierung und die Rebellen im Jemen vereinbarten am Montag eine Waffenruhe.",
        "Die PKK verkündete am Sonntag einen Waffenstillstand mit der Türkei.",
    ],
)
def test_announcing_a_truce_still_counts(text: str) -> None:
    assert "CeasefireAnnounced" in _types(extract(text, published_at=PUB))


# background relative clauses ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ägypten, das 2012 die letzte Waffenruhe zwischen Israel und der Hamas vermittelt hatte, rief am Montag "
        "zur Zurückhaltung auf.",
        "Katar, das damals Gespräche zwischen den Taliban und den USA ausgerichtet hatte, äußerte sich am Mittwoch "
        "besorgt.",
        "Die Türkei, die zuletzt im Jahr 2016 eine Offensive gegen den IS in Syrien gestartet hatte, warnte am "
        "Mittwoch.",
    ],
)
def test_background_relative_clause_is_no_event(text: str) -> None:
    assert not extract(text, published_at=PUB)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Bereits im Februar hatten sich Russland und die USA auf eine Feuerpause in Syrien verständigt.",
            "CeasefireAnnounced",
        ),
        ("Ägypten vermittelte am Montag eine Waffenruhe zwischen Israel und der Hamas.", "CeasefireAnnounced"),
        ("Die Türkei startete am Mittwoch eine Offensive gegen den IS in Syrien.", "OffensiveLaunched"),
    ],
)
def test_main_clause_events_still_count(text: str, kind: str) -> None:
    assert kind in _types(extract(text, published_at=PUB))
