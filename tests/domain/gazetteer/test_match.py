"""The token matcher: folding, joiners, longest match, adjective expansion."""

from __future__ import annotations

from domain.gazetteer._match import SurfaceIndex, adjective_forms, expand_stars, fold, key_of


def test_fold_strips_diacritics_but_keeps_case() -> None:
    assert fold("Erdoğan") == "Erdogan"
    assert fold("Yıldırım") == "Yildirim"
    assert fold("Türkei") == "Turkei"


def test_key_of_keeps_joiners() -> None:
    assert key_of("Bashar al-Assad") == ("Bashar", " ", "al", "-", "Assad")
    assert key_of("U.S.") == ("U.S.",)
    assert key_of("a, b") is None


def test_longest_match_wins_and_matches_do_not_overlap() -> None:
    lex: SurfaceIndex[str] = SurfaceIndex()
    lex.add("UN", "UN")
    lex.add("UN-Sicherheitsrat", "UNSC")
    assert list(lex.scan("Der UN-Sicherheitsrat und die UN.")) == [(4, 21, "UNSC"), (30, 32, "UN")]


def test_no_match_across_paragraphs_or_punctuation() -> None:
    lex: SurfaceIndex[str] = SurfaceIndex()
    lex.add("Saudi Arabia", "SAU")
    assert list(lex.scan("Saudi\n\nArabia, Saudi. Arabia")) == []


def test_adjective_expansion() -> None:
    assert adjective_forms("syrisch") == ["syrisch", "syrische", "syrischen", "syrischer", "syrisches", "syrischem"]
    assert "prorussischen Separatisten" in expand_stars("prorussisch* Separatisten")
