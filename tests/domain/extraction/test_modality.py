"""Modality: whether a trigger states a realised event — negation and denial, plans, threats,
considering or ruling out, stopping and ending, conditionals, counterfactual Konjunktiv II against
reported speech, background relative clauses, participles used as adjectives, references and
reactions; sentences written for these tests (the linguistic layer's checks: test_modality_grammar.py)."""

from __future__ import annotations

import pytest

from domain.events import ConflictEvent
from domain.extraction import extract
from domain.extraction.lexicon import OFFENSIVE, get_lexicon
from domain.extraction.modality import REALISED, modality
from domain.extraction.sentences import split_sentences
from domain.extraction.triggers import find_triggers

PUB_2016_11_10 = "2016-11-10"  # a Thursday
PUB_2017_03_09 = "2017-03-09"  # a Thursday
PUB_2018_03_06 = "2018-03-06"  # a Tuesday
LEX = get_lexicon("de")


def _mood(sentence_text: str, event_type: str) -> str:
    sentence = split_sentences(sentence_text, LEX)[0]
    clauses = sentence.clauses(LEX)
    triggers = [t for t in find_triggers(sentence, clauses, LEX) if t.event_type == event_type]
    assert triggers, f"no {event_type} trigger"
    return modality(sentence, clauses, triggers[0], LEX)


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


_KRIEG = "Krieg in der Region\n\n"  # a headline, so that the article is about a conflict


def _types(events: list[ConflictEvent]) -> list[str]:
    return [type(e).__name__ for e in events]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Die Friedensgespräche sollen nächste Woche in Wien stattfinden.", "TalksHeld"),
        ("Der Präsident will eine Waffenruhe für das ganze Land vereinbaren.", "CeasefireAnnounced"),
        ("Die EU forderte einen sofortigen Waffenstillstand.", "CeasefireAnnounced"),
        ("Sollte die Armee angreifen, wären Tausende in Gefahr durch die Offensive.", "OffensiveLaunched"),
        ("Eine Feuerpause könnte vereinbart werden.", "CeasefireAnnounced"),
        ("Eine gemeinsame Waffenruhe kam nicht zustande, obwohl sie vereinbart schien.", "CeasefireAnnounced"),
        ("Die Regierung brach die Gespräche mit den Rebellen ab.", "TalksHeld"),
        ("Nach dem Abbruch der Verhandlungen herrscht Stillstand.", "TalksHeld"),
        ("Die Armee drohte mit einer Großoffensive auf die Stadt.", "OffensiveLaunched"),
        ("Die Regierung kündigte ein Treffen für Samstag an.", "TalksHeld"),
        ("Es besteht Hoffnung auf eine Einigung über eine Waffenruhe.", "CeasefireAnnounced"),
        ("Die Kontaktgruppe will die Gespräche wieder aufnehmen.", "TalksHeld"),
        ("Findet die Offensive bald statt?", "OffensiveLaunched"),
    ],
)
def test_not_realised(text: str, etype: str) -> None:
    assert _mood(text, etype) != REALISED


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Die Außenminister haben am Montag in Wien verhandelt.", "TalksHeld"),
        ("Die Konfliktparteien vereinbarten eine Waffenruhe.", "CeasefireAnnounced"),
        ("Die Armee kündigte eine 48-stündige Waffenruhe an.", "CeasefireAnnounced"),
        ("Die Armee hat die Stadt eingenommen.", "OffensiveLaunched"),
        ("Bei den Luftangriffen sollen zehn Menschen getötet worden sein.", "OffensiveLaunched"),
        ("Die Stadt wird seit Tagen bombardiert.", "OffensiveLaunched"),
    ],
)
def test_realised(text: str, etype: str) -> None:
    assert _mood(text, etype) == REALISED


def test_threats_and_warnings_are_not_offensives() -> None:
    for text in (
        "Die Regierung hat den Rebellen mit einem Großangriff auf ihre Stellungen im Krieg gedroht.",
        "Die USA warnten die Armee vor einem Angriff auf die Stadt Manbidsch im Krieg.",
    ):
        assert extract(text, published_at=PUB_2016_11_10) == [], text


def test_denied_attack_is_not_an_event() -> None:
    for text in (
        "Die Regierung bestritt, Dörfer in der Provinz Idlib bombardiert zu haben.",
        "Das Militär dementierte, dass Kampfjets ein Krankenhaus in Homs angegriffen hätten.",
        "Die Armee wies Berichte über Luftangriffe auf Aleppo zurück.",
    ):
        assert _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched") == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung in Ankara erklärte, sie prüfe einen Luftangriff auf Stellungen der PKK im Nordirak.",
        "Die saudische Führung erwägt eine Bodenoffensive gegen die Huthi-Rebellen in Hodeida.",
        "Das Pentagon denkt über Luftangriffe auf Stellungen der Taliban in Helmand nach.",
        "Moskau schließt eine Offensive der syrischen Armee auf Idlib nicht aus.",
        "Der Präsident Kolumbiens schloss einen Angriff auf Lager der ELN-Rebellen aus.",
        "Die Armee zog eine Offensive gegen die Rebellen in Darfur in Erwägung.",
    ],
)
def test_considered_or_ruled_out_attack_is_not_an_event(text: str) -> None:
    assert not _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")


def test_refraining_from_attacks_is_no_attack() -> None:
    text = "Die Rebellen verpflichten sich, während der Feuerpause auf Angriffe auf Armeeposten in Idlib zu verzichten."
    assert not _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung Kolumbiens stellte am Montag die Bombardierung der Lager der ELN-Rebellen ein.",
        "Die Offensive der irakischen Armee auf Falludscha wurde am Dienstag gestoppt.",
        "Die Luftangriffe der Koalition auf Sanaa wurden am Montag beendet.",
        "Russland kündigte die Einstellung der Luftangriffe auf Aleppo an.",
    ],
)
def test_stopped_offensive_is_not_launched(text: str) -> None:
    assert not _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")


def test_ongoing_offensive_with_an_unrelated_stop_verb_in_another_sentence() -> None:
    text = (
        "Die irakische Armee hat am Montag eine Offensive auf Falludscha begonnen. "
        "Die Hilfsorganisationen stellten ihre Arbeit in der Stadt ein."
    )
    assert len(_of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Hilfsorganisationen berichten, dass viele der eroberten Dörfer in der Provinz Hasaka ohne Strom seien.",
        "Die Versorgung der belagerten Stadt Madaja mit Lebensmitteln ist zusammengebrochen.",
        "Die von den Rebellen zurückeroberten Viertel von Aleppo liegen in Trümmern.",
        "Aid agencies said the besieged town of Madaya had run out of food.",
    ],
)
def test_participle_qualifying_a_noun_is_not_an_event(text: str) -> None:
    assert not _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")


@pytest.mark.parametrize(
    "text",
    [
        "Die Rebellen eroberten am Dienstag Dörfer in der Provinz Hama.",
        "Kurdische Kämpfer eroberten am Montag die Stadt Manbidsch.",
        "Die Armee hat die Stadt Palmyra am Mittwoch zurückerobert.",
    ],
)
def test_finite_verb_after_its_subject_is_still_an_event(text: str) -> None:
    assert len(_of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")) == 1


def test_reactions_and_time_frames_are_not_new_events() -> None:
    for text in (
        "Die Regierung in Paris verurteilte den Angriff auf die Blauhelme scharf.",
        "Der Außenminister begrüßte die Rückeroberung der Stadt.",
        "Seit Beginn der Offensive wurden nach Angaben von Helfern mehr als 300 Menschen getötet.",
        "Der Analyst sprach über eine drohende Offensive der Armee auf Idlib.",
    ):
        assert _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "OffensiveLaunched") == [], text
    during = "Während der Waffenruhe, so war es vereinbart, sollten in Genf Gespräche beginnen."
    assert _of(extract(_KRIEG + during, published_at=PUB_2016_11_10), "CeasefireAnnounced") == []


def test_hits_wishes_and_needs_are_not_talks() -> None:
    for text in (
        "Die Raketen hätten die iranische Infrastruktur in Syrien getroffen, sagte der Minister Israels.",
        '"Wir haben sie präzise getroffen", sagte der amerikanische General über Syrien.',
        "Es brauche neue Friedensverhandlungen zwischen Russland und der Ukraine, sagte der Bischof.",
        "Der Papst wünschte sich, dass die Gespräche zwischen Nord- und Südkorea Frieden fördern mögen.",
    ):
        assert _of(extract(_KRIEG + text, published_at=PUB_2016_11_10), "TalksHeld") == [], text


def test_sabotaged_talks_are_not_talks_held() -> None:
    text = "Die Regierung Afghanistans warf Pakistan vor, die Friedensgespräche mit den Taliban torpediert zu haben."
    assert not _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")


def test_meeting_that_did_not_happen_is_still_no_talks() -> None:
    text = "Ein Treffen zwischen Russland und der Türkei zum Krieg in Syrien kam nicht zustande."
    assert not _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")


@pytest.mark.parametrize(
    "text",
    [
        "Beim Gipfel in Lima waren die Außenminister Russlands und der Ukraine zwar beide anwesend; "
        "ein Gespräch der beiden über den Donbass kam aber nicht zustande.",
        "Das geplante Treffen von Putin und Poroschenko in Minsk fand am Montag nicht statt.",
    ],
)
def test_a_meeting_that_did_not_come_about_is_no_talks(text: str) -> None:
    assert not _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")


def test_summit_without_agreement_is_still_talks_held() -> None:
    text = (
        "Bei einem Gipfeltreffen am 2. März in Astana hatten sich Russland, die Türkei und der Iran nicht auf "
        "eine gemeinsame Erklärung zum Krieg in Syrien einigen können."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")
    assert event.location is not None and event.location.name == "Astana"
    assert {a.code for a in event.actors} >= {"RUS", "TUR", "IRN"}


def test_talks_in_the_main_clause_after_a_condition_are_not_held() -> None:
    text = "Wenn die Waffenruhe hält, trifft Putin am Rande des Gipfels den ukrainischen Präsidenten zu Gesprächen."
    assert not _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")


def test_conditional_after_a_speaker_prefix_is_hypothetical() -> None:
    text = "Expertin: Wenn die Türkei Manbidsch angreift, wird die NATO in eine Krise geraten."
    assert not extract(text, published_at=PUB_2018_03_06)


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
    assert not extract(text, published_at=PUB_2017_03_09)


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
    assert kind in _types(extract(text, published_at=PUB_2017_03_09))


def test_keeping_an_existing_truce_is_not_an_announcement() -> None:
    text = "Der Außenminister forderte beide Seiten im Krieg auf, die vereinbarte Waffenruhe einzuhalten."
    assert not _of(extract(text, published_at=PUB_2016_11_10), "CeasefireAnnounced")


def test_signed_truce_to_take_effect_later_is_announced() -> None:
    text = (
        "Die Regierung Myanmars und die Rebellen der Karen unterzeichneten am Montag eine "
        "Waffenstillstandsvereinbarung, die binnen 72 Stunden in Kraft treten soll."
    )
    assert len(_of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")) == 1


def test_truce_only_due_to_take_effect_is_a_plan() -> None:
    text = "Im Jemen soll am Montag eine Waffenruhe zwischen der Regierung und den Huthi-Rebellen in Kraft treten."
    assert not _of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")


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
    assert "CeasefireAnnounced" not in _types(extract(text, published_at=PUB_2017_03_09))


@pytest.mark.parametrize(
    "text",
    [
        "Die Hamas kündigte am Dienstag eine Feuerpause mit Israel an.",
        "Die Regierung und die Rebellen im Jemen vereinbarten am Montag eine Waffenruhe.",
        "Die PKK verkündete am Sonntag einen Waffenstillstand mit der Türkei.",
    ],
)
def test_announcing_a_truce_still_counts(text: str) -> None:
    assert "CeasefireAnnounced" in _types(extract(text, published_at=PUB_2017_03_09))


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
    assert not extract(text, published_at=PUB_2017_03_09)


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
    assert kind in _types(extract(text, published_at=PUB_2017_03_09))


def test_confidence_reflects_explicit_arguments() -> None:
    explicit = "Syrische Regierungstruppen haben am Dienstag die Stadt Palmyra vom IS zurückerobert."
    alleged = "In der Region sollen Kampfjets Dörfer bombardiert haben."
    (strong,) = _of(extract(_KRIEG + explicit, published_at=PUB_2016_11_10), "OffensiveLaunched")
    weak = _of(
        extract(_KRIEG + "Bei Homs herrscht Krieg. " + alleged, published_at=PUB_2016_11_10), "OffensiveLaunched"
    )
    # absolute values are the calibrated model's (test_confidence.py); the order is the behaviour
    assert all(e.confidence < strong.confidence for e in weak)


@pytest.mark.parametrize(
    "text",
    [
        "Die Zukunft der Grenzregion soll Teil der weiteren Verhandlungen zwischen beiden Staaten sein.",
        "Über die Gefangenen wird bei den nächsten Gesprächen zwischen Armee und Rebellen entschieden.",
    ],
)
def test_further_and_next_talks_are_not_realised(text: str) -> None:
    assert _mood(text, "TalksHeld") != REALISED


def test_regular_attacks_describe_a_habit_not_an_offensive() -> None:
    assert _mood("Die Luftwaffe fliegt regelmäßige Luftangriffe auf Stellungen der PKK im Nordirak.", OFFENSIVE) == (
        "habitual"
    )


def test_taking_part_in_talks_in_general_is_no_round_held() -> None:
    text = "Der Präsident sagte, die Teilnahme der Ukraine an Verhandlungen über ein Kriegsende sei unwichtig."
    assert _mood(text, "TalksHeld") != REALISED


@pytest.mark.parametrize(
    "text",
    [
        "In Kairo begannen am Sonntag Verhandlungen über eine Waffenruhe zwischen den Kriegsparteien.",
        "Die Gespräche um eine Feuerpause in der Region wurden am Montag in Doha fortgesetzt.",
    ],
)
def test_a_truce_that_talks_are_about_is_no_truce_agreed(text: str) -> None:
    assert _mood(text, "CeasefireAnnounced") == "topic"


def test_a_truce_the_talks_reached_is_agreed() -> None:
    text = "Nach Verhandlungen über eine Waffenruhe einigten sich die Kriegsparteien am Montag in Kairo."
    assert _mood(text, "CeasefireAnnounced") == REALISED


def test_the_announced_truce_taking_effect_is_a_truce_announced() -> None:
    text = "Die angekündigte Waffenruhe zwischen Israel und der Hamas trat am Montag in Kraft."
    assert _of(extract(text, published_at=PUB_2017_03_09), "CeasefireAnnounced")


def test_talks_that_solle_take_place_are_planned() -> None:
    text = "Ein Treffen zwischen Russland und der Türkei zum Krieg in Syrien solle am Montag in Ankara stattfinden."
    assert not _of(extract(text, published_at=PUB_2017_03_09), "TalksHeld")


def test_talks_broken_off_in_a_relative_clause_were_not_held() -> None:
    text = (
        "Im Syrien-Krieg kam es zum Zerwürfnis mit den USA, die die Syrien-Gespräche mit der Regierung in "
        "Moskau am Montag abbrachen."
    )
    assert not _of(extract(text, published_at=PUB_2016_11_10), "TalksHeld")


def test_meetings_announced_in_a_second_predicate_do_not_plan_the_talks_held() -> None:
    text = (
        "Syrien-Krieg: Lawrow traf Kerry am Freitag in Genf zu Gesprächen und kündigte weitere Treffen für "
        "nächste Woche an."
    )
    assert _of(extract(text, published_at=PUB_2016_11_10), "TalksHeld")


@pytest.mark.parametrize(
    ("text", "etype", "expected"),
    [
        ("Vor den geplanten Verhandlungen hat die Armee die Stadt mit Drohnen angegriffen.", "OffensiveLaunched", True),
        ("Vor den geplanten Verhandlungen hat die Armee die Stadt mit Drohnen angegriffen.", "TalksHeld", False),
        ("Die für Montag angesetzten Gespräche in Genf fanden nicht statt.", "TalksHeld", False),
        ("Die angekündigte Großoffensive auf die Stadt lässt auf sich warten.", "OffensiveLaunched", False),
    ],
)
def test_an_attributive_plan_cue_reaches_only_its_own_noun(text: str, etype: str, expected: bool) -> None:
    assert (_mood(text, etype) == REALISED) is expected


def test_history_dated_back_from_the_news_is_background() -> None:
    mood = _mood(
        "Zwei Jahre nachdem die Dschihadisten die Stadt erobert hatten, rückte die Armee am Montag vor.",
        "OffensiveLaunched",
    )
    assert mood == "background"


def test_talks_still_to_come_are_not_held_and_give_no_place_to_the_attack_before_them() -> None:
    events = extract(
        "Krieg in der Ukraine\n\nVor den Beratungen der Außenminister Russlands und der Ukraine in Istanbul griff "
        "Russland Kiew mit Drohnen an.",
        published_at="2025-05-16",
    )
    assert _types(events) == ["OffensiveLaunched"]
    assert events[0].location is None or events[0].location.name != "Istanbul"


def test_talks_already_held_stay_held() -> None:
    events = extract(
        "Krieg in der Ukraine\n\nNach den Gesprächen in Istanbul sagte Lawrow, Russland und die Ukraine wollten "
        "weiter verhandeln.",
        published_at="2025-05-16",
    )
    assert _types(events) == ["TalksHeld"]


def test_parties_agreeing_on_new_talks_about_a_truce_announce_no_truce() -> None:
    text = (
        "Bei einem Krisentreffen in Berlin haben sich Russland und die Ukraine am Mittwoch auf neue Verhandlungen "
        "über einen Waffenstillstand verständigt."
    )
    events = extract(text, published_at="2014-07-03", language="de")
    assert [type(e).__name__ for e in events] == ["TalksHeld"]


def test_parties_agreeing_on_a_truce_announce_it() -> None:
    text = "Russland und die Ukraine einigten sich am Mittwoch auf eine Waffenruhe in der Ostukraine."
    events = extract(text, published_at="2014-07-03", language="de")
    assert "CeasefireAnnounced" in [type(e).__name__ for e in events]


def test_an_agreement_on_an_end_of_the_fighting_is_an_announced_truce() -> None:
    text = (
        "Krieg in Berg-Karabach\n\nDie Vereinbarung über ein Ende der Kampfhandlungen war am Samstag nach langen "
        "Verhandlungen in Moskau zustande gekommen."
    )
    events = extract(text, published_at="2020-10-12", language="de")
    assert "CeasefireAnnounced" in [type(e).__name__ for e in events]
