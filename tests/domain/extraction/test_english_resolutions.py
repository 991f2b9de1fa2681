"""English resolutions: a block needs an international body in the text."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.extraction import extract
from domain.extraction.lexicon import get_lexicon

LEX = get_lexicon("en")


@pytest.mark.parametrize("text", ["the european union", "until tuesday", "under pressure", "unless"])
def test_words_starting_with_un_are_no_un_body(text: str) -> None:
    assert LEX.resolution_body.search(text) is None


@pytest.mark.parametrize("text", ["the u.n. security council", "a un resolution", "the u.n said"])
def test_the_un_is_a_body(text: str) -> None:
    assert LEX.resolution_body.search(text) is not None


def test_an_undated_blocked_draft_takes_the_day_of_the_session_named_just_before() -> None:
    text = (
        "War in Syria\n\nRussia called for Security Council action against Turkish shelling at an emergency "
        "meeting on Friday.\n\nWestern council members rejected Russia's draft resolution."
    )
    (event,) = extract(text, published_at="2016-11-13", language="en")
    assert event.occurred is not None and event.occurred.start == dt.date(2016, 11, 11)


def test_a_blocked_draft_calling_for_a_truce_is_blocked_at_the_council_seat() -> None:
    text = (
        "War in Syria\n\nThe Security Council on Saturday rejected a Russian draft resolution calling for a "
        "ceasefire in Aleppo."
    )
    (event,) = extract(text, published_at="2016-06-11", language="en")
    assert type(event).__name__ == "ResolutionBlocked"
    assert event.location is not None and event.location.name == "New York City"


def test_a_draft_not_adopted_was_blocked() -> None:
    text = "War in Syria\n\nA French draft resolution on Aleppo was not adopted by the Security Council on Saturday."
    (event,) = extract(text, published_at="2016-10-10", language="en")
    assert type(event).__name__ == "ResolutionBlocked"
    assert ("FRA", "sponsor") in {(a.code, a.role) for a in event.actors}


def test_the_state_a_veto_protects_or_concerns_blocked_nothing() -> None:
    text = (
        "Russia on Tuesday cast its seventh veto at the United Nations Security Council to protect the Syrian "
        "government from sanctions over chemical weapons attacks during the six-year Syrian conflict. China backed "
        "Russia and cast its sixth veto on Syria."
    )
    (event,) = [
        e for e in extract(text, published_at="2017-03-01", language="en") if type(e).__name__ == "ResolutionBlocked"
    ]
    blockers = {a.code for a in event.actors if a.role == "blocked_by"}
    assert blockers == {"RUS", "CHN"}
