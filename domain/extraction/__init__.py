"""Extraction: article text -> the codebook's conflict events.

Contract used by the rest of the system (ingestion, CLI, tests):

    extract(text, *, published_at=None, language="de") -> list[ConflictEvent]
    EXTRACTOR_VERSION: str  (bump when output may change; recorded in event metadata)

`published_at` is as submitted: "YYYY-MM-DD", an ISO datetime, "YYYY-MM", or None.
Evidence offsets index into `text` exactly as given.
"""
