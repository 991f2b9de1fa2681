"""Linguistic layer throughput: sentences analysed per second on one core (tagging, morphology and
clauses), German and English, best of three rounds, each starting with an empty word cache. German
sentences come from the seed articles; English ones from the layer's own test sentences (the seeds are
German only).

Prints one JSON object per figure, one per line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._common import report  # noqa: E402
from domain.extraction.lexicon import get_lexicon  # noqa: E402
from domain.extraction.linguistic import analyse, clear_caches  # noqa: E402
from domain.extraction.normalize import clean  # noqa: E402
from domain.extraction.sentences import split_sentences  # noqa: E402
from tests.domain.extraction.test_linguistic import CASES  # noqa: E402

TARGET = 100.0  # sentences/s: a trigger sentence per article at 30 articles/s leaves ample room
ROUNDS = 3


def _german() -> list[str]:
    lexicon = get_lexicon("de")
    manifest = json.loads((ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))
    out: list[str] = []
    for article in manifest["articles"]:
        text = clean((ROOT / "seeds" / article["file"]).read_text(encoding="utf-8"), lexicon.furniture)
        out.extend(s.text for s in split_sentences(text, lexicon) if len(s.text) > 20)
    return out


def _english() -> list[str]:
    return [case.text for case in CASES if case.language == "en"]


def _rate(sentences: list[str], language: str) -> float:
    analyse(sentences[0], language)  # loads the model once
    best = float("inf")
    for _ in range(ROUNDS):
        clear_caches()  # each round starts cold: only a text's own repeated words are cached
        started = time.perf_counter()
        for text in sentences:
            analyse(text, language)
        best = min(best, time.perf_counter() - started)
    return len(sentences) / best


def main() -> None:
    for language, sentences in (("de", _german()), ("en", _english())):
        report("linguistic", f"sentences_per_s_{language}", _rate(sentences, language), "sentences/s", "target", TARGET)


if __name__ == "__main__":
    main()
