"""What the SQL writer reads from the pure half: the candidate window covers every way to link."""

from __future__ import annotations

import pytest

from domain.incidents import RULES
from domain.incidents.projection import window_days


@pytest.mark.parametrize("type_", sorted(RULES))
def test_the_candidate_window_covers_the_slack_the_same_place_slack_and_a_campaign(type_: str) -> None:
    rule = RULES[type_]
    assert window_days(type_) >= max(rule.date_slack_days, rule.same_place_slack_days, rule.campaign_days)


def test_an_offensive_looks_a_campaign_back_for_candidates() -> None:
    assert window_days("OffensiveLaunched") == RULES["OffensiveLaunched"].campaign_days == 365
