"""Extraction: article text -> the codebook's conflict events.

Contract used by the rest of the system (ingestion, CLI, tests):

    extract(text, *, published_at=None, language="de") -> list[ConflictEvent]
    EXTRACTOR_VERSION: str  (bump when output may change; recorded in event metadata)

`published_at` is as submitted: "YYYY-MM-DD", an ISO datetime, "YYYY-MM", or None.
Evidence offsets index into `text` exactly as given. Pure and deterministic: all
lexicons are compiled at import, the gazetteer is loaded once.
"""

from __future__ import annotations

from domain.events import ConflictEvent
from domain.extraction.gazetteer_port import DefaultGazetteer, GazetteerPort
from domain.extraction.pipeline import run

EXTRACTOR_VERSION = "de-rules-0.8.1"

_DEFAULT_GAZETTEER = DefaultGazetteer()


def extract(
    text: str,
    *,
    published_at: str | None = None,
    language: str = "de",
    gazetteer: GazetteerPort | None = None,
) -> list[ConflictEvent]:
    """The realised conflict events an article reports (see docs/codebook.md)."""
    return run(text, published_at, language, gazetteer or _DEFAULT_GAZETTEER)


__all__ = ["EXTRACTOR_VERSION", "GazetteerPort", "extract"]
