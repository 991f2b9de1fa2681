"""Whole-article behaviour on short articles written for these tests (not seed sentences):
conflict wire copy from several theatres, and non-conflict negatives that must stay empty."""

from __future__ import annotations

import pytest

from domain.extraction import extract

PUB = "2016-11-10"  # a Thursday

POSITIVE = [
    (
        "Die irakische Armee hat am Dienstag mit Unterstützung kurdischer Peschmerga eine Großoffensive auf die "
        "IS-Hochburg Mossul gestartet. Bei den Kämpfen wurden mindestens zwölf Zivilisten getötet.",
        "OffensiveLaunched",
        {"IRQ"},
        "Mosul",
    ),
    (
        "Kampfjets der saudisch geführten Koalition haben in der Nacht zum Mittwoch Stellungen der Huthi-Rebellen "
        "in der jemenitischen Hauptstadt Sanaa bombardiert. Nach Angaben von Ärzten starben acht Menschen im Krieg.",
        "OffensiveLaunched",
        {"SAU"},
        "Sanaa",
    ),
    (
        "Die ukrainische Regierung und die prorussischen Separatisten haben sich in Minsk auf eine neue Waffenruhe "
        "geeinigt. Der Konflikt im Osten des Landes hat bereits Tausende Menschenleben gefordert.",
        "CeasefireAnnounced",
        {"UKR"},
        None,
    ),
    (
        "Russland hat im UN-Sicherheitsrat sein Veto gegen eine Resolution zu Syrien eingelegt. Der Entwurf war von "
        "Frankreich eingebracht worden. Der Krieg in Syrien dauert seit Jahren an.",
        "ResolutionBlocked",
        {"RUS"},
        None,
    ),
    (
        "Die Außenminister Russlands und der USA, Sergej Lawrow und John Kerry, haben am Montag in Genf über den "
        "Syrien-Krieg verhandelt. Die Gespräche dauerten mehr als zehn Stunden.",
        "TalksHeld",
        {"RUS", "USA"},
        "Geneva",
    ),
    (
        "Die türkische Luftwaffe hat erneut Stellungen der PKK im Nordirak angegriffen. Die Armee teilte mit, bei "
        "den Luftangriffen seien 20 Kämpfer getötet worden. Der Konflikt mit der PKK war 2015 wieder aufgeflammt.",
        "OffensiveLaunched",
        {"TUR"},
        None,
    ),
]

NEGATIVE = [
    # sports
    "Der FC Bayern startete nach der Pause eine Offensive und erzielte zwei Tore. Trainer Ancelotti lobte die "
    "Mannschaft. Die Abwehr der Gäste wurde immer wieder angegriffen.",
    # business and domestic politics
    "Die Tarifverhandlungen zwischen Verdi und den Arbeitgebern wurden am Montag in Berlin fortgesetzt. "
    "Die Gewerkschaft fordert sechs Prozent mehr Lohn.",
    "Union und SPD haben ihre Koalitionsverhandlungen aufgenommen. Kanzlerin Merkel sprach von einem guten Start.",
    "Das Bildungsministerium startete eine Bildungsoffensive für Schulen. Die Regierung will mehr Lehrer einstellen.",
    "Der Autobauer kündigte eine Modelloffensive an. Die Aktie stieg um drei Prozent.",
    # conflict articles with no realised event
    "Die Gespräche zwischen der Regierung und den Taliban sollen kommende Woche in Doha stattfinden. "
    "Der Krieg in Afghanistan dauert seit 2001 an.",
    "UN-Generalsekretär Ban forderte eine sofortige Waffenruhe im Jemen. Seit Beginn des Krieges wurden mehr als "
    "10.000 Menschen getötet.",
    "Sollte die Armee eine Offensive auf Idlib starten, drohe eine humanitäre Katastrophe, warnte die UN. "
    "Die Rebellen haben sich auf einen Angriff eingestellt.",
    "Die Hoffnung auf eine Waffenruhe in Syrien ist gering. Russland und die USA könnten sich nächste Woche treffen.",
    "Die für Montag geplanten Friedensgespräche in Genf wurden abgesagt. Die syrische Opposition verweigert die "
    "Teilnahme, solange die Luftangriffe andauern würden.",
    "Die Verhandlungen über eine Waffenruhe in der Ukraine sind gescheitert. Kiew und Moskau gaben sich "
    "gegenseitig die Schuld am Krieg.",
    "Präsident Erdogan drohte mit einer Bodenoffensive gegen die Kurdenmiliz YPG in Nordsyrien. Die Armee "
    "bereitet nach Medienberichten den Einsatz vor.",
]


@pytest.mark.parametrize(("text", "etype", "codes", "place"), POSITIVE)
def test_positive_articles(text: str, etype: str, codes: set[str], place: str | None) -> None:
    events = [e for e in extract(text, published_at=PUB) if type(e).__name__ == etype]
    assert events, f"no {etype}"
    got = {a.code for e in events for a in e.actors}
    assert codes & got, f"actors {got}"
    if place is not None:
        assert any(e.location is not None and e.location.name == place for e in events)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_articles(text: str) -> None:
    assert extract(text, published_at=PUB) == []
