"""Places stage: where an offensive happened — the town named (also without its city suffix), an
anaphoric town, not the capital an attribution or metonym names, a country's town named beside it,
the war's place when the sentence names none; sentences written for these tests."""

from __future__ import annotations

from domain.events import ConflictEvent
from domain.extraction import extract

PUB_2016_11_10 = "2016-11-10"  # a Thursday
PUB_2017_03_09 = "2017-03-09"  # a Thursday


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


def _attacks_by(events: list[ConflictEvent], code: str) -> list[ConflictEvent]:
    return [e for e in events if code in {a.code for a in e.actors if a.role == "attacker"}]


def _codes(event: ConflictEvent) -> set[str]:
    return {a.code for a in event.actors}


def test_anaphoric_port_city_takes_the_last_offensive_place() -> None:
    text = (
        "Die Armee hat eine Offensive auf Sirte begonnen, die letzte Hochburg der Miliz. Am zweiten Tag drangen "
        "Soldaten in die von Kämpfern gehaltene Küstenstadt vor."
    )
    events = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert events and all(e.location is not None and e.location.name == "Sirte" for e in events)


def test_attribution_and_metonym_capitals_are_not_the_battle_place() -> None:
    text = (
        "Russische Kampfjets bombardierten nach Angaben des Verteidigungsministeriums in Moskau Stellungen der "
        "Terrormiliz IS bei Palmyra. Die von Washington und Moskau vereinbarte Waffenruhe im Krieg gilt nicht "
        "für den IS."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Palmyra"


def test_city_named_without_its_city_suffix_is_found() -> None:
    text = "Islamistische Kämpfer haben am Dienstag Teile der Stadt Marawi im Süden der Philippinen überrannt."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.location is not None and event.location.country == "PH" and event.location.precision == "city"
    assert "PHL-REB" in _codes(event)


def test_offensive_in_a_country_takes_the_town_named_next_to_it() -> None:
    text = (
        "Französische Kampfjets haben in der Nacht Ziele in Mali bombardiert. "
        "Getroffen wurden nach Angaben der Armee Stellungen der Islamisten bei Gao."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Gao"


def test_offensive_in_a_country_without_a_town_has_no_place() -> None:
    text = "Französische Kampfjets haben in der Nacht Ziele der Islamisten in Mali bombardiert."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.location is None


def test_offensive_without_a_place_takes_the_wars_place() -> None:
    text = (
        "In Nagornyj Karabach sind die schwersten Kämpfe seit Jahren ausgebrochen. "
        "Aserbaidschanische Truppen griffen am Samstag an mehreren Abschnitten der Frontlinie an."
    )
    events = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert events and all(e.location is not None and e.location.name == "Nagorno-Karabakh" for e in events)


def test_region_of_the_country_does_not_borrow_the_main_town() -> None:
    text = (
        "Hilfswerke warnen vor einer Katastrophe in Idlib. "
        "Schon im Februar hatten Regierungstruppen den Osten des Landes zurückerobert."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.location is None


def test_the_city_is_the_town_the_sentence_before_names_not_an_earlier_offensive_place() -> None:
    text = (
        "Syrian troops captured Palmyra from Islamic State on Sunday. The army is also keeping up pressure on "
        "rebels in their stronghold of Daraa. Backed by Russian air strikes, government troops shelled the city "
        "on Monday."
    )
    events = _of(extract(text, published_at=PUB_2016_11_10, language="en"), "OffensiveLaunched")
    assert {e.location.name for e in events if e.location is not None} == {"Palmyra", "Daraa"}


def test_the_city_does_not_refer_back_to_a_talks_venue_abroad() -> None:
    text = (
        "Syrian troops captured Palmyra from Islamic State on Sunday. Diplomats met in Geneva on Monday. "
        "Government troops shelled the city again on Tuesday."
    )
    events = _of(extract(text, published_at=PUB_2016_11_10, language="en"), "OffensiveLaunched")
    assert events and all(e.location is not None and e.location.name == "Palmyra" for e in events)


def test_a_town_name_standing_for_its_province_is_no_point_location() -> None:
    text = "Krieg in der Ukraine\n\nDie russische Armee rückt im Gebiet Donezk weiter auf die Stadt Pokrowsk vor."
    (event,) = _of(extract(text, published_at=PUB_2016_11_10, language="de"), "OffensiveLaunched")
    assert event.location is not None and event.location.name == "Pokrovsk"


def test_an_advance_into_a_province_named_after_its_town_has_no_point_location() -> None:
    text = "War in Ukraine\n\nUkrainian troops pushed deeper into the Kursk region on Tuesday."
    (event,) = _of(extract(text, published_at=PUB_2016_11_10, language="en"), "OffensiveLaunched")
    assert event.location is None


def test_the_place_of_an_earlier_attack_the_sentence_refers_to_is_not_the_place_of_the_one_reported() -> None:
    german = "Nach dem Anschlag in Quetta haben pakistanische Kampfjets am Mittwoch Stellungen der Taliban angegriffen."
    english = "Days after the bombing in Quetta, Pakistani jets struck Taliban positions on Wednesday."
    for text, language in ((german, "de"), (english, "en")):
        events = _of(extract(text, published_at=PUB_2017_03_09, language=language), "OffensiveLaunched")
        assert len(events) == 1 and events[0].location is None, language  # not Quetta, nor as the war's place
        assert {"PAK", "AFG-REB"} <= _codes(events[0])


def test_a_german_article_telling_an_attack_only_by_its_verb_is_read() -> None:
    text = "Indien hat in der Nacht Ziele in Pakistan angegriffen. Islamabad sprach von acht Toten."
    events = _of(extract(text, published_at=PUB_2017_03_09, language="de"), "OffensiveLaunched")
    assert len(events) == 1 and "IND" in _codes(events[0])


def test_an_attack_on_a_foreign_state_is_placed_in_that_state_not_at_the_wars_town() -> None:
    text = (
        "Israels Luftwaffe bombardierte am Dienstag erneut Ziele in Gaza. In Gaza starben nach Angaben der Behörden "
        "zwölf Menschen. Die Hisbollah hat am Dienstag einen Angriff auf Israel gestartet."
    )
    events = _of(extract(text, published_at="2024-05-08", language="de"), "OffensiveLaunched")
    hezbollah = _attacks_by(events, "HEZ")
    assert hezbollah and hezbollah[0].location is not None and hezbollah[0].location.country == "IL"
    assert any(e.location is not None and e.location.name == "Gaza" for e in events if e not in hezbollah)


def test_english_rockets_fired_into_a_state_are_placed_in_that_state() -> None:
    text = (
        "Israeli jets struck targets in Gaza on Tuesday, killing 12 people in Gaza, officials said. "
        "Hezbollah fighters launched an attack on Israel on Tuesday."
    )
    events = _of(extract(text, published_at="2024-05-08", language="en"), "OffensiveLaunched")
    hezbollah = _attacks_by(events, "HEZ")
    assert hezbollah and hezbollah[0].location is not None and hezbollah[0].location.country == "IL"


def test_an_attack_on_the_wars_own_state_keeps_the_wars_town() -> None:
    text = (
        "Russische Truppen griffen am Montag Bachmut an. In Bachmut wurde weiter gekämpft. "
        "Russland hat am Montag einen neuen Angriff auf die Ukraine gestartet."
    )
    events = _of(extract(text, published_at="2023-02-07", language="de"), "OffensiveLaunched")
    assert events and all(e.location is None or e.location.country == "UA" for e in events)


def test_fighters_entering_a_foreign_states_territory_are_placed_in_that_state() -> None:
    text = (
        "Israels Armee bombardierte am Samstag Ziele in Gaza. In Gaza starben zwölf Menschen. "
        "Laut Polizei drangen 200 Hamas-Kämpfer am Morgen auf israelisches Staatsgebiet vor."
    )
    events = _of(extract(text, published_at="2023-10-07", language="de"), "OffensiveLaunched")
    hamas = _attacks_by(events, "PSE-REB")
    assert hamas and hamas[0].location is not None and hamas[0].location.country == "IL"


def test_english_fighters_crossing_into_a_states_territory_are_placed_in_that_state() -> None:
    text = (
        "Israeli jets struck targets in Gaza on Saturday. In Gaza, 12 people died. "
        "Hamas fighters crossed into Israeli territory on Saturday, police said."
    )
    events = _of(extract(text, published_at="2023-10-07", language="en"), "OffensiveLaunched")
    hamas = _attacks_by(events, "PSE-REB")
    assert hamas and hamas[0].location is not None and hamas[0].location.country == "IL"


def test_a_town_named_as_the_landmark_of_another_only_locates_it() -> None:
    text = (
        "Russische Truppen griffen am Montag an. Zuletzt sind sie in die Grenzstadt Wowtschansk in der Nähe der "
        "Großstadt Charkiw eingedrungen."
    )
    events = _of(extract(text, published_at="2024-05-14", language="de"), "OffensiveLaunched")
    assert any(e.location is not None and e.location.name == "Vovchansk" for e in events)
    assert all(e.location is None or e.location.name != "Kharkiv" for e in events)


def test_a_later_unplaced_mention_by_the_same_attackers_is_their_attack_on_the_foreign_state() -> None:
    text = (
        "Israels Luftwaffe bombardierte am Samstag Ziele in Gaza. In Gaza starben zwölf Menschen. "
        "Die Hamas hat am Samstag einen Großangriff auf Israel gestartet. "
        "Netanjahu sagte, man werde die Terroristen der Hamas vertreiben, die eingedrungen sind."
    )
    events = _of(extract(text, published_at="2023-10-07", language="de"), "OffensiveLaunched")
    hamas = _attacks_by(events, "PSE-REB")
    assert hamas and all(e.location is not None and e.location.country == "IL" for e in hamas)
