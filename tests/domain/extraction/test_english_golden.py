"""English end to end: the registry and the JSONL command route 'en' to the English rules, and the
golden test over tests/data/english (15 wire-style articles about 2014–2018 events, 5 without
mandatory events)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import msgspec

from api.commands.extract import _run_jsonl
from domain.extraction import extract
from domain.extraction.lexicon import OFFENSIVE, get_lexicon
from tests.domain.extraction.scoring import f1, match

LEX = get_lexicon("en")
ROOT = Path(__file__).resolve().parents[3]


def _totals(strict: bool) -> tuple[int, int, int]:
    folder = ROOT / "tests" / "data" / "english"
    gold = json.loads((folder / "english.gold.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for art in gold["articles"]:
        text = (folder / art["file"]).read_text(encoding="utf-8")
        preds = msgspec.to_builtins(extract(text, published_at=art.get("published"), language="en"))
        for event in preds:
            assert text[event["evidence"]["start"] : event["evidence"]["end"]] == event["evidence"]["text"]
        a, b, c = match(preds, art["events"], strict)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def test_registry_routes_english() -> None:
    assert LEX.language == "en"
    assert get_lexicon("en-GB") is LEX
    assert get_lexicon("de").language == "de"


def test_jsonl_language_en_routes_to_english() -> None:
    article = (
        "BEIRUT (Reuters) - Syrian government forces captured the town of Deir al-Adas on Sunday, state media said."
    )
    line = json.dumps({"id": "x", "text": article, "published_at": "2016-11-10", "language": "en"})
    out, err = io.StringIO(), io.StringIO()
    assert _run_jsonl(io.StringIO(line + "\n"), out, err) == 0
    (row,) = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [e["type"] for e in row["events"]] == [OFFENSIVE]


def test_event_f1_on_english_articles() -> None:
    assert f1(*_totals(strict=False)) >= 0.9


def test_strict_f1_on_english_articles() -> None:
    assert f1(*_totals(strict=True)) >= 0.7
