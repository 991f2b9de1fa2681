"""The resolution rule on look-alikes: what is one incident and what is two."""

from __future__ import annotations

from domain.incidents import (
    EventJoined,
    EventLeft,
    IncidentOpened,
    IncidentsMerged,
    Retraction,
    assign,
    incident_of,
    link,
)
from tests.domain.incidents.conftest import ReportFactory


def test_two_meetings_in_one_city_on_one_day_with_different_counterparts_are_two_incidents(
    report: ReportFactory,
) -> None:
    with_russia = report(
        "TalksHeld",
        article="a1",
        day="2024-03-04",
        place="Geneva",
        actors=(("USA", "participant"), ("RUS", "participant")),
    )
    with_ukraine = report(
        "TalksHeld",
        article="a2",
        day="2024-03-04",
        place="Geneva",
        actors=(("USA", "participant"), ("UKR", "participant")),
    )
    result = assign([with_russia, with_ukraine])
    assert len(result.incidents) == 2
    assert isinstance(result.decisions[1], IncidentOpened)


def test_a_meeting_reported_with_fewer_participants_joins_the_fuller_report(report: ReportFactory) -> None:
    full = report(
        "TalksHeld",
        article="a1",
        day="2024-03-04",
        place="Geneva",
        actors=(("USA", "participant"), ("RUS", "participant"), ("UN", "mediator")),
    )
    partial = report("TalksHeld", article="a2", day="2024-03-05", place="Geneva", actors=(("RUS", "participant"),))
    result = assign([full, partial])
    assert len(result.incidents) == 1
    joined = result.decisions[1]
    assert isinstance(joined, EventJoined)
    assert joined.rule == "talks.same_venue_nested_participants"
    assert "participants nested" in joined.reason


def test_sessions_of_one_round_of_talks_at_one_venue_over_two_weeks_are_one_incident(
    report: ReportFactory,
) -> None:
    opening = report(
        "TalksHeld",
        article="a1",
        day="2024-03-04",
        place="Geneva",
        actors=(("SYR", "participant"), ("UN", "mediator")),
    )
    later_session = report(
        "TalksHeld",
        article="a2",
        day="2024-03-15",
        until="2024-03-16",
        place="Geneva",
        actors=(("SYR", "participant"), ("SYR-REB", "participant")),
    )
    result = assign([opening, later_session])
    assert len(result.incidents) == 1
    assert "dates within 14 days" in result.decisions[1].reason


def test_talks_weeks_apart_in_other_cities_stay_apart(report: ReportFactory) -> None:
    geneva = report("TalksHeld", article="a1", day="2024-03-04", place="Geneva", actors=(("SYR", "participant"),))
    vienna = report("TalksHeld", article="a2", day="2024-03-12", place="Vienna", actors=(("SYR", "participant"),))
    assert len(assign([geneva, vienna]).incidents) == 2


def test_talks_at_one_venue_a_month_apart_are_two_rounds(report: ReportFactory) -> None:
    march = report("TalksHeld", article="a1", day="2024-03-04", place="Geneva", actors=(("SYR", "participant"),))
    april = report("TalksHeld", article="a2", day="2024-04-08", place="Geneva", actors=(("SYR", "participant"),))
    assert len(assign([march, april]).incidents) == 2


def test_a_truce_agreed_on_tuesday_and_in_force_on_thursday_is_one_incident(report: ReportFactory) -> None:
    agreed = report(
        "CeasefireAnnounced",
        article="a1",
        day="2024-05-07",
        place="Syria",
        actors=(("SYR", "party"), ("SYR-REB", "party")),
    )
    in_force = report("CeasefireAnnounced", article="a2", day="2024-05-09", place="Aleppo", actors=(("SYR", "party"),))
    result = assign([agreed, in_force])
    assert len(result.incidents) == 1
    joined = result.decisions[1]
    assert isinstance(joined, EventJoined) and joined.rule == "ceasefire.agreed_then_in_force"


def test_truces_between_other_parties_on_the_same_day_stay_apart(report: ReportFactory) -> None:
    one = report("CeasefireAnnounced", article="a1", day="2024-05-07", place="Syria", actors=(("SYR-KRD", "party"),))
    other = report("CeasefireAnnounced", article="a2", day="2024-05-07", place="Syria", actors=(("ISIL", "party"),))
    assert len(assign([one, other]).incidents) == 2


def test_an_offensive_reported_at_several_stages_over_weeks_at_one_city_is_one_incident(
    report: ReportFactory,
) -> None:
    stages = [
        report(
            "OffensiveLaunched",
            article=f"a{n}",
            day=day,
            place="Aleppo",
            actors=(("SYR", "attacker"), ("SYR-REB", "target")),
        )
        for n, day in enumerate(["2024-02-01", "2024-02-12", "2024-02-26", "2024-03-10"])
    ]
    result = assign(stages)
    assert len(result.incidents) == 1
    assert result.incidents[0].sources.articles == 4


def test_strikes_weeks_apart_without_a_common_town_stay_apart(report: ReportFactory) -> None:
    first = report("OffensiveLaunched", article="a1", day="2024-02-01", actors=(("SYR", "attacker"),))
    later = report("OffensiveLaunched", article="a2", day="2024-02-20", actors=(("SYR", "attacker"),))
    assert len(assign([first, later]).incidents) == 2


def test_a_town_report_inside_a_country_level_report_is_one_incident(report: ReportFactory) -> None:
    country = report("OffensiveLaunched", article="a1", day="2024-02-01", place="Syria", actors=(("ISIL", "attacker"),))
    town = report(
        "OffensiveLaunched",
        article="a2",
        day="2024-02-02",
        place="Homs",
        actors=(("ISIL", "attacker"), ("SYR", "target")),
    )
    result = assign([country, town])
    assert len(result.incidents) == 1
    assert "Homs inside Syria" in result.decisions[1].reason
    assert result.incidents[0].place is not None and result.incidents[0].place.name == "Homs"


def test_a_town_in_its_province_is_one_incident(report: ReportFactory) -> None:
    province = report(
        "OffensiveLaunched", article="a1", day="2024-02-01", place="Idlib Province", actors=(("SYR", "attacker"),)
    )
    town = report(
        "OffensiveLaunched", article="a2", day="2024-02-01", place="Khan Shaykhun", actors=(("SYR", "attacker"),)
    )
    result = assign([province, town])
    assert len(result.incidents) == 1
    assert "Khan Shaykhun inside Idlib Province" in result.decisions[1].reason


def test_a_city_far_from_a_province_is_not_inside_it(report: ReportFactory) -> None:
    province = report(
        "OffensiveLaunched", article="a1", day="2024-02-01", place="Idlib Province", actors=(("SYR", "attacker"),)
    )
    capital = report(
        "OffensiveLaunched", article="a2", day="2024-02-01", place="Damascus", actors=(("SYR", "attacker"),)
    )
    assert len(assign([province, capital]).incidents) == 2


def test_an_attack_and_the_counter_attack_are_two_incidents(report: ReportFactory) -> None:
    attack = report(
        "OffensiveLaunched",
        article="a1",
        day="2024-02-01",
        place="Aleppo",
        actors=(("SYR-REB", "attacker"), ("SYR", "target")),
    )
    counter = report(
        "OffensiveLaunched",
        article="a2",
        day="2024-02-01",
        place="Aleppo",
        actors=(("SYR", "attacker"), ("SYR-REB", "target")),
    )
    assert len(assign([attack, counter]).incidents) == 2


def test_vetoes_need_the_same_blocker(report: ReportFactory) -> None:
    veto = report(
        "ResolutionBlocked",
        article="a1",
        day="2024-06-03",
        place="New York",
        actors=(("RUS", "blocked_by"), ("UNSC", "party")),
    )
    same = report(
        "ResolutionBlocked", article="a2", day="2024-06-04", place="New York", actors=(("RUS", "blocked_by"),)
    )
    other = report(
        "ResolutionBlocked", article="a3", day="2024-06-04", place="New York", actors=(("USA", "blocked_by"),)
    )
    result = assign([veto, same, other])
    assert len(result.incidents) == 2
    joined = result.decisions[1]
    assert isinstance(joined, EventJoined) and joined.rule == "resolution.same_body_same_blocker"


def test_two_events_of_one_article_are_never_one_incident(report: ReportFactory) -> None:
    first = report("OffensiveLaunched", article="a1", day="2024-02-01", place="Aleppo", actors=(("SYR", "attacker"),))
    second = report("OffensiveLaunched", article="a1", day="2024-02-01", place="Aleppo", actors=(("SYR", "attacker"),))
    assert len(assign([first, second]).incidents) == 2


def test_a_report_compatible_with_two_incidents_merges_them_into_the_older(report: ReportFactory) -> None:
    country = report("CeasefireAnnounced", article="a1", day="2024-05-01", place="Syria", actors=(("SYR", "party"),))
    town = report("CeasefireAnnounced", article="a2", day="2024-05-10", place="Homs", actors=(("SYR", "party"),))
    bridge = report("CeasefireAnnounced", article="a3", day="2024-05-05", place="Homs", actors=(("SYR", "party"),))
    result = assign([country, town, bridge])
    opened, other, merged = result.decisions
    assert isinstance(opened, IncidentOpened) and isinstance(other, IncidentOpened)
    assert isinstance(merged, IncidentsMerged)
    assert merged.into == opened.incident_id
    assert merged.merged == (other.incident_id,)
    assert len(result.incidents) == 1 and len(result.incidents[0].members) == 3


def test_the_same_reports_in_the_same_order_give_identical_incidents_and_ids(report: ReportFactory) -> None:
    log = [
        report(
            "OffensiveLaunched",
            article="a1",
            day="2024-02-01",
            place="Aleppo",
            actors=(("SYR", "attacker"),),
            event="e1",
        ),
        report("OffensiveLaunched", article="a2", day="2024-02-02", place="Aleppo", killed=12, event="e2"),
        report(
            "TalksHeld", article="a3", day="2024-02-02", place="Geneva", actors=(("USA", "participant"),), event="e3"
        ),
    ]
    first, again = assign(log), assign(list(log))
    assert first == again
    assert [i.id for i in first.incidents] == [i.id for i in again.incidents]


def test_the_incident_id_comes_from_its_first_event_so_a_rebuild_keeps_it(report: ReportFactory) -> None:
    opener = report("OffensiveLaunched", article="a1", day="2024-02-01", place="Aleppo", event="opener")
    decision = link([], opener)
    assert isinstance(decision, IncidentOpened)
    assert assign([opener]).incidents[0].id == decision.incident_id


def test_a_retracted_event_leaves_with_a_decision_and_moves_nowhere(report: ReportFactory) -> None:
    a = report("OffensiveLaunched", article="a1", day="2024-02-01", place="Aleppo", event="a")
    b = report("OffensiveLaunched", article="a2", day="2024-02-02", place="Aleppo", event="b")
    c = report("OffensiveLaunched", article="a3", day="2024-02-02", place="Aleppo", event="c")
    result = assign([a, b, c, Retraction(event_id=b.event_id, position=99, reason="re-extraction rules-2.1.0")])
    left = result.decisions[-1]
    assert isinstance(left, EventLeft)
    assert left.event_id == b.event_id and left.reason == "re-extraction rules-2.1.0" and not left.incident_closed
    assert incident_of(result.incidents, b.event_id) is None
    assert result.incidents[0].event_ids == (a.event_id, c.event_id)


def test_a_re_extracted_event_joins_anew_with_its_own_decision(report: ReportFactory) -> None:
    a = report("OffensiveLaunched", article="a1", day="2024-02-01", place="Aleppo", event="a")
    old = report("OffensiveLaunched", article="a2", day="2024-02-02", place="Aleppo", event="old")
    fresh = report("OffensiveLaunched", article="a2", day="2024-02-02", place="Aleppo", event="fresh")
    result = assign([a, old, Retraction(event_id=old.event_id, position=50, reason="re-extraction"), fresh])
    assert [type(d).__name__ for d in result.decisions] == ["IncidentOpened", "EventJoined", "EventLeft", "EventJoined"]
    rejoined = result.decisions[-1]
    assert isinstance(rejoined, EventJoined) and rejoined.event_id == fresh.event_id
    assert rejoined.matched_event_id == a.event_id


def test_an_event_seen_twice_is_linked_once(report: ReportFactory) -> None:
    a = report("OffensiveLaunched", article="a1", day="2024-02-01", place="Aleppo", event="a")
    assert len(assign([a, a]).decisions) == 1


def test_the_last_member_leaving_closes_the_incident(report: ReportFactory) -> None:
    a = report("TalksHeld", article="a1", day="2024-02-01", place="Geneva", event="a")
    result = assign([a, Retraction(event_id=a.event_id, position=2, reason="review")])
    assert result.incidents == ()
    left = result.decisions[-1]
    assert isinstance(left, EventLeft) and left.incident_closed
