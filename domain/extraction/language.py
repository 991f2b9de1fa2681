"""The language of an article submitted without one.

py3langid ranks all of its ~100 languages; the extractor has rule sets for German and English
only. The decision is made between those two (the languages we can read), unless the full
ranking is confidently on another language: then that language is recorded (and the article
yields no events) rather than forced into German or English rules that would misread it.
The model ships inside the py3langid package; it is loaded on first use and kept.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Protocol

import msgspec

from domain.events.articles import LanguageMethod

SUPPORTED = ("de", "en")

# Another language is recorded only when the full ranking puts it first with at least this
# probability, on a text of at least this many letters: a headline-sized snippet of German or
# English often ranks as some unrelated language with a low score.
OTHER_LANGUAGE_MIN_PROBABILITY = 0.5
OTHER_LANGUAGE_MIN_LETTERS = 40
# The detector walks the text byte by byte in Python: its first 1,000 characters decide as well
# as the whole article (all 103 tune articles, each with confidence >= 0.99) at a fraction of the cost.
MAX_CHARS = 1_000


class Detected(msgspec.Struct, frozen=True, kw_only=True):
    """The language an article is read in, and how it was decided."""

    language: str
    confidence: float | None  # the detector's probability; None where the language was given
    method: LanguageMethod


class _Ranker(Protocol):
    def rank(self, text: str) -> list[tuple[str, float]]: ...


@cache
def _identifier() -> _Ranker:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    ranker: _Ranker = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    return ranker


def detect_language(text: str) -> Detected:
    """German or English by the detector, or another language it is confident of."""
    sample = text[:MAX_CHARS]
    scores = dict(_identifier().rank(sample))
    # the same length temperature py3langid uses to normalise, applied to raw log scores
    temperature = math.sqrt(len(sample.encode("utf-8", errors="surrogatepass")) or 1)
    top, probability = _top_of(scores, temperature)
    if (
        top not in SUPPORTED
        and probability >= OTHER_LANGUAGE_MIN_PROBABILITY
        and _letters(sample) >= (OTHER_LANGUAGE_MIN_LETTERS)
    ):
        return Detected(language=top, confidence=round(probability, 3), method="detected")
    german = _sigmoid((scores["de"] - scores["en"]) / temperature)
    if german >= 0.5:
        return Detected(language="de", confidence=round(german, 3), method="detected")
    return Detected(language="en", confidence=round(1.0 - german, 3), method="detected")


def resolve_language(given: str | None, text: str) -> Detected:
    """The given language as it is, else the detected one."""
    if given:
        return Detected(language=given, confidence=None, method="given")
    return detect_language(text)


def _top_of(scores: dict[str, float], temperature: float) -> tuple[str, float]:
    best = max(scores, key=scores.__getitem__)
    peak = scores[best] / temperature
    total = sum(math.exp(s / temperature - peak) for s in scores.values())
    return best, 1.0 / total


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())
