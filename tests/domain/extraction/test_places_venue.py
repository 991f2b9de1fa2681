"""Places stage: which city a sentence names as the venue of talks (roles.venue_in and choose_place)."""

from __future__ import annotations

import msgspec
import pytest

from domain.events import ConflictEvent
from domain.extraction import extract, roles
from domain.extraction.gazetteer_port import DefaultGazetteer
from domain.extraction.lexicon import CAPITAL, get_lexicon
from domain.extraction.normalize import lowered
from domain.extraction.sentences import split_sentences

PUB = "2017-03-09"  # a Thursday
GAZ = DefaultGazetteer()


def _venues(text: str, language: str) -> list[str | None]:
    """The venue each sentence of `text` names (None where it names none)."""
    lex = get_lexicon(language)
    ctx = roles.build_context(text, GAZ, lex, lowered(text))
    out = []
    for sentence in split_sentences(text, lex, lowered(text)):
        place = roles.venue_in(ctx, sentence, lex)
        out.append(place.name if place else None)
    return out


def _talks_places(text: str, language: str, published_at: str = "2016-03-12") -> list[str | None]:
    events = msgspec.to_builtins(extract(text, published_at=published_at, language=language))
    return [(e["location"] or {}).get("name") for e in events if e["type"] == "TalksHeld"]


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


@pytest.mark.parametrize(
    ("sentence", "venue"),
    [
        ("Envoys of Iran and Turkey met on Monday in the Austrian city of Vienna.", "Vienna"),
        ("The ministers talked for hours at a Geneva hotel on Friday.", "Geneva"),
        ("Lavrov flew to Munich for the meeting.", "Munich"),
    ],
)
def test_english_venue_after_qualified_preposition(sentence: str, venue: str) -> None:
    assert _venues(sentence, "en") == [venue]


@pytest.mark.parametrize(
    "sentence",
    [
        "The delay gives the army time to recapture Homs before any truce.",
        "The rebels are in talks with Damascus about a local truce.",
    ],
)
def test_english_goal_or_partner_is_no_venue(sentence: str) -> None:
    assert _venues(sentence, "en") == [None]


def test_attributive_foreign_city_names_the_venue() -> None:
    text = (
        "Fighting went on in Aleppo and Homs, and shells fell on Idlib. "
        "The Vienna talks between Russia and Iran lasted six hours."
    )
    assert _venues(text, "en")[-1] == "Vienna"


def test_attributive_town_of_the_war_is_a_topic() -> None:
    text = (
        "Fighting went on in Aleppo and Homs, and shells fell on Idlib. "
        "The Aleppo talks between Russia and Turkey are about the siege."
    )
    assert _venues(text, "en")[-1] is None


def test_german_hyphen_compound_with_foreign_venue() -> None:
    text = "In Aleppo und Homs wurde weiter gekämpft. Die Genf-Gespräche zwischen Russland und Iran dauerten lange."
    assert _venues(text, "de")[-1] == "Geneva"


def test_talks_take_the_qualified_venue_not_the_advance_goal() -> None:
    text = (
        "Government forces pressed their offensive on Aleppo this week. "
        "Russian and American foreign ministers held talks on Thursday in the Bavarian city of Munich. "
        "Moscow wants to give Damascus time to recapture Aleppo."
    )
    assert _talks_places(text, "en") == ["Munich"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_landmark_city_is_in_the_gazetteer(language: str) -> None:
    for _, city, _ in get_lexicon(language).venue_landmarks:
        if city == CAPITAL:  # the article's country's capital, resolved per article
            continue
        found = GAZ.find_places(city, language)
        assert found and found[0].place.name == city and found[0].place.precision == "city"


def test_german_talks_in_a_seat_of_government_take_its_city() -> None:
    text = (
        "Der russische Außenminister Lawrow und der türkische Außenminister Cavusoglu "
        "führten am Freitag Gespräche im Kanzleramt über den Krieg in Syrien."
    )
    assert _talks_places(text, "de") == ["Berlin"]


def test_english_talks_at_a_seat_of_government_take_its_city() -> None:
    text = (
        "Kerry held talks with Azerbaijan's President Ilham Aliyev at the State Department on Wednesday "
        "about the fighting in Nagorno-Karabakh."
    )
    assert _talks_places(text, "en") == ["Washington"]


def test_a_seat_of_government_as_speaker_is_no_venue() -> None:
    text = "Shells fell on Aleppo. The Kremlin said Putin and Erdogan had agreed a truce for Aleppo."
    lex = get_lexicon("en")
    ctx = roles.build_context(text, GAZ, lex, lowered(text))
    assert ctx.landmarks == []
    assert _venues(text, "en") == [None, None]


def test_talks_in_a_country_keep_the_country() -> None:
    text = "Die Regierung Jemens und die Huthi-Rebellen haben am Donnerstag in Schweden über einen Frieden verhandelt."
    (event,) = _of(extract(text, published_at=PUB), "TalksHeld")
    assert event.location is not None and event.location.country == "SE"


def test_fighting_area_is_no_talks_venue() -> None:
    text = "Während die Außenminister Russlands und der USA berieten, gingen die Kämpfe in Syrien unvermindert weiter."
    for event in _of(extract(text, published_at=PUB), "TalksHeld"):
        assert event.location is None or event.location.country != "SY"


def test_truce_agreed_at_a_foreign_venue_means_they_met_there() -> None:
    text = (
        "In der Ostukraine gehen die Kämpfe weiter. Vertreter der Ukraine und der prorussischen Separatisten haben "
        "sich am Freitag in der weißrussischen Hauptstadt Minsk auf eine Waffenruhe geeinigt."
    )
    events = extract(text, published_at=PUB)
    assert len(_of(events, "CeasefireAnnounced")) == 1
    (talks,) = _of(events, "TalksHeld")
    assert talks.location is not None and talks.location.name == "Minsk"


def test_truce_agreed_for_the_war_area_is_no_meeting_there() -> None:
    text = (
        "Nach 50 Tagen Krieg haben sich Israel und die Hamas im Gazastreifen auf eine unbefristete Waffenruhe geeinigt."
    )
    events = extract(text, published_at=PUB)
    assert len(_of(events, "CeasefireAnnounced")) == 1
    assert not _of(events, "TalksHeld")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Krieg in der Ukraine\n\nIn Warschau bekam der ukrainische Präsident am Mittwoch viel Beifall. Er besuchte "
            "eine Kaserne. Danach traf der ukrainische Präsident den polnischen Präsidenten Duda.",
            "de",
        ),
        (
            "War in Ukraine\n\nThe president travelled abroad. In Warsaw the Ukrainian president was cheered on "
            "Wednesday. He visited a barracks. "
            "Afterwards the Ukrainian president met Polish President Andrzej Duda.",
            "en",
        ),
    ],
)
def test_talks_told_as_the_next_step_of_a_visit_are_where_the_visit_was(text: str, language: str) -> None:
    talks = [e for e in extract(text, published_at=PUB, language=language) if type(e).__name__ == "TalksHeld"]
    assert talks and talks[0].location is not None and talks[0].location.name == "Warsaw"


def test_talks_are_not_placed_at_the_venue_of_talks_only_planned_in_another_clause() -> None:
    text = (
        "MUNICH (Reuters) - Kerry, speaking after marathon talks with Russian Foreign Minister Sergei Lavrov on "
        "Thursday, said that peace negotiations should resume in Geneva as soon as possible."
    )
    talks = [e for e in extract(text, published_at="2016-02-12", language="en") if type(e).__name__ == "TalksHeld"]
    assert talks and all(e.location is None or e.location.name != "Geneva" for e in talks)


def test_a_diplomatic_venue_abroad_is_no_battle_place() -> None:
    text = (
        "Syrian troops besieged the rebel-held districts on Thursday while the opposition prepared to return to Geneva."
    )
    attacks = [
        e for e in extract(text, published_at="2016-02-12", language="en") if type(e).__name__ == "OffensiveLaunched"
    ]
    assert all(e.location is None or e.location.name != "Geneva" for e in attacks)


def test_a_demonym_before_a_town_places_it_and_names_no_party() -> None:
    text = (
        "The foreign ministers of Russia and the United States held talks on Syria on Saturday in Swiss Lausanne, "
        "officials said."
    )
    (talks,) = _of(extract(text, published_at="2016-10-16", language="en"), "TalksHeld")
    assert "CHE" not in {a.code for a in talks.actors}
    assert talks.location is not None and talks.location.name == "Lausanne"
