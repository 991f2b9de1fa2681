"""Extraction: article text -> the codebook's conflict events.

Contract used by the rest of the system (ingestion, CLI, tests):

    extract(text, *, published_at=None, language=None) -> list[ConflictEvent]
    EXTRACTOR_VERSION: str  (bump when output may change; recorded in event metadata)

`published_at` is as submitted: "YYYY-MM-DD", an ISO datetime, "YYYY-MM", or None.
`language` None means detect it (domain.extraction.language); a language without a rule set
(neither German nor English) yields no events. Evidence offsets index into `text` exactly as
given. Pure and deterministic: all lexicons are compiled at import, the gazetteer is loaded once.
"""

from __future__ import annotations

from domain.events import ConflictEvent
from domain.extraction.gazetteer_port import DefaultGazetteer, GazetteerPort
from domain.extraction.language import SUPPORTED, Detected, detect_language, resolve_language
from domain.extraction.pipeline import Explanation, explain, run

EXTRACTOR_VERSION = "rules-2.3.2"

_DEFAULT_GAZETTEER = DefaultGazetteer()


def extract(
    text: str,
    *,
    published_at: str | None = None,
    language: str | None = None,
    gazetteer: GazetteerPort | None = None,
) -> list[ConflictEvent]:
    """The realised conflict events an article reports (see docs/codebook.md)."""
    read_as = language or detect_language(text).language
    if _base(read_as) not in SUPPORTED:
        return []
    return run(text, published_at, read_as, gazetteer or _DEFAULT_GAZETTEER)


def explain_article(
    text: str, *, published_at: str | None = None, language: str, gazetteer: GazetteerPort | None = None
) -> Explanation:
    """The events with the decisions that made each, and every trigger's fate (`extract --explain`)."""
    if _base(language) not in SUPPORTED:
        return Explanation(events=[], notes=[f"article: no rule set for language {language!r}"])
    return explain(text, published_at, language, gazetteer or _DEFAULT_GAZETTEER)


def _base(language: str) -> str:
    """ "de-AT" -> "de"."""
    return language.lower().split("-")[0].split("_")[0]


__all__ = [
    "EXTRACTOR_VERSION",
    "Detected",
    "Explanation",
    "GazetteerPort",
    "detect_language",
    "explain_article",
    "extract",
    "resolve_language",
]
