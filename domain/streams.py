"""Stream names, in one place: `<category>-<id>` (Message DB's `category()` and `id()`).

An article's events live in `article-<article_id>`, a subscription's in
`subscription-<subscription_id>`. The event store keeps each stream's category in a
column, so a category is what SQL filters on.
"""

from __future__ import annotations

import uuid

ARTICLE = "article"
SUBSCRIPTION = "subscription"


def category(stream_id: str) -> str:
    """The part before the first '-' ("article-42" -> "article")."""
    return stream_id.split("-", 1)[0]


def id_of(stream_id: str) -> str:
    """The part after the first '-' ("article-42" -> "42"; "" when there is none)."""
    return stream_id.partition("-")[2]


def article_stream(article_id: uuid.UUID) -> str:
    return f"{ARTICLE}-{article_id}"


def subscription_stream(subscription_id: uuid.UUID) -> str:
    return f"{SUBSCRIPTION}-{subscription_id}"


def article_id_of(stream_id: str) -> uuid.UUID | None:
    """The article's id for a stream named `article-<uuid>`, else None."""
    if category(stream_id) != ARTICLE:
        return None
    try:
        return uuid.UUID(id_of(stream_id))
    except ValueError:
        return None
