# ruff: noqa: E501  (article texts are kept one paragraph a line, as outlets print them)
"""Whole short articles written for these tests: conflict wire copy from several theatres, styles
of outlets not imitated elsewhere (agency, tabloid, live ticker, interview, commentary, public
broadcasters, business and parish news), non-conflict negatives that must stay empty, odd input."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract

PUB_2016_11_10 = "2016-11-10"  # a Thursday
PUB_2018_03_06 = "2018-03-06"  # a Tuesday


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
KNA_AGENCY = 'Bonn (KNA) Die katholischen Hilfswerke haben sich besorgt über die Lage in Syrien geäußert. Caritas international berichtete am Mittwoch, dass bei Luftangriffen auf Ost-Ghuta in den vergangenen Tagen Hunderte Zivilisten getötet worden seien. "Wir beten für die Menschen", sagte der Bischof. Papst Franziskus rief zu einem sofortigen Waffenstillstand auf.\n'
TABLOID = (
    "KRIEG IN SYRIEN!\n"
    "Assads Bomben-Terror!\n"
    "Wieder Horror in Ost-Ghuta! Syrische Kampfjets bombardierten am Dienstag die Stadt Duma. Mindestens "
    "30 Tote! Darunter Kinder! Die Welt schaut zu! "
    "Wann stoppt endlich jemand diesen Irren?\n"
)
LIVE_TICKER = (
    "Liveticker: Der Krieg im Jemen\n"
    "14.32 Uhr: Die von Saudi-Arabien geführte Koalition hat nach Angaben von Augenzeugen Ziele in Sanaa bombardiert.\n"
    "14.50 Uhr: Die Huthi-Rebellen feuern eine Rakete auf Riad ab. Die saudische Luftabwehr fängt sie ab.\n"
    "15.10 Uhr: UN-Sondergesandter Griffiths trifft in Maskat Vertreter der Huthis.\n"
    "15.30 Uhr: Wird es bald eine Waffenruhe geben? Beobachter sind skeptisch.\n"
)
INTERVIEW = (
    '"Eine Offensive auf Idlib wäre eine Katastrophe"\n'
    "Der Nahost-Experte Michael Lüders im Interview über die Lage in Syrien.\n"
    "Frage: Herr Lüders, wird die syrische Armee Idlib angreifen?\n"
    "Lüders: Ich halte eine Offensive für sehr wahrscheinlich. Assad will das ganze Land zurückerobern.\n"
    "Frage: Was würde das für die Zivilisten bedeuten?\n"
    "Lüders: Wenn die Armee mit russischer Unterstützung die Stadt bombardiert, werden Tausende fliehen.\n"
    "Frage: Kann Russland die Türkei zu einem Abkommen bewegen?\n"
    "Lüders: Putin und Erdogan könnten sich in Sotschi auf eine Pufferzone einigen.\n"
)
COMMENTARY = (
    "Kommentar: Der Westen schaut weg\n"
    "Man stelle sich vor, die Türkei würde ihre Offensive auf Afrin ausweiten und Manbidsch angreifen. "
    "Dann stünden sich NATO-Partner gegenüber. Europa müsste endlich handeln. Stattdessen werden Waffen "
    "geliefert. Ein Waffenstillstand wäre das Gebot der Stunde, doch niemand fordert ihn ernsthaft. "
)
ORF_TALKS = "Wien (ORF) – In Wien haben am Montagabend Gespräche über die Zukunft Syriens begonnen. Vertreter der syrischen Regierung und der Opposition kamen unter Vermittlung des UN-Sondergesandten de Mistura in einem Hotel in der Innenstadt zusammen. Außenministerin Kneissl begrüßte das Treffen.\n"
BUSINESS = "Frankfurt – Der Ölpreis ist am Montag deutlich gestiegen. Händler verwiesen auf die Angriffe der Huthi-Rebellen auf saudische Ölanlagen. Die Aktie von Lufthansa gab nach. Der DAX schloss mit einem Minus von 1,2 Prozent. Analysten erwarten weitere Kursschwankungen.\n"
SRF_REGIONAL = "Bern (SRF) – Der Bundesrat hat am Mittwoch über die Lage in der Ukraine beraten. Die Schweiz bietet sich als Vermittlerin an. Bundespräsident Berset telefonierte mit dem ukrainischen Präsidenten Poroschenko. In der Ostukraine hatten prorussische Separatisten am Wochenende erneut Stellungen der Armee bei Awdijiwka beschossen.\n"
PARISH_NEWS = (
    "Lokales: Friedensgebet in der Marienkirche\n"
    "Rund 200 Menschen haben sich am Sonntag in der Marienkirche zu einem Friedensgebet für Syrien "
    "versammelt. Pfarrer Müller erinnerte an die Opfer der Bombardierung von Aleppo. Der Posaunenchor "
    "spielte. Anschließend gab es Kaffee und Kuchen im Gemeindehaus. "
)
REGIONAL_TALKS = "Berlin – Bundesaußenminister Maas und sein russischer Amtskollege Lawrow haben am Dienstag in Moskau über den Konflikt in der Ostukraine gesprochen. Beide forderten die Einhaltung des Waffenstillstands. Zuvor hatte die ukrainische Armee nach eigenen Angaben einen Angriff der Separatisten bei Mariupol abgewehrt.\n"
ALL = [
    KNA_AGENCY,
    TABLOID,
    LIVE_TICKER,
    INTERVIEW,
    COMMENTARY,
    ORF_TALKS,
    BUSINESS,
    SRF_REGIONAL,
    PARISH_NEWS,
    REGIONAL_TALKS,
]


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


@pytest.mark.parametrize(("text", "etype", "codes", "place"), POSITIVE)
def test_positive_articles(text: str, etype: str, codes: set[str], place: str | None) -> None:
    events = [e for e in extract(text, published_at=PUB_2016_11_10) if type(e).__name__ == etype]
    assert events, f"no {etype}"
    got = {a.code for e in events for a in e.actors}
    assert codes & got, f"actors {got}"
    if place is not None:
        assert any(e.location is not None and e.location.name == place for e in events)


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_articles(text: str) -> None:
    assert extract(text, published_at=PUB_2016_11_10) == []


@pytest.mark.parametrize("text", ALL)
def test_every_style_is_extracted_without_error(text: str) -> None:
    for event in extract(text, published_at=PUB_2018_03_06):
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text


@pytest.mark.parametrize("text", [INTERVIEW, COMMENTARY, BUSINESS, PARISH_NEWS])
def test_questions_speculation_opinion_and_remembrance_are_no_events(text: str) -> None:
    assert not extract(text, published_at=PUB_2018_03_06)


def test_tabloid_short_sentences_keep_place_and_toll() -> None:
    (event,) = _of(extract(TABLOID, published_at=PUB_2018_03_06), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Douma"
    assert event.casualties is not None and event.casualties.killed == 30
    assert {a.code for a in event.actors} == {"SYR"}


def test_live_ticker_timestamps_do_not_hide_events_or_questions() -> None:
    events = extract(LIVE_TICKER, published_at=PUB_2018_03_06)
    (attack,) = _of(events, "OffensiveLaunched")
    assert attack.location is not None and attack.location.name == "Sanaa"
    assert not _of(events, "CeasefireAnnounced")  # "Wird es bald eine Waffenruhe geben?"


def test_regional_report_of_ministers_talking_about_the_conflict() -> None:
    events = extract(REGIONAL_TALKS, published_at=PUB_2018_03_06)
    (talks,) = _of(events, "TalksHeld")
    assert {a.code for a in talks.actors} == {"DEU", "RUS"}
    assert talks.location is not None and talks.location.name == "Moscow"
    assert not _of(events, "CeasefireAnnounced")  # "forderten die Einhaltung des Waffenstillstands"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  \n\n ",
        "Krieg!!!???",
        "14.32 Uhr:",
        "Vor 3000 Jahren griff die Armee der Pharaonen die Stadt an.",
        "Am 31. Februar griff die Armee Idlib an.",
        "Die Armee griff an.\u200b\u00ad",
        "Gestern griff die Armee Idlib an. In den folgenden Tagen rückte sie vor.",
        "Vor 32 Jahren griff die Armee Idlib an.",
    ],
)
@pytest.mark.parametrize("published_at", [None, "2018-03-06", "2018-03", "kein Datum", "0001-01-02", "9999-12"])
def test_odd_input_does_not_crash(text: str, published_at: str | None) -> None:
    for language in ("de", "en"):
        extract(text, published_at=published_at, language=language)
