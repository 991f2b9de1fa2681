"""Pure projections: event envelope in, row changes out (no database)."""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from domain.events import (
    Actor,
    ArticleSubmitted,
    EventConfirmed,
    EventCorrected,
    EventRejected,
    EventRetracted,
    Evidence,
    Location,
    Occurred,
    OffensiveLaunched,
)
from domain.events.subscriptions import SubscriptionDeleted
from domain.projections import actors, articles, conflict_events, places, timeline
from domain.projections.envelope import Envelope, article_id_of, day_of, withdrawn
from domain.review import ReviewedEvent
from domain.streams import article_stream

ARTICLE = uuid.UUID("00000000-0000-0000-0000-00000000000a")
STREAM = article_stream(ARTICLE)
RECORDED = dt.datetime(2017, 3, 1, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-2)))
DAY = dt.date(2017, 2, 15)

OFFENSIVE = OffensiveLaunched(
    occurred=Occurred(start=DAY, end=DAY, precision="day"),
    location=Location(name="Al-Bab", country="SY", lat=36.37, lon=37.51),
    actors=(
        Actor(name="türkische Armee", code="TUR", role="attacker"),
        Actor(name="Türkei", code="TUR", role="attacker"),
        Actor(name="IS", code="ISIL", role="target"),
    ),
    evidence=Evidence(text="Die Offensive läuft.", start=3, end=23),
)


def _envelope(event: object, *, stream: str = STREAM, pos: int = 7) -> Envelope:
    return Envelope(
        event=event,  # type: ignore[arg-type]
        event_id=uuid.UUID(int=pos),
        stream_id=stream,
        position=f"100-{pos}",
        tx_id=100,
        global_position=pos,
        recorded_at=RECORDED,
    )


def _state(original: Envelope, **changes: object) -> ReviewedEvent:
    event = original.event
    assert isinstance(event, OffensiveLaunched)
    return ReviewedEvent(event_id=original.event_id, extracted=event, current=event, **changes)  # type: ignore[arg-type]


def _decision(event: object, original: Envelope, before: ReviewedEvent, pos: int) -> Envelope:
    return msgspec.structs.replace(_envelope(event, pos=pos), target=original, before=before)


def _retraction_of(original: Envelope, before: ReviewedEvent | None = None) -> Envelope:
    event = EventRetracted(retracted_event_id=original.event_id, reason="gone", extractor_version="2")
    return _decision(event, original, before or _state(original), pos=9)


def test_article_id_comes_from_the_stream_name() -> None:
    assert article_id_of(STREAM) == ARTICLE
    assert article_id_of("article-not-a-uuid") is None
    assert article_id_of(f"subscription-{ARTICLE}") is None


def test_a_conflict_event_becomes_a_row_with_the_wire_format_body() -> None:
    (insert,) = conflict_events.project(_envelope(OFFENSIVE))
    assert isinstance(insert, conflict_events.Insert)
    body = msgspec.to_builtins(insert.body)
    assert (insert.article_id, insert.type, insert.actor_codes) == (ARTICLE, "OffensiveLaunched", ("TUR", "ISIL"))
    assert body["id"] == str(uuid.UUID(int=7)) and body["article_id"] == str(ARTICLE)
    assert body["position"] == "100-7" and body["recorded_at"] == "2017-03-01T23:30:00-02:00"
    assert body["occurred"] == {"start": "2017-02-15", "end": "2017-02-15", "precision": "day", "text": None}
    assert body["casualties"] is None and body["type"] == "OffensiveLaunched"


def test_a_retraction_deletes_the_row_and_ignored_events_change_nothing() -> None:
    original = _envelope(OFFENSIVE)
    assert conflict_events.project(_retraction_of(original)) == [conflict_events.Delete(event_id=original.event_id)]
    unresolved = EventRetracted(retracted_event_id=uuid.uuid4(), reason="gone", extractor_version="2")
    assert conflict_events.project(_envelope(unresolved)) == []
    assert conflict_events.project(_envelope(SubscriptionDeleted(subscription_id=uuid.uuid4()))) == []
    assert conflict_events.project(_envelope(OFFENSIVE, stream="other-1")) == []


def test_articles_insert_then_count_live_events() -> None:
    submitted = ArticleSubmitted(article_id=ARTICLE, title="T", text="x", content_hash="h")
    (insert,) = articles.project(_envelope(submitted))
    assert isinstance(insert, articles.Insert) and insert.article_id == ARTICLE
    original = _envelope(OFFENSIVE)
    changes = articles.project(original) + articles.project(original) + articles.project(_retraction_of(original))
    assert articles.net_counts(changes) == {ARTICLE: 1}


def test_actors_count_each_code_once_per_event_with_every_wording() -> None:
    mentions = actors.project(_envelope(OFFENSIVE))
    assert [(m.code, m.names, m.day, m.delta) for m in mentions] == [
        ("TUR", ("türkische Armee", "Türkei"), DAY, 1),
        ("ISIL", ("IS",), DAY, 1),
    ]
    undone = mentions + actors.project(_retraction_of(_envelope(OFFENSIVE)))
    assert actors.net_names(undone) == {} and actors.net_days(undone) == {}


def test_places_and_timeline_negate_on_retraction() -> None:
    original = _envelope(OFFENSIVE)
    sightings = places.project(original)
    assert [(s.name, s.country, s.day, s.delta) for s in sightings] == [("Al-Bab", "SY", DAY, 1)]
    assert places.net_days(sightings + places.project(_retraction_of(original))) == {}
    ticks = timeline.project(original) + timeline.project(_retraction_of(original))
    assert [t.delta for t in ticks] == [1, -1] and timeline.net_counts(ticks) == {}


def test_a_sighting_carries_the_places_geonames_id_and_division() -> None:
    (sighting,) = places.project(_envelope(OFFENSIVE))
    assert (sighting.geonameid, sighting.admin1) == (174018, "SY.09")  # Al-Bab, Aleppo governorate
    unknown = msgspec.structs.replace(OFFENSIVE, location=Location(name="Hinterdorf", country="SY", lat=1, lon=2))
    (elsewhere,) = places.project(_envelope(unknown))
    assert (elsewhere.geonameid, elsewhere.admin1) == (None, None)


def test_the_day_is_the_occurred_start_else_the_utc_recording_day() -> None:
    undated = OffensiveLaunched(evidence=OFFENSIVE.evidence)
    assert day_of(_envelope(OFFENSIVE), OFFENSIVE) == DAY
    assert day_of(_envelope(undated), undated) == dt.date(2017, 3, 2)  # 23:30 at -02:00 is the 2nd in UTC


WEST = Location(name="Manbij", country="SY", lat=36.53, lon=37.95)


def test_a_rejection_removes_the_event_from_every_count_and_marks_its_row() -> None:
    original = _envelope(OFFENSIVE)
    rejection = _decision(
        EventRejected(event_id=original.event_id, reviewer="ana", reason="x"), original, _state(original), 8
    )
    (row,) = conflict_events.project(rejection)
    assert isinstance(row, conflict_events.Insert)
    assert (row.replace, row.review_status, row.body.review_status) == (True, "rejected", "rejected")
    ticks = timeline.project(original) + timeline.project(rejection)
    assert timeline.net_counts(ticks) == {}
    assert articles.net_counts(articles.project(original) + articles.project(rejection)) == {}


def test_a_correction_moves_the_event_from_its_old_place_to_the_new_one() -> None:
    original = _envelope(OFFENSIVE)
    fixed = msgspec.structs.replace(OFFENSIVE, location=WEST)
    decision = EventCorrected(event_id=original.event_id, reviewer="ana", corrected=fixed, changed=("location",))
    correction = _decision(decision, original, _state(original), 8)
    sightings = places.project(original) + places.project(correction)
    assert places.net_days(sightings) == {("Manbij", "SY", DAY): 1}
    (row,) = conflict_events.project(correction)
    assert isinstance(row, conflict_events.Insert)
    assert (row.location_name, row.review_status, row.body.id) == ("Manbij", "corrected", original.event_id)
    assert articles.net_counts(articles.project(correction)) == {}  # swapped, not added


def test_a_confirmation_changes_no_count_and_a_retraction_of_a_rejected_event_none_either() -> None:
    original = _envelope(OFFENSIVE)
    confirmation = _decision(EventConfirmed(event_id=original.event_id, reviewer="ana"), original, _state(original), 8)
    assert timeline.project(confirmation) == []
    rejected = _state(original, status="rejected")
    retraction = _retraction_of(original, rejected)
    assert timeline.project(retraction) == []
    assert conflict_events.project(retraction) == [conflict_events.Delete(event_id=original.event_id)]


def test_a_second_retraction_withdraws_nothing() -> None:
    original = _envelope(OFFENSIVE)
    again = _retraction_of(original, _state(original, retracted=True))
    assert withdrawn(again) is None
    assert conflict_events.project(again) == [] and timeline.project(again) == []
