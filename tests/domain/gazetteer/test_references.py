"""Places as reference data: GeoNames ids and first-level divisions (admin1) of the gazetteer's places."""

from __future__ import annotations

from domain.gazetteer import ADMIN1, PlaceReference, admin1_places, country_place, find_places, place_reference
from domain.gazetteer._data import auto_cities, countries, curated_places, rows


def test_a_town_has_its_geonames_id_and_division() -> None:
    assert place_reference("Aleppo", "SY") == PlaceReference(geonameid=170063, admin1="SY.09")
    assert place_reference("Manbij", "SY") == PlaceReference(geonameid=167357, admin1="SY.09")


def test_a_country_has_its_own_geonames_id_and_no_division() -> None:
    syria = country_place("SY")
    assert syria is not None
    assert place_reference(syria.name, syria.country) == PlaceReference(geonameid=163843, admin1=None)


def test_a_region_of_one_division_takes_it_and_a_wider_one_has_none() -> None:
    assert place_reference("Idlib Province", "SY") == PlaceReference(geonameid=None, admin1="SY.12")
    assert place_reference("Idlib", "SY") == PlaceReference(geonameid=169389, admin1="SY.12")
    assert place_reference("Donbas", "UA") is None
    assert place_reference("Nowhere", "SY") is None


def test_a_place_found_in_a_text_is_looked_up_by_its_canonical_name() -> None:
    [mention] = [m for m in find_places("Die Offensive auf Manbidsch begann.") if m.surface == "Manbidsch"]
    reference = place_reference(mention.place.name, mention.place.country)
    assert reference is not None and reference.admin1 == "SY.09"


def test_a_division_lists_the_places_in_it() -> None:
    in_aleppo = admin1_places("SY.09")
    assert {"Aleppo", "Al-Bab", "Manbij", "Aleppo Province"} <= set(in_aleppo)
    assert all(place_reference(name, "SY") is not None for name in in_aleppo)
    assert "Idlib" not in in_aleppo and admin1_places("SY.99") == ()


def test_every_reference_names_a_place_the_gazetteer_emits_in_geonames_form() -> None:
    emitted = {(r.name, r.alpha2) for r in (*curated_places(), *auto_cities())}
    emitted |= {(c.name_en, c.alpha2) for c in countries().values()}
    for name, alpha2, geonameid, admin1 in rows("geonames.tsv"):
        assert (name, alpha2) in emitted, name
        assert geonameid or admin1, name
        assert not admin1 or (ADMIN1.fullmatch(admin1) and admin1.startswith(alpha2 + ".")), (name, admin1)


def test_every_generated_city_and_country_has_a_geonames_id() -> None:
    assert all((ref := place_reference(r.name, r.alpha2)) and ref.geonameid for r in auto_cities())
    assert all((ref := place_reference(c.name_en, c.alpha2)) and ref.geonameid for c in countries().values())
