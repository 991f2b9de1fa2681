"""Stream names: `<category>-<id>`, named and parsed in one module."""

from __future__ import annotations

import uuid

from domain import streams

ID = uuid.UUID(int=42)


def test_an_article_stream_is_named_by_its_category_and_id() -> None:
    name = streams.article_stream(ID)
    assert name == f"article-{ID}"
    assert (streams.category(name), streams.id_of(name)) == ("article", str(ID))
    assert streams.article_id_of(name) == ID


def test_only_an_article_stream_with_a_uuid_names_an_article() -> None:
    assert streams.article_id_of(streams.subscription_stream(ID)) is None
    assert streams.article_id_of("article-not-a-uuid") is None
    assert streams.article_id_of("article") is None
    assert streams.category(streams.subscription_stream(ID)) == "subscription"
