"""Casualty counts: number words, bounds and ranges (UCDP's low/best/high), subgroups, thousands
separators, sides that add up, and tolls from the sentences after an attack within its paragraph."""

from __future__ import annotations

import msgspec
import pytest

from domain.events import Casualties, ConflictEvent
from domain.extraction import extract
from domain.extraction.casualties import casualties_in, merge_casualties
from domain.extraction.lexicon import get_lexicon
from domain.extraction.sentences import split_sentences

PUB_2017_03_09 = "2017-03-09"  # a Thursday
PUB_2016_11_10 = "2016-11-10"  # a Thursday
DE, EN = get_lexicon("de"), get_lexicon("en")


def _de(*clauses: str) -> Casualties | None:
    return casualties_in(list(clauses), DE)


def _killed(found: Casualties | None) -> tuple[int | None, int | None, int | None]:
    assert found is not None
    return found.killed_low, found.killed, found.killed_high


def _en(*clauses: str) -> Casualties | None:
    return casualties_in(list(clauses), EN)


def _of(events: list[ConflictEvent], name: str) -> list[ConflictEvent]:
    return [e for e in events if type(e).__name__ == name]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Bei dem Angriff starben dreizehn Menschen", 13),
        ("Neunzehn Soldaten wurden getötet", 19),
        ("Sechzig Zivilisten kamen ums Leben", 60),
        ("Einundzwanzig Kämpfer wurden getötet", 21),
        ("Zwei Dutzend Soldaten wurden getötet", 24),
        ("Ein Dutzend Menschen starben", 12),
    ],
)
def test_german_number_words_up_to_twenty_tens_and_dozens(sentence: str, killed: int) -> None:
    assert _killed(_de(sentence))[1] == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Seventeen people were killed in the blast", 17),
        ("Eighteen soldiers died", 18),
        ("Ninety civilians were killed", 90),
        ("Twenty-one fighters were killed", 21),
        ("Two dozen villagers were killed", 24),
        ("A dozen policemen were killed", 12),
        ("Two hundred people were killed", 200),
    ],
)
def test_english_number_words_up_to_twenty_tens_and_dozens(sentence: str, killed: int) -> None:
    assert _killed(_en(sentence))[1] == killed


def test_at_least_is_a_low_bound_equal_to_the_best_estimate() -> None:
    assert _killed(_de("Mindestens 30 Menschen wurden getötet")) == (30, 30, None)
    assert _killed(_en("At least 30 people were killed")) == (30, 30, None)


def test_more_than_is_a_low_bound_one_above_the_stated_figure() -> None:
    assert _killed(_de("Mehr als 30 Menschen wurden getötet")) == (31, 30, None)
    assert _killed(_en("More than 30 people were killed")) == (31, 30, None)


def test_about_keeps_the_figure_as_best_without_bounds_and_nearly_is_a_high_bound() -> None:
    assert _killed(_de("Rund 30 Menschen kamen ums Leben")) == (None, 30, None)
    assert _killed(_en("About 30 people died")) == (None, 30, None)
    assert _killed(_en("Nearly 30 people died")) == (None, 30, 30)
    assert _killed(_de("Bis zu 30 Menschen wurden getötet")) == (None, 30, 30)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Zwischen 20 und 30 Menschen wurden getötet", "de"),
        ("20 bis 30 Menschen starben", "de"),
        ("Between 20 and 30 people were killed", "en"),
        ("20 to 30 people were killed", "en"),
        ("20-30 people died in the shelling", "en"),
        ("twenty to thirty soldiers were killed", "en"),
    ],
)
def test_a_range_gives_low_and_high_and_its_low_end_as_best(sentence: str, language: str) -> None:
    found = _de(sentence) if language == "de" else _en(sentence)
    assert _killed(found) == (20, 20, 30)


def test_approximate_amounts_have_a_low_bound_and_no_best_estimate() -> None:
    assert _killed(_de("Dutzende Menschen wurden getötet")) == (24, None, None)
    assert _killed(_de("Hunderte Zivilisten kamen ums Leben")) == (200, None, None)
    assert _killed(_en("Dozens of people were killed")) == (24, None, None)
    assert _killed(_en("Hundreds of civilians died")) == (200, None, None)


def test_a_subgroup_after_darunter_counts_children_not_more_dead() -> None:
    found = _de("Bei dem Luftangriff wurden 30 Menschen getötet", " darunter vier Kinder")
    assert found is not None
    assert (found.killed, found.children_killed, found.civilians_killed) == (30, 4, 4)


def test_unter_ihnen_divides_the_dead_into_children_and_women() -> None:
    found = _de("Zwölf Menschen starben", " unter ihnen drei Kinder und zwei Frauen")
    assert found is not None
    assert (found.killed, found.children_killed, found.civilians_killed) == (12, 3, 5)


def test_including_and_among_them_count_the_subgroup_in_english() -> None:
    found = _en("At least 25 people were killed, including six children")
    assert found is not None and (found.killed, found.children_killed) == (25, 6)
    found = _en("Eleven people died", " among them two children")
    assert found is not None and (found.killed, found.children_killed) == (11, 2)


def test_a_subgroup_of_the_injured_is_no_count_of_dead_children() -> None:
    found = _en("Forty people were wounded, including ten children")
    assert found is not None
    assert (found.killed, found.injured, found.children_killed) == (None, 40, None)


def test_injured_bounds_are_kept_beside_the_killed() -> None:
    found = _en("Five soldiers were killed and at least 40 wounded")
    assert found is not None
    assert (found.killed, found.injured, found.injured_low) == (5, 40, 40)


def test_coordinated_groups_add_up_with_their_bounds() -> None:
    assert _killed(_en("At least 22 fighters and nine soldiers were killed")) == (31, 31, None)


def test_merge_keeps_the_larger_toll_with_its_own_bounds() -> None:
    small = Casualties(killed=10, killed_low=10)
    large = Casualties(killed=20, killed_low=20, killed_high=25, children_killed=3)
    merged = merge_casualties(small, large)
    assert merged is not None
    assert (merged.killed_low, merged.killed, merged.killed_high, merged.children_killed) == (20, 20, 25, 3)


def test_an_old_stored_casualties_object_decodes_without_the_bounds() -> None:

    old = msgspec.json.decode(b'{"killed": 5, "injured": null}', type=Casualties)
    assert (old.killed, old.killed_low, old.killed_high, old.injured_low) == (5, None, None, None)


def test_an_offensive_carries_the_range_its_sentence_states() -> None:
    text = (
        "Syrian government forces launched an offensive on the rebel-held city of Idlib on Tuesday, "
        "killing between 20 and 30 civilians, including eight children."
    )
    (event,) = extract(text, published_at="2024-03-14", language="en")
    assert event.casualties == Casualties(
        killed=20, killed_low=20, killed_high=30, civilians_killed=20, children_killed=8
    )


def test_casualties() -> None:
    cas = casualties_in(["Bei dem Angriff wurden mindestens 12 Zivilisten getötet"], DE)
    assert cas is not None and cas.killed == 12 and cas.civilians_killed == 12
    assert casualties_in(["Seit Beginn des Krieges wurden 300.000 Menschen getötet"], DE) is None
    injured = casualties_in(["Mehr als 20 Menschen wurden verletzt"], DE)
    assert injured is not None and injured.injured == 20 and injured.killed is None


def test_casualties_split_killed_and_wounded() -> None:
    clauses = [
        s.low[a:b]
        for s in split_sentences("The raid killed 12 people and wounded 30 others.", EN)
        for a, b in s.clauses(EN)
    ]
    found = casualties_in(clauses, EN)
    assert found is not None and found.killed == 12 and found.injured == 30
    clauses = ["at least 16 civilians, including five children, were killed"]
    found = casualties_in(clauses, EN)
    assert found is not None and found.killed == 16 and found.civilians_killed == 16


def test_background_tolls_are_not_event_casualties() -> None:
    assert casualties_in(["the war has killed more than 400 people since 2011"], EN) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Armee hat am Montag Mossul angegriffen, dabei wurden mehr als 1.500 Kämpfer getötet.", "de"),
        ("Iraqi troops attacked Mosul on Monday and killed more than 1,500 fighters.", "en"),
    ],
)
def test_thousands_separators_in_tolls(text: str, language: str) -> None:
    (event,) = _of(extract(text, published_at=PUB_2017_03_09, language=language), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 1500


def test_german_tolls_of_two_sides_add_up() -> None:
    text = "Regierungstruppen stürmten am Mittwoch die Stadt Daraa. Dabei wurden 14 Rebellen und neun Soldaten getötet."
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 23


def test_casualties_from_the_follow_up_sentence() -> None:
    text = (
        "Kampfjets der Koalition haben am Mittwoch Stellungen der Huthi-Rebellen in Saada bombardiert. Dabei "
        "wurden nach Angaben von Ärzten mindestens 14 Menschen getötet."
    )
    (event,) = _of(extract(text, published_at=PUB_2016_11_10), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 14


def test_toll_two_sentences_after_the_attack_in_the_same_paragraph() -> None:
    text = (
        "In der Nacht zum Mittwoch bombardierten Kampfflugzeuge Stellungen der Rebellen in Idlib. "
        "Getroffen wurden auch ein Markt und eine Schule. "
        "Nach Angaben von Helfern wurden mindestens 23 Zivilisten getötet."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == 23


def test_toll_in_the_next_paragraph_or_after_another_attack_is_not_taken() -> None:
    text = (
        "In der Nacht zum Mittwoch bombardierten Kampfflugzeuge Stellungen der Rebellen in Idlib.\n\n"
        "Nach Angaben von Helfern wurden im vergangenen Jahr 2300 Zivilisten getötet."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09), "OffensiveLaunched")
    assert event.casualties is None


def test_english_bombing_with_a_toll_in_the_next_sentence() -> None:
    text = (
        "Saudi warplanes bombed a wedding party in Hodeidah on Wednesday. "
        "At least 31 people were killed, local officials said."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09, language="en"), "OffensiveLaunched")
    assert event.location is not None and event.location.name.startswith("Hod")
    assert event.casualties is not None and event.casualties.killed == 31


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Syrian warplanes bombed the town of Maarat al-Numan on Tuesday. "
            "At least 11 civilians, including four children, were killed, activists said.",
            11,
        ),
        ("Government forces stormed the town of Daraya on Tuesday. The assault left at least 19 dead.", 19),
        (
            "Government forces stormed the town of Daraya on Tuesday. "
            "Medics said 12 rebels and seven soldiers were killed.",
            19,
        ),
        (
            "Taliban fighters overran the town of Ghormach on Tuesday.\n\n"
            "At least 23 people were killed in the fighting, officials said.",
            23,
        ),
    ],
)
def test_english_toll_after_the_attack(text: str, killed: int) -> None:
    (event,) = _of(extract(text, published_at=PUB_2017_03_09, language="en"), "OffensiveLaunched")
    assert event.casualties is not None and event.casualties.killed == killed


@pytest.mark.parametrize(
    ("clause", "language", "injured", "low"),
    [
        ("zehn menschen wurden getötet und mehr als 100 verletzt", "de", 100, 101),
        ("zehn menschen wurden getötet und 20 weitere schwer verletzt", "de", 20, None),
        ("air strikes killed ten people and wounded more than 100", "en", 100, 101),
        ("the blast killed ten people, wounding 20", "en", 20, None),
    ],
)
def test_a_count_without_a_victim_noun_beside_the_injuring_verb_counts_the_injured(
    clause: str, language: str, injured: int, low: int | None
) -> None:
    found = casualties_in([clause], get_lexicon(language))
    assert found is not None and (found.injured, found.injured_low) == (injured, low)
    assert found.killed == 10


def test_a_count_before_its_subgroup_and_its_verb_in_the_next_clauses_is_the_dead() -> None:
    found = _en("at least 16 people", " including 13 children", " were killed when jets bombed a town on Tuesday")
    assert found is not None and (found.killed, found.children_killed) == (16, 13)


def test_german_count_before_darunter_and_its_verb_is_the_dead() -> None:
    found = _de("Mindestens 16 Menschen", " darunter 13 Kinder", " wurden bei dem Angriff getötet")
    assert found is not None and (found.killed, found.children_killed) == (16, 13)


def test_a_count_split_from_its_verb_by_a_subgroup_reaches_the_event() -> None:
    text = (
        "At least 16 people, including 13 children, were killed when Syrian air force jets bombed a town in "
        "Daraa province on Tuesday, activists said."
    )
    (event,) = _of(extract(text, published_at=PUB_2017_03_09, language="en"), "OffensiveLaunched")
    assert event.casualties is not None and (event.casualties.killed, event.casualties.children_killed) == (16, 13)


@pytest.mark.parametrize(
    "clause", ["Mindestens eine Person wurde getötet", "Ein Soldat wurde getötet", "Dabei starb ein Mensch"]
)
def test_german_one_victim_is_counted(clause: str) -> None:
    found = _de(clause)
    assert found is not None and found.killed == 1


def test_others_wounded_after_a_death_are_injured_not_dead() -> None:
    found = _en("at least one person was killed and four others wounded")
    assert found is not None and (found.killed, found.injured) == (1, 4)
