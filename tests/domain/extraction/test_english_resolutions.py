"""English resolutions: a block needs an international body in the text."""

from __future__ import annotations

import pytest

from domain.extraction.lexicon import get_lexicon

LEX = get_lexicon("en")


@pytest.mark.parametrize("text", ["the european union", "until tuesday", "under pressure", "unless"])
def test_words_starting_with_un_are_no_un_body(text: str) -> None:
    assert LEX.resolution_body.search(text) is None


@pytest.mark.parametrize("text", ["the u.n. security council", "a un resolution", "the u.n said"])
def test_the_un_is_a_body(text: str) -> None:
    assert LEX.resolution_body.search(text) is not None
