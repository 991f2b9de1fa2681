"""The resolution rule on look-alikes: what is one incident and what is two."""

from __future__ import annotations

from domain.incidents import (
    EventJoined,
    EventLeft,
    IncidentOpened,
    IncidentsMerged,
    Report,
    Retraction,
    assign,
    compatible,
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


def test_a_campaign_by_the_same_attackers_at_one_town_over_months_is_one_incident(report: ReportFactory) -> None:
    stages = [
        report("OffensiveLaunched", article=f"a{n}", day=day, place="Aleppo", actors=(("SYR", "attacker"),))
        for n, day in enumerate(["2024-02-01", "2024-04-15", "2024-07-01"])
    ]
    result = assign(stages)
    assert len(result.incidents) == 1
    assert "one campaign at one town by {SYR}" in result.decisions[2].reason


def _offensive(report: ReportFactory, article: str, day: str, place: str = "Aleppo") -> Report:
    return report(
        "OffensiveLaunched", article=article, day=day, place=place, actors=(("SYR", "attacker"), ("SYR-REB", "target"))
    )


def test_a_truce_that_held_ends_the_campaign(report: ReportFactory) -> None:
    before = _offensive(report, "a1", "2024-02-01")
    truce = report("CeasefireAnnounced", article="a2", day="2024-02-27", place="Syria", actors=(("SYR", "party"),))
    resumed = _offensive(report, "a3", "2024-05-10")
    result = assign([before, truce, resumed])
    assert len([i for i in result.incidents if i.type == "OffensiveLaunched"]) == 2
    assert isinstance(result.decisions[2], IncidentOpened)
    assert "a truce held between them" in compatible(resumed, before, truces=[truce]).why


def test_a_truce_broken_within_days_leaves_the_campaign_one_incident(report: ReportFactory) -> None:
    before = _offensive(report, "a1", "2024-02-01")
    truce = report("CeasefireAnnounced", article="a2", day="2024-02-27", place="Aleppo", actors=(("SYR", "party"),))
    broken = _offensive(report, "a3", "2024-03-05")
    result = assign([before, truce, broken])
    assert len([i for i in result.incidents if i.type == "OffensiveLaunched"]) == 1
    assert "no truce held between" in result.decisions[2].reason


def test_a_truce_between_other_parties_does_not_end_the_campaign(report: ReportFactory) -> None:
    before = _offensive(report, "a1", "2024-02-01")
    elsewhere = report(
        "CeasefireAnnounced",
        article="a2",
        day="2024-02-27",
        place="Syria",
        actors=(("SYR-KRD", "party"), ("ISIL", "party")),
    )
    resumed = _offensive(report, "a3", "2024-05-10")
    result = assign([before, elsewhere, resumed])
    assert len([i for i in result.incidents if i.type == "OffensiveLaunched"]) == 1


def test_a_truce_reported_after_both_offensives_moves_neither_and_a_replay_agrees(report: ReportFactory) -> None:
    log = [
        _offensive(report, "a1", "2024-02-01"),
        _offensive(report, "a2", "2024-05-10"),
        report("CeasefireAnnounced", article="a3", day="2024-02-27", place="Syria", actors=(("SYR", "party"),)),
    ]
    result = assign(log)
    assert len([i for i in result.incidents if i.type == "OffensiveLaunched"]) == 1
    assert assign(list(log)) == result


def test_beyond_a_week_a_campaign_needs_a_common_attacker(report: ReportFactory) -> None:
    named = report("OffensiveLaunched", article="a1", day="2024-02-01", place="Aleppo", actors=(("SYR", "attacker"),))
    unnamed = report("OffensiveLaunched", article="a2", day="2024-02-20", place="Aleppo")
    result = assign([named, unnamed])
    assert len(result.incidents) == 2
    assert "a campaign needs a common attacker" in compatible(unnamed, named).why


def test_a_town_within_ten_km_is_the_same_place_for_a_campaign(report: ReportFactory) -> None:
    centre = _offensive(report, "a1", "2024-02-01", place="Aleppo")
    airport = _offensive(report, "a2", "2024-03-20", place="Aleppo Airport")
    assert len(assign([centre, airport]).incidents) == 1


def test_neighbouring_towns_are_two_places_for_a_campaign(report: ReportFactory) -> None:
    soledar = report(
        "OffensiveLaunched", article="a1", day="2023-01-05", place="Soledar", actors=(("RUS", "attacker"),)
    )
    bakhmut = report(
        "OffensiveLaunched", article="a2", day="2023-02-10", place="Bakhmut", actors=(("RUS", "attacker"),)
    )
    assert len(assign([soledar, bakhmut]).incidents) == 2


def test_a_country_is_never_one_place_for_a_campaign(report: ReportFactory) -> None:
    country = report("OffensiveLaunched", article="a1", day="2024-02-01", place="Syria", actors=(("SYR", "attacker"),))
    town = report("OffensiveLaunched", article="a2", day="2024-03-15", place="Homs", actors=(("SYR", "attacker"),))
    assert len(assign([country, town]).incidents) == 2


def test_a_meeting_reported_with_a_long_range_counts_as_its_last_days(report: ReportFactory) -> None:
    long_ranged = report(
        "TalksHeld",
        article="a1",
        day="2021-11-11",
        until="2023-02-08",
        place="Paris",
        actors=(("UKR", "participant"), ("FRA", "participant"), ("DEU", "participant")),
    )
    inside_it = report(
        "TalksHeld", article="a2", day="2022-03-16", actors=(("UKR", "participant"), ("FRA", "participant"))
    )
    same_evening = report("TalksHeld", article="a3", day="2023-02-08", place="Paris", actors=(("UKR", "participant"),))
    result = assign([long_ranged, inside_it, same_evening])
    assert len(result.incidents) == 2
    assert incident_of(result.incidents, same_evening.event_id) == incident_of(result.incidents, long_ranged.event_id)


def test_long_ranged_offensives_at_neighbouring_towns_do_not_swallow_each_other(report: ReportFactory) -> None:
    lysychansk = report(
        "OffensiveLaunched",
        article="a1",
        day="2022-07-01",
        until="2023-01-13",
        place="Lysychansk",
        actors=(("RUS", "attacker"),),
    )
    bakhmut = report(
        "OffensiveLaunched",
        article="a2",
        day="2022-08-11",
        until="2023-02-07",
        place="Bakhmut",
        actors=(("RUS", "attacker"),),
    )
    assert len(assign([lysychansk, bakhmut]).incidents) == 2


def test_a_report_naming_both_sides_as_attackers_joins_the_attack(report: ReportFactory) -> None:
    attack = _offensive(report, "a1", "2024-02-01")
    fused = report(
        "OffensiveLaunched",
        article="a2",
        day="2024-02-02",
        place="Aleppo",
        actors=(("SYR", "attacker"), ("SYR-REB", "attacker")),
    )
    assert len(assign([attack, fused]).incidents) == 1


def test_the_same_attackers_hitting_another_target_are_one_incident(report: ReportFactory) -> None:
    rebels = _offensive(report, "a1", "2024-02-01")
    hospital = report(
        "OffensiveLaunched",
        article="a2",
        day="2024-02-01",
        place="Aleppo",
        actors=(("SYR", "attacker"), ("MSF", "target")),
    )
    assert len(assign([rebels, hospital]).incidents) == 1
