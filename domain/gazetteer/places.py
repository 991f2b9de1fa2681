"""Place gazetteer: cities, towns, venues, regions and countries, in German and English.

Sources, in priority order for a shared surface form: hand-written places
(`data/places.tsv`: contested towns, venues, regions, exonyms such as "Genf",
"Mossul", "Ost-Aleppo"), countries (names and centroids, precision
"country"), capitals of the curated countries, then generated cities
(`data/cities_auto.tsv`, most populous first, filtered against ordinary
German/English words), then the small towns of the active-war countries (`cities_auto.tsv` too,
below 15,000 inhabitants). German genitive -s forms of the curated names ("Syriens", "Aleppos") are
added automatically.
"""

from __future__ import annotations

import re
from functools import cache

from domain.gazetteer._data import (
    CityRow,
    Country,
    auto_cities,
    countries,
    countries_by_alpha2,
    curated_places,
    german_only,
    stoplist,
)
from domain.gazetteer._match import SurfaceIndex
from domain.gazetteer.model import Place, PlaceMention
from domain.gazetteer.transliteration import ARABIC_COUNTRIES, CYRILLIC_COUNTRIES, arabic_article_forms, german_form

_GENITIVE_BLOCK = frozenset({"Hama"})
# Generated rows below this population are small towns (tools/build_gazetteer.py: TOWN_COUNTRIES); their
# German transcription is in their forms already, filtered against the word lists when it was built.
TOWN_BELOW = 15_000  # "Hamas" is not the genitive of Hama in the news


# English capitalises only names: a town's name followed by another capitalised word is part of a longer
# name ("Geneva Convention", "New York Times", "Denver Broncos", "Hassan Nasrallah", "Manbij Military
# Council"), unless that word names a part of the town or a date ("Sadr City", "Aleppo Province").
_ENGLISH_NAME_GOES_ON = re.compile(
    r" (?!(?:City|Province|Governorate|Region|District|Oblast|Strip|Valley|Airport|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)[A-Z][a-z]"
)
# "Damascus-based", "Baghdad-born": where a body or a person comes from, not a place of the text's events.
_ORIGIN_COMPOUND = re.compile(r"-(?:based|born|headquartered|backed)\b")


def find_places(text: str, language: str = "de") -> list[PlaceMention]:
    """Every place mention in `text`, leftmost-longest, non-overlapping, offsets into `text`."""
    english = language.lower().startswith("en")
    index = _place_index("en" if english else "de")
    return [
        PlaceMention(start=start, end=end, surface=text[start:end], place=place)
        for start, end, place in index.scan(text)
        if not (english and _inside_longer_name(text, end))
    ]


def _inside_longer_name(text: str, end: int) -> bool:
    return bool(_ENGLISH_NAME_GOES_ON.match(text, end) or _ORIGIN_COMPOUND.match(text, end))


def country_place(code: str) -> Place | None:
    """A country as a Place (centroid, precision "country"); `code` is alpha-2 or alpha-3."""
    country = countries_by_alpha2().get(code) if len(code) == 2 else countries().get(code)
    return _country_as_place(country) if country else None


def capital_name(code: str) -> str | None:
    """The canonical name of a country's capital (as its Place is named); alpha-2 or alpha-3."""
    country = countries_by_alpha2().get(code) if len(code) == 2 else countries().get(code)
    return country.capital or None if country else None


@cache
def _country_as_place(country: Country) -> Place | None:
    if country.lat is None or country.lon is None:
        return None
    return Place(name=country.name_en, country=country.alpha2, lat=country.lat, lon=country.lon, precision="country")


def _city_place(row: CityRow) -> Place:
    if row.precision == "region":
        return Place(name=row.name, country=row.alpha2, lat=row.lat, lon=row.lon, precision="region")
    return Place(name=row.name, country=row.alpha2, lat=row.lat, lon=row.lon, precision="city")


@cache
def _place_index(language: str) -> SurfaceIndex[Place]:
    """German and English share the names; English drops German names that are English words. The
    English index is a copy of the German one, so the ~40,000 forms are tokenized once."""
    shared = _shared_index()
    if language != "en":
        return shared
    lex = SurfaceIndex(dict(shared.entries), dict(shared.max_len))
    for form in german_only():
        lex.remove(form)
    return lex


@cache
def _shared_index() -> SurfaceIndex[Place]:
    lex: SurfaceIndex[Place] = SurfaceIndex()
    for row in curated_places():
        _add_forms(lex, row.forms, _city_place(row))
        _add_forms(lex, _titled_units(row), _city_place(row))  # "Idlib Province" as well as "Idlib province"
    _add_countries(lex)
    _add_capitals(lex)
    _add_genitives(lex)  # only for curated names: generated ones collide too often ("Abba" -> "Abbas")
    cities = [row for row in auto_cities() if row.population >= TOWN_BELOW]
    for row in cities:
        _add_forms(lex, row.forms, _city_place(row))
    for row in cities:  # "Wowtschansk" for "Vovchansk": German news transcribes Cyrillic names itself
        if row.alpha2 in CYRILLIC_COUNTRIES:
            _add_forms(lex, _derived_german(row), _city_place(row))
    for row in [*curated_places(), *cities]:  # "Deir el-Zour" for "Deir ez-Zour": the article spelt another way
        if row.alpha2 in ARABIC_COUNTRIES:
            _add_forms(lex, _derived_articles(row), _city_place(row))
    for row in cities:  # "Marawi City", "Cotabato City": news writes "Marawi" (after every full name)
        base = row.name.removesuffix(" City")
        if base != row.name and len(base) >= 4:
            _add_forms(lex, (base,), _city_place(row))
    for row in auto_cities():  # towns last: a city's every form wins over a village's
        if row.population < TOWN_BELOW:
            _add_forms(lex, row.forms, _city_place(row))
    return lex


_UNIT_WORDS = frozenset({"province", "region", "governorate", "oblast", "district", "state"})


def _titled_units(row: CityRow) -> tuple[str, ...]:
    """A region's English forms with the unit word capitalised, as headline style and many outlets write it."""
    out = []
    for form in row.forms:
        head, _, unit = form.rpartition(" ")
        if head and unit in _UNIT_WORDS:
            titled = f"{head} {unit.capitalize()}"
            if titled not in row.forms:
                out.append(titled)
    return tuple(out)


def _derived_articles(row: CityRow) -> tuple[str, ...]:
    return tuple(v for form in row.forms for v in arabic_article_forms(form) if v not in row.forms)


def _derived_german(row: CityRow) -> tuple[str, ...]:
    form = german_form(row.name)
    return (form,) if len(form) >= 5 and form not in row.forms else ()


def _add_forms(lex: SurfaceIndex[Place], forms: tuple[str, ...], place: Place) -> None:
    for form in forms:
        if form not in stoplist() and len(form) >= 3:
            lex.add(form, place)


def _add_countries(lex: SurfaceIndex[Place]) -> None:
    for country in sorted(countries().values(), key=lambda c: not c.curated):
        place = _country_as_place(country)
        if place is not None:
            _add_forms(lex, country.names, place)
            lex.add("USA", place) if country.alpha3 == "USA" else None


def _add_capitals(lex: SurfaceIndex[Place]) -> None:
    """Capital forms of curated countries, at the coordinates of the capital city."""
    by_name = {(row.name, row.alpha2): row for row in (*curated_places(), *auto_cities())}
    for country in countries().values():
        row = by_name.get((country.capital, country.alpha2))
        if country.curated and row is not None:
            _add_forms(lex, country.capital_forms, _city_place(row))


def _add_genitives(lex: SurfaceIndex[Place]) -> None:
    """German genitive -s: Syriens, Aleppos, des Irak(s), Jemens."""
    for key, place in list(lex.entries.items()):
        last = key[-1]
        genitive = len(last) >= 3 and last[0].isupper() and last[-1].islower() and last[-1] not in "sxzß"
        form = "".join(key[:-1]) + last + "s"
        if genitive and "".join(key) not in _GENITIVE_BLOCK and form not in stoplist():
            lex.add(form, place)
