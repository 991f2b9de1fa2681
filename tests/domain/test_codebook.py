"""The codebook is built from the domain's vocabulary and covers all of it."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import msgspec
import pytest

from domain.codebook import MODALITY_RULES, ROLES_BY_TYPE, codebook
from domain.events import CONFLICT_TYPE_NAMES
from domain.events.common import PlacePrecision, Precision, Role
from domain.extraction import extract
from domain.extraction.codes import BODIES
from domain.extraction.lexicon import get_lexicon

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_every_event_type_has_a_definition_and_its_roles() -> None:
    book = codebook()
    assert {t.type for t in book.event_types} == CONFLICT_TYPE_NAMES
    assert all(t.definition and t.roles for t in book.event_types)


def test_every_role_belongs_to_exactly_one_type() -> None:
    listed = [role for roles in ROLES_BY_TYPE.values() for role in roles]
    assert sorted(listed) == sorted(get_args(Role))


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_modality_cue_of_the_lexicons_has_a_rule(language: str) -> None:
    assert set(get_lexicon(language).cues) <= set(MODALITY_RULES)


def test_every_precision_is_explained() -> None:
    book = codebook()
    assert {p.value for p in book.place_precisions} == set(get_args(PlacePrecision))
    assert {p.value for p in book.date_precisions} == set(get_args(Precision))


def test_bodies_the_extractor_knows_are_listed_as_international_bodies() -> None:
    kinds = {a.code: a.kind for a in codebook().actors}
    assert {code: kinds.get(code) for code in BODIES} == dict.fromkeys(BODIES, "international_body")


def test_the_codebook_encodes_as_json() -> None:
    decoded = msgspec.json.decode(msgspec.json.encode(codebook()))
    assert decoded["extractor_version"]
    assert any(a["code"] == "COL-REB" for a in decoded["actors"])


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_extracted_roles_are_the_roles_of_their_type(seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    for event in extract(text, published_at="2017-02-20", language="de"):
        assert {a.role for a in event.actors} <= set(ROLES_BY_TYPE[type(event).__name__])
