"""Actor gazetteer: states, capitals as metonyms, adjectives/demonyms, persons, groups, bodies.

Every surface form maps to one codebook code and an `ActorKind`. Country names,
capitals (kind "state"), German adjectives in all inflections and demonyms
(kind "demonym") come from `data/countries.tsv` (all other ISO countries by
name from `data/countries_auto.tsv`); persons, armed groups, bodies and state
metonyms ("Kreml", "Weißes Haus") from `data/actors.tsv`. Bare generic words
whose code depends on the article's country ("Rebellen", "Regierungstruppen",
"Armee") are not actors here: extraction resolves them per article
(`domain.extraction.lexicon.GenericForce`).
"""

from __future__ import annotations

from functools import cache
from typing import cast

from domain.gazetteer._data import countries, german_only, rows, split_list
from domain.gazetteer._match import SurfaceIndex, adjective_forms, capitalised, expand_stars
from domain.gazetteer.model import ActorKind, ActorMention

_ACTOR_KINDS = frozenset({"state", "person", "group", "body", "demonym"})
_GENITIVE_KINDS = frozenset({"state", "person", "group", "body"})


def find_actors(text: str, language: str = "de") -> list[ActorMention]:
    """Every actor mention in `text`, leftmost-longest, non-overlapping, offsets into `text`."""
    return [
        ActorMention(start=start, end=end, surface=text[start:end], code=code, kind=kind)
        for start, end, (code, kind) in _actor_index(_lang(language)).scan(text)
    ]


def actor_country(code: str) -> str | None:
    """ISO alpha-2 of a state code or of the prefix of a "SYR-REB"-style code; None for bodies and ISIL."""
    country = countries().get(code.split("-", 1)[0])
    return country.alpha2 if country else None


def emitted_codes() -> frozenset[str]:
    """Every code `find_actors` can return, in either language (what the codebook must list)."""
    return frozenset(code for language in ("de", "en") for code, _ in _actor_index(language).entries.values())


def _lang(language: str) -> str:
    return "en" if language.lower().startswith("en") else "de"


@cache
def _actor_index(language: str) -> SurfaceIndex[tuple[str, ActorKind]]:
    lex: SurfaceIndex[tuple[str, ActorKind]] = SurfaceIndex()
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


def _add_curated_countries(lex: SurfaceIndex[tuple[str, ActorKind]]) -> None:
    for c in countries().values():
        if not c.curated:
            continue
        lex.add_all((*c.names, *c.capital_forms), (c.alpha3, "state"))
        adjectives = [form for stem in c.adj_de for form in adjective_forms(stem)] + list(c.adj_en)
        for form in adjectives:
            lex.add_all((form, capitalised(form)), (c.alpha3, "demonym"))
        lex.add_all(c.demonyms, (c.alpha3, "demonym"))


def _add_actor_rows(lex: SurfaceIndex[tuple[str, ActorKind]], language: str) -> None:
    for code, kind, lang, forms in rows("actors.tsv"):
        if kind not in _ACTOR_KINDS:
            raise ValueError(f"actors.tsv: unknown kind {kind!r} for {code}")
        if lang not in ("*", language):
            continue
        for form in split_list(forms):
            for variant in expand_stars(form):
                lex.add_all((variant, capitalised(variant)), (code, cast(ActorKind, kind)))


def _add_genitives(lex: SurfaceIndex[tuple[str, ActorKind]]) -> None:
    """German genitive -s of proper nouns: Putins, Russlands, Irans, de Misturas."""
    for key, (code, kind) in list(lex.entries.items()):
        last = key[-1]
        if kind in _GENITIVE_KINDS and _takes_genitive_s(last):
            lex.add("".join(key[:-1]) + last + "s", (code, kind))


def _takes_genitive_s(word: str) -> bool:
    return len(word) >= 3 and word[0].isupper() and word[-1].islower() and word[-1] not in "sxzß"
