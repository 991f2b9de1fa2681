"""The actor catalogue: every code the gazetteer can emit, with a name, a kind and its forms."""

from __future__ import annotations

from domain.gazetteer._data import rows
from domain.gazetteer.catalogue import actor_code, actor_codes


def test_every_code_in_the_actor_table_is_catalogued() -> None:
    emitted = {row[0] for row in rows("actors.tsv")}
    assert emitted - set(actor_codes()) == set()


def test_a_group_code_lists_the_groups_that_share_it() -> None:
    colombia = actor_codes()["COL-REB"]
    assert (colombia.kind, colombia.country) == ("rebel_group", "CO")
    assert {"FARC", "ELN"} <= set(colombia.aliases)


def test_a_state_is_named_by_its_country_and_known_by_its_leaders() -> None:
    russia = actor_codes()["RUS"]
    assert (russia.name, russia.kind, russia.country) == ("Russia", "state", "RU")
    assert {"Russland", "Kremlin", "Putin"} <= set(russia.aliases)


def test_german_adjective_stems_are_shown_inflected() -> None:
    assert not any("*" in form for code in actor_codes().values() for form in code.aliases)


def test_pattern_codes_are_derived_for_any_state() -> None:
    militia = actor_code("ETH-MIL")
    assert militia is not None
    assert (militia.kind, militia.country, militia.listed) == ("militia", "ET", False)
    assert actor_code("NOR") is not None and actor_code("NOR").kind == "state"  # type: ignore[union-attr]


def test_unknown_codes_are_not_invented() -> None:
    assert actor_code("XYZ") is None
    assert actor_code("XYZ-REB") is None
    assert actor_code("RUS-FOO") is None
