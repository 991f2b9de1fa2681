# ruff: noqa: E501  (article texts are kept one paragraph a line, as outlets print them)
"""Robustness on styles of outlets not imitated elsewhere (agency, tabloid, live ticker, interview,
commentary, public broadcasters, business and parish pages): short articles written for this file."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract

PUB = "2018-03-06"  # a Tuesday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


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


@pytest.mark.parametrize("text", ALL)
def test_every_style_is_extracted_without_error(text: str) -> None:
    for event in extract(text, published_at=PUB):
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text


@pytest.mark.parametrize("text", [INTERVIEW, COMMENTARY, BUSINESS, PARISH_NEWS])
def test_questions_speculation_opinion_and_remembrance_are_no_events(text: str) -> None:
    assert not extract(text, published_at=PUB)


def test_tabloid_short_sentences_keep_place_and_toll() -> None:
    (event,) = _of(extract(TABLOID, published_at=PUB), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Douma"
    assert event.casualties is not None and event.casualties.killed == 30
    assert {a.code for a in event.actors} == {"SYR"}


def test_live_ticker_timestamps_do_not_hide_events_or_questions() -> None:
    events = extract(LIVE_TICKER, published_at=PUB)
    (attack,) = _of(events, "OffensiveLaunched")
    assert attack.location is not None and attack.location.name == "Sanaa"
    assert not _of(events, "CeasefireAnnounced")  # "Wird es bald eine Waffenruhe geben?"


def test_regional_report_of_ministers_talking_about_the_conflict() -> None:
    events = extract(REGIONAL_TALKS, published_at=PUB)
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
