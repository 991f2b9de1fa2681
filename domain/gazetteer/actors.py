"""Actor gazetteer: states, capitals as metonyms, adjectives/demonyms, persons, groups, bodies.

Every surface form maps to one codebook code and an `ActorKind`. Country names,
capitals (kind "state"), German adjectives in all inflections and demonyms
(kind "demonym") come from `data/countries.tsv` (all other ISO countries by
name from `data/countries_auto.tsv`); persons, armed groups, bodies and state
metonyms ("Kreml", "Weißes Haus") from `data/actors.tsv`. Bare generic words
whose code depends on the article's country ("Rebellen", "Regierungstruppen",
"Armee") are not actors here: `find_generic_forces` reports them, and
`generic_code` resolves one against a country.
"""

from __future__ import annotations

from functools import cache
from typing import Literal, NamedTuple, cast

from domain.gazetteer._data import countries, german_only, rows, split_list
from domain.gazetteer._match import Lexicon, adjective_forms, capitalised, expand_stars
from domain.gazetteer.model import ActorKind, ActorMention

GenericKind = Literal["government", "government_forces", "rebels", "militia", "jihadists"]
_ACTOR_KINDS = frozenset({"state", "person", "group", "body", "demonym"})
_GENERIC_KINDS = frozenset({"government", "government_forces", "rebels", "militia", "jihadists"})
_GENITIVE_KINDS = frozenset({"state", "person", "group", "body"})
_ISIL_COUNTRIES = frozenset({"SYR", "IRQ", "LBY"})


class GenericForce(NamedTuple):
    """A generic force word ("Rebellen", "Regierungstruppen") whose code depends on context."""

    start: int
    end: int
    surface: str
    kind: GenericKind


def find_actors(text: str, language: str = "de") -> list[ActorMention]:
    """Every actor mention in `text`, leftmost-longest, non-overlapping, offsets into `text`."""
    return [
        ActorMention(start=start, end=end, surface=text[start:end], code=code, kind=kind)
        for start, end, (code, kind) in _actor_lexicon(_lang(language)).scan(text)
    ]


def find_generic_forces(text: str, language: str = "de") -> list[GenericForce]:
    """Generic force words, to be resolved against the article's country with `generic_code`."""
    return [
        GenericForce(start, end, text[start:end], kind)
        for start, end, kind in _generic_lexicon(_lang(language)).scan(text)
    ]


def generic_code(kind: GenericKind, country: str) -> str | None:
    """The codebook code of a generic force in a country (alpha-2 or alpha-3).

    government/government_forces -> the state ("SYR"); rebels -> "SYR-REB";
    militia -> "<ISO3>-MIL"; jihadists -> "ISIL" in Syria, Iraq and Libya, else "<ISO3>-REB".
    """
    a3 = _alpha3(country)
    if a3 is None:
        return None
    if kind in ("government", "government_forces"):
        return a3
    if kind == "rebels":
        return f"{a3}-REB"
    if kind == "militia":
        return f"{a3}-MIL"
    return "ISIL" if a3 in _ISIL_COUNTRIES else f"{a3}-REB"


def actor_country(code: str) -> str | None:
    """ISO alpha-2 of a state code or of the prefix of a "SYR-REB"-style code; None for bodies and ISIL."""
    country = countries().get(code.split("-", 1)[0])
    return country.alpha2 if country else None


def _alpha3(country: str) -> str | None:
    if len(country) == 3:
        return country if country in countries() else None
    for c in countries().values():
        if c.alpha2 == country:
            return c.alpha3
    return None


def _lang(language: str) -> str:
    return "en" if language.lower().startswith("en") else "de"


@cache
def _actor_lexicon(language: str) -> Lexicon[tuple[str, ActorKind]]:
    lex: Lexicon[tuple[str, ActorKind]] = Lexicon()
    _add_curated_countries(lex)
    _add_actor_rows(lex, language)
    for country in countries().values():
        if not country.curated:
            lex.add_all(country.names, (country.alpha3, "state"))
    _add_genitives(lex)
    if language == "en":
        for form in german_only():
            lex.remove(form)
    return lex


def _add_curated_countries(lex: Lexicon[tuple[str, ActorKind]]) -> None:
    for c in countries().values():
        if not c.curated:
            continue
        lex.add_all((*c.names, *c.capital_forms), (c.alpha3, "state"))
        adjectives = [form for stem in c.adj_de for form in adjective_forms(stem)] + list(c.adj_en)
        for form in adjectives:
            lex.add_all((form, capitalised(form)), (c.alpha3, "demonym"))
        lex.add_all(c.demonyms, (c.alpha3, "demonym"))


def _add_actor_rows(lex: Lexicon[tuple[str, ActorKind]], language: str) -> None:
    for code, kind, lang, forms in rows("actors.tsv"):
        if kind not in _ACTOR_KINDS:
            raise ValueError(f"actors.tsv: unknown kind {kind!r} for {code}")
        if lang not in ("*", language):
            continue
        for form in split_list(forms):
            for variant in expand_stars(form):
                lex.add_all((variant, capitalised(variant)), (code, cast(ActorKind, kind)))


def _add_genitives(lex: Lexicon[tuple[str, ActorKind]]) -> None:
    """German genitive -s of proper nouns: Putins, Russlands, Irans, de Misturas."""
    for key, (code, kind) in list(lex.entries.items()):
        last = key[-1]
        if kind in _GENITIVE_KINDS and _takes_genitive_s(last):
            lex.add("".join(key[:-1]) + last + "s", (code, kind))


def _takes_genitive_s(word: str) -> bool:
    return len(word) >= 3 and word[0].isupper() and word[-1].islower() and word[-1] not in "sxzß"


@cache
def _generic_lexicon(language: str) -> Lexicon[GenericKind]:
    lex: Lexicon[GenericKind] = Lexicon()
    for kind, lang, forms in rows("generic.tsv"):
        if kind not in _GENERIC_KINDS:
            raise ValueError(f"generic.tsv: unknown kind {kind!r}")
        if lang not in ("*", language):
            continue
        for form in split_list(forms):
            for variant in expand_stars(form):
                lex.add_all((variant, capitalised(variant)), cast(GenericKind, kind))
    return lex
