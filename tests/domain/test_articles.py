"""Article validation, content hashing, deterministic ids and the re-extraction plan."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from domain.articles import (
    content_hash_of,
    content_key,
    event_id_for,
    parse_article,
    plan_reextraction,
)
from domain.errors import ValidationError
from domain.events import Actor, Evidence, OffensiveLaunched, TalksHeld


def _raw(**fields: object) -> dict[str, object]:
    return {"title": "Gespräche in Astana", "text": "Die Gespräche begannen am Montag.", **fields}


def test_minimal_article_defaults_to_german() -> None:
    article = parse_article(_raw())
    assert article.language == "de" and article.url is None and article.content_hash.startswith("sha256:")


@pytest.mark.parametrize(
    ("fields", "complaint"),
    [
        ({"title": "   "}, "title"),
        ({"text": " \n "}, "text"),
        ({"title": 5}, "title"),
        ({"language": "fr"}, "language"),
        ({"published_at": "16.12.2016"}, "published_at"),
        ({"published_at": "2016-13"}, "published_at"),
        ({"url": "ftp://example.org/a"}, "url"),
        ({"url": "https://"}, "url"),
    ],
)
def test_invalid_fields_are_named(fields: dict[str, object], complaint: str) -> None:
    with pytest.raises(ValidationError, match=complaint):
        parse_article(_raw(**fields))


def test_missing_title_is_rejected() -> None:
    with pytest.raises(ValidationError, match="title"):
        parse_article({"text": "x"})


@pytest.mark.parametrize("published", ["2016-12-16", "2016-10", "2016-12-16T08:30:00Z", "2016-12-16T08:30:00+01:00"])
def test_accepted_publication_dates_are_kept_as_given(published: str) -> None:
    assert parse_article(_raw(published_at=published)).published_at == published


def test_content_hash_ignores_whitespace_and_unicode_composition() -> None:
    assert content_hash_of("Waffenruhe  in\nSyrien ") == content_hash_of("Waffenruhe in Syrien")
    assert content_hash_of("Gespra\u0308che") == content_hash_of("Gespräche")
    assert content_hash_of("Waffenruhe") != content_hash_of("Waffenstillstand")


def test_article_id_follows_the_strongest_identity() -> None:
    by_text = parse_article(_raw())
    assert parse_article(_raw(title="other title")).article_id == by_text.article_id
    by_url = parse_article(_raw(url="https://example.org/a"))
    assert by_url.article_id != by_text.article_id
    by_external = parse_article(_raw(url="https://example.org/a", external_id="x-1"))
    assert by_external.article_id not in {by_url.article_id, by_text.article_id}
    assert [k for k, _ in by_external.dedup_keys()] == ["external_id", "url", "content_hash"]


def test_event_ids_are_deterministic_per_stream_version() -> None:
    article_id = uuid.uuid4()
    assert event_id_for(article_id, 2) == event_id_for(article_id, 2) != event_id_for(article_id, 3)


def test_submitted_event_carries_every_field() -> None:
    article = parse_article(_raw(source="n-tv.de", external_id="7"))
    event = article.submitted(dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    assert event.article_id == article.article_id and event.source == "n-tv.de" and event.external_id == "7"


def _talks(start: int, *codes: str) -> TalksHeld:
    actors = tuple(Actor(name=c, code=c, role="participant") for c in codes)
    return TalksHeld(evidence=Evidence(text="…", start=start, end=start + 10), actors=actors)


def test_reextraction_plan_keeps_matches_retracts_stale_and_adds_new() -> None:
    kept, stale = uuid.uuid4(), uuid.uuid4()
    live = {kept: _talks(0, "RUS", "TUR"), stale: _talks(50, "USA")}
    plan = plan_reextraction(live, [_talks(0, "TUR", "RUS"), _talks(90, "IRN")])
    assert plan.retract == (stale,) and plan.add == (_talks(90, "IRN"),) and plan.unchanged == 1


def test_reextraction_plan_is_empty_when_nothing_changed() -> None:
    live = {uuid.uuid4(): _talks(0, "RUS"), uuid.uuid4(): _talks(0, "RUS")}
    plan = plan_reextraction(live, [_talks(0, "RUS"), _talks(0, "RUS")])
    assert not plan.changed and plan.unchanged == 2


def test_content_key_distinguishes_types_on_the_same_sentence() -> None:
    evidence = Evidence(text="…", start=0, end=10)
    assert content_key(TalksHeld(evidence=evidence)) != content_key(OffensiveLaunched(evidence=evidence))


@pytest.mark.parametrize("field", ["title", "text", "url", "source", "external_id"])
def test_nul_characters_are_refused_in_every_field(field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        parse_article(_raw(**{field: "a\x00b"}))
