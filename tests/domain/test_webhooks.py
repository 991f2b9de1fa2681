"""Pure webhook rules: matching, outcome classification, retry schedule, Retry-After."""

from __future__ import annotations

import datetime as dt
import uuid

import msgspec
import pytest

from domain.errors import ValidationError
from domain.events import Actor, ArticleSubmitted, EventRetracted, Evidence, Location, OffensiveLaunched, TalksHeld
from domain.events.review import EventCorrected, EventRejected
from domain.events.subscriptions import SubscriptionFilter
from domain.webhooks import (
    Spec,
    classify,
    matches,
    next_delay,
    retry_after_seconds,
    should_disable,
    signing_secrets,
    validate_event_types,
    validate_filter,
)
from domain.wire import wire_review

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
SVIX = (5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0, 36000.0)
EVIDENCE = Evidence(text="x", start=0, end=1)
KYIV = Location(name="Kyiv", country="UA", lat=50.45, lon=30.52)
TALKS = TalksHeld(
    location=KYIV, actors=(Actor(name="Russland", code="RUS", role="participant"),), evidence=EVIDENCE, confidence=0.8
)


def test_by_default_the_conflict_types_and_retractions_are_delivered() -> None:
    retraction = EventRetracted(retracted_event_id=uuid.uuid4(), reason="r", extractor_version="1")
    article = ArticleSubmitted(article_id=uuid.uuid4(), title="t", text="x", content_hash="h")
    assert matches(Spec(), TALKS) and matches(Spec(), retraction) and not matches(Spec(), article)
    assert matches(Spec(filter=SubscriptionFilter(country="FR")), retraction)  # retractions bypass the filter
    assert not matches(Spec(event_types=("TalksHeld",)), retraction)


def test_by_default_reviews_are_delivered_past_the_content_filter() -> None:
    rejection = EventRejected(event_id=uuid.uuid4(), reviewer="ana", reason="not this war")
    assert matches(Spec(), rejection)
    assert matches(Spec(filter=SubscriptionFilter(country="FR")), rejection)
    assert not matches(Spec(event_types=("TalksHeld",)), rejection)
    assert matches(Spec(event_types=("EventRejected",)), rejection)


def test_a_correction_is_delivered_with_the_event_as_it_now_stands() -> None:
    fixed = msgspec.structs.replace(TALKS, location=Location(name="Geneva", country="CH"))
    decision = EventCorrected(event_id=uuid.uuid4(), reviewer="ana", corrected=fixed, changed=("location",))
    wire = wire_review(decision, event_id=uuid.uuid4(), article_id=None, position="3-4", recorded_at=NOW)
    body = msgspec.to_builtins(wire)
    assert (body["type"], body["reviewed_event_id"], body["reviewer"]) == (
        "EventCorrected",
        str(decision.event_id),
        "ana",
    )
    assert body["corrected"]["location"]["name"] == "Geneva" and list(body["changed"]) == ["location"]


def test_event_types_restrict_what_is_delivered() -> None:
    offensive = OffensiveLaunched(evidence=EVIDENCE)
    spec = Spec(event_types=("OffensiveLaunched",))
    assert matches(spec, offensive) and not matches(spec, TALKS)


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (SubscriptionFilter(country="UA"), True),
        (SubscriptionFilter(country="DE"), False),
        (SubscriptionFilter(actor="rus"), True),
        (SubscriptionFilter(actor="Russland"), True),
        (SubscriptionFilter(actor="UKR"), False),
        (SubscriptionFilter(bbox=(22.0, 44.0, 40.0, 53.0)), True),
        (SubscriptionFilter(bbox=(0.0, 0.0, 10.0, 10.0)), False),
        (SubscriptionFilter(min_confidence=0.8), True),
        (SubscriptionFilter(min_confidence=0.9), False),
        (SubscriptionFilter(country="UA", actor="UKR"), False),
    ],
)
def test_filters_match_on_country_actor_bbox_and_confidence(flt: SubscriptionFilter, expected: bool) -> None:
    assert matches(Spec(filter=flt), TALKS) is expected


def test_an_event_without_a_location_fails_a_place_filter() -> None:
    assert not matches(Spec(filter=SubscriptionFilter(bbox=(-180, -90, 180, 90))), TalksHeld(evidence=EVIDENCE))


def test_a_filter_box_crosses_the_antimeridian_and_takes_its_latitudes_in_either_order() -> None:
    flt = validate_filter(SubscriptionFilter(bbox=(170.0, 10.0, -170.0, -10.0)))
    assert flt is not None and flt.bbox == (170.0, -10.0, -170.0, 10.0)
    fiji, greenwich = Location(name="Suva", lat=-0.5, lon=178.4), Location(name="Accra", lat=5.6, lon=-0.2)
    assert matches(Spec(filter=flt), TalksHeld(evidence=EVIDENCE, location=fiji))
    assert not matches(Spec(filter=flt), TalksHeld(evidence=EVIDENCE, location=greenwich))


def test_validation_refuses_unknown_types_and_bad_filters() -> None:
    assert validate_event_types(("TalksHeld", "TalksHeld")) == ("TalksHeld",)
    assert validate_filter(SubscriptionFilter(country="ua")) == SubscriptionFilter(country="UA")
    for call in (
        lambda: validate_event_types(("ArticleSubmitted",)),
        lambda: validate_event_types(()),
        lambda: validate_filter(SubscriptionFilter(country="Ukraine")),
        lambda: validate_filter(SubscriptionFilter(bbox=(10, 0, 190, 10))),
        lambda: validate_filter(SubscriptionFilter(bbox=(10, -91, 20, 10))),
        lambda: validate_filter(SubscriptionFilter(min_confidence=-0.1)),
    ):
        with pytest.raises(ValidationError):
            call()


@pytest.mark.parametrize(
    ("status", "verdict"),
    [(200, "delivered"), (204, "delivered"), (410, "gone"), (301, "retry"), (400, "retry"), (429, "retry"),
     (500, "retry"), (None, "retry")],
)  # fmt: skip
def test_only_2xx_succeeds_and_410_means_gone(status: int | None, verdict: str) -> None:
    assert classify(status) == verdict


def test_the_schedule_is_followed_with_twenty_percent_jitter_then_dead_letters() -> None:
    assert next_delay(1, SVIX, 0.5) == 5.0
    assert next_delay(2, SVIX, 0.0) == pytest.approx(240.0)
    assert next_delay(2, SVIX, 0.999999) == pytest.approx(360.0, rel=1e-4)
    assert next_delay(7, SVIX, 0.5) == 36000.0
    assert next_delay(8, SVIX, 0.5) is None


def test_retry_after_is_a_floor_capped_by_the_longest_delay() -> None:
    assert next_delay(1, SVIX, 0.5, retry_after=60.0) == 60.0
    assert next_delay(1, SVIX, 0.5, retry_after=1.0) == 5.0
    assert next_delay(1, (1.0, 2.0), 0.5, retry_after=99.0) == 2.0


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after_seconds("120", NOW) == 120.0
    assert retry_after_seconds("Wed, 01 May 2024 12:01:00 GMT", NOW) == 60.0
    assert retry_after_seconds("soon", NOW) is None and retry_after_seconds(None, NOW) is None


def test_an_endpoint_is_disabled_only_after_failing_for_the_whole_period() -> None:
    five_days = 5 * 86400.0
    assert should_disable(NOW - dt.timedelta(days=5, seconds=1), NOW, five_days)
    assert not should_disable(NOW - dt.timedelta(days=4), NOW, five_days)
    assert not should_disable(None, NOW, five_days)


def test_a_rotated_out_secret_signs_only_during_its_grace_period() -> None:
    secrets = ("whsec_new", "whsec_old")
    assert signing_secrets(secrets, NOW + dt.timedelta(hours=1), NOW) == secrets
    assert signing_secrets(secrets, NOW - dt.timedelta(seconds=1), NOW) == ("whsec_new",)
    assert signing_secrets(("whsec_only",), None, NOW) == ("whsec_only",)
