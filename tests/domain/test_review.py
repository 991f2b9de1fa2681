"""Review as pure logic: corrections validated like extractions, decisions folded in order,
re-extraction plans that respect people."""

from __future__ import annotations

import uuid

import pytest

from domain.articles import content_key
from domain.errors import ValidationError
from domain.events import Actor, ArticleSubmitted, EventRetracted, Evidence, Location, OffensiveLaunched, TalksHeld
from domain.events.review import (
    ArticleCorrected,
    EventConfirmed,
    EventCorrected,
    EventFlaggedForRereview,
    EventRejected,
)
from domain.review import article_as_corrected, corrected_event, respect_reviews, reviewed_events

EVIDENCE = Evidence(text="Die Außenminister trafen sich in Genf.", start=0, end=38)
TALKS = TalksHeld(evidence=EVIDENCE, actors=(Actor(name="Lawrow", code="RUS", role="participant"),))
ATTACK = OffensiveLaunched(evidence=Evidence(text="Die Armee griff an.", start=40, end=59))


def test_a_correction_replaces_only_the_given_fields() -> None:
    fixed = corrected_event(TALKS, {"location": {"name": "Geneva", "country": "CH", "precision": "city"}})
    assert fixed.location == Location(name="Geneva", country="CH")
    assert (fixed.actors, fixed.evidence) == (TALKS.actors, TALKS.evidence)


def test_a_correction_can_change_the_type_with_fitting_roles() -> None:
    fixed = corrected_event(
        TALKS, {"type": "OffensiveLaunched", "actors": [{"name": "Armee", "code": "SYR", "role": "attacker"}]}
    )
    assert isinstance(fixed, OffensiveLaunched)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({}, "at least one field"),
        ({"evidence": {"text": "x", "start": 0, "end": 1}}, "cannot correct evidence"),
        ({"type": "PeaceSigned"}, "changes.type"),
        ({"type": "OffensiveLaunched"}, "role participant does not belong to OffensiveLaunched"),
        ({"occurred": {"start": "2016-13-01", "end": "2016-10-02", "precision": "day"}}, "changes:"),
        ({"actors": [{"name": "X", "code": "RUS", "role": "judge"}]}, "changes:"),
    ],
)
def test_an_invalid_correction_is_refused_with_the_reason(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        corrected_event(TALKS, changes)


def test_decisions_fold_in_stream_order_and_the_last_one_stands() -> None:
    talks, attack = uuid.uuid4(), uuid.uuid4()
    fixed = corrected_event(TALKS, {"location": {"name": "Geneva"}})
    state = reviewed_events(
        [
            (talks, TALKS),
            (attack, ATTACK),
            (uuid.uuid4(), EventConfirmed(event_id=talks, reviewer="ana")),
            (uuid.uuid4(), EventCorrected(event_id=talks, reviewer="ben", corrected=fixed, changed=("location",))),
            (uuid.uuid4(), EventRejected(event_id=attack, reviewer="ana", reason="a football match")),
        ]
    )
    assert (state[talks].status, state[talks].current, state[talks].reviewer) == ("corrected", fixed, "ben")
    assert state[talks].extracted == TALKS
    assert state[attack].status == "rejected"


def test_a_flag_and_a_retraction_are_recorded_on_the_event() -> None:
    talks = uuid.uuid4()
    state = reviewed_events(
        [
            (talks, TALKS),
            (uuid.uuid4(), EventFlaggedForRereview(event_id=talks, extractor_version="3", reason="not found")),
            (uuid.uuid4(), EventRetracted(retracted_event_id=talks, reason="gone", extractor_version="3")),
        ]
    )
    assert (state[talks].needs_rereview, state[talks].retracted, state[talks].status) == (True, True, "unreviewed")


def test_reextraction_flags_a_reviewed_event_instead_of_retracting_it() -> None:
    confirmed, plain = uuid.uuid4(), uuid.uuid4()
    state = reviewed_events(
        [(confirmed, TALKS), (plain, ATTACK), (uuid.uuid4(), EventConfirmed(event_id=confirmed, reviewer="ana"))]
    )
    plan = respect_reviews([confirmed, plain], [], 0, state, content_key)
    assert (plan.retract, plan.flag, plan.unchanged) == ((plain,), (confirmed,), 1)


def test_an_event_already_flagged_is_not_flagged_twice() -> None:
    confirmed = uuid.uuid4()
    state = reviewed_events(
        [
            (confirmed, TALKS),
            (uuid.uuid4(), EventConfirmed(event_id=confirmed, reviewer="ana")),
            (uuid.uuid4(), EventFlaggedForRereview(event_id=confirmed, extractor_version="3", reason="x")),
        ]
    )
    plan = respect_reviews([confirmed], [], 0, state, content_key)
    assert (plan.retract, plan.flag) == ((), ())


def test_a_rejected_event_is_not_added_again() -> None:
    rejected = uuid.uuid4()
    state = reviewed_events(
        [
            (rejected, ATTACK),
            (uuid.uuid4(), EventRejected(event_id=rejected, reviewer="ana", reason="sports")),
            (uuid.uuid4(), EventRetracted(retracted_event_id=rejected, reason="gone", extractor_version="2")),
        ]
    )
    plan = respect_reviews([], [ATTACK, TALKS], 0, state, content_key)
    assert (plan.add, plan.kept_rejected) == ((TALKS,), 1)


def test_article_corrections_apply_their_given_fields_in_order() -> None:
    article = uuid.uuid4()
    submitted = ArticleSubmitted(article_id=article, title="T", text="x", content_hash="h", published_at="2016-10")
    corrected = article_as_corrected(
        submitted,
        [
            ArticleCorrected(article_id=article, reviewer="ana", published_at="2016-10-04", language="en"),
            ArticleCorrected(article_id=article, reviewer="ben", language="de"),
        ],
    )
    assert (corrected.published_at, corrected.language, corrected.title) == ("2016-10-04", "de", "T")
