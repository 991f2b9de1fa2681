"""Golden test: the five seed articles against their gold events (event F1 >= 0.9, strict >= 0.8)."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec

from domain.extraction import extract
from tests.domain.extraction.scoring import f1, match

ROOT = Path(__file__).resolve().parents[3]


def _totals(strict: bool) -> tuple[int, int, int]:
    gold = json.loads((ROOT / "tests" / "data" / "seeds.gold.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for art in gold["articles"]:
        text = (ROOT / "seeds" / art["file"]).read_text(encoding="utf-8")
        preds = msgspec.to_builtins(extract(text, published_at=art.get("published"), language="de"))
        a, b, c = match(preds, art["events"], strict)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def test_event_f1_on_seeds() -> None:
    assert f1(*_totals(strict=False)) >= 0.9


def test_strict_f1_on_seeds() -> None:
    assert f1(*_totals(strict=True)) >= 0.8


def test_evidence_offsets_index_the_submitted_text() -> None:
    text = (ROOT / "seeds" / "003_e32797831d74bb49.txt").read_text(encoding="utf-8")
    for event in extract(text, published_at="2016-10-05"):
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
