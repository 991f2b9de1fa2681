"""Pure projections: event envelope in, row changes out (no database)."""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec

from domain.events import Actor, ArticleSubmitted, EventRetracted, Evidence, Location, Occurred, OffensiveLaunched
from domain.events.subscriptions import SubscriptionDeleted
from domain.projections import actors, articles, conflict_events, places, timeline
from domain.projections.envelope import Envelope, article_id_of, day_of
from domain.projections.retraction import is_effective
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


def _envelope(event: object, *, stream: str = STREAM, retracted: Envelope | None = None, pos: int = 7) -> Envelope:
    return Envelope(
        event=event,  # type: ignore[arg-type]
        event_id=uuid.UUID(int=pos),
        stream_id=stream,
        position=f"100-{pos}",
        tx_id=100,
        global_position=pos,
        recorded_at=RECORDED,
        retracted=retracted,
    )


def _retraction_of(original: Envelope) -> Envelope:
    event = EventRetracted(retracted_event_id=original.event_id, reason="gone", extractor_version="2")
    return _envelope(event, retracted=original, pos=9)


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


def test_the_day_is_the_occurred_start_else_the_utc_recording_day() -> None:
    undated = OffensiveLaunched(evidence=OFFENSIVE.evidence)
    assert day_of(_envelope(OFFENSIVE), OFFENSIVE) == DAY
    assert day_of(_envelope(undated), undated) == dt.date(2017, 3, 2)  # 23:30 at -02:00 is the 2nd in UTC


def _effective(earlier: list[tuple[int, uuid.UUID]], *, target_stream: str = "s", conflict: bool = True) -> bool:
    return is_effective(
        stream_id="s",
        version=5,
        target_stream_id=target_stream,
        target_version=2,
        target_is_conflict=conflict,
        earlier_retractions=earlier,
        target_id=TARGET,
    )


TARGET = uuid.uuid4()


def test_a_retraction_is_effective_once_for_an_earlier_conflict_event_of_its_stream() -> None:
    assert _effective([(5, TARGET), (3, uuid.uuid4())])
    assert not _effective([(4, TARGET)])  # already withdrawn by an earlier retraction
    assert not _effective([], target_stream="t")
    assert not _effective([], conflict=False)
