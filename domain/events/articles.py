"""The article family: a submitted article and corrections to what was extracted from it."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

import msgspec

LanguageMethod = Literal["given", "detected"]


class ArticleSubmitted(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="ArticleSubmitted"):
    """An article entered the system; the first event of its stream `article-<id>`."""

    article_id: uuid.UUID
    title: str
    text: str
    url: str | None = None
    source: str | None = None
    published_at: str | None = None  # as given: YYYY-MM-DD, a datetime, YYYY-MM, or absent
    language: str = "de"
    external_id: str | None = None
    content_hash: str
    submitted_at: dt.datetime | None = None
    # how `language` was decided; events stored before detection existed were all given
    language_method: LanguageMethod = "given"
    language_confidence: float | None = None  # the detector's probability where detected


class EventRetracted(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", tag="EventRetracted"):
    """A re-extraction no longer supports an earlier extracted event. The original stays stored."""

    retracted_event_id: uuid.UUID
    reason: str
    extractor_version: str
